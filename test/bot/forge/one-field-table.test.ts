/**
 * A pull (merge) request body carries exactly one field table on every hosted forge: the bot's
 * part of the body (bot/submission.ts) lists files and notes, the presenter adds the record's
 * fields once. Checked on the GitHub, Gitea and GitLab emulators with a submission the bot builds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Submission } from '../../../bot/forge/types.ts';
import { submissionBody } from '../../../bot/submission.ts';
import { giteaForgeFor, githubForgeFor, gitlabForgeFor } from './emulators/clients.ts';
import { GiteaEmulator } from './emulators/gitea.ts';
import { GitHubEmulator } from './emulators/github.ts';
import { GitLabEmulator } from './emulators/gitlab.ts';
import { recordId, sampleSubmission } from './fixtures.ts';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** Sample submission n with the body the bot writes for it (a note, the record file). */
function botSubmission(n: number): Submission {
  const s = sampleSubmission(n);
  const record = s.files[0]!;
  const body = submissionBody({
    id: s.id,
    kind: s.kind,
    recordId: recordId(n),
    recordFile: record.path,
    yaml: String(record.content),
    attachments: [],
    submitter: s.submitter,
    title: s.title,
    notes: ['报送单位：劳动保障监察支队（示例）'],
    createdAt: s.createdAt,
  });
  return { ...s, body };
}

/** The Markdown tables of a body: one per delimiter row (| --- | --- |). */
const tablesIn = (body: string) => body.match(/^\|(?:\s*:?-{3,}:?\s*\|)+\s*$/gm) ?? [];

describe('one field table per pull request', () => {
  it('on GitHub', async () => {
    const e = await new GitHubEmulator().start();
    stops.push(() => e.stop());
    await githubForgeFor(e).openPullRequest(botSubmission(1));
    expect(e.violations).toEqual([]);
    expect(tablesIn(e.pulls[0]!.body)).toHaveLength(1);
    expect(e.pulls[0]!.body).toContain('| 主体名称 | 示例市丙丁建筑工程有限公司1（示例） |');
  });

  it('on Gitea', async () => {
    const e = await new GiteaEmulator().start();
    stops.push(() => e.stop());
    await giteaForgeFor(e).openPullRequest(botSubmission(2));
    expect(e.violations).toEqual([]);
    expect(tablesIn(e.pulls[0]!.body)).toHaveLength(1);
  });

  it('on GitLab', async () => {
    const e = await new GitLabEmulator().start();
    stops.push(() => e.stop());
    await gitlabForgeFor(e).openPullRequest(botSubmission(3));
    expect(e.violations).toEqual([]);
    expect(tablesIn(e.mergeRequests[0]!.description)).toHaveLength(1);
  });
});
