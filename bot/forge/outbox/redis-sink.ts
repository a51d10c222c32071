/**
 * The outbox for several bot instances: submissions live in Redis beside the bot's other state,
 * and delivery runs through BullMQ queues whose job ids come from the submission id, so however
 * many instances receive, retry or reconcile a submission, one job exists and one worker at a
 * time runs it. Writes to the forge are serialised across instances (global concurrency 1).
 *
 * Keys (prefix default "honghei"): `<p>:outbox:<id>` hash (submission, storedAt, attempts,
 * lastError, delivered, review, notice:<outcome>), `<p>:outbox:index` (ids by time),
 * `<p>:outbox:awaiting` (delivered, final outcome not yet told), and BullMQ's own keys.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type {
  Forge,
  Notifier,
  PullRequestRef,
  ReviewState,
  RunningSink,
  Submission,
  SubmissionNotice,
} from '../types.ts';
import { assertSubmission } from './embedded-sink.ts';
import { isStuck, type StuckDelivery } from '../../admin-alerts.ts';
import {
  deliveredNotice,
  describeError,
  loadSubmission,
  noticeFor,
  retryDelayMs,
  reusedIdError,
  sameSubmission,
  storeSubmission,
  type OutboxHealth,
  type SinkOptions,
  type StoredSubmission,
} from './entry.ts';

/** Options of the Redis outbox. */
export interface RedisSinkOptions extends SinkOptions {
  /** redis://host:port/db */
  url: string;
  /** Key and queue prefix, one per deployment (default honghei). */
  prefix?: string;
}

type DeliverJob = { id: string };
type NotifyJob = { notice: SubmissionNotice };

/** A delivery is never given up: the forge may be down for days. */
const ATTEMPTS = 1_000_000;

/** The outbox in Redis, delivered by BullMQ workers. */
export class RedisSink implements RunningSink {
  readonly redis: Redis;
  private readonly workerRedis: Redis;
  private readonly url: string;
  readonly forge: Forge;
  private readonly notify?: Notifier;
  private readonly prefix: string;
  private readonly now: () => Date;
  private readonly log: (message: string) => void;
  private readonly stuck?: (delivery: StuckDelivery) => void;
  private readonly deliverQueue: Queue<DeliverJob>;
  private readonly notifyQueue: Queue<NotifyJob>;
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>;

