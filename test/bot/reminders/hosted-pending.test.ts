/**
 * The "waiting too long" reminder's input on the hosted forges (bot/reminders/pending.ts): each
 * open pull request with the day it was opened (the forge's created_at), the approval it waits
 * for read from the branch commits' trailers (审核, then 审定 after a Reviewed-by commit written
 * through the API as the chat approvals write it), its unit and its records' batch.
 */
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../../content/schema/index.ts';
import { HostedReview, type ReviewableForge } from '../../../bot/forge/hosted-review.ts';
import { pendingReviews } from '../../../bot/reminders/pending.ts';
import { HOSTED, type HostedCase } from '../approvals/hosted-cases.ts';
import { NAMES } from '../approvals/setup.ts';
import { sampleSubmission } from '../forge/fixtures.ts';

describe.each(HOSTED)('pending reviews on $name', (c: HostedCase) => {
  it('lists the open pull request, waiting for 审核, then for 审定', async () => {
    const e = await c.start();
    try {
      const forge = c.forgeFor(e) as ReviewableForge;
      const s = sampleSubmission(8);
      await forge.openPullRequest(s);
      const today = chinaDate(new Date().toISOString());
      const [waiting] = await pendingReviews(forge);
      expect(waiting).toMatchObject({
        submissionId: s.id,
        title: s.title,
        url: c.pullUrl(e, 1),
        awaiting: 'review',
        since: today,
        unit: s.submitter.unit,
        batch: '2026-Q4',
      });
      await new HostedReview(forge).approve(s.id, { by: NAMES.wang, date: '2026-11-20' });
      expect((await pendingReviews(forge))[0]).toMatchObject({ awaiting: 'approve' });
    } finally {
      await c.stop(e);
    }
  });
});
