/**
 * The whole local journey with only git, starting in chat: a submitter answers /new (in English,
 * with a photo), the bot's record — without approvals, which are not the submitter's to give —
 * goes into the outbox and becomes a branch that validates as a submission and not yet for
 * publication; 审核 and then 审定 approve with the review CLI (the proposed publication start
 * moves to the approval day), the merge publishes it, the submitter is told once in English, the
 * record validates on main at the publish stage, and the site built from that repository shows it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  createSubmissionSink,
  branchFor,
  type Notifier,
  type SubmissionNotice,
} from '../../../bot/forge/index.ts';
import { createNotifier } from '../../../bot/notifier.ts';
import { fillForm } from '../support/drive.ts';
import { englishBlackListAnswers, JPEG, testCode } from '../support/fixtures.ts';
import { harness, SUBMITTER } from '../support/harness.ts';
import { makeContentRepo, sh, tempDir } from './fixtures.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';

const projectRoot = PROJECT_ROOT;
const t = tempDir('honghei-journey-');
afterAll(() => t.remove());

function review(repo: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/review.ts', ...args, '--repo', repo], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function validate(root: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', '--root', root, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

// A site build and several git and review-CLI processes: 9 s on a quiet machine, 28 s under load.
describe(
  'local journey: bot → outbox → branch → 审核 → 审定 → merge → site',
  { timeout: 120_000 },
  () => {
    it('publishes a chat submission exactly once, approved by the reviewers, and shows it on the built site', async () => {
      const repo = makeContentRepo(t.dir);
      const notices: SubmissionNotice[] = [];
      // The sink needs the notifier and the notifier the bot, as in bot/run/app.ts.
      let notify: Notifier = async () => {
        throw new Error('the bot is not ready yet');
      };
      const sink = createSubmissionSink({
        forge: { kind: 'local', repo },
        outbox: { kind: 'file', dir: join(t.dir, 'outbox') },
        notify: async (n) => {
          notices.push(n);
          await notify(n);
        },
        pollIntervalMs: 0,
        retryIntervalMs: 0,
      });
      const h = harness({ root: repo, sink, today: '2026-11-20' });
      notify = createNotifier(h.bot.api);

      // The submitter, writing in English, proposes publication from today and sends a photo.
      const en = { ...SUBMITTER, language_code: 'en' };
      const name = '示例市丙丁建筑工程有限公司（示例）';
      await h.send(h.tg.text(en, '/new'));
      const asked = await fillForm(
        h,
        en,
        englishBlackListAnswers(testCode(70), {
          Name: name,
          picture: { files: (hh, u) => [hh.tg.photo(u, JPEG, '现场照片（示例）')] },
        }),
      );
      expect(asked.filter((q) => /approv|review/i.test(q))).toEqual([]);
      expect(h.last(en)).toContain('⏳ Approvals：awaiting review and approval');
      await h.send(h.tg.press(en, /Confirm/));
      const id = /(2026q4-black-\w+)/.exec(h.last(en))?.[1];
      expect(id, h.last(en)).toBeDefined();
      await sink.reconcile();
      expect(await sink.status(id!)).toMatchObject({
        delivered: true,
        pullRequest: { branch: branchFor(id!) },
      });
      expect(notices.map((n) => n.outcome)).toEqual(['delivered']);
      const file = `content/records/black/2026/${id}.yaml`;
      const submitted = parse(sh(repo, 'show', `${branchFor(id!)}:${file}`)) as Record<string, any>;
      expect(submitted).not.toHaveProperty('approvals');
      expect(submitted.publication.start).toBe('2026-11-20');

      // On its branch the record is a valid submission, not yet publishable.
      const branchTree = join(t.dir, 'branch');
      sh(repo, 'worktree', 'add', '-q', '--detach', branchTree, branchFor(id!));
      const asSubmission = validate(branchTree, '--stage', 'submission', '--date', '2026-11-20');
      expect(asSubmission.code, asSubmission.out).toBe(0);
      expect(asSubmission.out).toContain('1 条记录待审核/待审定 — 合并前由审核人、审定人批准');
      const forPublication = validate(branchTree, '--date', '2026-11-20');
      expect(forPublication.code).toBe(1);
      expect(forPublication.out).toContain(`${file}:`);
      expect(forPublication.out).toContain('approvals  尚未审核、审定');
      sh(repo, 'worktree', 'remove', '--force', branchTree);

      expect(review(repo, 'list').out).toContain(id);
      const shown = review(repo, 'show', id!, '--date', '2026-11-21');
      expect(shown.code, shown.out).toBe(0);
      expect(shown.out).toContain(name);
      expect(shown.out).toContain('✅ 校验通过（待审核/待审定 — 合并前由审核人、审定人批准）');
      expect(shown.out).toContain('批准：0/2');

      const early = review(repo, 'merge', id!, '--by', '主席 李某', '--date', '2026-11-23');
      expect(early.code).toBe(1);
      expect(early.out).toContain('approvals_required');
      // 审核 three days after the proposed start: the start moves to the approval day.
      const reviewed = review(
        repo,
        'approve',
        id!,
        '--by',
        '分管副主席 王某',
        '--date',
        '2026-11-23',
      );
      expect(reviewed.code, reviewed.out).toBe(0);
      expect(reviewed.out).toContain('发布开始日期由 2026-11-20 顺延至 2026-11-23');
      expect(
        review(repo, 'approve', id!, '--by', '分管副主席 王某', '--date', '2026-11-23').code,
      ).toBe(1);
      expect(review(repo, 'merge', id!, '--by', '主席 李某', '--date', '2026-11-24').code).toBe(1);
      const approved = review(repo, 'approve', id!, '--by', '主席 李某', '--date', '2026-11-25');
      expect(approved.code, approved.out).toBe(0);
      expect(approved.out).toContain('发布开始日期由 2026-11-23 顺延至 2026-11-25');
      const trailers = sh(
        repo,
        'log',
        '--format=%(trailers:key=Reviewed-by,key=Approved-by,valueonly,separator=%x2C)',
        `main..${branchFor(id!)}`,
      );
      expect(trailers.split('\n').filter(Boolean).sort()).toEqual(['主席 李某', '分管副主席 王某']);
      const merged = review(repo, 'merge', id!, '--by', '主席 李某', '--date', '2026-11-25');
      expect(merged.code, merged.out).toBe(0);

      await sink.reconcile();
      await sink.reconcile();
      await sink.close();
      expect(notices.map((n) => n.outcome)).toEqual(['delivered', 'published']);
      expect(notices.every((n) => n.submitter.language === 'en')).toBe(true);
      expect(h.last(en)).toMatch(
        /^✅ Your submission "新增失信黑名单记录：示例市丙丁建筑工程有限公司（示例）（2026q4-black-\w+）" was approved and published: /,
      );

      // On main (the work tree too): the reviewers' approvals, the start on the 审定 day, and the
      // repository validates for publication.
      const onMain = parse(readFileSync(join(repo, file), 'utf8')) as Record<string, any>;
      expect(onMain.approvals).toEqual([
        { role: 'review', by: '分管副主席 王某', date: '2026-11-23' },
        { role: 'approve', by: '主席 李某', date: '2026-11-25' },
      ]);
      expect(onMain.publication.start).toBe('2026-11-25');
      expect(onMain.history[0]).toEqual({ status: 'listed', date: '2026-11-25' });
      expect(onMain.attachments).toEqual([
        { file: `media/2026/${id}-1.jpg`, kind: 'picture', caption: '现场照片（示例）' },
      ]);
      const published = validate(repo, '--date', '2026-11-26');
      expect(published.code, published.out).toBe(0);

      // The site built from that repository has the entry.
      const out = join(t.dir, 'dist');
      execFileSync(
        process.execPath,
        ['scripts/build.ts', '--root', repo, '--out', out, '--date', '2026-11-26', '--quiet'],
        {
          cwd: projectRoot,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, HONGHEI_CACHE_DIR: join(t.dir, 'cache') },
        },
      );
      const pages = htmlFiles(out).filter((f) => readFileSync(f, 'utf8').includes(name));
      expect(pages.length).toBeGreaterThan(0);
    });
  },
);
