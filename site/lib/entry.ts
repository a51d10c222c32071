/**
 * A public entry as pages and indexes use it, made from a record and the site date. No Astro
 * import here: the publish step builds the search indexes from the same entries outside Astro.
 */
import {
  statusOn,
  type HongheiRecord,
  type IsoDate,
  type Status,
} from '../../content/schema/index.ts';

/** A public entry as the pages use it. */
export interface Entry {
  id: string;
  record: HongheiRecord;
  /** The status in force on the site date. */
  status: Status;
  /** The publication start, which orders every list (newest first). */
  date: IsoDate;
  /** The year of the entry's batch. */
  year: string;
}

/** The entry of a record that is public on the date. */
export function toEntry(record: HongheiRecord, date: IsoDate): Entry {
  // Only public records become entries, so a status is in force on the date.
  const status = statusOn(record, date) ?? 'listed';
  return {
    id: record.id,
    record,
    status,
    date: record.publication.start,
    year: record.batch.slice(0, 4),
  };
}

/** Newest first, then by id, so every list and the search index share one stable order. */
export function compareEntries(a: Entry, b: Entry): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