  constructor(options: RedisSinkOptions) {
    this.forge = options.forge;
    this.notify = options.notify;
    this.url = options.url.replace(/\/\/[^@/]*@/, '//');
    this.prefix = options.prefix ?? 'honghei';
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((m) => console.error(m));
    this.stuck = options.stuck;
    // Storing a submission fails fast when Redis is away (the bot then tells the submitter to try
    // again); workers wait for Redis however long it takes (BullMQ wants maxRetriesPerRequest null).
    this.redis = new Redis(options.url, { maxRetriesPerRequest: 2 });
    this.workerRedis = new Redis(options.url, { maxRetriesPerRequest: null });
    // ioredis reconnects by itself; report a connection problem once, not on every retry.
    let lastError = '';
    for (const r of [this.redis, this.workerRedis]) {
      r.on('error', (e: Error) => {
        if (e.message !== lastError)
          this.log(`outbox: Redis at ${this.url}: ${(lastError = e.message)}`);
      });
      r.on('ready', () => (lastError = ''));
    }
    const base = { connection: this.redis, prefix: this.prefix };
    this.deliverQueue = new Queue<DeliverJob>('deliver', base);
    this.notifyQueue = new Queue<NotifyJob>('notify', base);
    for (const q of [this.deliverQueue, this.notifyQueue]) q.on('error', () => undefined); // reported by the connection's listener
    const settings = { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade) };
    const workerBase = { connection: this.workerRedis, prefix: this.prefix };
    const deliverWorker = new Worker<DeliverJob>('deliver', (job) => this.runDeliverJob(job), {
      ...workerBase,
      concurrency: 1,
      settings,
    });
    this.workers.push(deliverWorker);
    // An instance without a notifier leaves notices to the instances that have one.
    if (this.notify)
      this.workers.push(
        new Worker<NotifyJob>('notify', (job) => this.runNotifyJob(job), {
          ...workerBase,
          concurrency: 1,
          settings,
        }),
      );
    for (const w of this.workers) {
      w.on('failed', (job, error) =>
        this.log(
          `outbox: ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${describeError(error)}`,
        ),
      );
      w.on('error', (error) => {
        if (error.message !== lastError)
          this.log(`outbox worker: ${describeError(((lastError = error.message), error))}`);
      });
    }
    const poll = options.pollIntervalMs ?? 5 * 60_000;
    const queue = this.deliverQueue;
    this.ready = (async () => {
      await queue.setGlobalConcurrency(1);
      if (poll > 0)
        await queue.upsertJobScheduler(
          'poll-outcomes',
          { every: poll },
          { name: 'poll', data: { id: '' } },
        );
      else await queue.removeJobScheduler('poll-outcomes');
    })();
    this.ready.catch((e) =>
      this.log(`outbox: cannot set up the queues in Redis at ${options.url}: ${describeError(e)}`),
    );
  }

  private key(id: string) {
    return `${this.prefix}:outbox:${id}`;
  }

  async submit(submission: Submission): Promise<{ stored: true; receipt: string }> {
    assertSubmission(submission);
    try {
      return await this.store(submission);
    } catch (error) {
      if (error instanceof Error && error.message.includes('already stored with different content'))
        throw error;
      throw new Error(
        `cannot store submission ${submission.id} in Redis (${this.url}): check that Redis is running and reachable, then submit again`,
        { cause: error },
      );
    }
  }

  private async store(submission: Submission): Promise<{ stored: true; receipt: string }> {
    const stored = storeSubmission(submission);
    const key = this.key(submission.id);
    const created = await this.redis.hsetnx(key, 'submission', JSON.stringify(stored));
    if (!created) {
      const existing = JSON.parse(
        (await this.redis.hget(key, 'submission')) ?? 'null',
      ) as StoredSubmission | null;
      if (existing && !sameSubmission(existing, stored)) throw reusedIdError(submission.id);
    } else {
      const at = this.now();
      await this.redis
        .multi()
        .hsetnx(key, 'storedAt', at.toISOString())
        .zadd(`${this.prefix}:outbox:index`, 'NX', String(at.getTime()), submission.id)
        .exec();
    }
    await this.enqueueDelivery(submission.id);
    return { stored: true, receipt: submission.id };
  }

  /** Adds the delivery job; a job with this id that already exists makes this a no-op. */
  private async enqueueDelivery(id: string): Promise<void> {
    await this.deliverQueue.add(
      'deliver',
      { id },
      {
        jobId: `deliver.${id}`,
        attempts: ATTEMPTS,
        backoff: { type: 'honghei' },
        removeOnComplete: { age: 30 * 24 * 3600 },
        removeOnFail: false,
      },
    );
  }

  async status(submissionId: string) {
    const [delivered, review] = await this.redis.hmget(
      this.key(submissionId),
      'delivered',
      'review',
    );
    return {
      delivered: Boolean(delivered),
      pullRequest: delivered ? (JSON.parse(delivered) as PullRequestRef) : undefined,
      review: review ? (JSON.parse(review) as ReviewState) : undefined,
    };
  }

  /** Re-queues every stored submission not yet delivered, then checks outcomes. */
  async reconcile(): Promise<void> {
    await this.ready;
    const ids = await this.redis.zrange(`${this.prefix}:outbox:index`, '0', '-1');
    for (const id of ids) {
      const delivered = await this.redis.hexists(this.key(id), 'delivered');
      if (delivered) continue;
      const job = await this.deliverQueue.getJob(`deliver.${id}`);
      if (job && (await job.isFailed())) await job.retry();
      else if (!job) await this.enqueueDelivery(id);
    }
    await this.checkOutcomes();
  }

  /** Reads one submission's outcome now (a webhook said something happened to it). */
  async refresh(submissionId: string): Promise<ReviewState | undefined> {
    await this.checkOne(submissionId);
    return (await this.status(submissionId)).review;
  }

  /** Reads the outcome of every submission still waiting for one. */
  async checkOutcomes(): Promise<void> {
    for (const id of await this.redis.smembers(`${this.prefix}:outbox:awaiting`))
      await this.checkOne(id);
  }

  private async checkOne(id: string): Promise<void> {
    const raw = await this.redis.hget(this.key(id), 'submission');
    if (!raw || !(await this.redis.hexists(this.key(id), 'delivered'))) return;
    const review = await this.forge.state(id);
    await this.forgeSucceeded();
    if (!review) return;
    await this.redis.hset(this.key(id), 'review', JSON.stringify(review));
    const notice = noticeFor({ submission: JSON.parse(raw) as StoredSubmission }, review);
    if (!notice) return;
    if (this.notify) await this.enqueueNotice(notice);
    await this.redis.srem(`${this.prefix}:outbox:awaiting`, id);
  }

  private async enqueueNotice(notice: SubmissionNotice): Promise<void> {
    await this.notifyQueue.add(
      'notify',
      { notice },
      {
        jobId: `notify.${notice.submissionId}.${notice.outcome}`,
        attempts: ATTEMPTS,
        backoff: { type: 'honghei' },
        removeOnComplete: { age: 30 * 24 * 3600 },
        removeOnFail: false,
      },
    );
  }

  private async runDeliverJob(job: Job<DeliverJob>): Promise<void> {
    if (job.name === 'poll') return this.checkOutcomes();
    const key = this.key(job.data.id);
    const [raw, delivered] = await this.redis.hmget(key, 'submission', 'delivered');
    if (!raw)
      throw new Error(
        `submission ${job.data.id} is queued but not stored under ${key}: it was deleted from Redis; resubmit it`,
      );
    if (delivered) return;
    const submission = JSON.parse(raw) as StoredSubmission;
    let pr: PullRequestRef;
    try {
      pr = await this.forge.openPullRequest(loadSubmission(submission), {
        resumed: (job.attemptsStarted ?? 1) > 1,
      });
    } catch (error) {
      const replies =
        (await this.redis
          .multi()
          .hincrby(key, 'attempts', 1)
          .hset(key, 'lastError', describeError(error))
          .hget(key, 'storedAt')
          .exec()) ?? [];
      const storedAt = replies[2]?.[1] as string | undefined;
      if (isStuck(storedAt, this.now()))
        this.stuck?.({
          id: job.data.id,
          forge: this.forge.name,
          storedAt: storedAt!,
          attempts: Number(replies[0]?.[1]),
          lastError: describeError(error),
        });
      throw error;
    }
    const at = this.now().toISOString();
    await this.forgeSucceeded();
    await this.redis
      .multi()
      .hset(key, 'delivered', JSON.stringify({ ...pr, at }))
      .hdel(key, 'lastError')
      .sadd(`${this.prefix}:outbox:awaiting`, job.data.id)
      .exec();
    if (this.notify) await this.enqueueNotice(deliveredNotice({ submission }, pr));
  }

  private async runNotifyJob(job: Job<NotifyJob>): Promise<void> {
    const { notice } = job.data;
    const key = this.key(notice.submissionId);
    const [mine, published, rejected] = await this.redis.hmget(
      key,
      `notice:${notice.outcome}`,
      'notice:published',
      'notice:rejected',
    );
    if (mine || (notice.outcome === 'delivered' && (published || rejected))) return;
    if (!this.notify)
      throw new Error(
        'a notice is queued but this instance has no notifier: give every bot instance the same notify function',
      );
    await this.notify(notice);
    await this.redis.hset(key, `notice:${notice.outcome}`, this.now().toISOString());
  }

  /** Kept in Redis so every instance's health endpoint sees the last success of any of them. */
  private async forgeSucceeded(): Promise<void> {
    await this.redis.set(`${this.prefix}:outbox:forge-ok`, this.now().toISOString());
  }

  /** Backlog and the last successful forge call, for the bot's health endpoint. */
  async health(): Promise<OutboxHealth> {
    const index = await this.redis.zrange(`${this.prefix}:outbox:index`, '0', '-1', 'WITHSCORES');
    const ids = index.filter((_, i) => i % 2 === 0);
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hexists(this.key(id), 'delivered');
    const delivered = ((await pipeline.exec()) ?? []).map(([, v]) => v === 1);
    const pending = ids
      .map((id, i) => ({ id, at: Number(index[2 * i + 1]) }))
      .filter((_, i) => !delivered[i]);
    const last = await this.redis.get(`${this.prefix}:outbox:forge-ok`);
    return {
      backlog: pending.length,
      ...(pending[0] ? { oldestStoredAt: new Date(pending[0].at).toISOString() } : {}),
      ...(last ? { lastForgeSuccessAt: last } : {}),
    };
  }

  /**
   * Stops the workers after the job in flight (BullMQ's close waits for it: a delivery already
   * begun finishes, the rest stay queued), then the connections.
   */
  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([this.deliverQueue.close(), this.notifyQueue.close()]);
    await Promise.all([
      this.redis.quit().catch(() => undefined),
      this.workerRedis.quit().catch(() => undefined),
    ]);
  }
}
