/**
 * One exported entry: the record as the schema defines it (only its public attachments), with the
 * few facts computed on the publication date (status in force, page address) and the Chinese names
 * of its codes, so a platform needs no second file to read it.
 */
import {
  divisionName,
  isPublicFile,
  LIST_NAMES,
  regionFullName,
  STATUS_NAMES,
  statusOn,
  SUBJECT_KIND_NAMES,
  type Categories,
  type HongheiRecord,
  type Status,
} from '../../../content/schema/index.ts';
import { recordPath } from '../paths.ts';
import type { DataContext } from './dataset.ts';

/** The path of an entry's page on the site (the site's own URL scheme). */
export const entryPath = recordPath;

/** An absolute address on the site. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** The Chinese names of an entry's codes. */
export interface EntryLabels {
  list: string;
  status: string;
  subject_kind: string;
  category: string;
  region: string;
}

/** One entry of records.json. */
export interface ExportEntry {
  id: string;
  url: string;
  status: Status;
  labels: EntryLabels;
  record: HongheiRecord;
}

/** The name of a category, or its id when the configuration no longer has it. */
export function categoryName(
  categories: Categories,
  r: Pick<HongheiRecord, 'list' | 'category'>,
): string {
  return categories[r.list].find((c) => c.id === r.category)?.name.zh ?? r.category;
}

/**
 * The record as published on a date: references to non-public files (the private store) are left
 * out, and so are status events dated after it — as the entry page shows, they have not happened
 * yet as far as this publication goes.
 */
export function publicRecord(r: HongheiRecord, asOf: string): HongheiRecord {
  const attachments = r.attachments.every(isPublicFile)
    ? r.attachments
    : r.attachments.filter(isPublicFile);
  const history = r.history.every((e) => e.date <= asOf)
    ? r.history
    : r.history.filter((e) => e.date <= asOf);
  return attachments === r.attachments && history === r.history
    ? r
    : { ...r, attachments, history };
}

/** Builds the exported form of a public record. */
export function exportEntry(r: HongheiRecord, context: DataContext): ExportEntry {
  const status = statusOn(r, context.asOf) ?? 'listed';
  return {
    id: r.id,
    url: absoluteUrl(context.siteUrl, entryPath(r.id)),
    status,
    labels: {
      list: LIST_NAMES[r.list].zh,
      status: STATUS_NAMES[status].zh,
      subject_kind: SUBJECT_KIND_NAMES[r.subject.kind].zh,
      category: categoryName(context.categories, r),
      region: regionFullName(r.region) ?? divisionName(r.region) ?? r.region,
    },
    record: publicRecord(r, context.asOf),
  };
}
