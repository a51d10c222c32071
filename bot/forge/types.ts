/**
 * The contract between the bot and the forges: a submission is a set of files for the content
 * repository that becomes one commit on one branch and one pull request, exactly once.
 */

/** What a submission asks for. */
export type SubmissionKind = 'new' | 'objection' | 'repair' | 'edit';

/** A file of a submission, by its path in the content repository (content/records/…, content/media/…). */
export interface SubmissionFile {
  path: string;
  content: Uint8Array | string;
}

/** A confirmed submission: everything needed to open its pull request, with no reference to chat state. */
export interface Submission {
  /** Stable, unique id chosen when the submitter confirms; the branch is named from it. */
  id: string;
  kind: SubmissionKind;
  /** The record the submission creates or changes (a batch: its first). */
  recordId: string;
  /** Every record of a submission holding several (a batch from a spreadsheet, bot/batch/), in order. */
  recordIds?: string[];
  /**
   * Who sent it: the submitting unit for staff; for the public (objections) only a chat id. The
   * language is the one the submitter used in chat, for the notices (absent: Chinese).
   */
  submitter: {
    unit?: string;
    chatId?: number;
    userId?: number;
    displayName?: string;
    language?: 'zh' | 'en';
  };
  /** One line for the pull request title and the commit subject. */
  title: string;
  /** Human summary for the pull request body (Markdown). */
  body: string;
  files: SubmissionFile[];
  /** ISO timestamp of the confirmation. */
  createdAt: string;
}

/** Where a submission's pull request stands. */
export type ReviewState =
  | { state: 'open'; url: string; approvals: number }
  | { state: 'merged'; url: string; mergedAt: string }
  | { state: 'closed'; url: string; comment?: string };

/** A pull request found on a forge. */
export interface PullRequestRef {
  submissionId: string;
  branch: string;
  url: string;
  number?: number;
  /** When the pull request was opened (ISO time), where the forge says. */
  createdAt?: string;
}

/** How the outbox calls openPullRequest. */
export interface OpenOptions {
  /**
   * An earlier attempt may have got partway (the process stopped, a call timed out): look for an
   * existing pull request first. On a first attempt a forge may skip that look-up (one call fewer).
   */
  resumed?: boolean;
}

/** One forge (local git, GitHub, Gitea/Forgejo, GitLab). Every method is safe to repeat. */
export interface Forge {
  readonly name: string;
  /** Opens (or finds, if it already exists) the pull request of a submission. */
  openPullRequest(submission: Submission, options?: OpenOptions): Promise<PullRequestRef>;
  find(submissionId: string): Promise<PullRequestRef | undefined>;
  state(submissionId: string): Promise<ReviewState | undefined>;
  listOpen(): Promise<PullRequestRef[]>;
}

/**
 * What the bot hands a confirmed submission to: stores it durably before any forge call and
 * delivers it later (the outbox). Resolves once stored; delivery happens in the background.
 */
export interface SubmissionSink {
  submit(submission: Submission): Promise<{ stored: true; receipt: string }>;
  /** The pull request or branch of a submission once delivered. */
  status(
    submissionId: string,
  ): Promise<{ delivered: boolean; pullRequest?: PullRequestRef; review?: ReviewState }>;
}

/** The branch of a submission. */
export const branchFor = (submissionId: string) => `submission/${submissionId}`;

/**
 * Submission ids become branch names and file names: letters, digits, '.', '_' and '-', starting
 * with a letter or digit, at most 100 characters (e.g. 2026q3-black-007-k3f9).
 */
export const SUBMISSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Throws, naming the id and the rule, when a submission id cannot name a branch. */
export function assertSubmissionId(id: string): void {
  if (
    !SUBMISSION_ID_PATTERN.test(id) ||
    id.includes('..') ||
    id.endsWith('.lock') ||
    id.endsWith('.')
  ) {
    throw new Error(
      `submission id "${id}" cannot name a branch: use letters, digits, '.', '_' and '-' (no '..', not ending in '.' or '.lock'), at most 100 characters, e.g. 2026q3-black-007-k3f9`,
    );
  }
}

/** What the submitter is told: the pull request was opened, or its final outcome. */
export interface SubmissionNotice {
  submissionId: string;
  recordId: string;
  title: string;
  submitter: Submission['submitter'];
  /** delivered: the pull request exists (sent once, with its link); published: merged; rejected: closed unmerged. */
  outcome: 'delivered' | 'published' | 'rejected';
  url: string;
  /** The reviewer's comment when rejected. */
  comment?: string;
}

/**
 * The bot's "send a message" function. Each (submission, outcome) is handed to it once; if it
 * throws, it is called again later (so it should be quick and may be retried after a crash).
 */
export type Notifier = (notice: SubmissionNotice) => Promise<void>;

/** A sink that also runs: delivers in the background, polls outcomes, and can be stopped. */
export interface RunningSink extends SubmissionSink {
  /** Delivers what is pending and checks outcomes now (the same work the timers do). */
  reconcile(): Promise<void>;
  /** Stops the timers and closes connections; stored submissions stay stored. */
  close(): Promise<void>;
}
