/**
 * Which reminders are due (动态管理, issue 12 section 4): a pure function of the content (records,
 * publisher, who is told), the submissions waiting for a review, the reminders already sent and the
 * date. Each reminder has a stable key and a first day; it is due from that day on, while what it
 * reminds of still stands, until it is sent once:
 * - an objection due tomorrow (the working day before its deadline) and not yet handled;
 * - an entry whose publication ends within `expiry_reminder_days`;
 * - the quarter's cut-off (`batch_cutoff_days` before the quarter's last day) for units that have
 *   not submitted in this quarter's batch;
 * - a submission waiting `review_reminder_working_days` working days for a review or approval.
 */
import {
  addDays,
  batchOf,
  batchRange,
  isPublicOn,
  type HongheiRecord,
  type IsoDate,
  type Publisher,
  type WorkingCalendar,
} from '../../content/schema/index.ts';
import type { PendingReview } from './pending.ts';

/** Someone told: a Telegram chat and the language of the message. */
export interface Recipient {
  chatId: number;
  language: 'zh' | 'en';
}

/** A reminder: what to say (a locale key and its variables) to whom, and from which day. */
export interface Reminder {
  /** Stable across runs and instances: the mark of "sent" in the bot's storage. */
  key: string;
  kind: 'objection-due' | 'expiry' | 'batch-cutoff' | 'review-waiting';
  /** The first day it may be sent. */
  from: IsoDate;
  message: string;
  vars: Record<string, string>;
  recipients: Recipient[];
}

/** What the reminders are computed from. */
export interface ReminderInput {
  publisher: Pick<
    Publisher,
    | 'units'
    | 'language'
    | 'objection_working_days'
    | 'batch_cutoff_days'
    | 'review_reminder_working_days'
    | 'expiry_reminder_days'
  >;
  records: readonly { record: HongheiRecord; file: string }[];
  calendar: Pick<WorkingCalendar, 'isWorkingDay' | 'addWorkingDays'>;
  /** The chat ids of a unit's allow-listed submitters. */
  submittersOf(unitId: string): number[];
  /** The reviewers holding a role, with their chat ids. */
  reviewers: readonly { name: string; role: 'review' | 'approve'; chatId?: number }[];
  /** Submissions waiting for a review or an approval. */
  pending: readonly PendingReview[];
}

/** The unit a record names (its id or its name), if it is one of the publisher's. */
const unitOf = (publisher: ReminderInput['publisher'], name: string) =>
  publisher.units.find((u) => u.name === name || u.id === name);

/** The working day before a date (the day before, if the calendar does not know the year). */
function workingDayBefore(calendar: ReminderInput['calendar'], date: IsoDate): IsoDate {
  let day = addDays(date, -1);
  try {
    for (let i = 0; i < 30 && !calendar.isWorkingDay(day); i++) day = addDays(day, -1);
    return day;
  } catch {
    return addDays(date, -1);
  }
}

/** Every reminder whose day has come on `date` and whose subject still stands (sent or not). */
export function remindersOn(input: ReminderInput, date: IsoDate): Reminder[] {
  const { publisher } = input;
  const lang = publisher.language;
  const to = (ids: readonly number[]): Recipient[] =>
    [...new Set(ids)].map((chatId) => ({ chatId, language: lang }));
  const unitChats = (name: string) => {
    const unit = unitOf(publisher, name);
    return unit ? input.submittersOf(unit.id) : [];
  };
  const reviewersFor = (role: 'review' | 'approve') =>
    input.reviewers.flatMap((r) => (r.role === role && r.chatId ? [r.chatId] : []));
  const out: Reminder[] = [];

  // Objections not yet handled: on published entries, and on submissions still under review.
  const objections = [
    ...input.records.flatMap(({ record: r, file }) => {
      const last = r.history.at(-1)!;
      return last.status === 'objection' && last.due
        ? [
            {
              id: r.id,
              name: r.subject.name,
              unit: r.submitted.unit,
              received: last.date,
              due: last.due,
              file,
            },
          ]
        : [];
    }),
    ...input.pending.flatMap((p) => p.objections ?? []),
  ];
  const seen = new Set<string>();
  for (const o of objections) {
    const key = `objection-due:${o.id}:${o.received}`;
    if (o.due === 'pending' || seen.has(key)) continue;
    seen.add(key);
    const from = workingDayBefore(input.calendar, o.due);
    if (from <= date && date <= o.due)
      out.push({
        key,
        kind: 'objection-due',
        from,
        message: 'reminder-objection-due',
        vars: {
          record: o.id,
          name: o.name,
          received: o.received,
          due: o.due,
          days: String(publisher.objection_working_days),
          file: o.file,
        },
        recipients: to([...unitChats(o.unit), ...reviewersFor('review')]),
      });
  }

  for (const { record: r, file } of input.records) {
    // Publication ending soon: renew, or let it lapse.
    const end = r.publication.end;
    const from = addDays(end, -publisher.expiry_reminder_days);
    if (from <= date && date <= end && isPublicOn(r, date))
      out.push({
        key: `expiry:${r.id}:${end}`,
        kind: 'expiry',
        from,
        message: 'reminder-expiry',
        vars: {
          record: r.id,
          name: r.subject.name,
          end,
          days: String(daysBetween(date, end)),
          file,
        },
        recipients: to(unitChats(r.submitted.unit)),
      });
  }

  // The quarter's cut-off: units with nothing in this quarter's batch, published or pending.
  const batch = batchOf(date);
  const { end: batchEnd } = batchRange(batch);
  const cutoff = addDays(batchEnd, -publisher.batch_cutoff_days);
  if (cutoff <= date && date <= batchEnd) {
    const submitted = new Set(
      [
        ...input.records
          .filter((x) => x.record.batch === batch)
          .map((x) => x.record.submitted.unit),
        ...input.pending.filter((p) => p.batch === batch).flatMap((p) => (p.unit ? [p.unit] : [])),
      ].flatMap((name) => unitOf(publisher, name)?.id ?? []),
    );
    for (const unit of publisher.units.filter((u) => !submitted.has(u.id)))
      out.push({
        key: `batch-cutoff:${batch}:${unit.id}`,
        kind: 'batch-cutoff',
        from: cutoff,
        message: 'reminder-batch-cutoff',
        vars: { batch, unit: unit.name, end: batchEnd, days: String(daysBetween(date, batchEnd)) },
        recipients: to(input.submittersOf(unit.id)),
      });
  }

  // A submission waiting too long for its next approval: that role's reviewers.
  const wait = publisher.review_reminder_working_days;
  for (const p of input.pending) {
    let from: IsoDate;
    try {
      from = input.calendar.addWorkingDays(p.since, wait);
    } catch {
      continue; // the calendar does not reach it yet: the administrators hear of the gap
    }
    if (from <= date)
      out.push({
        key: `review-waiting:${p.submissionId}:${p.awaiting}`,
        kind: 'review-waiting',
        from,
        message: `reminder-review-waiting-${p.awaiting}`,
        vars: {
          id: p.submissionId,
          title: p.title,
          since: p.since,
          url: p.url,
          days: String(wait),
        },
        recipients: to(reviewersFor(p.awaiting)),
      });
  }
  return out;
}

/** Whole days from one date to a later one. */
export const daysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The reminders to send on `date`: those whose day has come, minus those already sent. */
export function dueReminders(
  input: ReminderInput,
  date: IsoDate,
  sent: ReadonlySet<string>,
): Reminder[] {
  return remindersOn(input, date).filter((r) => !sent.has(r.key));
}
