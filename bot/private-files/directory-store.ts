/**
 * The one-machine private store: a directory on the bot server. Each file is written to a temp
 * file, flushed, then renamed to blobs/sha256/<2 hex>/<64 hex> (a reader never sees half a file);
 * the index (name, type, kind, size, which submission brought it) is a node:sqlite table beside it.
 * Files and folders are readable by the bot's user only.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../storage/sqlite-adapter.ts';
import {
  assertSha256,
  sha256Hex,
  verified,
  type PrivateFileMeta,
  type PrivateStore,
  type StoredFile,
} from './store.ts';

/** A private store in a directory. */
export class DirectoryStore implements PrivateStore {
  readonly kind = 'dir';
  readonly dir: string;
  private readonly db: DatabaseSync;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true, mode: 0o700 });
    this.db = openDatabase(join(dir, 'index.sqlite'));
    this.db.exec(`CREATE TABLE IF NOT EXISTS files (
      sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, kind TEXT NOT NULL,
      submission TEXT, stored_at TEXT NOT NULL)`);
  }

  /** Where a file's bytes live. */
  pathOf(sha256: string): string {
    assertSha256(sha256);
    return join(this.dir, 'blobs', 'sha256', sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array, meta: PrivateFileMeta): Promise<StoredFile> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    if (!(await exists(target))) {
      mkdirSync(join(target, '..'), { recursive: true, mode: 0o700 });
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const file = await open(temp, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw new Error(`could not store private file sha256:${sha256} in ${this.dir}`, {
          cause: error,
        });
      }
    }
    const storedAt = new Date().toISOString();
    // The first submission that brought a file stays its provenance.
    this.db
      .prepare(
        `INSERT INTO files (sha256, size, name, type, kind, submission, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(sha256) DO NOTHING`,
      )
      .run(
        sha256,
        bytes.byteLength,
        meta.name,
        meta.type,
        meta.kind,
        meta.submission ?? null,
        storedAt,
      );
    return (await this.stat(sha256))!;
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    const path = this.pathOf(sha256);
    try {
      return verified(sha256, await readFile(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async stat(sha256: string): Promise<StoredFile | undefined> {
    assertSha256(sha256);
    const row = this.db
      .prepare(
        'SELECT sha256, size, name, type, kind, submission, stored_at FROM files WHERE sha256 = ?',
      )
      .get(sha256) as
      | {
          sha256: string;
          size: number;
          name: string;
          type: string;
          kind: string;
          submission: string | null;
          stored_at: string;
        }
      | undefined;
    if (!row) return undefined;
    return {
      sha256: row.sha256,
      size: row.size,
      name: row.name,
      type: row.type,
      kind: row.kind,
      storedAt: row.stored_at,
      ...(row.submission ? { submission: row.submission } : {}),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
