/**
 * Telling the bot's administrators (content/publisher.yaml `administrators`) what needs a person:
 * a holiday calendar missing (next year's, or one an objection's deadline waits for), a submission
 * that could not reach the forge for more than an hour, an error while handling an update. Each
 * event is told once: the first to claim its key in the bot's storage sends it (Redis SET NX when
 * instances share Redis; the embedded store otherwise), so neither a restart nor a second instance
 * repeats it. With no administrator configured nothing is sent and the log says so; nothing ever
 * claims a notification that did not happen.
 */
import { createHash } from 'node:crypto';
import type { Api } from 'grammy';
import {
  calendarWarnings,
  chinaDateTime,
  workingCalendarOf,
  type Administrator,
  type Publisher,
} from '../content/schema/index.ts';
import { createI18n } from './i18n.ts';
import type { Logger } from './services.ts';
import type { BotStorage } from './storage/index.ts';

/** Where an alert's "already told" mark is kept. */
export interface OnceStore {
  /** True for the first caller of a key (until it expires or is released). */
  claim(key: string): Promise<boolean>;
  /** Frees a key whose alert could not be sent to anyone, so a later event tries again. */
  release(key: string): Promise<void>;
  /** True when the key is claimed (a reminder already sent), without claiming it. */
  seen(key: string): Promise<boolean>;
}

/** Marks are kept a year: "2027's calendar is missing" is told once, not once per restart. */
const MARK_TTL_MS = 365 * 24 * 3600_000;

/** The once-store of the bot's storage: Redis when shared, else the session store (sqlite or memory). */
export function onceStoreOf(
  storage: Pick<BotStorage, 'redis' | 'sessions'>,
  prefix = 'honghei:alert:',
): OnceStore {
  const redis = storage.redis;
  if (redis) {
    return {
      claim: async (key) =>
        (await redis.set(`${prefix}${key}`, new Date().toISOString(), 'PX', MARK_TTL_MS, 'NX')) ===
        'OK',
      release: async (key) => void (await redis.del(`${prefix}${key}`)),
      seen: async (key) => (await redis.exists(`${prefix}${key}`)) === 1,
    };
  }
  // One process owns the embedded store; alerts come from any chat at any time, so for the
  // synchronous stores (sqlite, memory) the read and the write happen in the same tick: two
  // concurrent claims cannot both see the key free.
  const store = storage.sessions as unknown as {
    read(k: string): unknown;
    write(k: string, v: unknown): unknown;
    delete(k: string): unknown;
  };
  return {
    claim: async (key) => {
      const k = `${prefix}${key}`;
      const seen = store.read(k);
      if ((seen instanceof Promise ? await seen : seen) !== undefined) return false;
      const written = store.write(k, { at: new Date().toISOString() });
      if (written instanceof Promise) await written;
      return true;
    },
    release: async (key) => void (await store.delete(`${prefix}${key}`)),
    seen: async (key) => (await store.read(`${prefix}${key}`)) !== undefined,
  };
}

/** A submission the outbox has not delivered for more than an hour. */
export interface StuckDelivery {
  id: string;
  forge: string;
  storedAt: string;
  attempts: number;
  lastError?: string;
}

/** The alerts of one bot. */
export interface AdminAlerts {
  /** An objection's deadline waits for a year's calendar. */
  calendarGap(year: number, recordId: string): Promise<number>;
  /** The warning day has passed and next year's calendar is still missing. */
  calendarMissing(year: number): Promise<number>;
  /** A delivery failing for more than an hour. */
  outboxStuck(delivery: StuckDelivery): Promise<number>;
  /** An error while handling an update (webhook or polling), told once per kind of error. */
  botError(update: number, error: unknown): Promise<number>;
  /** Telegram could not deliver updates to the webhook (getWebhookInfo's last error), once per kind of error. */
  webhookError(message: string, at: Date): Promise<number>;
}

/** What the alerts need. */
export interface AdminAlertOptions {
  api: Pick<Api, 'sendMessage'>;
  /** The administrators (publisher.administrators) and the publisher's default language. */
  publisher: Pick<Publisher, 'administrators' | 'language'>;
  once: OnceStore;
  log: Logger;
}

/** A short, stable fingerprint of an error: its message without numbers (ids, counts, times). */
const fingerprint = (error: unknown) =>
  createHash('sha256')
    .update(String(error instanceof Error ? error.message : error).replace(/\d+/g, '#'))
    .digest('hex')
    .slice(0, 16);

