/**
 * The chat page's files, read once at start: the HTML, its script and style, and the site's own
 * global.css (its colour and type tokens), served under /chat/ with a strict Content Security
 * Policy (no inline script, nothing from elsewhere).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';

const here = (name: string) => new URL(`./page/${name}`, import.meta.url);

/** The page's files by path, with their types. */
export function pageFiles(): Map<string, { type: string; body: Buffer }> {
  return new Map([
    ['/chat/', { type: 'text/html; charset=utf-8', body: readFileSync(here('index.html')) }],
    [
      '/chat/chat.js',
      { type: 'text/javascript; charset=utf-8', body: readFileSync(here('chat.js')) },
    ],
    ['/chat/chat.css', { type: 'text/css; charset=utf-8', body: readFileSync(here('chat.css')) }],
    [
      '/chat/global.css',
      {
        type: 'text/css; charset=utf-8',
        body: readFileSync(new URL('../../site/styles/global.css', import.meta.url)),
      },
    ],
  ]);
}

const HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

/** Serves the page; false for a path that is not one of its files. */
export function pageRoute() {
  const files = pageFiles();
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === '/chat') {
      res.writeHead(308, { location: `/chat/${req.url!.slice(5)}` }).end();
      return true;
    }
    const file = files.get(path === '/chat/index.html' ? '/chat/' : path);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    res.writeHead(200, {
      ...HEADERS,
      'content-type': file.type,
      'content-length': file.body.byteLength,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return true;
  };
}
