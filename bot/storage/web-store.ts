/**
 * The web chat's own state, in the bot's storage (so a browser may reach any instance): values
 * with an expiry (sessions, invitations, accounts, uploaded files), append-only lists (each chat's
 * transcript, which is also its inbox of notices) and counters (rate limits). Three stores with
 * one interface: memory (tests, console), node:sqlite (one machine), Redis (several instances).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Redis } from 'ioredis';

/** What the web chat stores. Values are JSON; ttlMs renews the entry's expiry. */
export interface WebStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** Reads and deletes a value at once (a one-time invitation redeemed on two instances: one wins). */
  take<T>(key: string): Promise<T | undefined>;
  /** Appends to a list and returns its new length (the item's 1-based position). */
  push(key: string, value: unknown, ttlMs: number): Promise<number>;
  /** The items of a list from a 0-based position on. */
  range<T>(key: string, from: number): Promise<T[]>;
  /** The length of a list (0 when there is none). */
  length(key: string): Promise<number>;
  /** Adds one to a counter that expires ttlMs after its first count; returns the new count. */
  count(key: string, ttlMs: number): Promise<number>;
}

/** In memory, for tests and console mode. */
export class MemoryWebStore implements WebStore {
  private readonly values = new Map<string, { v: string; until: number }>();
  private readonly lists = new Map<string, { items: string[]; until: number }>();
  private alive<E extends { until: number }>(map: Map<string, E>, key: string): E | undefined {
    const e = map.get(key);
    if (e && e.until < Date.now()) map.delete(key);
    return e && e.until >= Date.now() ? e : undefined;
  }
  async get<T>(key: string) {
    const e = this.alive(this.values, key);
    return e ? (JSON.parse(e.v) as T) : undefined;
  }
  async set(key: string, value: unknown, ttlMs: number) {
    this.values.set(key, { v: JSON.stringify(value), until: Date.now() + ttlMs });
  }
  async delete(key: string) {
    this.values.delete(key);
    this.lists.delete(key);
  }
  async take<T>(key: string) {
    const value = await this.get<T>(key);
    this.values.delete(key);
    return value;
  }
  async push(key: string, value: unknown, ttlMs: number) {
    const list = this.alive(this.lists, key) ?? { items: [], until: 0 };
    list.items.push(JSON.stringify(value));
    list.until = Date.now() + ttlMs;
    this.lists.set(key, list);
    return list.items.length;
  }
  async range<T>(key: string, from: number) {
    return (this.alive(this.lists, key)?.items.slice(from) ?? []).map((s) => JSON.parse(s) as T);
  }
  async length(key: string) {
    return this.alive(this.lists, key)?.items.length ?? 0;
  }
  async count(key: string, ttlMs: number) {
    const e = this.alive(this.values, key);
    const n = (e ? Number(e.v) : 0) + 1;
    this.values.set(key, { v: String(n), until: e?.until ?? Date.now() + ttlMs });
    return n;
  }
}

