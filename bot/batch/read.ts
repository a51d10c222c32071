/**
 * Reading a batch file (.xlsx or .csv) into rows: each sheet mapped to its list, each column to its
 * field by the header's label (Chinese or English), the example row passed over. Whatever the
 * reader cannot take — a file too big, too many rows, an unknown sheet or column, a formula with no
 * computed result — is a problem naming the sheet, the row and the column letter.
 */
import ExcelJS from 'exceljs';
import { LIST_NAMES, LISTS, type ListId } from '../../content/schema/index.ts';
import { cellOf, type Cell } from './cells.ts';
import { columnsFor, headerOf, listOfSheet, type Column } from './columns.ts';
import { decodeCsv, parseCsv } from './csv.ts';
import { columnLetter } from './letters.ts';
import { EXAMPLE_MARK, MARK_HEADER, MAX_BYTES, MAX_ROWS, SERVICE_SHEETS } from './limits.ts';
import { fileProblem, type BatchProblem } from './problem.ts';

/** One row of entries as read: its place, its list (from the sheet or its 名单 cell) and its cells by column key. */
export interface ReadRow {
  sheet: string;
  row: number;
  /** The sheet's list; a sheet or CSV file holding several lists names it in each row's 名单 cell. */
  list?: ListId;
  cells: Map<string, { cell: Cell; letter: string }>;
}

/** A sheet of entries and where its columns are. */
export interface ReadSheet {
  name: string;
  list?: ListId;
  /** Column letter of each column key. */
  letters: Map<string, string>;
}

/** What a batch file holds. */
export interface ReadResult {
  format: 'xlsx' | 'csv';
  sheets: ReadSheet[];
  rows: ReadRow[];
  /** Problems of the file, its sheets and columns (problems of single cells too: formulas). */
  problems: BatchProblem[];
  /** True when the file cannot be checked row by row (too big, too many rows, unreadable). */
  refused: boolean;
}

type Grid = { name: string; values: (Cell | undefined)[][] };

