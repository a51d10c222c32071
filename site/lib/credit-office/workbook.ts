/**
 * The credit-office report as an .xlsx workbook, written with exceljs (no hand-made XML): the
 * entries sheet, the objection sheet and a short 说明 sheet. Every cell is text (number format @),
 * so a spreadsheet program never turns a credit code, a document number or a date into a number,
 * and no text becomes a formula (exceljs writes strings as strings).
 */
import ExcelJS from 'exceljs';
import { batchRange } from '../../../content/schema/index.ts';
import type { CreditOfficeReport, ReportSheet } from './report.ts';
import { withEntryDates } from './zip-dates.ts';

/** The media type of an .xlsx file. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name of the explanatory sheet. */
export const NOTES_SHEET = '说明';

const TEXT = '@';

function addSheet(workbook: ExcelJS.Workbook, sheet: ReportSheet): void {
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((title, i) => {
    const longest = Math.max(
      title.length,
      ...sheet.rows.map((row) => Math.min(row[i]!.length, 40)),
    );
    return { header: title, width: Math.max(10, longest * 2 + 2), style: { numFmt: TEXT } };
  });
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) ws.addRow(row);
}

/** The explanatory sheet's lines: what the file is, as of when, how many rows. */
export function notes(report: CreditOfficeReport): [string, string][] {
  const { start, end } = batchRange(report.batch);
  return [
    ['报送单位', report.publisher],
    ['批次', report.batch],
    ['报送日期', report.asOf],
    [report.entries.name, `本批次中报送日处于公示期内的条目 ${report.entries.rows.length} 条`],
    [
      report.objections.name,
      `${start} 至 ${end} 办结的异议，及期间受理、报送日尚在办理的异议，共 ${report.objections.rows.length} 件`,
    ],
    ...(report.sample
      ? [['示例数据', '本文件含示例数据：所列单位和人员均为虚构'] as [string, string]]
      : []),
  ];
}

/**
 * Writes the workbook; its document dates and its zip entries' dates are the report date, so the
 * same report gives the same bytes.
 */
export async function creditOfficeWorkbook(report: CreditOfficeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.publisher;
  workbook.title = `${report.batch} 报送信用办`;
  workbook.created = workbook.modified = new Date(`${report.asOf}T00:00:00+08:00`);
  addSheet(workbook, report.entries);
  addSheet(workbook, report.objections);
  const ws = workbook.addWorksheet(NOTES_SHEET);
  ws.columns = [{ width: 16 }, { width: 80 }];
  for (const line of notes(report)) ws.addRow(line);
  return withEntryDates(Buffer.from(await workbook.xlsx.writeBuffer()), report.asOf);
}
