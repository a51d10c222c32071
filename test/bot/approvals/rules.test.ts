/**
 * The rules of the chat approvals, each on its own submission in a real repository: 退回 with a
 * comment reaches the submitter (through the outbox, as a CLI rejection does); a person holding
 * both roles cannot give both approvals; someone who is not a reviewer cannot approve; a stale
 * button after a rejection changes nothing; /cancel drops a pending 退回; a merge the publish
 * stage refuses is reported to the 审定人 with the reason, and 通过 again retries it; non-public attachments are linked with
 * signed links; a failed request is sent again to those not reached, a blocked reviewer skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { branchFor, type Submission } from '../../../bot/forge/index.ts';
import { sampleSubmission, sh, tempDir } from '../forge/fixtures.ts';
import { PUBLIC } from '../support/harness.ts';
import { approvalBot, LI, NAMES, reviewedRepo, WANG, ZHAO } from './setup.ts';

const t = tempDir('honghei-approval-rules-');
afterAll(() => t.remove());

let n = 0;
/** A repository, the bot on it, and submission `s` delivered (the 审核人 asked). */
async function delivered(s: Submission = sampleSubmission(1), edit?: (repo: string) => void) {
  const dir = join(t.dir, `case-${++n}`);
  const repo = reviewedRepo(dir);
  if (edit) {
    edit(repo);
    sh(repo, 'commit', '-q', '-am', '设置（示例）');
  }
  const h = approvalBot(dir, repo);
  await h.sink.submit(s);
  await h.sink.reconcile();
  return { h, repo, id: s.id };
}

