/**
 * GET /healthz: whether the bot can do its work, as JSON, for a load balancer, a monitor or a
 * person with curl. 200 when healthy; 503 with the reasons when the storage does not answer, the
 * outbox cannot be read, the oldest undelivered submission has waited longer than allowed (the
 * forge has been failing), or the bot is shutting down.
 */
import type { OutboxHealth } from '../forge/index.ts';
import type { ReminderScheduler } from '../reminders/scheduler.ts';
import type { BotStorage } from '../storage/index.ts';
import type { HttpHandler } from './http-server.ts';

/** The path of the health endpoint. */
export const HEALTH_PATH = '/healthz';

/** What the health check looks at. */
export interface HealthSources {
  mode: 'polling' | 'webhook';
  storage: BotStorage;
  sink: { health(): Promise<OutboxHealth> };
  /** A submission undelivered for longer than this makes the bot unhealthy. */
  maxBacklogAgeMs: number;
  stopping?: () => boolean;
  now?: () => Date;
  /** The reminders' last round, reported (a failed round does not make the bot unhealthy). */
  reminders?: Pick<ReminderScheduler, 'kind' | 'last'>;
}

/** The health endpoint's answer. */
export interface HealthReport {
  status: 'ok' | 'unhealthy';
  /** Why it is unhealthy, one sentence each. */
  problems: string[];
  mode: HealthSources['mode'];
  storage: { kind: BotStorage['kind']; reachable: boolean };
  outbox: {
    readable: boolean;
    backlog?: number;
    oldestStoredAt?: string;
    oldestAgeSeconds?: number;
  };
  forge: { lastSuccessAt: string | null };
  reminders?: {
    scheduler: ReminderScheduler['kind'];
    lastRoundAt: string | null;
    lastSent?: number;
    lastError?: string;
  };
  checkedAt: string;
}

/** Fails when the promise takes longer than ms (a Redis that does not answer must not hang the check). */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(
        () => reject(new Error(`${what} did not answer within ${ms / 1000} s`)),
        ms,
      )),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A real round trip to the storage: PING for Redis, a read for the sqlite file. */
async function probeStorage(storage: BotStorage): Promise<void> {
  if (storage.redis) {
    await storage.redis.ping();
    return;
  }
  await storage.sessions.read('honghei:health-probe');
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs the checks. */
export async function checkHealth(s: HealthSources): Promise<HealthReport> {
  const now = (s.now ?? (() => new Date()))();
  const problems: string[] = [];
  const [storage, outbox] = await Promise.allSettled([
    within(3000, probeStorage(s.storage), `${s.storage.kind} storage`),
    within(3000, s.sink.health(), 'the outbox'),
  ]);
  if (storage.status === 'rejected')
    problems.push(`storage (${s.storage.kind}) is not reachable: ${message(storage.reason)}`);
  const report: HealthReport = {
    status: 'ok',
    problems,
    mode: s.mode,
    storage: { kind: s.storage.kind, reachable: storage.status === 'fulfilled' },
    outbox: { readable: outbox.status === 'fulfilled' },
    forge: { lastSuccessAt: null },
    checkedAt: now.toISOString(),
  };
  if (outbox.status === 'rejected')
    problems.push(`the outbox cannot be read: ${message(outbox.reason)}`);
  else {
    const o = outbox.value;
    const age = o.oldestStoredAt
      ? Math.max(0, Math.round((now.getTime() - Date.parse(o.oldestStoredAt)) / 1000))
      : undefined;
    report.outbox = {
      readable: true,
      backlog: o.backlog,
      ...(o.oldestStoredAt ? { oldestStoredAt: o.oldestStoredAt, oldestAgeSeconds: age } : {}),
    };
    report.forge.lastSuccessAt = o.lastForgeSuccessAt ?? null;
    if (age !== undefined && age * 1000 > s.maxBacklogAgeMs) {
      problems.push(
        `${o.backlog} submission(s) not delivered to the forge, the oldest for ${Math.round(age / 60)} min (limit ${Math.round(s.maxBacklogAgeMs / 60_000)} min): see the log for the forge's error`,
      );
    }
  }
  if (s.reminders) {
    const last = s.reminders.last();
    report.reminders = {
      scheduler: s.reminders.kind,
      lastRoundAt: last?.at ?? null,
      ...(last?.result ? { lastSent: last.result.sent.length } : {}),
      ...(last?.error ? { lastError: last.error } : {}),
    };
  }
  if (s.stopping?.()) problems.push('the bot is shutting down');
  report.status = problems.length ? 'unhealthy' : 'ok';
  return report;
}

/** The route of GET /healthz (HEAD too). */
export function healthRoute(sources: HealthSources): HttpHandler {
  return async (req, res) => {
    if (req.url?.split('?')[0] !== HEALTH_PATH || (req.method !== 'GET' && req.method !== 'HEAD'))
      return false;
    const report = await checkHealth(sources);
    res.writeHead(report.status === 'ok' ? 200 : 503, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : `${JSON.stringify(report, null, 1)}\n`);
    return true;
  };
}
