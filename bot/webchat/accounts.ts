/**
 * Who is who in the web chat, with no passwords: a browser session (a random token in an
 * HttpOnly cookie, stored as its SHA-256) is an anonymous web chat until it redeems a one-time
 * invitation an administrator issued for a submitting unit (`npm run users -- invite`); it then
 * belongs to a web account of that unit, which an administrator can revoke. Invitations, like
 * session tokens, are stored only hashed and expire.
 */
import { createHash, randomBytes } from 'node:crypto';
import { newWebChatId } from './ids.ts';
import type { WebStore } from '../storage/web-store.ts';

/** A browser session. */
export interface WebSession {
  chatId: number;
  /** The token the page must echo in X-CSRF-Token on every state-changing request. */
  csrf: string;
  accountId?: string;
  lang: 'zh-CN' | 'en';
  createdAt: string;
}

/** A web account: a person invited to submit for a unit. */
export interface WebAccount {
  id: string;
  unit: string;
  note?: string;
  createdAt: string;
  revokedAt?: string;
}

interface Invitation {
  unit: string;
  note?: string;
  createdAt: string;
}

/** Sessions last 30 days after their last use; accounts are kept ten years (for the audit). */
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const ACCOUNT_TTL_MS = 10 * 365 * 24 * 3600_000;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const token = () => randomBytes(32).toString('base64url');

/** Sessions, invitations and accounts in the web store. */
export class WebAccounts {
  private readonly store: WebStore;
  constructor(store: WebStore) {
    this.store = store;
  }

  /** The session of a cookie token, renewed; undefined when unknown or expired. */
  async session(cookie: string | undefined): Promise<WebSession | undefined> {
    if (!cookie || cookie.length > 100) return undefined;
    const s = await this.store.get<WebSession>(`session:${sha256(cookie)}`);
    if (s) await this.store.set(`session:${sha256(cookie)}`, s, SESSION_TTL_MS);
    return s;
  }

  /** A new anonymous session; returns its cookie token. */
  async openSession(
    lang: WebSession['lang'] = 'zh-CN',
  ): Promise<{ cookie: string; session: WebSession }> {
    const cookie = token();
    const session: WebSession = {
      chatId: newWebChatId(),
      csrf: token(),
      lang,
      createdAt: new Date().toISOString(),
    };
    await this.store.set(`session:${sha256(cookie)}`, session, SESSION_TTL_MS);
    return { cookie, session };
  }

  /** Sets the language the bot speaks to a session (zh-CN or en). */
  async setLang(cookie: string, lang: WebSession['lang']): Promise<WebSession | undefined> {
    const key = `session:${sha256(cookie)}`;
    const session = await this.store.get<WebSession>(key);
    if (!session) return undefined;
    const changed = { ...session, lang };
    await this.store.set(key, changed, SESSION_TTL_MS);
    return changed;
  }

  /** Issues an invitation for a unit; returns the one-time token (only its hash is stored). */
  async invite(unit: string, ttlMs: number, note?: string): Promise<string> {
    const secret = token();
    const invitation: Invitation = {
      unit,
      createdAt: new Date().toISOString(),
      ...(note ? { note } : {}),
    };
    await this.store.set(`invite:${sha256(secret)}`, invitation, ttlMs);
    return secret;
  }

  /**
   * Redeems an invitation into the session behind `cookie`: a new account of the invitation's
   * unit. Returns the account, or undefined when the invitation is unknown, used or expired.
   */
  async redeem(cookie: string, secret: string): Promise<WebAccount | undefined> {
    if (secret.length > 100) return undefined;
    const key = `invite:${sha256(secret)}`;
    const session = await this.store.get<WebSession>(`session:${sha256(cookie)}`);
    if (!session) return undefined;
    const invitation = await this.store.take<Invitation>(key);
    if (!invitation) return undefined;
    const account: WebAccount = {
      id: randomBytes(6).toString('hex'),
      unit: invitation.unit,
      ...(invitation.note ? { note: invitation.note } : {}),
      createdAt: new Date().toISOString(),
    };
    await this.store.set(`account:${account.id}`, account, ACCOUNT_TTL_MS);
    await this.store.push('accounts', account.id, ACCOUNT_TTL_MS);
    await this.store.set(
      `session:${sha256(cookie)}`,
      { ...session, accountId: account.id },
      SESSION_TTL_MS,
    );
    return account;
  }

  /** The session's account while it is not revoked. */
  async accountOf(session: WebSession): Promise<WebAccount | undefined> {
    if (!session.accountId) return undefined;
    const account = await this.store.get<WebAccount>(`account:${session.accountId}`);
    return account && !account.revokedAt ? account : undefined;
  }

  /** Every account, oldest first. */
  async list(): Promise<WebAccount[]> {
    const ids = [...new Set(await this.store.range<string>('accounts', 0))];
    const all = await Promise.all(ids.map((id) => this.store.get<WebAccount>(`account:${id}`)));
    return all.filter((a): a is WebAccount => a !== undefined);
  }

  /** Revokes an account; false when there is no such account. */
  async revoke(id: string): Promise<boolean> {
    const account = await this.store.get<WebAccount>(`account:${id}`);
    if (!account) return false;
    await this.store.set(
      `account:${id}`,
      { ...account, revokedAt: new Date().toISOString() },
      ACCOUNT_TTL_MS,
    );
    return true;
  }
}
