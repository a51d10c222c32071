/**
 * Submissions waiting for a review, for the "waiting too long" reminder: on the local git forge,
 * each open submission branch (LocalGitForge.listOpen), the approval it waits for (审核 until a
 * Reviewed-by commit, then 审定) and the day it has waited since (the submission's commit, or the
 * 审核 commit), in China's time. The hosted forges' listOpen gives no dates, so they yield none.
 */
import { batchOf, chinaDate, type IsoDate } from '../../content/schema/index.ts';
import { git, trailerValues } from '../forge/git.ts';
import { LocalGitForge, TRAILERS } from '../forge/local-git.ts';
import type { Forge } from '../forge/types.ts';

/** A submission waiting for its next approval. */
export interface PendingReview {
  submissionId: string;
  title: string;
  url: string;
  awaiting: 'review' | 'approve';
  /** The day the wait began. */
  since: IsoDate;
  /** The submitting unit (name or id, as the submission's Submitted-by says) and its batch. */
  unit?: string;
  batch: string;
}

/** One commit of a branch: its date in China, subject and trailers' message. */
interface CommitInfo {
  date: IsoDate;
  subject: string;
  message: string;
}

/** The commits of a branch since the base, oldest first. */
async function branchCommits(forge: LocalGitForge, branch: string): Promise<CommitInfo[]> {
  const { stdout } = await git(forge.repo, [
    'log',
    '--reverse',
    '--format=%cI%x00%s%x00%B%x1e',
    `refs/heads/${forge.base}..refs/heads/${branch}`,
  ]);
  return stdout
    .split('\x1e')
    .map((c) => c.replace(/^\n/, ''))
    .filter(Boolean)
    .map((c) => {
      const [at, subject, message] = c.split('\x00') as [string, string, string];
      return { date: chinaDate(at), subject, message };
    });
}

/** The submissions waiting for a review on a forge (local git only; others: none). */
export async function pendingReviews(forge: Forge): Promise<PendingReview[]> {
  if (!(forge instanceof LocalGitForge)) return [];
  const out: PendingReview[] = [];
  for (const ref of await forge.listOpen()) {
    const commits = await branchCommits(forge, ref.branch);
    const first = commits[0];
    if (!first) continue;
    const reviewed = commits.find((c) => trailerValues(c.message, TRAILERS.review).length);
    const unit = trailerValues(first.message, TRAILERS.submitter)[0];
    out.push({
      submissionId: ref.submissionId,
      title: first.subject,
      url: ref.url,
      awaiting: reviewed ? 'approve' : 'review',
      since: (reviewed ?? first).date,
      ...(unit ? { unit } : {}),
      batch: batchOf(first.date),
    });
  }
  return out;
}
