/**
 * One round of reminders: read what they are computed from, leave out those already sent (their
 * marks in the bot's storage), claim each due one (Redis SET NX when instances share Redis, the
 * embedded store otherwise: the same once-store as the administrators' alerts) and send it to its
 * recipients in their language. A reminder nobody could be told is released, so the next round
 * tries again; one with nobody to tell is logged and left unsent.
 */
import type { Api } from 'grammy';
import type { IsoDate } from '../../content/schema/index.ts';
import type { OnceStore } from '../admin-alerts.ts';
import { createI18n } from '../i18n.ts';
import type { Logger } from '../services.ts';
import { dueReminders, remindersOn, type Reminder, type ReminderInput } from './due.ts';

/** What a round needs. */
export interface ReminderRound {
  api: Pick<Api, 'sendMessage'>;
  /** The inputs, read afresh each round (records change as submissions are merged). */
  input(): Promise<ReminderInput>;
  once: OnceStore;
  today(): IsoDate;
  log: Logger;
}

/** What a round did. */
export interface RoundResult {
  date: IsoDate;
  /** The keys of the reminders this instance sent. */
  sent: string[];
  /** Due reminders with nobody to tell (no submitters or reviewers with a chat id). */
  unaddressed: string[];
}

/** Runs one round: sends every due reminder not yet sent. */
export async function runReminders(round: ReminderRound): Promise<RoundResult> {
  const { api, once, log } = round;
  const date = round.today();
  const input = await round.input();
  const candidates = remindersOn(input, date);
  const sentBefore = new Set<string>();
  for (const r of candidates) if (await once.seen(r.key)) sentBefore.add(r.key);
  const result: RoundResult = { date, sent: [], unaddressed: [] };
  const i18n = createI18n();
  for (const reminder of dueReminders(input, date, sentBefore)) {
    if (!reminder.recipients.length) {
      result.unaddressed.push(reminder.key);
      continue;
    }
    if (!(await once.claim(reminder.key))) continue; // another instance sent it
    if (await tell(reminder)) result.sent.push(reminder.key);
    else await once.release(reminder.key);
  }
  if (result.unaddressed.length)
    log.info(
      `reminders not sent, nobody to tell (add the unit's submitters to content/submitters.yaml, the reviewers' telegram_id to content/reviewers.yml): ${result.unaddressed.join(', ')}`,
    );
  return result;

  async function tell(reminder: Reminder): Promise<number> {
    let told = 0;
    for (const to of reminder.recipients) {
      const text = i18n.t(to.language === 'en' ? 'en' : 'zh-CN', reminder.message, reminder.vars);
      try {
        await api.sendMessage(to.chatId, text, { link_preview_options: { is_disabled: true } });
        told += 1;
      } catch (error) {
        log.error(`reminder ${reminder.key}: telling chat ${to.chatId} failed`, error);
      }
    }
    if (told) log.info(`reminder ${reminder.key} sent to ${told} chat(s)`);
    return told;
  }
}
