/**
 * The private-file route on its own node:http server on 127.0.0.1: a signed link gets the file
 * with headers that keep it private; anything else gets a refusal that says why and what to do,
 * and a request for another path is left to the rest of the server.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectoryStore } from '../../../bot/private-files/directory-store.ts';
import { privateFileHandler } from '../../../bot/private-files/http-handler.ts';
import { LinkSigner } from '../../../bot/private-files/links.ts';
import { sha256Hex } from '../../../bot/private-files/store.ts';
import { tempDir } from '../support/harness.ts';
import { distinctJpeg, distinctPdf, serve } from './support.ts';

const store = new DirectoryStore(tempDir('honghei-private-http-'));
const logged: string[] = [];
let links: LinkSigner;
const server = await serve((req, res) =>
  privateFileHandler({ store, links, log: (m) => logged.push(m) })(req, res),
);
links = new LinkSigner({
  secret: 'http-test-secret-0123456789abcdef0123',
  baseUrl: server.url,
  ttlMs: 3600_000,
});
afterAll(async () => {
  await server.close();
  await store.close();
});

describe('the private-file route', () => {
  it('serves a file to a valid link, privately', async () => {
    const pdf = distinctPdf();
    const sha256 = (
      await store.put(pdf, { name: 'case-1-repair-1.pdf', type: 'application/pdf', kind: 'pledge' })
    ).sha256;
    const r = await fetch(links.url({ sha256, name: 'case-1-repair-1.pdf' }));
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer())).toEqual(pdf);
    expect(
      Object.fromEntries(
        [
          'content-type',
          'content-disposition',
          'cache-control',
          'x-content-type-options',
          'referrer-policy',
          'x-robots-tag',
        ].map((h) => [h, r.headers.get(h)]),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': 'attachment; filename="case-1-repair-1.pdf"',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
    const head = await fetch(links.url({ sha256, name: 'case-1-repair-1.pdf' }), {
      method: 'HEAD',
    });
    expect([head.status, head.headers.get('content-length')]).toEqual([
      200,
      String(pdf.byteLength),
    ]);
  });

  it('refuses what is not a valid link, saying why, and never logs the signature', async () => {
    const jpeg = distinctJpeg();
    const sha256 = (
      await store.put(jpeg, {
        name: 'case-2-objection-1.jpg',
        type: 'image/jpeg',
        kind: 'evidence',
      })
    ).sha256;
    const valid = links.url({ sha256, name: 'case-2-objection-1.jpg' });
    const answer = async (url: string, init?: RequestInit) => {
      const r = await fetch(url, init);
      return `${r.status} ${(await r.text()).split('\n')[0]}`;
    };
    expect(
      await answer(links.url({ sha256, name: 'case-2-objection-1.jpg' }, Date.now() - 1000)),
    ).toMatch(/^410 链接已过期/);
    expect(
      await answer(valid.replace(/sig=./, (s) => (s.endsWith('A') ? 'sig=B' : 'sig=A'))),
    ).toMatch(/^403 链接无效：链接被改动过/);
    expect(await answer(valid.replace(/&sig=.*$/, ''))).toMatch(/^400 链接不完整或格式不对/);
    expect(await answer(valid.replace('/private-files/', '/private-files/x'))).toMatch(
      /^400 链接不完整/,
    );
    expect(await answer(valid, { method: 'POST' })).toMatch(/^405 只支持 GET/);
    // Signed by someone with another secret: refused like an altered link.
    const other = new LinkSigner({
      secret: 'another-secret-altogether-0123456789abc',
      baseUrl: server.url,
      ttlMs: 3600_000,
    });
    expect(await answer(other.url({ sha256, name: 'case-2-objection-1.jpg' }))).toMatch(
      /^403 链接无效/,
    );
    // A valid link to a file the store does not have.
    expect(
      await answer(links.url({ sha256: sha256Hex(Buffer.from('not stored')), name: 'gone-1.pdf' })),
    ).toMatch(/^404 不公开存储中没有这个文件/);
    // Another path is not this route's: the server's own 404.
    expect(await answer(`${server.url}/health`)).toBe('404 not found');
    expect(logged.join('\n')).not.toMatch(/sig=/);
    expect(logged.some((l) => l.includes('refused (altered)'))).toBe(true);
  });

  it('refuses a stored file whose bytes no longer match their SHA-256', async () => {
    const jpeg = distinctJpeg();
    const sha256 = (
      await store.put(jpeg, {
        name: 'case-3-objection-1.jpg',
        type: 'image/jpeg',
        kind: 'evidence',
      })
    ).sha256;
    writeFileSync(
      store.pathOf(sha256),
      Buffer.concat([jpeg.subarray(0, 100), Buffer.from('tampered')]),
    );
    const r = await fetch(links.url({ sha256, name: 'case-3-objection-1.jpg' }));
    expect([r.status, (await r.text()).split('\n')[0]]).toEqual([
      500,
      expect.stringMatching(/^文件已损坏（内容与 SHA-256 不符）/),
    ]);
  });
});
