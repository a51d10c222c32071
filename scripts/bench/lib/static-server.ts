/**
 * A small static file server for a built site, on 127.0.0.1 and a free port. It behaves like the
 * static hosts the site is meant for (directory URLs, 404.html, gzip for text when the client
 * accepts it) and records every response, so the search benchmark can count bytes on the wire,
 * including the fetches of Pagefind's Web Worker that the page itself cannot see.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * What static hosts (GitHub Pages, nginx with gzip on, Netlify) compress, by file extension.
 * Pagefind's index, fragment and filter files are already gzipped, so they are sent as they are.
 */
export const COMPRESSIBLE = new Set([
  '.html',
  '.csv',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.wasm',
  '.webmanifest',
]);

/** One response the server sent. */
export interface ServedRequest {
  path: string;
  status: number;
  /** Size of the file (or page) before any content encoding. */
  bytes: number;
  /** Bytes of the body actually sent. */
  wireBytes: number;
  gzip: boolean;
}

export interface StaticServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Every response since start (or since the last `reset()`). */
  log: ServedRequest[];
  /** Clears the log. */
  reset(): void;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Compress text types when the client accepts gzip (default true, as static hosts do). */
  gzip?: boolean;
  /** Extra in-memory pages, by URL path (e.g. a blank page for the search benchmark). */
  pages?: Record<string, { type: string; body: string }>;
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function startStaticServer(
  root: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const gzip = options.gzip ?? true;
  const pages = options.pages ?? {};
  const compressed = new Map<string, Buffer>();
  const log: ServedRequest[] = [];

  async function respond(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const acceptsGzip = gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const send = (status: number, type: string, body: Buffer, ext: string) => {
      const zip = acceptsGzip && COMPRESSIBLE.has(ext);
      let payload = body;
      if (zip) {
        const key = `${status}:${path}`;
        payload = compressed.get(key) ?? gzipSync(body);
        compressed.set(key, payload);
      }
      res.writeHead(status, {
        'content-type': type,
        'content-length': payload.length,
        'cache-control': 'no-cache',
        ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : payload);
      log.push({
        path,
        status,
        bytes: body.length,
        wireBytes: req.method === 'HEAD' ? 0 : payload.length,
        gzip: zip,
      });
    };

    const page = pages[path];
    if (page) return send(200, page.type, Buffer.from(page.body), extname(path) || '.html');

    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep))
      return send(403, TYPES['.txt']!, Buffer.from('forbidden'), '.txt');
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      // Directory URLs without the trailing slash redirect, as GitHub Pages does.
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        res.end();
        log.push({ path, status: 301, bytes: 0, wireBytes: 0, gzip: false });
        return;
      }
      return serveFile(join(file, 'index.html'));
    }
    return serveFile(file);

    async function serveFile(name: string) {
      const body = await readFile(name).catch(() => undefined);
      if (body)
        return send(200, TYPES[extname(name)] ?? 'application/octet-stream', body, extname(name));
      const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
      return send(404, TYPES['.html']!, notFound, '.html');
    }
  }

  const server = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    reset: () => void log.splice(0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
