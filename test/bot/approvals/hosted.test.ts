/**
 * 审核 and 审定 in chat on the hosted forges, each an emulator checked against the forge's official
 * OpenAPI description: the 审核人 gets the summary with 通过 / 退回, presses 通过, the 审定人 gets it
 * and presses 通过, and the pull request is merged through the forge's API. The approval commits
 * on the branch and the merge carry exactly what the review CLI's library writes for the same
 * submission on local git (record text and commit messages compared). With branch protection
 * requiring the forge's own reviews, the merge is refused and the chat says so with the link;
 * once approved on the forge, 通过 again merges.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChatApprovals } from '../../../bot/approvals/service.ts';
import { approvalStore } from '../../../bot/approvals/store.ts';
import { LocalGitForge } from '../../../bot/forge/local-git.ts';
import { LocalReview } from '../../../bot/forge/local-review.ts';
import type { Forge } from '../../../bot/forge/types.ts';
import { sampleSubmission, sh, tempDir } from '../forge/fixtures.ts';
import { harness } from '../support/harness.ts';
import { HOSTED, type HostedCase } from './hosted-cases.ts';
import { LI, NAMES, reviewedRepo, WANG } from './setup.ts';

const t = tempDir('honghei-approval-hosted-');
afterAll(() => t.remove());
const TODAY = '2026-11-20';
let n = 0;

/** The bot with the chat approvals on a forge, and a submission's pull request opened there. */
async function opened(forge: Forge, submissionNo: number) {
  const repo = reviewedRepo(join(t.dir, `r${++n}`));
  const s = sampleSubmission(submissionNo);
  const ref = await forge.openPullRequest(s);
  const h = harness({ root: repo });
  const approvals = (h.services.approvals = new ChatApprovals({
    api: h.bot.api,
    forge,
    reviewersFile: join(repo, 'content', 'reviewers.yml'),
    store: approvalStore(h.storage),
    links: h.privateFiles.links,
    today: () => TODAY,
    log: h.log,
  }));
  await approvals.notifier(async () => undefined)({
    submissionId: s.id,
    recordId: s.recordId,
    title: s.title,
    submitter: s.submitter,
    outcome: 'delivered',
    url: ref.url,
  });
  return { h, s, ref };
}

/** What the review CLI's library writes for the submission on local git: main's record and messages. */
async function cliResult(submissionNo: number) {
  const repo = reviewedRepo(join(t.dir, `cli${++n}`));
  const s = sampleSubmission(submissionNo);
  const forge = new LocalGitForge({ repo });
  await forge.openPullRequest(s);
  const review = new LocalReview(forge);
  await review.approve(s.id, { by: NAMES.wang, date: TODAY });
  await review.approve(s.id, { by: NAMES.li, date: TODAY });
  await review.merge(s.id, { by: NAMES.li, date: TODAY });
  const messages = sh(repo, 'log', '--reverse', '--format=%B%x00', 'main~1..main')
    .split('\0')
    .map((m) => m.trim())
    .filter(Boolean);
  const record = execFileSync('git', ['-C', repo, 'show', `main:${s.files[0]!.path}`], {
    encoding: 'utf8',
  });
  return { record, messages };
}

describe.each(HOSTED)('审核 and 审定 in chat on $name', { timeout: 60_000 }, (c: HostedCase) => {
  it('approves in chat, writes what the CLI writes, and merges through the API', async () => {
    const e = await c.start();
    try {
      const { h, s } = await opened(c.forgeFor(e), 6);
      const request = h.tg.last(WANG.id)!;
      expect(request.text).toMatch(/^📋 请审核：/);
      expect(request.text).toContain(c.pullUrl(e, 1));
      expect(request.buttons.flat().map((b) => b.text)).toEqual(['✅ 通过', '↩️ 退回（附意见）']);
      await h.send(h.tg.press(WANG, '通过'));
      expect(h.last(WANG)).toMatch(/^✅ 已记录审核：/);
      expect(h.tg.last(LI.id)!.text).toMatch(/^📋 请审定：/);
      await h.send(h.tg.press(LI, '通过'));
      expect(h.last(LI)).toMatch(/^✅ 已审定并合并发布/);
      expect(c.merged(e, 1)).toBe(true);

      const cli = await cliResult(6);
      expect(c.mainFile(e, s.files[0]!.path)).toBe(cli.record);
      expect(c.mainMessages(e).map((m) => m.trim())).toEqual(cli.messages);
    } finally {
      await c.stop(e);
    }
  });

  it('says honestly when branch protection requires reviews on the forge', async () => {
    const e = await c.start();
    try {
      c.protect(e);
      const { h } = await opened(c.forgeFor(e), 7);
      await h.send(h.tg.press(WANG, '通过'));
      await h.send(h.tg.press(LI, '通过'));
      expect(h.last(LI)).toBe(
        `⚠️ 已审定（${NAMES.li}）；代码托管平台的分支保护要求平台上的评审，请在平台上批准后合并：${c.pullUrl(e, 1)}`,
      );
      expect(c.merged(e, 1)).toBe(false);
      c.approveOnForge(e, 1);
      await h.send(h.tg.press(LI, '通过'));
      expect(h.last(LI)).toMatch(/^✅ 已审定并合并发布/);
      expect(c.merged(e, 1)).toBe(true);
    } finally {
      await c.stop(e);
    }
  });
});