describe('chat approval rules', { timeout: 60_000 }, () => {
  it('sends 退回 with the reviewer’s comment to the submitter', async () => {
    const { h, repo, id } = await delivered();
    await h.send(h.tg.press(WANG, '退回'));
    expect(h.last(WANG)).toBe(
      `✍️ 请回复本消息，写明退回提交 ${id} 的理由（报送人会收到这段话）。发送 /cancel 放弃退回。`,
    );
    expect(h.tg.calls.at(-1)?.payload.reply_markup).toEqual({ force_reply: true });
    await h.send(h.tg.text(WANG, '决定文号与决定书不一致，请核对后重新报送'));
    expect(h.last(WANG)).toBe(`↩️ 已退回提交 ${id}，报送人将收到您的意见。`);
    expect(sh(repo, 'branch', '--list', branchFor(id))).toBe('');
    await h.sink.reconcile();
    await h.sink.close();
    expect(h.notices.map((x) => [x.outcome, x.comment])).toEqual([
      ['delivered', undefined],
      ['rejected', '决定文号与决定书不一致，请核对后重新报送'],
    ]);
    expect(h.tg.last(1001)?.text).toContain('决定文号与决定书不一致，请核对后重新报送');
    // The old request's buttons now do nothing, and say so.
    await h.send(h.tg.pressData(LI, `appr:ok:approve:${id}`));
    expect(h.last(LI)).toBe(`ℹ️ 提交 ${id} 已退回；这个按钮已失效，未作任何改动。`);
  });

  it('lets a pending 退回 be dropped with /cancel, and the comment is then not taken', async () => {
    const { h, repo, id } = await delivered();
    await h.send(h.tg.press(WANG, '退回'));
    await h.send(h.tg.text(WANG, '/cancel'));
    expect(h.tg.since(h.tg.sent.length - 2, WANG.id).map((m) => m.text)[0]).toBe(
      `已放弃退回提交 ${id}。`,
    );
    await h.send(h.tg.text(WANG, '随便说一句'));
    expect(sh(repo, 'branch', '--list', branchFor(id))).not.toBe('');
    await h.sink.close();
  });

  it('refuses both approvals from one person, and approvals from non-reviewers', async () => {
    const { h, repo, id } = await delivered();
    await h.send(h.tg.pressData(PUBLIC, `appr:ok:review:${id}`));
    expect(h.last(PUBLIC)).toBe(
      '⛔ 您不在 content/reviewers.yml 的审批人名单中（或未填写 telegram_id），不能审批。',
    );
    await h.send(h.tg.press(ZHAO, '通过'));
    expect(h.last(ZHAO)).toContain('✅ 已记录审核：副主席 赵某（示例）');
    expect(h.last(ZHAO)).toContain('\n发布开始日期由 2026-10-15 顺延至 2026-11-20（批准之日）。');
    // 赵某 also holds 审定 but is not asked for it; pressing anyway is refused.
    expect(h.tg.since(0, ZHAO.id).filter((m) => m.text.startsWith('📋 请审定'))).toEqual([]);
    await h.send(h.tg.pressData(ZHAO, `appr:ok:approve:${id}`));
    expect(h.last(ZHAO)).toBe(`⛔ 您已审核过提交 ${id}：审核与审定须由两个人分别完成。`);
    // Another 审核人's 通过 after the 审核 is stale.
    await h.send(h.tg.press(WANG, '通过'));
    expect(h.last(WANG)).toBe(
      `ℹ️ 提交 ${id} 已审核（副主席 赵某（示例））；这个按钮已失效，未作任何改动。`,
    );
    expect(sh(repo, 'log', '--format=%s', `main..${branchFor(id)}`).split('\n')).toHaveLength(2);
    await h.send(h.tg.press(LI, '通过'));
    expect(h.last(LI)).toMatch(/^✅ 已审定并合并发布/);
    await h.sink.close();
  });

  it('says why the merge did not happen when the publish stage refuses it', async () => {
    const { h, repo, id } = await delivered(sampleSubmission(2), (r) => {
      const file = join(r, 'content', 'publisher.yaml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        /approvals_required:/.test(text)
          ? text.replace(/approvals_required: \d+/, 'approvals_required: 3')
          : `${text}approvals_required: 3\n`,
      );
    });
    await h.send(h.tg.press(WANG, '通过'));
    await h.send(h.tg.press(LI, '通过'));
    expect(h.last(LI)).toContain(`⚠️ 已记录审定（${NAMES.li}），但提交 ${id} 未能合并发布：`);
    expect(h.last(LI)).toContain('approvals_required');
    expect(sh(repo, 'log', '-1', '--format=%s', 'main')).toBe('设置（示例）');
    // Once the publisher's setting is fixed on main, 通过 again merges without a second 审定.
    sh(repo, 'checkout', '-q', 'main~1', '--', 'content/publisher.yaml');
    sh(repo, 'commit', '-q', '-m', '恢复设置（示例）');
    await h.send(h.tg.press(LI, '通过'));
    expect(h.last(LI)).toMatch(/^✅ 已审定并合并发布/);
    expect(sh(repo, 'log', '-1', '--format=%(trailers:key=Merged-by,valueonly)', 'main')).toBe(
      NAMES.li,
    );
    expect(sh(repo, 'log', '--format=%(trailers:key=Approved-by,valueonly)', 'main').trim()).toBe(
      NAMES.li,
    );
    await h.sink.close();
  });

  it('asks each reviewer once when sending fails, and skips one who blocked the bot', async () => {
    const dir = join(t.dir, 'failures');
    const repo = reviewedRepo(dir);
    const h = approvalBot(dir, repo);
    const requests = (user: { id: number }) =>
      h.tg.since(0, user.id).filter((m) => m.text.startsWith('📋 请审核'));
    // A flood wait longer than the bot waits out: the notice fails and the outbox tries again.
    h.tg.failNext('sendMessage', 429, 'Too Many Requests: retry after 3600', 3600);
    await h.sink.submit(sampleSubmission(6));
    await h.sink.reconcile();
    await h.sink.reconcile();
    expect(h.notices.map((x) => x.outcome)).toEqual(['delivered', 'delivered']);
    expect([requests(WANG), requests(ZHAO)].map((r) => r.length)).toEqual([1, 1]);
    expect(h.tg.since(0, 1006).map((m) => m.text)).toHaveLength(1);
    // 王某 blocked the bot: logged and skipped, the others are asked and the submitter told.
    h.tg.failNext('sendMessage', 403, 'Forbidden: bot was blocked by the user');
    await h.sink.submit(sampleSubmission(7));
    await h.sink.reconcile();
    expect([requests(WANG), requests(ZHAO)].map((r) => r.length)).toEqual([1, 2]);
    expect(h.tg.since(0, 1007).map((m) => m.text)).toHaveLength(1);
    expect(h.log.lines.join('\n')).toContain('cannot reach 分管副主席 王某（示例）');
    await h.sink.close();
  });

  it('links non-public attachments with signed links', async () => {
    const s = sampleSubmission(3);
    const hex = 'ab'.repeat(32);
    s.files[0]!.content += `attachments:\n  - private: sha256:${hex}\n    kind: decision\n    name: decision-0123456789ab.pdf\n    size: 1234\n    type: application/pdf\n`;
    const { h } = await delivered(s);
    expect(h.tg.last(WANG.id)?.text).toMatch(
      new RegExp(
        `decision-0123456789ab\\.pdf（不公开，链接 14 天内有效）：http://127\\.0\\.0\\.1:8080/private-files/${hex}/decision-0123456789ab\\.pdf\\?exp=\\d+&sig=`,
      ),
    );
    await h.sink.close();
  });
});
