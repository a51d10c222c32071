import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { LocalGitForge } from '../../../bot/forge/local-git.ts';
import { RedisSink } from '../../../bot/forge/outbox/redis-sink.ts';
import { redisDeliveryLog } from '../../../bot/forge/webhooks.ts';
import { branchFor, type Forge, type SubmissionNotice } from '../../../bot/forge/types.ts';
import { makeContentRepo, sampleSubmission, sh, tempDir } from './fixtures.ts';

const redisUrl = inject('redisUrl');
if (!redisUrl)
  console.warn(
    '\n!!! test/bot/forge/redis-outbox.test.ts: no redis-server, the Redis outbox tests are SKIPPED (apt-get install -y redis-server)\n',
  );

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Counts forge calls and fails the first ones, like a forge that is briefly down. */
function counting(forge: Forge, failFirst = 0) {
  const counts = { open: 0 };
  const wrapped: Forge = {
    name: forge.name,
    async openPullRequest(s) {
      counts.open++;
      if (counts.open <= failFirst) throw new Error(`forge down (call ${counts.open})`);
      return forge.openPullRequest(s);
    },
    find: (id) => forge.find(id),
    state: (id) => forge.state(id),
    listOpen: () => forge.listOpen(),
  };
  return { wrapped, counts };
}

