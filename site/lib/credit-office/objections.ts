/**
 * The objections of a batch period (002, 异议处理: outcomes are reported to the credit office). An
 * objection is a history event `objection`; its outcome is the first later event that settles it
 * (maintained, corrected or revoked). A batch's period is its quarter: the objections settled in
 * it, and those received in it and still open on the report date (outcome 办理中).
 */
import {
  batchRange,
  STATUS_NAMES,
  type HongheiRecord,
  type IsoDate,
  type Status,
} from '../../../content/schema/index.ts';
import type { ObjectionField } from './record-paths.ts';

/** The statuses that settle an objection. */
export const OUTCOMES: readonly Status[] = ['maintained', 'corrected', 'revoked'];

/** The outcome shown while an objection is open on the report date. */
export const OPEN_OUTCOME = '办理中';

/** One objection of the period, as the objection sheet shows it. */
export interface PeriodObjection {
  record: HongheiRecord;
  facts: Record<ObjectionField, string>;
}

/**
 * The objections of a batch's period among the records' history up to the report date, in the
 * order they were received. `withheld` records (no longer public) keep no note: their text may
 * name the subject.
 */
export function periodObjections(
  records: readonly HongheiRecord[],
  batch: string,
  asOf: IsoDate,
  withheld: (r: HongheiRecord) => boolean,
): PeriodObjection[] {
  const { start, end } = batchRange(batch);
  const inPeriod = (date: IsoDate) => date >= start && date <= end;
  const out: PeriodObjection[] = [];
  for (const record of records) {
    const history = record.history.filter((e) => e.date <= asOf);
    history.forEach((event, i) => {
      if (event.status !== 'objection') return;
      const outcome = history.slice(i + 1).find((e) => OUTCOMES.includes(e.status));
      if (outcome ? !inPeriod(outcome.date) : !inPeriod(event.date)) return;
      const hide = withheld(record);
      out.push({
        record,
        facts: {
          received: event.date,
          due: event.due === 'pending' ? '' : (event.due ?? ''),
          grounds: hide ? '' : (event.note ?? ''),
          outcome: outcome ? STATUS_NAMES[outcome.status].zh : OPEN_OUTCOME,
          decided: outcome?.date ?? '',
          explanation: hide ? '' : (outcome?.note ?? ''),
          document_number: outcome?.document_number ?? event.document_number ?? '',
        },
      });
    });
  }
  return out.sort(
    (a, b) =>
      a.facts.received.localeCompare(b.facts.received) || a.record.id.localeCompare(b.record.id),
  );
}
