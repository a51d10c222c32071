/**
 * The workbook returned to the submitter: their own file (a CSV becomes one sheet) with each
 * problem as a note on its cell, the rows with problems highlighted, and a first sheet 检查结果
 * holding the summary line and every problem, in the submitter's language. A workbook checked
 * before loses its old notes and highlights, so only the current problems show.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../../content/schema/index.ts';
import type { BatchCheck } from './check.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import { columnNumber } from './letters.ts';
import { RESULT_SHEET } from './limits.ts';
import { keyLabel, type BatchProblem } from './problem.ts';
import { summaryLine } from './summary.ts';

const MARK = '⚠ ';
const HIGHLIGHT = 'FFFFC7CE';
const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HIGHLIGHT } };

/** Builds the annotated workbook of a checked file. */
export async function annotateBatch(
  bytes: Uint8Array,
  check: BatchCheck,
  lang: Lang,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheetOf = new Map<string, ExcelJS.Worksheet>();
  if (check.read.format === 'csv') {
    const name = check.fileName.replace(/^.*[\\/]/, '');
    const sheet = book.addWorksheet(safeSheetName(name));
    parseCsv(decodeCsv(bytes).text).forEach((row, i) => {
      row.forEach((text, c) => (sheet.getCell(i + 1, c + 1).value = text));
    });
    sheetOf.set(name, sheet);
  } else {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const old = book.getWorksheet(RESULT_SHEET);
    if (old) book.removeWorksheet(old.id);
    for (const sheet of book.worksheets) {
      clearOldMarks(sheet);
      sheetOf.set(sheet.name, sheet);
    }
  }
  const notes = new Map<ExcelJS.Cell, string[]>();
  for (const p of check.problems) {
    const sheet = p.sheet ? sheetOf.get(p.sheet) : undefined;
    if (!sheet || p.row === undefined) continue;
    const cell = sheet.getCell(p.row, p.column ? columnNumber(p.column) : 1);
    notes.set(cell, [...(notes.get(cell) ?? []), noteLine(p, lang)]);
    if (p.row > 1 && p.severity === 'error') highlight(sheet.getRow(p.row), sheet.columnCount);
  }
  for (const [cell, lines] of notes) cell.note = MARK + lines.join('\n' + MARK);
  writeResult(book, check, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function noteLine(p: BatchProblem, lang: Lang): string {
  const field = p.field ? `${keyLabel(p.field, lang)}${lang === 'zh' ? '：' : ': '}` : '';
  return `${field}${p.what[lang]} — ${p.fix[lang]}`;
}

function highlight(row: ExcelJS.Row, columns: number) {
  // A fresh style object: cells read from a file share theirs, and setting .fill would colour them all.
  for (let c = 1; c <= Math.max(columns, 1); c++) {
    const cell = row.getCell(c);
    cell.style = { ...cell.style, fill };
  }
}

/** Notes and highlights of an earlier check (the returned workbook sent back after fixes). */
function clearOldMarks(sheet: ExcelJS.Worksheet) {
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const note = cell.note;
      const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
      if (text?.startsWith(MARK)) cell.note = undefined as unknown as string;
      const f = cell.fill as ExcelJS.FillPattern | undefined;
      if (f?.type === 'pattern' && f.fgColor?.argb === HIGHLIGHT) {
        const { fill: _old, ...rest } = cell.style;
        cell.style = rest;
      }
    }),
  );
}

function writeResult(book: ExcelJS.Workbook, check: BatchCheck, lang: Lang) {
  const sheet = book.addWorksheet(RESULT_SHEET);
  // The result sheet comes first, and opens first.
  (sheet as unknown as { orderNo: number }).orderNo = -1;
  book.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  sheet.getCell('A1').value = summaryLine(check, lang);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  const head =
    lang === 'zh'
      ? ['工作表', '行', '列', '字段', '问题', '如何改正']
      : ['Sheet', 'Row', 'Column', 'Field', 'Problem', 'How to fix'];
  sheet.getRow(3).values = head;
  sheet.getRow(3).font = { bold: true };
  check.problems.forEach((p, i) => {
    sheet.getRow(4 + i).values = [
      p.sheet ?? '',
      p.row ?? '',
      p.column ?? '',
      p.field ? keyLabel(p.field, lang) : '',
      p.what[lang],
      p.fix[lang],
    ];
  });
  [20, 6, 6, 20, 60, 60].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
const safeSheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
