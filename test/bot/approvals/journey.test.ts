/**
 * 审核 and 审定 in chat, on local git: a submission made through the bot goes through the outbox
 * to its branch; the 审核人 gets its summary (the pull request's field rows, the verdict, the
 * attachments) with 通过 / 退回 and presses 通过; the 审定人 then gets it and
 * presses 通过; the bot merges; main holds the record with the approvals and the trailers, and the
 * submitter is told once. A second case compares with the review CLI: the same submission
 * approved in chat and with `npm run review` gives the same record on main and the same trailers.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { branchFor } from '../../../bot/forge/index.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';
import { sampleSubmission, sh, tempDir } from '../forge/fixtures.ts';
import { fillForm } from '../support/drive.ts';
import { blackListAnswers, PDF, testCode } from '../support/fixtures.ts';
import { SUBMITTER } from '../support/harness.ts';
import { approvalBot, LI, NAMES, reviewedRepo, WANG } from './setup.ts';

const t = tempDir('honghei-approvals-');
afterAll(() => t.remove());

/** The trailers of the commits on a range, one line per commit (oldest first). */
const trailers = (repo: string, range: string) =>
  sh(
    repo,
    'log',
    '--reverse',
    '--format=%(trailers:key=Reviewed-by,key=Approved-by,key=Merged-by,key=Submission-Id)%x00',
    range,
  )
    .split('\0')
    .map((s) => s.trim())
    .filter(Boolean);

