/**
 * Whether an entry is public is computed, never typed: a pure function of the record and the
 * date the site is published as of.
 */
import type { IsoDate } from './dates.ts';
import { PUBLIC_STATUSES, type Status } from './labels.ts';
import type { HongheiRecord } from './record.ts';

type Dated = Pick<HongheiRecord, 'list' | 'publication' | 'history'>;

/** The status in force on a date: the last history event dated on or before it. */
export function statusOn(
  record: Pick<HongheiRecord, 'history'>,
  date: IsoDate,
): Status | undefined {
  let current: Status | undefined;
  for (const event of record.history) if (event.date <= date) current = event.status;
  return current;
}

/** Why an entry is or is not public on a date. */
export type Visibility =
  | { public: true; status: Status }
  | { public: false; reason: 'not-yet' | 'ended' | 'status'; status?: Status };

/**
 * An entry is public from its publication start to its end (both included), while the status in
 * force is one its list keeps public (labels.ts PUBLIC_STATUSES).
 */
export function visibilityOn(record: Dated, date: IsoDate): Visibility {
  const status = statusOn(record, date);
  if (date < record.publication.start || !status)
    return { public: false, reason: 'not-yet', status };
  if (date > record.publication.end) return { public: false, reason: 'ended', status };
  if (!PUBLIC_STATUSES[record.list].includes(status))
    return { public: false, reason: 'status', status };
  return { public: true, status };
}

/** True when the entry is public on the date. */
export function isPublicOn(record: Dated, date: IsoDate): boolean {
  return visibilityOn(record, date).public;
}
