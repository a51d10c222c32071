/**
 * Submissions waiting for a review, for the "waiting too long" reminder: on the local git forge,
 * each open submission branch (LocalGitForge.listOpen), the approval it waits for (审核 until a
 * Reviewed-by commit, then 审定) and the day it has waited since (the submission's commit, or the
 * 审核 commit), in China's time; and the objections its records carry (an objection received in
 * chat is a submission until merged, and its deadline runs meanwhile). On a hosted forge that
 * takes chat approvals (ReviewableForge) the same from its API: the pull request's opening time,
 * the approval state from the branch commits' trailers, and the 审核 commit's date.
 */
import { parse } from 'yaml';
import { batchOf, chinaDate, type IsoDate } from '../../content/schema/index.ts';
import { git, trailerValues } from '../forge/git.ts';
import { LocalGitForge, TRAILERS } from '../forge/local-git.ts';
import { isReviewable, type ReviewableForge } from '../forge/hosted-review.ts';
import type { Forge } from '../forge/types.ts';

/** A submission waiting for its next approval. */
export interface PendingReview {
  submissionId: string;
  title: string;
  url: string;
  awaiting: 'review' | 'approve';
  /** The day the wait began. */
  since: IsoDate;
  /** The submitting unit (name or id, as the submission's Submitted-by says) and its records' batch. */
  unit?: string;
  batch: string;
  /** Objections not yet handled in the submission's record files. */
  objections?: BranchObjection[];
}

/** An objection in a record on a submission branch. */
export interface BranchObjection {
  id: string;
  name: string;
  /** The record's submitting unit (submitted.unit). */
  unit: string;
  received: IsoDate;
  due: IsoDate | 'pending';
  file: string;
}

/** The batch of a branch's records and the objections still open (the last history event) in them. */
async function branchRecords(
  forge: LocalGitForge,
  branch: string,
): Promise<{ batch?: string; objections: BranchObjection[] }> {
  const { stdout } = await git(forge.repo, [
    'diff',
    '--name-only',
    `refs/heads/${forge.base}...refs/heads/${branch}`,
    '--',
    'content/records',
  ]);
  const out: BranchObjection[] = [];
  let batch: string | undefined;
  for (const file of stdout.split('\n').filter((f) => /\.ya?ml$/.test(f))) {
    const shown = await git(forge.repo, ['show', `refs/heads/${branch}:${file}`], {
      okCodes: [128],
    });
    if (shown.code !== 0) continue; // deleted on the branch
    const facts = recordFacts(file, shown.stdout);
    batch ??= facts.batch;
    if (facts.objection) out.push(facts.objection);
  }
  return { ...(batch ? { batch } : {}), objections: out };
}

/** A record's batch and its objection still open (the last history event), if any. */
function recordFacts(file: string, text: string): { batch?: string; objection?: BranchObjection } {
  const r = parse(text) as {
    id?: string;
    batch?: string;
    subject?: { name?: string };
    submitted?: { unit?: string };
    history?: { status?: string; date?: string; due?: string }[];
  } | null;
  const batch = typeof r?.batch === 'string' ? { batch: r.batch } : {};
  const last = r?.history?.at(-1);
  if (!(r?.id && last?.status === 'objection' && last.date && last.due)) return batch;
  return {
    ...batch,
    objection: {
      id: r.id,
      name: r.subject?.name ?? r.id,
      unit: r.submitted?.unit ?? '',
      received: last.date,
      due: last.due,
      file,
    },
  };
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

/** The submissions waiting for a review on a hosted forge, from its API. */
async function hostedPending(forge: ReviewableForge): Promise<PendingReview[]> {
  const out: PendingReview[] = [];
  for (const ref of await forge.listOpen()) {
    const snapshot = await forge.snapshot(ref.submissionId);
    if (!snapshot) continue;
    const first = snapshot.commits.find((c) => trailerValues(c.message, TRAILERS.kind).length);
    const reviewed = snapshot.commits.find((c) => trailerValues(c.message, TRAILERS.review).length);
    const opened = ref.createdAt ?? first?.date;
    const at = reviewed ? (reviewed.date ?? opened) : opened;
    if (!at) continue; // the forge gives no date: nothing to measure the wait from
    const unit = first && trailerValues(first.message, TRAILERS.submitter)[0];
    const facts = snapshot.records.map((r) => recordFacts(r.path, r.text));
    const objections = facts.flatMap((f) => (f.objection ? [f.objection] : []));
    out.push({
      submissionId: ref.submissionId,
      title: snapshot.title,
      url: ref.url,
      awaiting: reviewed ? 'approve' : 'review',
      since: chinaDate(at),
      ...(unit ? { unit } : {}),
      batch: facts.find((f) => f.batch)?.batch ?? batchOf(chinaDate(at)),
      ...(objections.length ? { objections } : {}),
    });
  }
  return out;
}

/** The submissions waiting for a review on a forge (local git, or a hosted forge's API). */
export async function pendingReviews(forge: Forge): Promise<PendingReview[]> {
  if (isReviewable(forge)) return hostedPending(forge);
  if (!(forge instanceof LocalGitForge)) return [];
  const out: PendingReview[] = [];
  for (const ref of await forge.listOpen()) {
    const commits = await branchCommits(forge, ref.branch);
    const first = commits[0];
    if (!first) continue;
    const reviewed = commits.find((c) => trailerValues(c.message, TRAILERS.review).length);
    const unit = trailerValues(first.message, TRAILERS.submitter)[0];
    const { batch, objections } = await branchRecords(forge, ref.branch);
    out.push({
      submissionId: ref.submissionId,
      title: first.subject,
      url: ref.url,
      awaiting: reviewed ? 'approve' : 'review',
      since: (reviewed ?? first).date,
      ...(unit ? { unit } : {}),
      batch: batch ?? batchOf(first.date),
      ...(objections.length ? { objections } : {}),
    });
  }
  return out;
}
