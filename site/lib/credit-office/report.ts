/**
 * The report to the credit office (报送信用办) for one batch: the batch's public entries of the
 * lists the mapping names, and the objections of the batch period, each as a sheet of texts in
 * the mapping's columns. The workbook and the CSV files are written from this (workbook.ts,
 * files.ts), so the two formats cannot disagree.
 */
import { isPublicOn, LISTS, type HongheiRecord } from '../../../content/schema/index.ts';
import { publicRecord } from '../export/entry.ts';
import type { CreditOfficeMapping, MappedColumn } from './mapping.ts';
import { periodObjections } from './objections.ts';
import { columnValue, type ReportContext, type Row } from './values.ts';

export type { ReportContext } from './values.ts';

/** One sheet: a name, the column titles, and rows of texts. */
export interface ReportSheet {
  name: string;
  columns: string[];
  rows: string[][];
}

/** The report of one batch. */
export interface CreditOfficeReport {
  batch: string;
  asOf: string;
  publisher: string;
  /** True when any row is sample data. */
  sample: boolean;
  entries: ReportSheet;
  objections: ReportSheet;
}

const sheet = (
  name: string,
  columns: readonly MappedColumn[],
  rows: readonly Row[],
  context: ReportContext,
): ReportSheet => ({
  name,
  columns: columns.map((c) => c.title),
  rows: rows.map((row) => columns.map((c) => columnValue(c, row, context))),
});

const byListThenId = (a: HongheiRecord, b: HongheiRecord) =>
  LISTS.indexOf(a.list) - LISTS.indexOf(b.list) || a.id.localeCompare(b.id);

/**
 * Builds the report of a batch from the repository's valid records (public or not: visibility is
 * decided here, as the site decides it, on the report date).
 */
export function creditOfficeReport(
  records: readonly HongheiRecord[],
  batch: string,
  mapping: CreditOfficeMapping,
  context: ReportContext,
): CreditOfficeReport {
  const { asOf } = context;
  const listed = records.filter((r) => mapping.lists.includes(r.list));
  const isPublic = (r: HongheiRecord) => isPublicOn(r, asOf);
  const entries = listed
    .filter((r) => r.batch === batch && isPublic(r))
    .sort(byListThenId)
    .map((r): Row => ({ record: publicRecord(r, asOf), public: true }));
  const objections = periodObjections(listed, batch, asOf, (r) => !isPublic(r)).map(
    ({ record, facts }): Row => ({
      record: publicRecord(record, asOf),
      public: isPublic(record),
      objection: facts,
    }),
  );
  return {
    batch,
    asOf,
    publisher: context.publisher.name,
    sample: [...entries, ...objections].some((r) => r.record.sample),
    entries: sheet(mapping.sheet, mapping.columns, entries, context),
    objections: sheet(mapping.objections.sheet, mapping.objections.columns, objections, context),
  };
}
