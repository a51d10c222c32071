/**
 * Reviewing on a hosted forge (GitHub, Gitea/Forgejo, GitLab) from chat: the same approvals as
 * the review CLI's (approval-commit.ts), written as one commit on the pull request's branch
 * through the forge's API, and the merge through the forge's merge call. The forge's own checks
 * (the pull-request workflow) validate the merged content; a forge whose branch protection
 * requires its own reviews refuses the merge, which is reported as PlatformReviewRequired.
 */
import type { IsoDate } from '../../content/schema/index.ts';
import {
  approvalCommit,
  approvalsIn,
  approvalRole,
  approverName,
  mergeMessage,
  type BranchRecord,
} from './approval-commit.ts';
import { checkApprovals, ReviewRefusal, type Approval } from './approvals.ts';
import type { Forge } from './types.ts';

/** An open pull request's branch as a reviewer needs it. */
export interface BranchSnapshot {
  /** The pull request's page. */
  url: string;
  /** The head commit. */
  tip: string;
  /** The submission commit's subject. */
  title: string;
  /** The branch's commits after the base (with their committer date where the forge gives it). */
  commits: { sha: string; message: string; date?: string }[];
  /** The record files the branch adds or changes. */
  records: BranchRecord[];
}

/** What a hosted forge offers the chat approvals. */
export interface ReviewableForge extends Forge {
  /** The branch of a submission's open pull request, or undefined when none is open. */
  snapshot(submissionId: string): Promise<BranchSnapshot | undefined>;
  /** One commit of the files on the branch, on top of tip (refused if the branch moved). */
  commitOnBranch(
    submissionId: string,
    tip: string,
    files: { path: string; content: string }[],
    message: string,
  ): Promise<string>;
  /** Merges the pull request with this commit message; PlatformReviewRequired when protected. */
  mergePull(submissionId: string, tip: string, message: string): Promise<void>;
}

/** The forge refused the merge: its branch protection requires reviews given on the forge. */
export class PlatformReviewRequired extends Error {
  readonly url: string;
  readonly forgeMessage: string;

  constructor(url: string, forgeMessage: string) {
    super(`the forge requires its own reviews before merging ${url}: ${forgeMessage}`);
    this.url = url;
    this.forgeMessage = forgeMessage;
  }
}

/** Whether a forge can take approvals and merges from chat. */
export const isReviewable = (forge: Forge): forge is ReviewableForge =>
  typeof (forge as Partial<ReviewableForge>).snapshot === 'function' &&
  typeof (forge as Partial<ReviewableForge>).mergePull === 'function';

/** The review operations of the chat approvals on a hosted forge. */
export class HostedReview {
  readonly forge: ReviewableForge;

  constructor(forge: ReviewableForge) {
    this.forge = forge;
  }

  private async open(id: string): Promise<BranchSnapshot> {
    const snapshot = await this.forge.snapshot(id);
    if (!snapshot) throw new ReviewRefusal(`提交 ${id} 没有待审的合并请求，不能再操作`);
    return snapshot;
  }

  /** The approvals on the open pull request's branch (none when it is not open). */
  async approvals(id: string): Promise<Approval[]> {
    const snapshot = await this.forge.snapshot(id);
    return snapshot ? approvalsOf(snapshot) : [];
  }

  /** Writes an approval exactly as the review CLI does, as one commit on the branch. */
  async approve(
    id: string,
    options: { by: string; role?: 'review' | 'approve'; date: IsoDate },
  ): Promise<Approval & { startMoved?: { from: IsoDate; to: IsoDate } }> {
    approverName(options.by);
    const snapshot = await this.open(id);
    const { by, role } = approvalRole(id, options.by, approvalsOf(snapshot), options.role);
    const { changes, message, moved } = approvalCommit({
      id,
      role,
      by,
      date: options.date,
      title: snapshot.title,
      records: snapshot.records,
    });
    const commit = await this.forge.commitOnBranch(id, snapshot.tip, changes, message);
    return { role, by, commit, ...(moved ? { startMoved: moved } : {}) };
  }

  /**
   * Merges through the forge's API once 审核 and 审定 are both given (two people); the forge's
   * checks and branch protection have the last word.
   */
  async merge(id: string, options: { by: string }): Promise<void> {
    const snapshot = await this.open(id);
    checkApprovals(id, approvalsOf(snapshot), { approvals_required: 2 });
    await this.forge.mergePull(id, snapshot.tip, mergeMessage(id, snapshot.title, options.by));
  }
}

const approvalsOf = (s: BranchSnapshot) => approvalsIn(s.commits);