/** Reads a batch file; the name's extension tells .csv from .xlsx. */
export async function readBatch(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const format: ReadResult['format'] = /\.csv$/i.test(fileName) ? 'csv' : 'xlsx';
  const empty = { format, sheets: [], rows: [], refused: true } as Omit<ReadResult, 'problems'>;
  if (bytes.byteLength > MAX_BYTES)
    return {
      ...empty,
      problems: [
        fileProblem(
          `文件 ${fileName} 有 ${mb(bytes.byteLength)} MB，超过 ${mb(MAX_BYTES)} MB 上限`,
          `the file ${fileName} is ${mb(bytes.byteLength)} MB, over the ${mb(MAX_BYTES)} MB limit`,
          '请删去图片等多余内容，或分成几个文件',
          'remove pictures and other extra content, or split it into several files',
        ),
      ],
    };
  let grids: Grid[];
  try {
    grids = format === 'csv' ? [csvGrid(bytes, fileName)] : await xlsxGrids(bytes);
  } catch (cause) {
    return {
      ...empty,
      problems: [
        fileProblem(
          `无法读取文件 ${fileName}：${(cause as Error).message}`,
          `cannot read the file ${fileName}: ${(cause as Error).message}`,
          '请用电子表格程序另存为 .xlsx（或 UTF-8 编码的 .csv）后重新发送',
          'save it again as .xlsx (or UTF-8 .csv) in a spreadsheet program and send it again',
        ),
      ],
    };
  }
  const result: ReadResult = { format, sheets: [], rows: [], problems: [], refused: false };
  for (const grid of grids) readGrid(grid, result);
  if (result.rows.length > MAX_ROWS) {
    result.refused = true;
    result.problems.unshift(
      fileProblem(
        `文件有 ${result.rows.length} 行记录，超过 ${MAX_ROWS} 行上限`,
        `the file holds ${result.rows.length} rows, over the limit of ${MAX_ROWS}`,
        `请分成几个文件，每个不超过 ${MAX_ROWS} 行`,
        `split it into files of at most ${MAX_ROWS} rows each`,
      ),
    );
  }
  return result;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

function csvGrid(bytes: Uint8Array, fileName: string): Grid {
  const rows = parseCsv(decodeCsv(bytes).text);
  const name = fileName.replace(/^.*[\\/]/, '');
  return {
    name,
    values: rows.map((r) => r.map((text) => (text.trim() ? { kind: 'text', text } : undefined))),
  };
}

async function xlsxGrids(bytes: Uint8Array): Promise<Grid[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets
    .filter((s) => !SERVICE_SHEETS.includes(s.name))
    .map((sheet) => {
      const values: (Cell | undefined)[][] = [];
      sheet.eachRow({ includeEmpty: false }, (row, n) => {
        const cells: (Cell | undefined)[] = [];
        row.eachCell({ includeEmpty: false }, (cell, c) => (cells[c - 1] = cellOf(cell.value)));
        values[n - 1] = cells;
      });
      return { name: sheet.name, values };
    });
}

/** Header labels of every column a sheet of a list (or of all lists) may have, in both languages. */
function headerIndex(columns: Column[]): Map<string, Column> {
  const index = new Map<string, Column>();
  for (const c of columns)
    for (const lang of ['zh', 'en'] as const) index.set(norm(headerOf(c, lang)), c);
  return index;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

function readGrid(grid: Grid, result: ReadResult): void {
  const header = grid.values[0] ?? [];
  const named = listOfSheet(grid.name);
  const index = headerIndex(columnsFor(named));
  const listColumn = header.some((c) => c && index.get(norm(textOf(c)))?.key === 'list');
  if (!named && !listColumn) {
    if (grid.values.some((r) => r?.some(Boolean)))
      result.problems.push(
        fileProblem(
          `不认识工作表“${grid.name}”：工作表名应为名单名称（${LISTS.map((l) => LIST_NAMES[l].zh).join('、')}），或表中有“名单”列`,
          `unknown sheet "${grid.name}": a sheet is named after its list (${LISTS.map((l) => LIST_NAMES[l].zh).join(', ')}) or has a 名单 column`,
          '把记录移到模板中对应名单的工作表，或删除该工作表',
          "move the rows to the template's sheet of their list, or delete the sheet",
          { sheet: grid.name },
        ),
      );
    return;
  }
  const sheet: ReadSheet = {
    name: grid.name,
    ...(named ? { list: named } : {}),
    letters: new Map(),
  };
  let markColumn = -1;
  header.forEach((cell, i) => {
    if (!cell) return;
    const text = norm(textOf(cell));
    const letter = columnLetter(i + 1);
    if (text === MARK_HEADER.zh || text === MARK_HEADER.en) markColumn = i;
    else if (index.has(text)) sheet.letters.set(index.get(text)!.key, letter);
    else
      result.problems.push(
        fileProblem(
          `工作表“${grid.name}”第 ${letter} 列的表头“${text}”不是${named ? `${LIST_NAMES[named].zh}的` : ''}字段`,
          `sheet "${grid.name}", column ${letter}: the header "${text}" is not a field${named ? ` of the ${LIST_NAMES[named].en}` : ''}`,
          '表头请保持模板原样；多余的列请删除',
          'keep the headers as the template has them; delete extra columns',
          { sheet: grid.name, row: 1, column: letter },
        ),
      );
  });
  result.sheets.push(sheet);
  const keyOf = new Map([...sheet.letters].map(([k, l]) => [l, k]));
  grid.values.slice(1).forEach((cells, i) => {
    if (!cells?.some(Boolean)) return;
    const mark = markColumn >= 0 ? cells[markColumn] : undefined;
    if (mark && norm(textOf(mark)) === EXAMPLE_MARK) return;
    const row: ReadRow = {
      sheet: grid.name,
      row: i + 2,
      ...(named ? { list: named } : {}),
      cells: new Map(),
    };
    cells.forEach((cell, c) => {
      const letter = columnLetter(c + 1);
      const key = keyOf.get(letter);
      if (!cell || !key) return;
      if (cell.kind === 'formula-without-result')
        result.problems.push(
          fileProblem(
            `单元格 ${letter}${row.row} 的公式“=${cell.formula}”没有计算结果`,
            `cell ${letter}${row.row}: the formula "=${cell.formula}" has no computed result`,
            '请在电子表格程序中打开并保存（计算公式），或直接填写数值',
            'open and save the file in a spreadsheet program (so the formula is computed), or type the value',
            { sheet: grid.name, row: row.row, column: letter, field: key },
          ),
        );
      else if (cell.kind === 'error')
        result.problems.push(
          fileProblem(
            `单元格 ${letter}${row.row} 是错误值 ${cell.error}`,
            `cell ${letter}${row.row} holds the error value ${cell.error}`,
            '请改正公式或直接填写数值',
            'correct the formula or type the value',
            { sheet: grid.name, row: row.row, column: letter, field: key },
          ),
        );
      else row.cells.set(key, { cell, letter });
    });
    result.rows.push(row);
  });
}

const textOf = (cell: Cell) =>
  cell.kind === 'text' ? cell.text : cell.kind === 'number' ? String(cell.value) : '';
