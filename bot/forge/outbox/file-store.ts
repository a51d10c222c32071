/**
 * The embedded outbox store: one JSON file per submission in a directory, written with
 * write-fsync-rename so a crash leaves the old file or the new one, never half of one. A lock file
 * per submission (holding the owner's pid) keeps two processes on the machine from working on the
 * same submission at once; a lock whose process is gone is taken over.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { link, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSubmissionId } from '../types.ts';
import { reusedIdError, sameSubmission, type OutboxEntry, type StoredSubmission } from './entry.ts';

/** Locks older than this are considered abandoned even if their pid is alive (pid reuse). */
const STALE_LOCK_MS = 10 * 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Submissions stored as files in one directory. */
export class FileOutboxStore {
  readonly dir: string;
  private readonly held = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new Error(
        `cannot create the outbox directory ${dir}: choose a writable directory for the outbox (outbox.dir)`,
        { cause: error },
      );
    }
    // A crash between writing a temporary file and renaming it leaves the temporary file: the
    // entry itself is whole (old or new), so the leftover only needs removing.
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (
        name.startsWith('.') &&
        name.endsWith('.tmp') &&
        Date.now() - statSync(path).mtimeMs > 3600_000
      )
        rmSync(path, { force: true });
    }
  }

  private file(id: string): string {
    assertSubmissionId(id);
    return join(this.dir, `${id}.json`);
  }

  /** Writes a file durably to a temporary name; returns that name. */
  private async writeTemp(id: string, entry: OutboxEntry): Promise<string> {
    const temp = join(this.dir, `.${id}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(JSON.stringify(entry, null, 1));
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  }

  private async syncDir(): Promise<void> {
    const handle = await open(this.dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Stores a new submission; storing the same one again is a no-op. */
  async put(submission: StoredSubmission, storedAt: string): Promise<{ created: boolean }> {
    const target = this.file(submission.id);
    const temp = await this.writeTemp(submission.id, {
      submission,
      storedAt,
      attempts: 0,
      notices: {},
    });
    try {
      // link() fails if the target exists: create-if-absent in one step, even across processes.
      await link(temp, target);
      await this.syncDir();
      return { created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new Error(`cannot store submission ${submission.id} in ${this.dir}`, {
          cause: error,
        });
      const existing = await this.get(submission.id);
      if (existing && !sameSubmission(existing.submission, submission))
        throw reusedIdError(submission.id);
      return { created: false };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    try {
      return JSON.parse(await readFile(this.file(id), 'utf8')) as OutboxEntry;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(
        `cannot read outbox entry ${this.file(id)}: if it is damaged, move it aside and resubmit`,
        { cause: error },
      );
    }
  }

  /** Replaces an entry atomically. Call it while holding the entry's lock. */
  async write(entry: OutboxEntry): Promise<void> {
    const target = this.file(entry.submission.id);
    const temp = await this.writeTemp(entry.submission.id, entry);
    await rename(temp, target);
    await this.syncDir();
  }

  /** Every stored entry (oldest first). */
  async all(): Promise<OutboxEntry[]> {
    const names = (await readdir(this.dir)).filter(
      (n) => n.endsWith('.json') && !n.startsWith('.'),
    );
    const entries = await Promise.all(names.map((n) => this.get(n.slice(0, -'.json'.length))));
    return entries
      .filter((e): e is OutboxEntry => Boolean(e))
      .sort((a, b) => a.storedAt.localeCompare(b.storedAt));
  }

  /**
   * Runs fn while holding the entry's lock. Returns undefined without running it when another
   * live process (or this one) holds the lock: the caller tries again on its next round.
   */
  async withLock<T>(id: string, fn: () => Promise<T>): Promise<T | undefined> {
    if (this.held.has(id)) return undefined;
    const lock = join(this.dir, `${id}.lock`);
    this.held.add(id);
    try {
      if (!(await this.acquire(lock))) return undefined;
      try {
        return await fn();
      } finally {
        await unlink(lock).catch(() => undefined);
      }
    } finally {
      this.held.delete(id);
    }
  }

  private async acquire(lock: string): Promise<boolean> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const handle = await open(lock, 'wx');
        await handle.writeFile(String(process.pid));
        await handle.close();
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const [pidText, info] = await Promise.all([
          readFile(lock, 'utf8').catch(() => ''),
          stat(lock).catch(() => undefined),
        ]);
        const pid = Number(pidText);
        const age = info ? Date.now() - info.mtimeMs : Infinity;
        // Our own pid on a lock we do not hold, or a lock left empty by a crash, is left over.
        const stale =
          age > STALE_LOCK_MS ||
          (pid > 0 && (pid === process.pid || !isAlive(pid))) ||
          (!pid && age > 5000);
        if (!stale) return false;
        await unlink(lock).catch(() => undefined);
      }
    }
    return false;
  }
}