/** The alerts, sent through the bot's API in each administrator's language. */
export function createAdminAlerts({ api, publisher, once, log }: AdminAlertOptions): AdminAlerts {
  const i18n = createI18n();
  const admins: readonly Administrator[] = publisher.administrators;
  // Numbers go to Fluent as text: it would print the year 2027 as "2,027".
  async function tell(
    key: string,
    summary: string,
    message: string,
    vars: Record<string, string | number>,
  ): Promise<number> {
    if (!admins.length) {
      log.info(
        `alert ${key} not sent: no administrators in content/publisher.yaml (administrators) — ${summary}`,
      );
      return 0;
    }
    if (!(await once.claim(key))) return 0;
    let told = 0;
    for (const admin of admins) {
      const locale = (admin.language ?? publisher.language) === 'en' ? 'en' : 'zh-CN';
      try {
        await api.sendMessage(admin.chat_id, i18n.t(locale, message, vars), {
          link_preview_options: { is_disabled: true },
        });
        told += 1;
      } catch (error) {
        log.error(
          `alert ${key}: telling administrator ${admin.name} (chat ${admin.chat_id}) failed`,
          error,
        );
      }
    }
    if (told) log.info(`alert ${key} sent to ${told} administrator(s): ${summary}`);
    else await once.release(key); // nobody was told: the next event tries again
    return told;
  }
  return {
    calendarGap: (year, recordId) =>
      tell(
        `calendar-gap:${year}`,
        `objection deadline pending until the ${year} calendar is added`,
        'admin-calendar-gap',
        { year: String(year), record: recordId },
      ),
    calendarMissing: (year) =>
      tell(
        `calendar-missing:${year}`,
        `the ${year} calendar is missing`,
        'admin-calendar-missing',
        { year: String(year) },
      ),
    outboxStuck: (d) =>
      tell(
        `outbox-stuck:${d.id}`,
        `submission ${d.id} undelivered since ${d.storedAt}`,
        'admin-outbox-stuck',
        {
          id: d.id,
          forge: d.forge,
          since: chinaDateTime(d.storedAt),
          attempts: String(d.attempts),
          error: (d.lastError ?? '').slice(0, 300),
        },
      ),
    webhookError: (message, at) =>
      tell(
        `webhook-error:${fingerprint(message)}`,
        `Telegram could not deliver to the webhook: ${message}`,
        'admin-webhook-error',
        {
          error: message.slice(0, 300),
          since: chinaDateTime(at),
        },
      ),
    botError: (update, error) =>
      tell(`bot-error:${fingerprint(error)}`, `update ${update} failed`, 'admin-bot-error', {
        update: String(update),
        error: String(error instanceof Error ? error.message : error).slice(0, 300),
      }),
  };
}

/** How long a delivery may fail before the administrators hear of it. */
export const STUCK_AFTER_MS = 3600_000;

/** True when a submission stored at `storedAt` has been failing for longer than STUCK_AFTER_MS. */
export const isStuck = (storedAt: string | undefined, now: Date) =>
  storedAt !== undefined && now.getTime() - Date.parse(storedAt) > STUCK_AFTER_MS;

/**
 * Tells the administrators when a year's calendar is missing from the publisher's warning day on
 * (the same rule as `npm run validate`'s warning); the bot runs it at start-up and twice a day.
 */
export async function checkCalendar(
  alerts: AdminAlerts,
  root: string,
  publisher: Pick<Publisher, 'calendar_warning_from'>,
  date: string,
): Promise<number> {
  let told = 0;
  for (const gap of calendarWarnings(workingCalendarOf(root), publisher, date, 'zh')) {
    told += await alerts.calendarMissing(Number(/(\d{4})\.yaml$/.exec(gap.file)![1]));
  }
  return told;
}

/**
 * Asks Telegram, every `everyMs`, whether delivering updates to the webhook failed since `since`
 * (getWebhookInfo's last_error_date and last_error_message), and tells the administrators once per
 * kind of error. Returns a function that stops it.
 */
export function watchWebhook(
  api: Pick<Api, 'getWebhookInfo'>,
  alerts: Pick<AdminAlerts, 'webhookError'>,
  log: Logger,
  everyMs = 10 * 60_000,
  since = new Date(),
): () => void {
  const check = async () => {
    const info = await api.getWebhookInfo();
    if (!info.last_error_date || info.last_error_date * 1000 < since.getTime()) return;
    const message = info.last_error_message ?? 'unknown error';
    log.error(
      `Telegram could not deliver updates to ${info.url}: ${message} (${info.pending_update_count} pending)`,
    );
    await alerts.webhookError(message, new Date(info.last_error_date * 1000));
  };
  const timer = setInterval(
    () => void check().catch((e) => log.error('reading the webhook status failed', e)),
    everyMs,
  );
  timer.unref();
  return () => clearInterval(timer);
}
