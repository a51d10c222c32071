/**
 * The embedded outbox for one machine: a submission is written to disk before any forge call,
 * then delivered in the background, retried with growing delays while the forge is down, and
 * picked up again after a restart. A reconciler runs the same steps on a timer: deliver what is
 * pending (the forge finishes partial work, since every forge call is safe to repeat), read the
 * outcome of open pull requests, and hand each notice to the notifier once.
 */
import {
  assertSubmissionId,
  type Forge,
  type Notifier,
  type ReviewState,
  type RunningSink,
  type Submission,
  type SubmissionNotice,
} from '../types.ts';
import { assertRepoPath } from '../local-git.ts';
import {
  deliveredNotice,
  describeError,
  loadSubmission,
  noticeFor,
  retryDelayMs,
  storeSubmission,
  type OutboxEntry,
  type OutboxHealth,
  type SinkOptions,
} from './entry.ts';
import { FileOutboxStore } from './file-store.ts';
import { isStuck, type StuckDelivery } from '../../admin-alerts.ts';

/** Options of the embedded outbox. */
export interface EmbeddedSinkOptions extends SinkOptions {
  /** Directory of the outbox files. */
  dir: string;
  /** How often pending deliveries are looked at (default 5 s); 0 turns the timer off. */
  retryIntervalMs?: number;
}

/** The largest file a submission may carry: GitHub's blob API refuses much more (research: ~37 MB for binaries). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** Checks the parts of a submission the forge relies on, so a bad one fails when the bot submits it. */
export function assertSubmission(s: Submission): void {
  assertSubmissionId(s.id);
  if (!s.files.length)
    throw new Error(
      `submission ${s.id} has no files: a submission carries at least its record file`,
    );
  const paths = new Set<string>();
  for (const f of s.files) {
    assertRepoPath(f.path);
    if (paths.has(f.path))
      throw new Error(`submission ${s.id} has the file ${f.path} twice: send each path once`);
    paths.add(f.path);
    const bytes =
      typeof f.content === 'string' ? Buffer.byteLength(f.content) : f.content.byteLength;
    if (bytes > MAX_FILE_BYTES)
      throw new Error(
        `submission ${s.id}: ${f.path} is ${(bytes / 1048576).toFixed(1)} MB; a file may be at most ${MAX_FILE_BYTES / 1048576} MB — send a smaller picture or a compressed PDF`,
      );
  }
}

/** The outbox on one machine. */
export class EmbeddedSink implements RunningSink {
  readonly store: FileOutboxStore;
  readonly forge: Forge;
  private readonly notify?: Notifier;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private readonly stuck?: (delivery: StuckDelivery) => void;
  private readonly timers: NodeJS.Timeout[] = [];
  private running?: Promise<void>;
  private closed = false;
  /** The last forge call that succeeded (ISO), for the health endpoint. */
  private lastForgeSuccessAt?: string;

  constructor(options: EmbeddedSinkOptions) {
    this.forge = options.forge;
    this.store = new FileOutboxStore(options.dir);
    this.notify = options.notify;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((m) => console.error(m));
    this.stuck = options.stuck;
    const every = (ms: number, fn: () => Promise<void>) => {
      if (ms > 0)
        this.timers.push(
          setInterval(
            () => void fn().catch((e) => this.log(`outbox: ${describeError(e)}`)),
            ms,
          ).unref(),
        );
    };
    every(options.retryIntervalMs ?? 5000, () => this.deliverPending());
    every(options.pollIntervalMs ?? 5 * 60_000, () => this.checkOutcomes());
  }

  async submit(submission: Submission): Promise<{ stored: true; receipt: string }> {
    assertSubmission(submission);
    await this.store.put(storeSubmission(submission), this.now().toISOString());
    // Deliver soon, but the caller's answer depends only on the submission being stored.
    setImmediate(
      () => void this.deliverPending().catch((e) => this.log(`outbox: ${describeError(e)}`)),
    );
    return { stored: true, receipt: submission.id };
  }

  async status(submissionId: string) {
    const entry = await this.store.get(submissionId);
    return {
      delivered: Boolean(entry?.delivered),
      pullRequest: entry?.delivered,
      review: entry?.review,
    };
  }

  /** Delivers pending submissions and reads outcomes now. */
  reconcile(): Promise<void> {
    return this.serial(async () => {
      await this.deliverDue();
      await this.checkAll();
    });
  }

  /** Delivers every submission that is due (one at a time: forges want serial writes). */
  deliverPending(): Promise<void> {
    return this.serial(() => this.deliverDue());
  }

  /** Reads the outcome of every delivered submission still waiting for one. */
  checkOutcomes(): Promise<void> {
    return this.serial(() => this.checkAll());
  }

