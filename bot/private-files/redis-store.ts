/**
 * The shared private store of several bot instances: the bytes and the index in the Redis they
 * already share (HONGHEI_REDIS_URL). Files are at most BOT_MAX_FILE_MB (20 MB, the Bot API's
 * limit), so they fit Redis strings; Redis must persist to disk (appendonly yes), or a restart
 * loses the files — the store says so in the log at start (docs/private-files.md).
 */
import { Redis } from 'ioredis';
import {
  assertSha256,
  sha256Hex,
  verified,
  type PrivateFileMeta,
  type PrivateStore,
  type StoredFile,
} from './store.ts';

/** Options of the Redis store. */
export interface RedisStoreOptions {
  /** A Redis URL, or a client to share (not closed by the store). */
  redis: string | Redis;
  /** Key prefix (default honghei:private:). */
  prefix?: string;
}

/** A private store in Redis. */
export class RedisStore implements PrivateStore {
  readonly kind = 'redis';
  readonly prefix: string;
  private readonly redis: Redis;
  private readonly owned: boolean;

  constructor(options: RedisStoreOptions) {
    this.owned = typeof options.redis === 'string';
    this.redis =
      typeof options.redis === 'string'
        ? new Redis(options.redis, { maxRetriesPerRequest: 3 })
        : options.redis;
    this.prefix = options.prefix ?? 'honghei:private:';
  }

  private key(part: 'blob' | 'meta', sha256: string) {
    assertSha256(sha256);
    return `${this.prefix}${part}:${sha256}`;
  }

  async put(bytes: Uint8Array, meta: PrivateFileMeta): Promise<StoredFile> {
    const sha256 = sha256Hex(bytes);
    const fields: Record<string, string> = {
      sha256,
      size: String(bytes.byteLength),
      name: meta.name,
      type: meta.type,
      kind: meta.kind,
      storedAt: new Date().toISOString(),
    };
    if (meta.submission) fields.submission = meta.submission;
    // One transaction: the bytes and the index entry, each kept as first written.
    const tx = this.redis.multi().set(this.key('blob', sha256), Buffer.from(bytes), 'NX');
    for (const [field, value] of Object.entries(fields))
      tx.hsetnx(this.key('meta', sha256), field, value);
    const results = await tx.exec();
    const failed = results?.find(([error]) => error)?.[0];
    if (!results || failed)
      throw new Error(`could not store private file sha256:${sha256} in Redis`, {
        cause: failed ?? undefined,
      });
    return (await this.stat(sha256))!;
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    const bytes = await this.redis.getBuffer(this.key('blob', sha256));
    return bytes ? verified(sha256, bytes) : undefined;
  }

  async stat(sha256: string): Promise<StoredFile | undefined> {
    const h = await this.redis.hgetall(this.key('meta', sha256));
    if (!h.name) return undefined;
    return {
      sha256,
      size: Number(h.size),
      name: h.name,
      type: h.type!,
      kind: h.kind!,
      storedAt: h.storedAt!,
      ...(h.submission ? { submission: h.submission } : {}),
    };
  }

  /**
   * A warning when this Redis could lose the files: no persistence to disk (a restart loses them),
   * or an eviction policy that may drop keys without a time to live (ours have none); undefined
   * when it is safe or cannot be asked.
   */
  async persistenceWarning(): Promise<string | undefined> {
    try {
      const value = async (name: string) =>
        ((await this.redis.config('GET', name)) as string[])[1] ?? '';
      const problems: string[] = [];
      if ((await value('appendonly')) !== 'yes' && !(await value('save')).trim())
        problems.push(
          'it does not persist to disk (appendonly no, no save rules): a restart loses them; set appendonly yes',
        );
      if ((await value('maxmemory-policy')).startsWith('allkeys-'))
        problems.push(
          `its maxmemory-policy ${await value('maxmemory-policy')} may evict them; set noeviction (or a volatile-* policy)`,
        );
      return problems.length
        ? `the Redis of the private store can lose pledges and evidence: ${problems.join('; ')}`
        : undefined;
    } catch {
      return undefined; // managed Redis often forbids CONFIG: its persistence is the provider's
    }
  }

  async close(): Promise<void> {
    if (this.owned) await this.redis.quit();
  }
}
