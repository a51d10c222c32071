/**
 * Where the bot keeps state between updates and restarts: sessions (the user's submissions for
 * /status) and conversations (forms in progress). One machine: a node:sqlite file. Several
 * instances behind one webhook: Redis, shared by all (each chat's updates arrive one at a time,
 * so chat-keyed entries need no lock). Forms expire after the configured time.
 */
import type { StorageAdapter } from 'grammy';
import { RedisAdapter } from '@grammyjs/storage-redis';
import { Redis } from 'ioredis';
import type { StorageConfig } from '../config.ts';
import type { SessionData } from '../context.ts';
import { MemoryWebStore, RedisWebStore, SqliteWebStore, type WebStore } from './web-store.ts';
import { openDatabase, SqliteAdapter } from './sqlite-adapter.ts';

/** Sessions are kept for a year of /status; forms for formTtlMs. */
const SESSION_TTL_MS = 365 * 24 * 3600_000;

/** The storages of one bot, and how to close them. */
export interface BotStorage {
  kind: StorageConfig['kind'];
  sessions: StorageAdapter<SessionData>;
  conversations: StorageAdapter<any>;
  /** The web chat's sessions, accounts, transcripts and files (bot/webchat). */
  web: WebStore;
  /** The Redis client, shared with the rate limiter so all instances count together. */
  redis?: Redis;
  /** Deletes expired entries (the embedded store; Redis expires keys itself). */
  sweep(): void;
  close(): Promise<void>;
}

/** In-memory storage (JSON, as the others store it) with expiry, for tests and the benchmark. */
export class MemoryAdapter<T> implements StorageAdapter<T> {
  readonly map = new Map<string, string>();
  private readonly expires = new Map<string, number>();
  private readonly ttlMs?: number;
  private readonly now: () => number;

  constructor(ttlMs?: number, now: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.now = now;
  }

  read(key: string): T | undefined {
    if ((this.expires.get(key) ?? Infinity) < this.now()) this.delete(key);
    const v = this.map.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }
  write(key: string, value: T): void {
    this.map.set(key, JSON.stringify(value));
    if (this.ttlMs !== undefined) this.expires.set(key, this.now() + this.ttlMs);
  }
  delete(key: string): void {
    this.map.delete(key);
    this.expires.delete(key);
  }
}

/** Opens the storage a configuration names. */
export function createStorage(config: StorageConfig, formTtlMs: number): BotStorage {
  if (config.kind === 'memory') {
    return {
      kind: 'memory',
      sessions: new MemoryAdapter(SESSION_TTL_MS),
      conversations: new MemoryAdapter(formTtlMs),
      web: new MemoryWebStore(),
      sweep: () => undefined,
      close: async () => undefined,
    };
  }
  if (config.kind === 'redis') {
    const redis = new Redis(config.url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    return {
      kind: 'redis',
      redis,
      sessions: new RedisAdapter<SessionData>({
        instance: redis,
        ttl: Math.ceil(SESSION_TTL_MS / 1000),
      }),
      conversations: new RedisAdapter({ instance: redis, ttl: Math.ceil(formTtlMs / 1000) }),
      web: new RedisWebStore(redis),
      sweep: () => undefined,
      close: async () => {
        await redis.quit();
      },
    };
  }
  const db = openDatabase(config.path);
  const sessions = new SqliteAdapter<SessionData>(db, 'sessions', SESSION_TTL_MS);
  const conversations = new SqliteAdapter(db, 'conversations', formTtlMs);
  const web = new SqliteWebStore(db);
  return {
    kind: 'sqlite',
    sessions,
    conversations,
    web,
    sweep: () => {
      sessions.sweep();
      conversations.sweep();
      web.sweep();
    },
    close: async () => db.close(),
  };
}
