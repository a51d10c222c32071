/**
 * Fault injection against the GitHub emulator: 500s, 429 with retry-after, answers later than the
 * client's timeout, the forge down for a while, and the bot process killed between any two calls.
 * After each, there is exactly one pull request per submission and nothing is lost.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedSink } from '../../../bot/forge/outbox/embedded-sink.ts';
import { branchFor } from '../../../bot/forge/types.ts';
import { githubForgeFor } from './emulators/clients.ts';
import { GitHubEmulator, type Fault } from './emulators/github.ts';
import { PNG, sampleSubmission, tempDir } from './fixtures.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';

const projectRoot = PROJECT_ROOT;
const t = tempDir('honghei-faults-');
afterAll(() => t.remove());

let gh: GitHubEmulator;
beforeEach(async () => {
  gh = await new GitHubEmulator().start();
});
afterEach(async () => {
  await gh.stop();
  expect(gh.violations).toEqual([]);
});

/** One PR for the submission, its branch holding exactly the submission's files on top of main. */
function expectDeliveredOnce(n: number) {
  const s = sampleSubmission(n, { binary: true });
  expect(gh.pulls.filter((p) => p.head === branchFor(s.id))).toHaveLength(1);
  expect(gh.pulls).toHaveLength(1);
  const files = gh.filesOf(branchFor(s.id));
  expect(files.get(s.files[0]!.path)!.toString('utf8')).toBe(s.files[0]!.content);
  expect(new Uint8Array(files.get(s.files[1]!.path)!)).toEqual(PNG);
  expect(gh.commits.get(gh.refs.get(branchFor(s.id))!)!.parents).toEqual([gh.refs.get('main')]);
}

// Six fresh emulators per test and answers delayed past the client's timeout: 7 s quiet, up to 4x under load.
describe('faults on each call', { timeout: 120_000 }, () => {
  const writes = [
    'repos/get-branch',
    'git/create-blob',
    'git/create-tree',
    'git/create-commit',
    'git/create-ref',
    'pulls/create',
  ];
  for (const kind of ['status-500', 'status-429', 'slow'] as const) {
    it(`${kind} on every call in turn still gives one pull request`, async () => {
      for (const operationId of writes) {
        await gh.stop();
        gh = await new GitHubEmulator().start();
        const fault: Fault = { operationId, kind, retryAfter: 2, delayMs: 1500 };
        gh.faults.push(fault);
        const forge = githubForgeFor(gh, { timeoutMs: 1000 });
        const started = performance.now();
        await forge.openPullRequest(sampleSubmission(1, { binary: true }));
        expectDeliveredOnce(1);
        expect(gh.faults, `${kind} on ${operationId} was not hit`).toEqual([]);
        const hit = gh.requests.filter((r) => r.operationId === operationId);
        if (kind === 'status-429') {
          expect(hit.map((r) => r.status)[0]).toBe(429);
          // retry-after 2 s, scaled by the test's base value of 10 ms: the client waited before retrying.
          expect(performance.now() - started).toBeGreaterThanOrEqual(20);
        }
        if (
          kind === 'slow' &&
          (operationId === 'git/create-ref' || operationId === 'pulls/create')
        ) {
          // The late answer was lost; the retry met "already exists" and found the work done.
          expect(hit.map((r) => r.status)).toEqual([expect.any(Number), 422]);
        }
      }
    });
  }

  it('a forge down for a while: the outbox keeps the submission and delivers it once it is back', async () => {
    gh.faults.push({ kind: 'status-500', times: 1000 });
    let now = new Date('2026-10-03T01:00:00Z');
    const sink = new EmbeddedSink({
      forge: githubForgeFor(gh),
      dir: join(t.dir, 'down'),
      retryIntervalMs: 0,
      pollIntervalMs: 0,
      now: () => now,
      log: () => undefined,
    });
    const s = sampleSubmission(1, { binary: true });
    await sink.submit(s);
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 10 * 60_000);
      await sink.deliverPending();
    }
    expect((await sink.status(s.id)).delivered).toBe(false);
    expect((await sink.store.get(s.id))?.attempts).toBe(3);
    gh.faults.length = 0;
    now = new Date(now.getTime() + 10 * 60_000);
    await sink.deliverPending();
    await sink.close();
    expect((await sink.status(s.id)).delivered).toBe(true);
    expectDeliveredOnce(1);
  });
});

/** Runs the child bot; resolves with its exit code and output. */
function runChild(
  dir: string,
  onSpawn?: (pid: number) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['test/bot/forge/child/deliver.ts', gh.url, dir, '1'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    onSpawn?.(child.pid!);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

// Twelve child bot processes per test: 8 s on a quiet machine, 33 s under load.
describe('the bot process killed between two calls', { timeout: 120_000 }, () => {
  // A submission with a picture takes 6 calls; kill before call k is done, or after it is done
  // but before its answer arrives, for every k.
  for (const phase of ['before', 'after'] as const) {
    it(`killed ${phase === 'before' ? 'before' : 'after'} the server does call k (k = 1…6), restarted: one pull request`, async () => {
      for (let k = 1; k <= 6; k++) {
        await gh.stop();
        gh = await new GitHubEmulator().start();
        const dir = join(t.dir, `kill-${phase}-${k}`);
        let pid = 0;
        if (phase === 'before')
          gh.beforeWork = (n) => n === k && (process.kill(pid, 'SIGKILL'), true);
        else gh.beforeAnswer = (n) => void (n === k && process.kill(pid, 'SIGKILL'));
        const killed = await runChild(dir, (p) => (pid = p));
        expect(killed.signal, `k=${k}: ${killed.out}`).toBe('SIGKILL');
        gh.beforeWork = undefined;
        gh.beforeAnswer = undefined;
        const again = await runChild(dir);
        expect(again.code, again.out).toBe(0);
        expect(JSON.parse(again.out.trim().split('\n').at(-1)!)).toMatchObject({
          delivered: true,
          pullRequest: { number: 1 },
        });
        expectDeliveredOnce(1);
      }
    });
  }
});
