/**
 * A batch submission (several records in one pull request, bot/batch/) on local git: the 审核人's
 * request lists every record's rows, each after a line naming its file, not only the first.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleSubmission, tempDir } from '../forge/fixtures.ts';
import { approvalBot, reviewedRepo, WANG } from './setup.ts';

const t = tempDir('honghei-approval-batch-');
afterAll(() => t.remove());

describe('the approval request of a batch', { timeout: 60_000 }, () => {
  it('lists the rows of every record', async () => {
    const repo = reviewedRepo(t.dir);
    const [a, b] = [sampleSubmission(11), sampleSubmission(12)];
    const batch = {
      ...a,
      recordIds: [a.recordId, b.recordId],
      files: [...a.files, ...b.files],
    };
    const h = approvalBot(t.dir, repo);
    await h.sink.submit(batch);
    await h.sink.reconcile();
    const text = h.tg.last(WANG.id)!.text;
    expect(text).toMatch(/^📋 请审核：/);
    expect(text).toContain('示例市丙丁建筑工程有限公司11');
    expect(text).toContain('示例市丙丁建筑工程有限公司12');
    expect(text).toContain(`—：${b.files[0]!.path}`);
    await h.sink.close();
  });
});
