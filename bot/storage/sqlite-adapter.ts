/**
 * A grammY storage adapter on node:sqlite: the embedded store for one machine. One database file
 * holds sessions and conversations (a table each); every write is a transaction, so a crash never
 * leaves half a JSON file behind, and entries can expire (abandoned forms).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StorageAdapter } from 'grammy';

/** Opens (creating) a database file; ':memory:' for a throw-away one. */
export function openDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL: readers never wait for the writer; NORMAL sync is durable across a process crash.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  return db;
}

/** A key-value table with optional expiry. */
export class SqliteAdapter<T> implements StorageAdapter<T> {
  private readonly get;
  private readonly put;
  private readonly del;
  private readonly purge;

  private readonly ttlMs?: number;
  private readonly now: () => number;

  constructor(db: DatabaseSync, table: string, ttlMs?: number, now: () => number = Date.now) {
    this.ttlMs = ttlMs;
    this.now = now;
    if (!/^[a-z_]+$/.test(table))
      throw new Error(`table name "${table}" must be lower-case letters and _`);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires INTEGER)`,
    );
    this.get = db.prepare(`SELECT value, expires FROM ${table} WHERE key = ?`);
    this.put = db.prepare(
      `INSERT INTO ${table} (key, value, expires) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires = excluded.expires`,
    );
    this.del = db.prepare(`DELETE FROM ${table} WHERE key = ?`);
    this.purge = db.prepare(`DELETE FROM ${table} WHERE expires IS NOT NULL AND expires < ?`);
  }

  read(key: string): T | undefined {
    const row = this.get.get(key) as { value: string; expires: number | null } | undefined;
    if (!row) return undefined;
    if (row.expires !== null && row.expires < this.now()) {
      this.del.run(key);
      return undefined;
    }
    return JSON.parse(row.value) as T;
  }

  write(key: string, value: T): void {
    this.put.run(
      key,
      JSON.stringify(value),
      this.ttlMs === undefined ? null : this.now() + this.ttlMs,
    );
  }

  delete(key: string): void {
    this.del.run(key);
  }

  /** Deletes every expired entry; returns how many. */
  sweep(): number {
    return Number(this.purge.run(this.now()).changes);
  }
}
