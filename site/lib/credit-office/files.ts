/**
 * The files of a batch's report to the credit office, named in one place for the CLI and the site:
 * the workbook, and one CSV per sheet (UTF-8 with BOM, RFC 4180, formula-safe: export/csv.ts).
 */
import { toCsv } from '../export/csv.ts';
import type { CreditOfficeReport, ReportSheet } from './report.ts';
import { creditOfficeWorkbook, XLSX_TYPE } from './workbook.ts';

/** The kinds of file a batch's report has. */
export const REPORT_FILES = ['xlsx', 'csv', 'objections-csv'] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

/** The file name of one of a batch's files, e.g. credit-office-2026-Q4.xlsx. */
export function reportFileName(batch: string, kind: ReportFile): string {
  const base = `credit-office-${batch}`;
  return kind === 'xlsx'
    ? `${base}.xlsx`
    : kind === 'csv'
      ? `${base}.csv`
      : `${base}-objections.csv`;
}

/** The folder of the files on the site. */
export const REPORT_DIR = '/report/credit-office/';

/** The address of one of a batch's files on the site. */
export const reportFilePath = (batch: string, kind: ReportFile) =>
  `${REPORT_DIR}${reportFileName(batch, kind)}`;

/** The title of each file, for links. */
export const REPORT_FILE_TITLES: Record<ReportFile, string> = {
  xlsx: '报送信用办工作簿（xlsx）',
  csv: '报送信用办名单（CSV）',
  'objections-csv': '异议处理结果（CSV）',
};

/** One sheet as CSV text. */
export function sheetCsv(sheet: ReportSheet): string {
  return toCsv(
    sheet.columns.map((name, i) => ({ name, value: (row: string[]) => row[i]! })),
    sheet.rows,
  );
}

/** The content and media type of one file. */
export async function reportFile(
  report: CreditOfficeReport,
  kind: ReportFile,
): Promise<{ content: Buffer | string; type: string }> {
  if (kind === 'xlsx') return { content: await creditOfficeWorkbook(report), type: XLSX_TYPE };
  const sheet = kind === 'csv' ? report.entries : report.objections;
  return { content: sheetCsv(sheet), type: 'text/csv; charset=utf-8' };
}