describe('RedisSink without Redis', () => {
  it('refuses a submission quickly, saying where Redis was expected, so the bot can ask to try again', async () => {
    const sink = new RedisSink({
      forge: new LocalGitForge({ repo: '/nonexistent' }),
      url: 'redis://127.0.0.1:1',
      pollIntervalMs: 0,
      log: () => undefined,
    });
    const started = Date.now();
    await expect(sink.submit(sampleSubmission(1))).rejects.toThrow(
      /cannot store submission .* in Redis \(redis:\/\/127\.0\.0\.1:1\)/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    await Promise.race([sink.close(), new Promise((r) => setTimeout(r, 2000))]);
  });
});

describe.skipIf(!redisUrl)('RedisSink (BullMQ outbox for several instances)', () => {
  it('two instances receiving the same submissions deliver each once and notify once', async () => {
    const t = tempDir();
    cleanup.push(t.remove);
    const repo = makeContentRepo(t.dir);
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const forge = new LocalGitForge({ repo });
    // Both instances share one forge whose first call fails, so the count below is exact.
    const a = counting(forge, 1);
    const b = a;
    const notices: SubmissionNotice[] = [];
    const notify = async (n: SubmissionNotice) => void notices.push(n);
    const one = new RedisSink({
      forge: a.wrapped,
      url: redisUrl,
      prefix,
      notify,
      pollIntervalMs: 0,
      log: () => undefined,
    });
    const two = new RedisSink({
      forge: b.wrapped,
      url: redisUrl,
      prefix,
      notify,
      pollIntervalMs: 0,
      log: () => undefined,
    });
    cleanup.push(
      () => one.close(),
      () => two.close(),
    );

    const subs = [1, 2, 3, 4, 5].map((n) => sampleSubmission(n));
    await Promise.all(subs.flatMap((s) => [one.submit(s), two.submit(s)]));
    await until('all delivered', async () =>
      (await Promise.all(subs.map((s) => one.status(s.id)))).every((x) => x.delivered),
    );
    await until('delivered notices', async () => notices.length >= 5);

    const branches = sh(repo, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/submission/')
      .split('\n')
      .sort();
    expect(branches).toEqual(subs.map((s) => branchFor(s.id)).sort());
    for (const s of subs)
      expect(sh(repo, 'rev-list', '--count', `main..${branchFor(s.id)}`)).toBe('1');
    // One failed call (forge down) plus one successful call per submission: never two deliveries.
    expect(a.counts.open).toBe(subs.length + 1);

    sh(repo, 'merge', '-q', '--no-ff', '-m', 'merge', branchFor(subs[0]!.id));
    await Promise.all([
      one.reconcile(),
      two.reconcile(),
      one.refresh(subs[0]!.id),
      two.refresh(subs[0]!.id),
    ]);
    await until('published notice', async () => notices.some((n) => n.outcome === 'published'));
    await new Promise((r) => setTimeout(r, 500));
    const counts = new Map<string, number>();
    for (const n of notices)
      counts.set(
        `${n.submissionId}:${n.outcome}`,
        (counts.get(`${n.submissionId}:${n.outcome}`) ?? 0) + 1,
      );
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(counts.get(`${subs[0]!.id}:published`)).toBe(1);
    expect(notices.filter((n) => n.outcome === 'delivered')).toHaveLength(5);
  });

  it('a submission stored while no worker runs is delivered by the next instance', async () => {
    const t = tempDir();
    cleanup.push(t.remove);
    const repo = makeContentRepo(t.dir);
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const forge = new LocalGitForge({ repo });
    const down = counting(forge, Infinity);
    const first = new RedisSink({
      forge: down.wrapped,
      url: redisUrl,
      prefix,
      pollIntervalMs: 0,
      log: () => undefined,
    });
    const s = sampleSubmission(9);
    await first.submit(s);
    await until('a failed attempt', async () => down.counts.open >= 1);
    await first.close();
    expect((await first.status(s.id).catch(() => ({ delivered: false }))).delivered).toBe(false);

    const second = new RedisSink({
      forge,
      url: redisUrl,
      prefix,
      pollIntervalMs: 0,
      log: () => undefined,
    });
    cleanup.push(() => second.close());
    await second.reconcile();
    await until(
      'delivery by the second instance',
      async () => (await second.status(s.id)).delivered,
      30_000,
    );
    expect(sh(repo, 'rev-list', '--count', `main..${branchFor(s.id)}`)).toBe('1');
  });

  it('the poll runs as one BullMQ job scheduler for all instances and tells the outcome once', async () => {
    const t = tempDir();
    cleanup.push(t.remove);
    const repo = makeContentRepo(t.dir);
    const prefix = `t${randomBytes(4).toString('hex')}`;
    const forge = new LocalGitForge({ repo });
    const notices: SubmissionNotice[] = [];
    const notify = async (n: SubmissionNotice) => void notices.push(n);
    const sinks = [0, 1].map(
      () =>
        new RedisSink({
          forge,
          url: redisUrl,
          prefix,
          notify,
          pollIntervalMs: 300,
          log: () => undefined,
        }),
    );
    cleanup.push(...sinks.map((s) => () => s.close()));
    const s = sampleSubmission(11);
    await sinks[0]!.submit(s);
    await until('delivered', async () => (await sinks[1]!.status(s.id)).delivered);
    sh(repo, 'merge', '-q', '--no-ff', '-m', 'merge', branchFor(s.id));
    await until('published by the poll', async () =>
      notices.some((n) => n.outcome === 'published'),
    );
    await new Promise((r) => setTimeout(r, 1000)); // several more poll rounds
    expect(notices.map((n) => n.outcome)).toEqual(['delivered', 'published']);
    expect(await sinks[0]!.status(s.id)).toMatchObject({ review: { state: 'merged' } });
  });

  it('webhook deliveries are de-duplicated across instances in Redis', async () => {
    const sink = new RedisSink({
      forge: new LocalGitForge({ repo: '/nonexistent' }),
      url: redisUrl,
      prefix: `t${randomBytes(4).toString('hex')}`,
      pollIntervalMs: 0,
      log: () => undefined,
    });
    cleanup.push(() => sink.close());
    const a = redisDeliveryLog(sink.redis, 'dedupe-test');
    const b = redisDeliveryLog(sink.redis, 'dedupe-test');
    const id = `github:${randomBytes(8).toString('hex')}`;
    expect(await Promise.all([a.firstTime(id), b.firstTime(id), a.firstTime(id)])).toEqual([
      true,
      false,
      false,
    ]);
  });
});
