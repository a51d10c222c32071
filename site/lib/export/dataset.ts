/**
 * What every export is built from: the entries public on the publication date, the publisher's
 * configuration, and the few facts about entries that left the lists which a platform needs to
 * delete its copy (id, list, date, reason — never a name, a code or a fact).
 */
import {
  addDays,
  PUBLIC_STATUSES,
  visibilityOn,
  type Categories,
  type HongheiRecord,
  type IsoDate,
  type ListId,
  type Publisher,
  type Status,
} from '../../../content/schema/index.ts';
import { publishedBy, reportedEntry, type ReportedEntry } from './report.ts';

/** Everything an export needs to know besides the records. */
export interface DataContext {
  /** The date the site is published as of. */
  asOf: IsoDate;
  publisher: Publisher;
  categories: Categories;
  /** The site's absolute address, ending with a slash. */
  siteUrl: string;
}

/** Why an entry that was public no longer is. */
export type RetiredReason = Extract<Status, 'removed' | 'revoked' | 'expired'> | 'ended';

/** An entry that was public and is not any more: only what a platform needs to delete it. */
export interface RetiredEntry {
  id: string;
  list: ListId;
  batch: string;
  /** The first day it was no longer public. */
  date: IsoDate;
  reason: RetiredReason;
  /** The document number of the removal, when the record gives one. */
  document_number?: string;
}

/** The public entries (sorted by id) and the retired ones. */
export interface Dataset extends DataContext {
  records: HongheiRecord[];
  retired: RetiredEntry[];
  /** Every entry published by the date, public or not since, reduced to what the yearly report counts. */
  reported: ReportedEntry[];
}

/**
 * How an entry that is not public on `asOf` left the lists, or undefined when it never was public
 * (not yet started, or revoked before its start) or still is.
 */
export function retirement(r: HongheiRecord, asOf: IsoDate): RetiredEntry | undefined {
  const now = visibilityOn(r, asOf);
  if (now.public || now.reason === 'not-yet') return undefined;
  if (!visibilityOn(r, r.publication.start).public) return undefined;
  // The status run that made it non-public, if it began within the period.
  const keep = PUBLIC_STATUSES[r.list];
  const until = asOf < r.publication.end ? asOf : r.publication.end;
  let exit: { date: IsoDate; status: Status; document_number?: string } | undefined;
  for (const e of r.history) {
    if (e.date > until) break;
    if (keep.includes(e.status)) exit = undefined;
    else if (!exit) exit = { date: e.date, status: e.status, document_number: e.document_number };
  }
  const base = { id: r.id, list: r.list, batch: r.batch };
  if (exit) {
    const reason: RetiredReason =
      exit.status === 'removed' || exit.status === 'revoked' ? exit.status : 'expired';
    return {
      ...base,
      date: exit.date,
      reason,
      ...(exit.document_number ? { document_number: exit.document_number } : {}),
    };
  }
  return { ...base, date: addDays(r.publication.end, 1), reason: 'ended' };
}

/**
 * Builds the dataset from the public records (the records collection) and the repository's other
 * valid records, of which only the retirement facts are kept.
 */
export function buildDataset(
  publicRecords: readonly HongheiRecord[],
  otherRecords: readonly HongheiRecord[],
  context: DataContext,
): Dataset {
  const retired = otherRecords
    .map((r) => retirement(r, context.asOf))
    .filter((r): r is RetiredEntry => !!r);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const reported = [...publicRecords, ...otherRecords]
    .filter((r) => publishedBy(r, context.asOf))
    .map(reportedEntry);
  return {
    ...context,
    records: [...publicRecords].sort(byId),
    retired: retired.sort(byId),
    reported,
  };
}
