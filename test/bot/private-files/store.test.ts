/**
 * The stores themselves: content-addressed (storing again changes nothing, the first name stays),
 * written atomically with owner-only permissions (directory), shared through Redis by several
 * processes, and the settings that keep the store out of the published repository.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  openPrivateFiles,
  privateFilesConfig,
  PrivateFilesConfigError,
} from '../../../bot/private-files/config.ts';
import { DirectoryStore } from '../../../bot/private-files/directory-store.ts';
import { RedisStore } from '../../../bot/private-files/redis-store.ts';
import { sha256Hex } from '../../../bot/private-files/store.ts';
import { ROOT, tempDir } from '../support/harness.ts';
import { distinctPdf } from './support.ts';

const redisUrl = inject('redisUrl');

/** Resolves once something accepts connections on 127.0.0.1:port (a server just started). */
async function listening(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after 10 s`);
}

describe('the directory store (one machine, the default)', () => {
  it('stores by SHA-256, atomically, readable by the bot only, and keeps the first index entry', async () => {
    const dir = join(tempDir('honghei-private-dir-'), 'private');
    const store = new DirectoryStore(dir);
    const pdf = distinctPdf();
    const first = await store.put(pdf, {
      name: 'a-1.pdf',
      type: 'application/pdf',
      kind: 'pledge',
      submission: 's-1',
    });
    const again = await store.put(pdf, {
      name: 'b-1.pdf',
      type: 'application/pdf',
      kind: 'evidence',
      submission: 's-2',
    });
    expect(first).toMatchObject({
      sha256: sha256Hex(pdf),
      size: pdf.byteLength,
      name: 'a-1.pdf',
      kind: 'pledge',
      submission: 's-1',
    });
    expect(again).toEqual(first);
    expect(Buffer.from((await store.get(first.sha256))!)).toEqual(pdf);
    expect(await store.get(sha256Hex(Buffer.from('absent')))).toBeUndefined();
    const blobDir = join(dir, 'blobs', 'sha256', first.sha256.slice(0, 2));
    expect(readdirSync(blobDir)).toEqual([first.sha256]); // no temp file left behind
    expect(statSync(store.pathOf(first.sha256)).mode & 0o777).toBe(0o600);
    expect(statSync(blobDir).mode & 0o777).toBe(0o700);
    await expect(store.get('../../etc/passwd')).rejects.toThrow('is not a SHA-256');
    await store.close();
  });
});

describe('the settings', () => {
  it('work out of the box on one machine, with a generated secret kept beside the files', () => {
    const dir = join(tempDir('honghei-private-cfg-'), 'private');
    const config = privateFilesConfig({ HONGHEI_PRIVATE_DIR: dir });
    expect(config).toEqual({
      store: { kind: 'dir', dir },
      baseUrl: 'http://127.0.0.1:8080',
      ttlMs: 14 * 24 * 3600_000,
      linksInBody: true,
    });
    const files = openPrivateFiles(config);
    expect(statSync(join(dir, 'link-secret')).mode & 0o777).toBe(0o600);
    const again = openPrivateFiles(config);
    const link = files.links.url({ sha256: 'a'.repeat(64), name: 'x-1.pdf' });
    expect(again.links.check(link.slice(link.indexOf('/private-files/')))).toMatchObject({
      ok: true,
    });
    void files.store.close();
    void again.store.close();
  });

  it('take the address from the webhook and refuse what would leak or break', () => {
    expect(
      privateFilesConfig({ BOT_WEBHOOK_URL: 'https://bot.example.org/telegram' }).baseUrl,
    ).toBe('https://bot.example.org');
    expect(() => privateFilesConfig({ HONGHEI_REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /needs HONGHEI_PRIVATE_SECRET, the same on every bot instance/,
    );
    expect(() => privateFilesConfig({ HONGHEI_PRIVATE_SECRET: 'short' })).toThrow(
      /HONGHEI_PRIVATE_SECRET must have at least 32 characters/,
    );
    expect(() => privateFilesConfig({ HONGHEI_PRIVATE_STORE: 'redis' })).toThrow(
      /needs HONGHEI_REDIS_URL/,
    );
    const root = tempDir('honghei-private-root-');
    const inside = privateFilesConfig({ HONGHEI_PRIVATE_DIR: join(root, 'content', 'private') });
    expect(() => openPrivateFiles(inside, { contentRoot: root })).toThrow(PrivateFilesConfigError);
    expect(() => openPrivateFiles(inside, { contentRoot: root })).toThrow(
      /is inside content\/, which is published/,
    );
    expect(existsSync(join(root, 'content', 'private'))).toBe(false);
  });
});

describe('the shipped example environment (bot/deploy/honghei-bot.env.example)', () => {
  it('is refused while HONGHEI_PRIVATE_SECRET is empty, naming it; then keeps the files in Redis, outside the read-only checkout', () => {
    const text = readFileSync(join(ROOT, 'bot/deploy/honghei-bot.env.example'), 'utf8');
    const env = Object.fromEntries(
      text
        .split('\n')
        .filter((l) => /^[A-Z_]+=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    // An empty variable counts as unset (content/schema/settings-read.ts).
    expect(() => privateFilesConfig(env)).toThrow(/HONGHEI_PRIVATE_SECRET.*at least 32 characters/);
    const filled = privateFilesConfig({ ...env, HONGHEI_PRIVATE_SECRET: 'a'.repeat(64) });
    expect(filled.store).toEqual({
      kind: 'redis',
      url: env.HONGHEI_REDIS_URL,
      prefix: 'honghei:private:',
    });
    expect(filled.baseUrl).toBe(new URL(env.BOT_WEBHOOK_URL!).origin);
    // Without Redis: the state directory the unit may write, never the checkout.
    const single: Record<string, string | undefined> = {
      ...env,
      HONGHEI_REDIS_URL: undefined,
      HONGHEI_PRIVATE_SECRET: undefined,
    };
    expect(privateFilesConfig(single).store).toEqual({
      kind: 'dir',
      dir: '/var/lib/honghei/private',
    });
  });
});

describe.skipIf(!redisUrl)('the Redis store (several bot instances)', () => {
  it('is shared: what one instance stores, another reads, checked against its address', async () => {
    const prefix = `honghei-test:${Date.now()}:private:`;
    const a = new RedisStore({ redis: redisUrl, prefix });
    const b = new RedisStore({ redis: redisUrl, prefix });
    const pdf = distinctPdf();
    const stored = await a.put(pdf, {
      name: 'shared-1.pdf',
      type: 'application/pdf',
      kind: 'evidence',
      submission: 's-9',
    });
    expect(await b.stat(stored.sha256)).toEqual(stored);
    expect(Buffer.from((await b.get(stored.sha256))!)).toEqual(pdf);
    expect(
      await b.put(pdf, { name: 'other-1.pdf', type: 'application/pdf', kind: 'pledge' }),
    ).toEqual(stored);
    await a.close();
    await b.close();
  });

  it('warns at start when Redis could lose the files: no persistence, or an eviction policy that drops any key', async () => {
    const volatile = new RedisStore({ redis: redisUrl }); // the suite's Redis: --save '' --appendonly no
    expect(await volatile.persistenceWarning()).toMatch(
      /does not persist to disk \(appendonly no, no save rules\)/,
    );
    await volatile.close();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const dir = tempDir('honghei-redis-lru-');
    const server = spawn(
      'redis-server',
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      { stdio: 'ignore' },
    );
    try {
      await listening(port);
      const lru = new RedisStore({ redis: `redis://127.0.0.1:${port}` });
      const warning = await lru.persistenceWarning();
      expect(warning).toMatch(/maxmemory-policy allkeys-lru may evict them/);
      expect(warning).not.toMatch(/persist/);
      await lru.close();
    } finally {
      server.kill('SIGTERM');
    }
  });
});
