/**
 * Signed, expiring links to private files for reviewers: the bot's HTTP server serves
 * /private-files/<sha256>/<name>?exp=<unix seconds>&sig=<HMAC-SHA256>. The MAC covers the file,
 * its name and the expiry, with a secret only the bot (and the review CLI) know; it is compared in
 * constant time, before the expiry, so an altered link is refused as altered (403) and an
 * untouched old one as expired (410).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PRIVATE_NAME_PATTERN } from '../../content/schema/index.ts';
import { SHA256_HEX } from './store.ts';

/** Where the private files are served on the bot's HTTP server. */
export const PRIVATE_FILES_PATH = '/private-files/';

/** The shortest secret accepted: 32 characters (e.g. openssl rand -hex 32 gives 64). */
export const MIN_SECRET_LENGTH = 32;

/** Options of the link signer. */
export interface LinkOptions {
  secret: string;
  /** The bot's address as reviewers reach it, e.g. https://bot.example.org. */
  baseUrl: string;
  /** How long a link stays valid. */
  ttlMs: number;
  now?: () => number;
}

/** What checking a link found. */
export type LinkCheck =
  | { ok: true; sha256: string; name: string; expiresAt: number }
  | { ok: false; status: 400 | 403 | 410; reason: 'malformed' | 'altered' | 'expired' };

/** Signs and checks links. */
export class LinkSigner {
  readonly baseUrl: string;
  readonly ttlMs: number;
  private readonly secret: string;
  private readonly now: () => number;

  constructor(options: LinkOptions) {
    if (options.secret.length < MIN_SECRET_LENGTH)
      throw new Error(
        `the link secret has ${options.secret.length} characters; it needs at least ${MIN_SECRET_LENGTH}`,
      );
    this.secret = options.secret;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
  }

  private mac(sha256: string, name: string, exp: number): Buffer {
    return createHmac('sha256', this.secret)
      .update(`honghei-private-file\n${sha256}\n${name}\n${exp}`)
      .digest();
  }

  /** A link to a file, valid until expiresAt (ms; default now + ttl). */
  url(file: { sha256: string; name: string }, expiresAt = this.now() + this.ttlMs): string {
    const exp = Math.floor(expiresAt / 1000);
    const sig = this.mac(file.sha256, file.name, exp).toString('base64url');
    return `${this.baseUrl}${PRIVATE_FILES_PATH}${file.sha256}/${encodeURIComponent(file.name)}?exp=${exp}&sig=${sig}`;
  }

  /** When a link made now would expire (ms). */
  expiry(): number {
    return this.now() + this.ttlMs;
  }

  /** Checks a request path with its query (e.g. req.url). */
  check(pathAndQuery: string): LinkCheck {
    const url = new URL(pathAndQuery, 'http://link.invalid');
    const match = /^\/private-files\/([0-9a-f]{64})\/([^/]+)$/.exec(url.pathname);
    const exp = Number(url.searchParams.get('exp'));
    const sig = url.searchParams.get('sig') ?? '';
    let name = '';
    try {
      name = match ? decodeURIComponent(match[2]!) : '';
    } catch {
      return { ok: false, status: 400, reason: 'malformed' };
    }
    if (
      !match ||
      !SHA256_HEX.test(match[1]!) ||
      !PRIVATE_NAME_PATTERN.test(name) ||
      !Number.isSafeInteger(exp) ||
      !/^[\w-]{43}$/.test(sig)
    ) {
      return { ok: false, status: 400, reason: 'malformed' };
    }
    const given = Buffer.from(sig, 'base64url');
    const expected = this.mac(match[1]!, name, exp);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, status: 403, reason: 'altered' };
    if (exp * 1000 <= this.now()) return { ok: false, status: 410, reason: 'expired' };
    return { ok: true, sha256: match[1]!, name, expiresAt: exp * 1000 };
  }
}
