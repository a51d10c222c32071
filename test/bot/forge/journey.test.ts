/**
 * The whole local journey with only git: the bot's submission goes into the outbox, becomes a
 * branch, two reviewers approve with the review CLI, the merge publishes it, the submitter is told
 * once, the record validates on main, and the site built from that repository shows the entry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSubmissionSink, branchFor, type SubmissionNotice } from '../../../bot/forge/index.ts';
import { makeContentRepo, recordId, sampleSubmission, sh, tempDir } from './fixtures.ts';

const projectRoot = new URL('../../..', import.meta.url).pathname;
const t = tempDir('honghei-journey-');
afterAll(() => t.remove());

function review(repo: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/review.ts', ...args, '--repo', repo], { cwd: projectRoot, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

describe('local journey: bot → outbox → branch → two approvals → merge → site', () => {
  it('publishes a submission exactly once and shows it on the built site', async () => {
    const repo = makeContentRepo(t.dir);
    const notices: SubmissionNotice[] = [];
    const sink = createSubmissionSink({
      forge: { kind: 'local', repo },
      outbox: { kind: 'file', dir: join(t.dir, 'outbox') },
      notify: async (n) => void notices.push(n),
      pollIntervalMs: 0,
      retryIntervalMs: 0,
    });
    const s = sampleSubmission(7, { binary: true });
    await sink.submit(s);
    await sink.reconcile();
    expect(await sink.status(s.id)).toMatchObject({ delivered: true, pullRequest: { branch: branchFor(s.id) } });
    expect(notices.map((n) => n.outcome)).toEqual(['delivered']);

    const listed = review(repo, 'list');
    expect(listed.out).toContain(s.id);
    const shown = review(repo, 'show', s.id, '--date', '2026-10-05');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('示例市丙丁建筑工程有限公司7（示例）');
    expect(shown.out).toContain('校验通过');
    expect(shown.out).toContain('批准：0/2');

    const early = review(repo, 'merge', s.id, '--by', '主席 李某', '--date', '2026-10-06');
    expect(early.code).toBe(1);
    expect(early.out).toContain('approvals_required');
    expect(review(repo, 'approve', s.id, '--by', '分管副主席 王某', '--date', '2026-10-05').code).toBe(0);
    const again = review(repo, 'approve', s.id, '--by', '分管副主席 王某', '--date', '2026-10-05');
    expect(again.code).toBe(1);
    expect(review(repo, 'merge', s.id, '--by', '主席 李某', '--date', '2026-10-06').code).toBe(1);
    expect(review(repo, 'approve', s.id, '--by', '主席 李某', '--date', '2026-10-06').code).toBe(0);
    const trailers = sh(repo, 'log', '--format=%(trailers:key=Reviewed-by,key=Approved-by,valueonly,separator=%x2C)', `main..${branchFor(s.id)}`);
    expect(trailers.split('\n').filter(Boolean).sort()).toEqual(['主席 李某', '分管副主席 王某']);
    const merged = review(repo, 'merge', s.id, '--by', '主席 李某', '--date', '2026-10-06');
    expect(merged.code, merged.out).toBe(0);

    await sink.reconcile();
    await sink.reconcile();
    await sink.close();
    expect(notices.map((n) => n.outcome)).toEqual(['delivered', 'published']);

    // The record is on main (the work tree too), with both approvals, and the repository validates.
    const file = `content/records/black/2026/${recordId(7)}.yaml`;
    const onMain = readFileSync(join(repo, file), 'utf8');
    expect(onMain).toMatch(/role: review\n\s+by: 分管副主席 王某/);
    expect(onMain).toMatch(/role: approve\n\s+by: 主席 李某/);
    const validate = spawnSync(process.execPath, ['scripts/validate.ts', '--root', repo, '--date', '2026-11-21'], { cwd: projectRoot, encoding: 'utf8' });
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);

    // The site built from that repository has the entry.
    const out = join(t.dir, 'dist');
    execFileSync(process.execPath, ['scripts/build.ts', '--root', repo, '--out', out, '--date', '2026-11-21', '--quiet'], {
      cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HONGHEI_CACHE_DIR: join(t.dir, 'cache') },
    });
    const pages = htmlFiles(out).filter((f) => readFileSync(f, 'utf8').includes('示例市丙丁建筑工程有限公司7（示例）'));
    expect(pages.length).toBeGreaterThan(0);
  });
});
