/**
 * The yearly report (001, 四; 003, 四: counts by list, category, region and period reported to the
 * higher level). It reports what the publisher published that year: every entry of the year's
 * batches that was public on at least one day up to the report's date — 31 December, or the
 * build date while the year is still running — counted with its status on that date. An entry
 * removed early, revoked or expired since still counts in its year (under its status); one never
 * published (revoked before its start, not started yet) does not. So a year's figures do not change
 * once the year is over, and the report built on 31 December is the one built any day after.
 * Only counts leave this module: the entries it is given carry no name, code or fact.
 */
import {
  LIST_NAMES,
  visibilityOn,
  type Categories,
  type HongheiRecord,
  type IsoDate,
} from '../../../content/schema/index.ts';
import { toCsv } from './csv.ts';
import {
  statistics,
  TABLE_TITLES,
  type Count,
  type CountedEntry,
  type Statistics,
} from './statistics.ts';

/** One year's figures. */
export interface YearReport {
  year: string;
  /** The date the figures are as of: 31 December of the year, or the build date before it. */
  as_of: IsoDate;
  statistics: Statistics;
}

/** What the report keeps of an entry: what it counts by, and the dates of its statuses. */
export type ReportedEntry = CountedEntry;

/** An entry reduced to what the report counts (no name, code, fact or note). */
export function reportedEntry(r: HongheiRecord): ReportedEntry {
  return {
    list: r.list,
    category: r.category,
    region: r.region,
    batch: r.batch,
    subject: { kind: r.subject.kind },
    publication: { start: r.publication.start, end: r.publication.end },
    history: r.history.map((e) => ({ status: e.status, date: e.date })),
  };
}

/** The last day a year's report counts: 31 December of the year, or the build date while the year runs. */
export function reportDate(year: string, asOf: IsoDate): IsoDate {
  const end = `${year}-12-31`;
  return asOf < end ? asOf : end;
}

/**
 * Whether an entry was public on at least one day up to a date. Its status changes only on the
 * days of its history, so those days and its start are the only days to look at.
 */
export function publishedBy(
  r: Pick<ReportedEntry, 'list' | 'publication' | 'history'>,
  date: IsoDate,
): boolean {
  const last = date < r.publication.end ? date : r.publication.end;
  const days = [r.publication.start, ...r.history.map((e) => e.date)].filter(
    (d) => d >= r.publication.start && d <= last,
  );
  return days.some((d) => visibilityOn(r, d).public);
}

/** The years with a batch published by the date, newest first. */
export function reportYears(entries: readonly ReportedEntry[], asOf: IsoDate): string[] {
  return [...new Set(entries.filter((e) => publishedBy(e, asOf)).map((e) => e.batch.slice(0, 4)))]
    .sort()
    .reverse();
}

/** The report of a year, from every entry of the repository (reduced by reportedEntry). */
export function yearReport(
  entries: readonly ReportedEntry[],
  categories: Categories,
  year: string,
  asOf: IsoDate,
): YearReport {
  const date = reportDate(year, asOf);
  const counted = entries.filter((e) => e.batch.startsWith(`${year}-`) && publishedBy(e, date));
  return { year, as_of: date, statistics: statistics(counted, categories, date) };
}

type Row = Count & { table: keyof typeof TABLE_TITLES };

const COLUMNS: { name: string; value: (r: Row) => string }[] = [
  { name: '统计表', value: (r) => TABLE_TITLES[r.table] },
  { name: '名单', value: (r) => (r.list ? LIST_NAMES[r.list].zh : '') },
  { name: '项目代码', value: (r) => r.key },
  { name: '项目', value: (r) => r.name },
  { name: '条目数', value: (r) => String(r.count) },
];

/** The report's tables as one CSV (UTF-8 with BOM): one row per table and item. */
export function yearReportCsv(report: YearReport): string {
  const rows: Row[] = (Object.keys(TABLE_TITLES) as (keyof typeof TABLE_TITLES)[]).flatMap(
    (table) => report.statistics[table].map((c) => ({ ...c, table })),
  );
  return toCsv(COLUMNS, rows);
}
