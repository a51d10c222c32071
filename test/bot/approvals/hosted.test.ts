/**
 * On a hosted forge the approvals are given on the forge (where its branch protection and the
 * approval workflow see them), not in chat: the 审核人 gets the pull request's link and no
 * buttons, and a button pressed anyway (an old or forged one) changes nothing and says where to
 * approve. The forge is the GitHub emulator checked against GitHub's OpenAPI description.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatApprovals } from '../../../bot/approvals/service.ts';
import { approvalStore } from '../../../bot/approvals/store.ts';
import { githubForgeFor } from '../forge/emulators/clients.ts';
import { GitHubEmulator } from '../forge/emulators/github.ts';
import { sampleSubmission, tempDir } from '../forge/fixtures.ts';
import { harness } from '../support/harness.ts';
import { reviewedRepo, WANG } from './setup.ts';

const t = tempDir('honghei-approval-hosted-');
afterAll(() => t.remove());
let gh: GitHubEmulator;
beforeEach(async () => {
  gh = await new GitHubEmulator().start();
});
afterEach(async () => {
  await gh.stop();
  expect(gh.violations).toEqual([]);
});

describe('chat approvals on a hosted forge', () => {
  it('sends the 审核人 the pull request link without buttons, and refuses buttons', async () => {
    const repo = reviewedRepo(t.dir);
    const forge = githubForgeFor(gh);
    const s = sampleSubmission(4);
    const ref = await forge.openPullRequest(s);
    const h = harness({ root: repo });
    const approvals = (h.services.approvals = new ChatApprovals({
      api: h.bot.api,
      forge,
      reviewersFile: join(repo, 'content', 'reviewers.yml'),
      store: approvalStore(h.storage),
      links: h.privateFiles.links,
      today: () => '2026-11-20',
      log: h.log,
    }));
    const told: string[] = [];
    await approvals.notifier(async (n) => void told.push(n.outcome))({
      submissionId: s.id,
      recordId: s.recordId,
      title: s.title,
      submitter: s.submitter,
      outcome: 'delivered',
      url: ref.url,
    });
    expect(told).toEqual(['delivered']);
    const request = h.tg.last(WANG.id)!;
    expect(request.text).toBe(
      `📋 待审核：${s.title}（提交 ${s.id}）。本发布单位的提交在代码托管平台（github）上审批，请打开 ${ref.url} 审核。`,
    );
    expect(request.buttons).toEqual([]);
    const calls = gh.requests.length;
    await h.send(h.tg.pressData(WANG, `appr:ok:review:${s.id}`));
    expect(h.last(WANG)).toBe(
      'ℹ️ 本发布单位的提交在代码托管平台（github）上审批，请在平台上操作。',
    );
    expect(gh.requests.length).toBe(calls);
  });
});
