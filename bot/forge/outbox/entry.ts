/**
 * What the outbox keeps per submission, in a form that survives JSON (binary files as base64),
 * and the rules shared by the embedded and the Redis outbox: retry delays and which notice an
 * outcome calls for.
 */
import type { StuckDelivery } from '../../admin-alerts.ts';
import type {
  Forge,
  Notifier,
  PullRequestRef,
  ReviewState,
  Submission,
  SubmissionNotice,
} from '../types.ts';

/** The options both outboxes take (embedded-sink.ts, redis-sink.ts). */
export interface SinkOptions {
  forge: Forge;
  notify?: Notifier;
  /** How often open pull requests are checked for an outcome (default 5 min); 0 turns it off. */
  pollIntervalMs?: number;
  now?: () => Date;
  /** Where background failures are reported (default console.error). */
  log?: (message: string) => void;
  /** Told of each failed attempt once a submission has waited more than an hour (admin-alerts.ts). */
  stuck?: (delivery: StuckDelivery) => void;
}

/** A submission file as stored: text stays readable, bytes become base64. */
export interface StoredFile {
  path: string;
  encoding: 'utf8' | 'base64';
  data: string;
}

/** A submission as stored (JSON-safe). */
export type StoredSubmission = Omit<Submission, 'files'> & { files: StoredFile[] };

/** One submission in the outbox and how far it has got. */
export interface OutboxEntry {
  submission: StoredSubmission;
  storedAt: string;
  attempts: number;
  /** Forge calls begun (written before each): more than one means an earlier one may have got partway. */
  started?: number;
  /** Not before this time (ISO) is delivery tried again. */
  nextAttemptAt?: string;
  lastError?: string;
  delivered?: PullRequestRef & { at: string };
  /** The last state read from the forge. */
  review?: ReviewState;
  /** When each notice was handed to the notifier (ISO), by outcome. */
  notices: Partial<Record<SubmissionNotice['outcome'], string>>;
}

/** What the bot's health endpoint reads from an outbox. */
export interface OutboxHealth {
  /** Submissions stored and not yet delivered to the forge. */
  backlog: number;
  /** When the oldest of them was stored (ISO). */
  oldestStoredAt?: string;
  /** The last forge call that succeeded (ISO): a pull request opened or a state read. */
  lastForgeSuccessAt?: string;
}

/** Converts a submission for storage. */
export function storeSubmission(s: Submission): StoredSubmission {
  return {
    ...s,
    files: s.files.map((f) =>
      typeof f.content === 'string'
        ? { path: f.path, encoding: 'utf8', data: f.content }
        : { path: f.path, encoding: 'base64', data: Buffer.from(f.content).toString('base64') },
    ),
  };
}

/** Restores a stored submission. */
export function loadSubmission(s: StoredSubmission): Submission {
  return {
    ...s,
    files: s.files.map((f) => ({
      path: f.path,
      content: f.encoding === 'utf8' ? f.data : new Uint8Array(Buffer.from(f.data, 'base64')),
    })),
  };
}

/** Whether two stored submissions are the same (the same id sent twice is fine; different content is not). */
export function sameSubmission(a: StoredSubmission, b: StoredSubmission): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The error thrown when an id is reused for different content. */
export function reusedIdError(id: string): Error {
  return new Error(
    `submission id "${id}" is already stored with different content: give every confirmed submission a new id (the bot makes one when the submitter confirms)`,
  );
}

/** Delay before the next delivery attempt: 1 s, 2 s, 4 s … at most 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

/** The notice a review state calls for, if any. */
export function noticeFor(
  entry: Pick<OutboxEntry, 'submission'>,
  review: ReviewState,
): SubmissionNotice | undefined {
  const s = entry.submission;
  const base = {
    submissionId: s.id,
    recordId: s.recordId,
    title: s.title,
    submitter: s.submitter,
    url: review.url,
  };
  if (review.state === 'merged') return { ...base, outcome: 'published' };
  if (review.state === 'closed')
    return { ...base, outcome: 'rejected', ...(review.comment ? { comment: review.comment } : {}) };
  return undefined;
}

/** The notice for a freshly opened pull request. */
export function deliveredNotice(
  entry: Pick<OutboxEntry, 'submission'>,
  pr: PullRequestRef,
): SubmissionNotice {
  const s = entry.submission;
  return {
    submissionId: s.id,
    recordId: s.recordId,
    title: s.title,
    submitter: s.submitter,
    url: pr.url,
    outcome: 'delivered',
  };
}

/** Whether an entry still waits for its final outcome. */
export function awaitingOutcome(entry: OutboxEntry): boolean {
  return Boolean(entry.delivered) && !entry.notices.published && !entry.notices.rejected;
}

/** A short text of an error and its causes, for the entry's lastError. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e && parts.length < 4; e = (e as { cause?: unknown }).cause) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(' ← ').slice(0, 2000);
}
