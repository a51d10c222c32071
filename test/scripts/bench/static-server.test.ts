import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { get, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../scripts/bench/lib/static-server.ts';

let dir: string;
let server: StaticServer;
const page = '<!doctype html><html lang="zh-CN"><title>红黑</title>' + '守信红榜'.repeat(200);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'honghei-static-'));
  mkdirSync(join(dir, 'records/a-1'), { recursive: true });
  writeFileSync(join(dir, 'records/a-1/index.html'), page);
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>未找到</title>');
  writeFileSync(join(dir, 'index.bin'), Buffer.alloc(1000, 7));
  server = await startStaticServer(dir, {
    pages: { '/__x.html': { type: 'text/html', body: 'x' } },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('the bench static server', () => {
  test('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('serves a directory URL from its index.html, gzipped when asked, and logs both sizes', async () => {
    server.reset();
    // node:http, not fetch: fetch would undo the gzip before the test could see the wire bytes.
    const res = await rawGet(`${server.url}/records/a-1/`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = res.body;
    expect(gunzipSync(body).toString()).toBe(page);
    expect(server.log).toEqual([
      {
        path: '/records/a-1/',
        status: 200,
        bytes: Buffer.byteLength(page),
        wireBytes: body.length,
        gzip: true,
      },
    ]);
    expect(body.length).toBeLessThan(Buffer.byteLength(page));
  });

  test('redirects a directory without its slash, as static hosts do', async () => {
    const res = await fetch(`${server.url}/records/a-1`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/records/a-1/');
  });

  test('answers a missing page with 404.html and status 404', async () => {
    const res = await fetch(`${server.url}/nothing/here/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('未找到');
  });

  test('sends binary files as they are, and refuses paths outside the root', async () => {
    server.reset();
    const res = await fetch(`${server.url}/index.bin`, { headers: { 'accept-encoding': 'gzip' } });
    expect((await res.arrayBuffer()).byteLength).toBe(1000);
    expect(server.log[0]).toMatchObject({ bytes: 1000, wireBytes: 1000, gzip: false });
    const outside = await fetch(`${server.url}/..%2f..%2fetc/passwd`);
    expect(outside.status).toBe(403);
  });

  test('serves in-memory bench pages', async () => {
    expect(await (await fetch(`${server.url}/__x.html`)).text()).toBe('x');
  });
});