  /** Reads one submission's outcome now (a webhook said something happened to it). */
  async refresh(submissionId: string): Promise<ReviewState | undefined> {
    await this.store.withLock(submissionId, async () => {
      const entry = await this.store.get(submissionId);
      if (entry?.delivered) await this.updateOutcome(entry);
    });
    return (await this.store.get(submissionId))?.review;
  }

  /** Backlog and the last successful forge call, for the bot's health endpoint. */
  async health(): Promise<OutboxHealth> {
    const pending = (await this.store.all()).filter((e) => !e.delivered);
    return {
      backlog: pending.length,
      oldestStoredAt: pending[0]?.storedAt,
      lastForgeSuccessAt: this.lastForgeSuccessAt,
    };
  }

  /**
   * Stops the timers and waits for the round in flight: a delivery already begun finishes (its
   * result is written), the submissions after it stay queued for the next start.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    await this.running?.catch(() => undefined);
  }

  /** Runs one round at a time; a call during a round waits for it and then runs its own. */
  private serial(fn: () => Promise<void>): Promise<void> {
    const next = (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => (this.closed ? undefined : fn()));
    this.running = next;
    return next;
  }

  private async deliverDue(): Promise<void> {
    const now = this.now().toISOString();
    for (const entry of await this.store.all()) {
      if (this.closed) return;
      if (entry.delivered) {
        if (!entry.notices.delivered && !entry.notices.published && !entry.notices.rejected) {
          await this.store.withLock(entry.submission.id, () =>
            this.sendPendingNotices(entry.submission.id),
          );
        }
        continue;
      }
      if (entry.nextAttemptAt && entry.nextAttemptAt > now) continue;
      await this.store.withLock(entry.submission.id, () => this.deliver(entry.submission.id));
    }
  }

  private async deliver(id: string): Promise<void> {
    const entry = await this.store.get(id);
    if (!entry || entry.delivered) return;
    entry.started = (entry.started ?? 0) + 1;
    await this.store.write(entry);
    try {
      const pr = await this.forge.openPullRequest(loadSubmission(entry.submission), {
        resumed: entry.started > 1,
      });
      entry.delivered = { ...pr, at: this.now().toISOString() };
      this.lastForgeSuccessAt = entry.delivered.at;
      delete entry.nextAttemptAt;
      delete entry.lastError;
      await this.store.write(entry);
    } catch (error) {
      entry.attempts += 1;
      entry.lastError = describeError(error);
      entry.nextAttemptAt = new Date(
        this.now().getTime() + retryDelayMs(entry.attempts),
      ).toISOString();
      await this.store.write(entry);
      this.log(
        `outbox: delivering ${id} to ${this.forge.name} failed (attempt ${entry.attempts}, next at ${entry.nextAttemptAt}): ${entry.lastError}`,
      );
      if (isStuck(entry.storedAt, this.now()))
        this.stuck?.({
          id,
          forge: this.forge.name,
          storedAt: entry.storedAt,
          attempts: entry.attempts,
          lastError: entry.lastError,
        });
      return;
    }
    await this.sendPendingNotices(id);
  }

  private async checkAll(): Promise<void> {
    for (const entry of await this.store.all()) {
      if (this.closed) return;
      const final = entry.review && entry.review.state !== 'open';
      if (
        !entry.delivered ||
        entry.notices.published ||
        entry.notices.rejected ||
        (final && !this.notify)
      )
        continue;
      await this.store.withLock(entry.submission.id, async () => {
        const fresh = await this.store.get(entry.submission.id);
        if (fresh) await this.updateOutcome(fresh);
      });
    }
  }

  private async updateOutcome(entry: OutboxEntry): Promise<void> {
    try {
      const review = await this.forge.state(entry.submission.id);
      this.lastForgeSuccessAt = this.now().toISOString();
      if (review && JSON.stringify(review) !== JSON.stringify(entry.review)) {
        entry.review = review;
        await this.store.write(entry);
      }
    } catch (error) {
      this.log(
        `outbox: reading the state of ${entry.submission.id} on ${this.forge.name} failed: ${describeError(error)}`,
      );
      return;
    }
    await this.sendPendingNotices(entry.submission.id);
  }

  /** Hands each due notice to the notifier once; a failing notifier is tried again next round. */
  private async sendPendingNotices(id: string): Promise<void> {
    const entry = await this.store.get(id);
    if (!entry?.delivered || !this.notify) return;
    const final = entry.review ? noticeFor(entry, entry.review) : undefined;
    const due: SubmissionNotice[] = [];
    if (final) {
      if (!entry.notices[final.outcome]) due.push(final);
    } else if (!entry.notices.delivered) due.push(deliveredNotice(entry, entry.delivered));
    for (const notice of due) {
      try {
        await this.notify(notice);
      } catch (error) {
        this.log(
          `outbox: telling the submitter of ${id} (${notice.outcome}) failed, will retry: ${describeError(error)}`,
        );
        return;
      }
      entry.notices[notice.outcome] = this.now().toISOString();
      await this.store.write(entry);
    }
  }
}
