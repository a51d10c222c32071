/**
 * Reading and answering the web chat's HTTP requests: cookies, the caller's address and scheme
 * (behind a proxy only when BOT_WEB_TRUST_PROXY says so), bodies with a size cap, JSON answers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The cookie that carries the session token. */
export const COOKIE = 'hh_chat';

/** A request's cookies. */
export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** True when the browser reached us over https (directly, or through a trusted proxy). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return trustProxy && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0] === 'https';
}

/** The caller's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')[0]
    ?.trim();
  return (trustProxy && forwarded) || req.socket.remoteAddress || 'unknown';
}

/** The session cookie: HttpOnly, SameSite=Strict, Path=/chat, Secure over https. */
export function sessionCookie(token: string, secure: boolean, maxAgeMs: number): string {
  return `${COOKIE}=${token}; Path=/chat; HttpOnly; SameSite=Strict; Max-Age=${Math.floor(maxAgeMs / 1000)}${secure ? '; Secure' : ''}`;
}

/** Thrown for a request the web chat refuses; the message is shown to the person. */
export class Refused extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Reads a body, refusing it (413) past `max` bytes. */
export async function readBody(req: IncomingMessage, max: number, tooBig: string): Promise<Buffer> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > max) {
    req.resume();
    throw new Refused(413, tooBig);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) throw new Refused(413, tooBig);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Answers JSON. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    })
    .end(JSON.stringify(body));
}