describe('审核 and 审定 in chat (local git)', { timeout: 120_000 }, () => {
  it('takes a chat submission through 审核 and 审定 to a merge on main', async () => {
    const repo = reviewedRepo(join(t.dir, 'a'));
    const h = approvalBot(join(t.dir, 'a'), repo);
    const name = '示例市戊己建筑工程有限公司（示例）';
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(
      h,
      SUBMITTER,
      blackListAnswers(testCode(81), {
        主体名称: name,
        决定文书: {
          files: (hh, u) => [hh.tg.document(u, PDF, '处罚决定书（示例）.pdf', 'application/pdf')],
        },
      }),
    );
    await h.send(h.tg.press(SUBMITTER, /确认/));
    const id = /(2026q4-black-\w+)/.exec(h.last(SUBMITTER))?.[1];
    expect(id, h.last(SUBMITTER)).toBeDefined();
    await h.sink.reconcile();
    expect(h.notices.map((n) => n.outcome)).toEqual(['delivered']);

    // The 审核人 gets the summary with the buttons; the submitter, also a 审核人, does not.
    const request = h.tg.last(WANG.id)!;
    expect(request.text).toContain(`📋 请审核：`);
    expect(request.text).toContain(`主体名称：${name}`);
    expect(request.text).toContain('✅ 校验通过');
    expect(request.text).toMatch(/附件：\n- content\/media\/2026\/2026q4-black-\w+-1\.pdf/);
    expect(request.text).toContain('已有批准：尚无');
    expect(request.buttons.flat().map((b) => b.text)).toEqual(['✅ 通过', '↩️ 退回（附意见）']);
    expect(h.tg.sent.filter((m) => m.text.startsWith('📋'))).toHaveLength(2); // 王某 and 赵某
    expect(h.tg.last(LI.id)).toBeUndefined();

    // The submitter cannot approve their own submission, even holding the role.
    await h.send(h.tg.pressData(SUBMITTER, `appr:ok:review:${id}`));
    expect(h.last(SUBMITTER)).toBe(`⛔ 提交 ${id} 是您本人报送的，不能由您审批。`);
    // The 审定人 cannot 审核, nor 审定 before the 审核.
    await h.send(h.tg.pressData(LI, `appr:ok:review:${id}`));
    expect(h.last(LI)).toBe('⛔ 您在 content/reviewers.yml 中的角色是审定，不能审核。');
    await h.send(h.tg.pressData(LI, `appr:ok:approve:${id}`));
    expect(h.last(LI)).toContain(`⛔ 提交 ${id} 尚未审核`);
    expect(trailers(repo, `main..${branchFor(id!)}`)).toHaveLength(1);

    await h.send(h.tg.press(WANG, '通过'));
    expect(h.last(WANG)).toBe(
      `✅ 已记录审核：${NAMES.wang}（2026-11-20），提交 ${id} 已转交审定人。`,
    );
    const approval = h.tg.last(LI.id)!;
    expect(approval.text).toContain('📋 请审定：');
    expect(approval.text).toContain(`已有批准：审核 ${NAMES.wang}`);

    // The same button pressed again: nothing changes, and the 审核人 is told so.
    const tip = sh(repo, 'rev-parse', branchFor(id!));
    await h.send(h.tg.pressData(WANG, `appr:ok:review:${id}`, request.messageId));
    expect(h.last(WANG)).toBe(
      `ℹ️ 提交 ${id} 已审核（${NAMES.wang}）；这个按钮已失效，未作任何改动。`,
    );
    expect(sh(repo, 'rev-parse', branchFor(id!))).toBe(tip);

    await h.send(h.tg.press(LI, '通过'));
    expect(h.last(LI)).toBe(
      `✅ 已审定并合并发布：提交 ${id}（审定 ${NAMES.li}，2026-11-20）。报送人将收到发布通知。`,
    );
    // A stale request after the merge does nothing.
    await h.send(h.tg.pressData(WANG, `appr:no:review:${id}`, request.messageId));
    expect(h.last(WANG)).toBe(`ℹ️ 提交 ${id} 已合并发布；这个按钮已失效，未作任何改动。`);

    await h.sink.reconcile();
    await h.sink.close();
    expect(h.notices.map((n) => n.outcome)).toEqual(['delivered', 'published']);
    expect(h.last(SUBMITTER)).toMatch(/^✅ /);
    const file = `content/records/black/2026/${id}.yaml`;
    const onMain = parse(readFileSync(join(repo, file), 'utf8')) as Record<string, any>;
    expect(onMain.approvals).toEqual([
      { role: 'review', by: NAMES.wang, date: '2026-11-20' },
      { role: 'approve', by: NAMES.li, date: '2026-11-20' },
    ]);
    const merged = trailers(repo, 'main~1..main');
    expect(merged.at(-1)).toBe(`Merged-by: ${NAMES.li}\nSubmission-Id: ${id}`);
    const validated = spawnSync(
      process.execPath,
      ['scripts/validate.ts', '--root', repo, '--stage', 'publish', '--date', '2026-11-21'],
      { cwd: PROJECT_ROOT, encoding: 'utf8' },
    );
    expect(validated.status, `${validated.stdout}${validated.stderr}`).toBe(0);
  });

  it('writes the approvals exactly as the review CLI does', async () => {
    // The same submission into two repositories: one approved in chat, one with the CLI.
    const chatRepo = reviewedRepo(join(t.dir, 'chat'));
    const cliRepo = reviewedRepo(join(t.dir, 'cli'));
    const submission = sampleSubmission(5);
    const h = approvalBot(join(t.dir, 'chat'), chatRepo);
    await h.sink.submit(submission);
    await h.sink.reconcile();
    await h.send(h.tg.press(WANG, '通过'));
    await h.send(h.tg.press(LI, '通过'));
    expect(h.last(LI)).toMatch(/^✅ 已审定并合并发布/);
    await h.sink.close();

    const cli = approvalBot(join(t.dir, 'cli'), cliRepo);
    await cli.sink.submit(submission);
    await cli.sink.reconcile();
    await cli.sink.close();
    const review = (...args: string[]) => {
      const r = spawnSync(
        process.execPath,
        ['scripts/review.ts', ...args, '--repo', cliRepo, '--date', '2026-11-20'],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
      expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    };
    review('approve', submission.id, '--by', NAMES.wang);
    review('approve', submission.id, '--by', NAMES.li);
    review('merge', submission.id, '--by', NAMES.li);

    const file = submission.files[0]!.path;
    expect(sh(chatRepo, 'show', `main:${file}`)).toBe(sh(cliRepo, 'show', `main:${file}`));
    expect(trailers(chatRepo, 'main~1..main')).toEqual(trailers(cliRepo, 'main~1..main'));
    expect(trailers(chatRepo, 'main~1..main')).toEqual([
      `Submission-Id: ${submission.id}`,
      `Reviewed-by: ${NAMES.wang}\nSubmission-Id: ${submission.id}`,
      `Approved-by: ${NAMES.li}\nSubmission-Id: ${submission.id}`,
      `Merged-by: ${NAMES.li}\nSubmission-Id: ${submission.id}`,
    ]);
  });
});
