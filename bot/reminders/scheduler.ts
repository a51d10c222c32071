/**
 * Running the reminder rounds in the bot process. On one machine: a timer (a round at start, then
 * every `everyMs`). With Redis: a BullMQ job scheduler (upsertJobScheduler, one per deployment,
 * idempotent: every instance declares the same one) whose jobs go to one worker at a time; each
 * reminder is still claimed in the storage before it is sent, so two instances that both run a
 * round send it once.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../services.ts';
import { runReminders, type ReminderRound, type RoundResult } from './send.ts';

/** How often the reminders are looked at: hourly, so a day's reminders go out in its first hour. */
export const REMINDER_EVERY_MS = 3600_000;

/** A running scheduler. */
export interface ReminderScheduler {
  kind: 'timer' | 'bullmq';
  /** Runs a round now (the console, tests). */
  runNow(): Promise<RoundResult>;
  /** The last round, for /healthz. */
  last(): { at: string; result?: RoundResult; error?: string } | undefined;
  close(): Promise<void>;
}

/** Options of startReminders. */
export interface SchedulerOptions {
  round: ReminderRound;
  log: Logger;
  everyMs?: number;
  /** Redis shared by the instances: BullMQ schedules the rounds. */
  redisUrl?: string;
  /** BullMQ prefix (one per deployment). */
  prefix?: string;
  /** Called after each scheduled round (tests wait on it). */
  onRound?: (result: RoundResult) => void;
}

/** Starts the reminders: a timer on one machine, a BullMQ job scheduler with Redis. */
export async function startReminders(o: SchedulerOptions): Promise<ReminderScheduler> {
  const everyMs = o.everyMs ?? REMINDER_EVERY_MS;
  let last: ReturnType<ReminderScheduler['last']>;
  // The rounds in flight: closing waits for them, so the storage is not closed under a round.
  const inflight = new Set<Promise<unknown>>();
  const runNow = async () => {
    const at = new Date().toISOString();
    const round = runReminders(o.round);
    inflight.add(round);
    try {
      const result = await round;
      last = { at, result };
      return result;
    } catch (error) {
      last = { at, error: error instanceof Error ? error.message : String(error) };
      throw error;
    } finally {
      inflight.delete(round);
    }
  };
  const settle = () => Promise.allSettled([...inflight]);
  const scheduled = () =>
    runNow().then(
      (r) => o.onRound?.(r),
      (e) => o.log.error('the reminders round failed (it runs again at the next interval)', e),
    );
  if (!o.redisUrl) {
    void scheduled();
    const timer = setInterval(() => void scheduled(), everyMs).unref();
    return {
      kind: 'timer',
      runNow,
      last: () => last,
      close: async () => {
        clearInterval(timer);
        await settle();
      },
    };
  }
  const prefix = o.prefix ?? 'honghei';
  const where = o.redisUrl.replace(/\/\/[^@/]*@/, '//'); // no password in the log
  // Workers wait for Redis however long it takes (BullMQ wants maxRetriesPerRequest null).
  const connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined); // the storage's own client reports Redis trouble
  const queue = new Queue('reminders', { connection, prefix });
  queue.on('error', () => undefined);
  const worker = new Worker(
    'reminders',
    async () => {
      const result = await runNow();
      o.onRound?.(result);
      return { sent: result.sent.length };
    },
    { connection, prefix, concurrency: 1 },
  );
  worker.on('failed', (_job, error) => o.log.error('the reminders round failed', error));
  // Declared in the background: a Redis still starting must not hold up the bot's start.
  void queue
    .upsertJobScheduler(
      'reminders',
      { every: everyMs },
      { name: 'round', opts: { removeOnComplete: 10, removeOnFail: 10 } },
    )
    .catch((e) =>
      o.log.error(`declaring the reminders' job scheduler in Redis at ${where} failed`, e),
    );
  return {
    kind: 'bullmq',
    runNow,
    last: () => last,
    close: async () => {
      await worker.close();
      await queue.close();
      await settle();
      connection.disconnect();
    },
  };
}
