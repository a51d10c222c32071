/**
 * Who may decide on a submission in chat, as a pure function of the facts (the reviewers of
 * content/reviewers.yml, the submission's state and approvals, its submitter): a reviewer only for
 * a role they hold, never on their own submission, never both approvals; a decision already made
 * (a second press, a stale message) is answered, not repeated. The review CLI's library checks the
 * approval again when it writes it.
 */
import type { Approval } from '../forge/approvals.ts';
import type { ReviewState } from '../forge/types.ts';
import type { Role } from './request.ts';

/** A text for the person who pressed or wrote: a locale key and its variables. */
export interface Reply {
  key: string;
  vars?: Record<string, string | number>;
  /** Variables that name a role, shown in the reader's language (approval-role-…). */
  roles?: Record<string, Role>;
  /** The request is settled: its buttons are removed. */
  done?: boolean;
  /** A further line (e.g. the publication start moved to the approval day). */
  then?: Reply;
}

/** A reviewer as content/reviewers.yml names them. */
export interface ChatReviewer {
  name: string;
  role: Role;
  chatId?: number;
}

/** What a decision depends on. */
export interface DecisionFacts {
  userId: number;
  role: Role;
  id: string;
  /** 退回 (may come before the 审核) rather than 通过. */
  rejecting: boolean;
  reviewers: readonly ChatReviewer[];
  state: ReviewState | undefined;
  submitterUserId?: number;
  approvals: readonly Pick<Approval, 'role' | 'by'>[];
}

/** Allowed: the name written as approvals.by; mergeOnly when the 审定 is recorded and only the merge is left. */
export type Decision = Reply | { name: string; mergeOnly?: boolean };

/** Decides whether the user may act; a Reply is a refusal or a notice that nothing was done. */
export function decide(f: DecisionFacts): Decision {
  const { id, role } = f;
  const mine = f.reviewers.filter((r) => r.chatId === f.userId);
  if (!mine.length) return { key: 'approval-refused-not-reviewer' };
  const entry = mine.find((r) => r.role === role);
  if (!entry) return { key: 'approval-refused-role', roles: { held: mine[0]!.role, role } };
  if (!f.state) return { key: 'approval-stale-unknown', vars: { id }, done: true };
  if (f.state.state === 'merged') return { key: 'approval-stale-merged', vars: { id }, done: true };
  if (f.state.state === 'closed')
    return { key: 'approval-stale-rejected', vars: { id }, done: true };
  if (f.submitterUserId === f.userId) return { key: 'approval-refused-own', vars: { id } };
  const given = f.approvals.find((a) => a.role === role);
  // 审定 recorded but not merged (the publish stage refused): 通过 again retries the merge only.
  if (given && role === 'approve' && !f.rejecting) return { name: entry.name, mergeOnly: true };
  if (given)
    return { key: 'approval-stale-done', vars: { id, by: given.by }, roles: { role }, done: true };
  const mineGiven = f.approvals.find((a) => mine.some((r) => r.name === a.by));
  if (mineGiven)
    return { key: 'approval-refused-both', vars: { id }, roles: { done: mineGiven.role } };
  if (!f.rejecting && role === 'approve' && !f.approvals.some((a) => a.role === 'review'))
    return { key: 'approval-not-reviewed', vars: { id } };
  return { name: entry.name };
}
