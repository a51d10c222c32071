import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedSink } from '../../../bot/forge/outbox/embedded-sink.ts';
import { LocalGitForge } from '../../../bot/forge/local-git.ts';
import { branchFor, type Forge, type SubmissionNotice } from '../../../bot/forge/types.ts';
import { makeContentRepo, sampleSubmission, sh, tempDir } from './fixtures.ts';

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** A forge that fails its first `failures` openPullRequest calls, as a forge that is down would. */
function flaky(forge: Forge, failures: number): Forge & { calls: number } {
  const wrapper = {
    name: forge.name,
    calls: 0,
    async openPullRequest(s: Parameters<Forge['openPullRequest']>[0]) {
      wrapper.calls++;
      if (wrapper.calls <= failures) throw new Error(`forge down (call ${wrapper.calls})`);
      return forge.openPullRequest(s);
    },
    find: (id: string) => forge.find(id),
    state: (id: string) => forge.state(id),
    listOpen: () => forge.listOpen(),
  };
  return wrapper;
}

function setup() {
  const t = tempDir();
  cleanup.push(t.remove);
  const repo = makeContentRepo(t.dir);
  return { repo, outbox: join(t.dir, 'outbox'), forge: new LocalGitForge({ repo }) };
}

function sink(options: ConstructorParameters<typeof EmbeddedSink>[0]) {
  const s = new EmbeddedSink({
    retryIntervalMs: 0,
    pollIntervalMs: 0,
    log: () => undefined,
    ...options,
  });
  cleanup.push(() => s.close());
  return s;
}

describe('EmbeddedSink (file outbox)', () => {
  it('stores before any forge call, keeps the submission while the forge is down, delivers after a restart', async () => {
    const { repo, outbox, forge } = setup();
    const down = flaky(forge, Infinity);
    let now = new Date('2026-10-03T01:00:00Z');
    const first = sink({ forge: down, dir: outbox, now: () => now });
    const s = sampleSubmission(1, { binary: true });
    expect(await first.submit(s)).toEqual({ stored: true, receipt: s.id });
    expect(readdirSync(outbox)).toContain(`${s.id}.json`);
    await first.deliverPending();
    expect(await first.status(s.id)).toMatchObject({ delivered: false });
    const entry = await first.store.get(s.id);
    expect(entry?.lastError).toMatch(/forge down/);
    expect(entry?.attempts).toBeGreaterThanOrEqual(1);
    await first.close();

    // A new process (a new sink on the same directory) with the forge back delivers it once.
    const notices: SubmissionNotice[] = [];
    now = new Date('2026-10-03T02:00:00Z');
    const second = sink({
      forge,
      dir: outbox,
      now: () => now,
      notify: async (n) => void notices.push(n),
    });
    await second.reconcile();
    await second.reconcile();
    expect(await second.status(s.id)).toMatchObject({
      delivered: true,
      pullRequest: { branch: branchFor(s.id) },
    });
    expect(sh(repo, 'rev-list', '--count', `main..${branchFor(s.id)}`)).toBe('1');
    expect(notices.map((n) => n.outcome)).toEqual(['delivered']);
  });

  it('waits out the retry delay, then retries', async () => {
    const { outbox, forge } = setup();
    const twice = flaky(forge, 2);
    let now = new Date('2026-10-03T01:00:00Z');
    const s1 = sink({ forge: twice, dir: outbox, now: () => now });
    await s1.submit(sampleSubmission(2));
    await s1.deliverPending();
    await s1.deliverPending(); // not due yet: no call
    expect(twice.calls).toBe(1);
    now = new Date(now.getTime() + 1500);
    await s1.deliverPending();
    expect(twice.calls).toBe(2);
    now = new Date(now.getTime() + 60_000);
    await s1.deliverPending();
    expect(twice.calls).toBe(3);
    expect((await s1.status(sampleSubmission(2).id)).delivered).toBe(true);
  });

  it('tells the submitter once when published and once when rejected, retrying a failing notifier', async () => {
    const { repo, outbox, forge } = setup();
    const notices: SubmissionNotice[] = [];
    let failNext = false;
    const s = sink({
      forge,
      dir: outbox,
      notify: async (n) => {
        if (failNext) {
          failNext = false;
          throw new Error('telegram unreachable');
        }
        notices.push(n);
      },
    });
    const a = sampleSubmission(3);
    const b = sampleSubmission(4);
    await s.submit(a);
    await s.submit(b);
    await s.reconcile();
    sh(repo, 'merge', '-q', '--no-ff', '-m', 'merge', branchFor(a.id));
    // Reject b the way the review CLI does: keep the branch under refs/honghei/rejected with the comment.
    const tip = sh(repo, 'rev-parse', branchFor(b.id));
    const tree = sh(repo, 'rev-parse', `${tip}^{tree}`);
    const { execFileSync } = await import('node:child_process');
    const reject = execFileSync(
      'git',
      [
        '-C',
        repo,
        'commit-tree',
        tree,
        '-p',
        tip,
        '-m',
        `Reject ${b.id}`,
        '-m',
        '决定文书缺失（示例）',
        '-m',
        'Rejected-by: 主席 李某',
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'r',
          GIT_AUTHOR_EMAIL: 'r@e',
          GIT_COMMITTER_NAME: 'r',
          GIT_COMMITTER_EMAIL: 'r@e',
        },
      },
    ).trim();
    sh(repo, 'update-ref', `refs/honghei/rejected/${b.id}`, reject);
    sh(repo, 'branch', '-q', '-D', branchFor(b.id));
    failNext = true;
    await s.checkOutcomes();
    await s.checkOutcomes();
    await s.checkOutcomes();
    const finals = notices.filter((n) => n.outcome !== 'delivered');
    expect(finals.map((n) => `${n.submissionId}:${n.outcome}`).sort()).toEqual([
      `${a.id}:published`,
      `${b.id}:rejected`,
    ]);
    expect(finals.find((n) => n.outcome === 'rejected')?.comment).toBe('决定文书缺失（示例）');
    expect(notices.filter((n) => n.outcome === 'delivered')).toHaveLength(2);
  });

  it('refuses an id reused for different content, and accepts the same submission twice', async () => {
    const { outbox, forge } = setup();
    const s = sink({ forge, dir: outbox });
    const a = sampleSubmission(5);
    await s.submit(a);
    await s.submit(a);
    await expect(s.submit({ ...a, title: 'other' })).rejects.toThrow(
      /already stored with different content/,
    );
  });

  it('refuses, before storing, a file outside the repository or larger than the limit', async () => {
    const { outbox, forge } = setup();
    const s = sink({ forge, dir: outbox });
    const a = sampleSubmission(6);
    await expect(
      s.submit({ ...a, files: [{ path: 'content/../../etc/x', content: 'x' }] }),
    ).rejects.toThrow(/not a clean path/);
    await expect(
      s.submit({
        ...a,
        files: [
          ...a.files,
          { path: 'content/media/2026/big.png', content: new Uint8Array(26 * 1024 * 1024) },
        ],
      }),
    ).rejects.toThrow(/at most 25 MB/);
    expect(await s.store.all()).toEqual([]);
  });
});
