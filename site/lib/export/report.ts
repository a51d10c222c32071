/**
 * The yearly report (001, 四; 003, 四: counts by list, category, region and period reported to the
 * higher level): the statistics of the entries of one year's batches that are public on the
 * publication date, as tables and as one CSV.
 */
import { LIST_NAMES, type Categories, type HongheiRecord, type IsoDate } from '../../../content/schema/index.ts';
import { toCsv } from './csv.ts';
import { recordsOfYear, statistics, TABLE_TITLES, type Count, type Statistics } from './statistics.ts';

/** One year's figures. */
export interface YearReport {
  year: string;
  as_of: IsoDate;
  statistics: Statistics;
}

/** The report of a year. */
export function yearReport(records: readonly HongheiRecord[], categories: Categories, year: string, asOf: IsoDate): YearReport {
  return { year, as_of: asOf, statistics: statistics(recordsOfYear(records, year), categories, asOf) };
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
  const rows: Row[] = (Object.keys(TABLE_TITLES) as (keyof typeof TABLE_TITLES)[]).flatMap((table) =>
    report.statistics[table].map((c) => ({ ...c, table })),
  );
  return toCsv(COLUMNS, rows);
}