/** node:sqlite tables beside the bot's sessions and forms. */
export class SqliteWebStore implements WebStore {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS web_values (key TEXT PRIMARY KEY, value TEXT NOT NULL, until INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS web_lists (key TEXT NOT NULL, pos INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (key, pos));
      CREATE TABLE IF NOT EXISTS web_list_ttl (key TEXT PRIMARY KEY, until INTEGER NOT NULL);`);
  }
  async get<T>(key: string) {
    const row = this.db
      .prepare('SELECT value FROM web_values WHERE key = ? AND until >= ?')
      .get(key, Date.now()) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
  async set(key: string, value: unknown, ttlMs: number) {
    this.db
      .prepare(
        'INSERT INTO web_values (key, value, until) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, until = excluded.until',
      )
      .run(key, JSON.stringify(value), Date.now() + ttlMs);
  }
  async take<T>(key: string) {
    const row = this.db
      .prepare('DELETE FROM web_values WHERE key = ? RETURNING value, until')
      .get(key) as { value: string; until: number } | undefined;
    return row && row.until >= Date.now() ? (JSON.parse(row.value) as T) : undefined;
  }
  async delete(key: string) {
    this.db.prepare('DELETE FROM web_values WHERE key = ?').run(key);
    this.db.prepare('DELETE FROM web_lists WHERE key = ?').run(key);
    this.db.prepare('DELETE FROM web_list_ttl WHERE key = ?').run(key);
  }
  async push(key: string, value: unknown, ttlMs: number) {
    const ttl = this.db.prepare('SELECT until FROM web_list_ttl WHERE key = ?').get(key) as
      { until: number } | undefined;
    if (ttl && ttl.until < Date.now()) await this.delete(key);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const { n } = this.db
        .prepare('SELECT COUNT(*) AS n FROM web_lists WHERE key = ?')
        .get(key) as { n: number };
      this.db
        .prepare('INSERT INTO web_lists (key, pos, value) VALUES (?, ?, ?)')
        .run(key, n, JSON.stringify(value));
      this.db
        .prepare(
          'INSERT INTO web_list_ttl (key, until) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET until = excluded.until',
        )
        .run(key, Date.now() + ttlMs);
      this.db.exec('COMMIT');
      return n + 1;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }
  async range<T>(key: string, from: number) {
    const rows = this.db
      .prepare('SELECT value FROM web_lists WHERE key = ? AND pos >= ? ORDER BY pos')
      .all(key, from) as { value: string }[];
    return rows.map((r) => JSON.parse(r.value) as T);
  }
  async length(key: string) {
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM web_lists WHERE key = ?').get(key) as {
      n: number;
    };
    return n;
  }
  async count(key: string, ttlMs: number) {
    const now = Date.now();
    const row = this.db.prepare('SELECT value, until FROM web_values WHERE key = ?').get(key) as
      { value: string; until: number } | undefined;
    const alive = row && row.until >= now;
    const n = (alive ? Number(row.value) : 0) + 1;
    await this.set(key, n, alive ? row.until - now : ttlMs);
    return n;
  }
  /** Deletes expired entries. */
  sweep(): void {
    const now = Date.now();
    this.db.prepare('DELETE FROM web_values WHERE until < ?').run(now);
    const gone = this.db.prepare('SELECT key FROM web_list_ttl WHERE until < ?').all(now) as {
      key: string;
    }[];
    for (const { key } of gone) void this.delete(key);
  }
}

/** Redis, shared by every instance; keys under honghei:web:. */
export class RedisWebStore implements WebStore {
  private readonly redis: Redis;
  constructor(redis: Redis) {
    this.redis = redis;
  }
  private k = (key: string) => `honghei:web:${key}`;
  async get<T>(key: string) {
    const v = await this.redis.get(this.k(key));
    return v === null ? undefined : (JSON.parse(v) as T);
  }
  async set(key: string, value: unknown, ttlMs: number) {
    await this.redis.set(this.k(key), JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
  }
  async delete(key: string) {
    await this.redis.del(this.k(key));
  }
  async take<T>(key: string) {
    const v = await this.redis.getdel(this.k(key));
    return v === null ? undefined : (JSON.parse(v) as T);
  }
  async push(key: string, value: unknown, ttlMs: number) {
    const [[, n]] = (await this.redis
      .multi()
      .rpush(this.k(key), JSON.stringify(value))
      .pexpire(this.k(key), Math.round(ttlMs))
      .exec()) as [[unknown, number], unknown];
    return n;
  }
  async range<T>(key: string, from: number) {
    return (await this.redis.lrange(this.k(key), from, -1)).map((s) => JSON.parse(s) as T);
  }
  async length(key: string) {
    return this.redis.llen(this.k(key));
  }
  async count(key: string, ttlMs: number) {
    const [[, n]] = (await this.redis
      .multi()
      .incr(this.k(key))
      .pexpire(this.k(key), Math.round(ttlMs), 'NX')
      .exec()) as [[unknown, number], unknown];
    return n;
  }
}
