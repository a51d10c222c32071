/**
 * Checking a batch file: every row built into the record /new would build (bot/record/build.ts)
 * and checked exactly as /new checks a candidate before Confirm (bot/record/review.ts: the schema,
 * then the rules across records against the published entries), plus the same credit code twice on
 * one list within the file. Each problem names its sheet, row, column letter and field, in Chinese
 * and English. Record ids are derived from the file's content, so the same file gives the same ids.
 */
import { createHash } from 'node:crypto';
import { fieldLabel } from '../../content/schema/index.ts';
import type { Answers } from '../form/step.ts';
import { checkRecord, placeOf, type CheckOptions, type RowResult } from './check-record.ts';
import { columnsFor } from './columns.ts';
import { readBatch, type ReadResult, type ReadRow } from './read.ts';
import { fileProblem, type BatchProblem } from './problem.ts';
import { listNamed, valueOf } from './values.ts';

export { rowSuffix, type CheckOptions, type RowResult } from './check-record.ts';

/** A checked batch file. */
export interface BatchCheck {
  fileName: string;
  /** SHA-256 of the file's bytes (hex): the submission's id and the records' ids derive from it. */
  hash: string;
  read: ReadResult;
  rows: RowResult[];
  /** Every problem: the file's, then the rows'. */
  problems: BatchProblem[];
  /** True when every row can be submitted and the file has no problem. */
  ok: boolean;
}

/** Reads and checks a batch file. */
export async function checkBatch(
  bytes: Uint8Array,
  fileName: string,
  options: CheckOptions,
): Promise<BatchCheck> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const read = await readBatch(bytes, fileName);
  const rows = read.refused ? [] : read.rows.map((r) => checkRow(r, read, hash, options));
  if (!read.refused) flagDuplicates(rows, read);
  // Cell problems the reader found (formulas) belong to their rows.
  const fileProblems = read.problems.filter((p) => p.row === undefined || p.row === 1);
  for (const p of read.problems.filter((q) => q.row !== undefined && q.row > 1))
    rows.find((r) => r.sheet === p.sheet && r.row === p.row)?.problems.unshift(p);
  if (!read.refused && !rows.length)
    fileProblems.push(
      fileProblem(
        '文件中没有记录行（示例行不计）',
        'the file holds no rows of entries (the example row does not count)',
        '在名单工作表第 2 行起每行填写一条记录',
        "fill one entry per row from row 2 of the list's sheet",
      ),
    );
  const problems = [...fileProblems, ...rows.flatMap((r) => r.problems)];
  return {
    fileName,
    hash,
    read,
    rows,
    problems,
    ok: !read.refused && rows.length > 0 && !problems.some((p) => p.severity === 'error'),
  };
}

/** True when a row has no error (warnings do not block). */
export const rowPasses = (r: RowResult) => !r.problems.some((p) => p.severity === 'error');

function checkRow(row: ReadRow, read: ReadResult, hash: string, options: CheckOptions): RowResult {
  const sheet = read.sheets.find((s) => s.name === row.sheet)!;
  const result: RowResult = { sheet: row.sheet, row: row.row, problems: [] };
  const at = (key: string) => ({
    sheet: row.sheet,
    row: row.row,
    field: key,
    ...(sheet.letters.get(key) ? { column: sheet.letters.get(key) } : {}),
  });
  const listCell = row.cells.get('list');
  const named = listCell && listNamed(listCell.cell.kind === 'text' ? listCell.cell.text : '');
  const list = row.list ?? named;
  if (!list || (row.list && listCell && named !== row.list)) {
    result.problems.push(
      fileProblem(
        row.list ? '名单与工作表不符' : '未写明名单',
        row.list ? 'the list does not match the sheet' : 'no list given',
        row.list
          ? `本工作表只收录“${sheet.name}”：请删去该值或把本行移到对应工作表`
          : '请在“名单”列选择名单',
        row.list
          ? `this sheet holds "${sheet.name}" only: clear the value or move the row to its sheet`
          : 'choose the list in the 名单 column',
        at('list'),
      ),
    );
    if (!list) return result;
  }
  result.list = list;
  const columns = new Map(columnsFor(list).map((c) => [c.key, c]));
  const answers: Answers = { list };
  for (const [key, { cell }] of row.cells) {
    if (key === 'list') continue;
    const column = columns.get(key);
    if (!column) {
      result.problems.push(
        fileProblem(
          '该字段不属于本名单',
          'this field does not belong to this list',
          '请清空该单元格',
          'clear the cell',
          at(key),
        ),
      );
      continue;
    }
    const read = valueOf(column, cell, list, options.repo.categories, options.unit.categories);
    if (!read.ok) {
      result.problems.push({ ...at(key), what: read.what, fix: read.fix, severity: 'error' });
      continue;
    }
    if (read.value !== '') answers[key] = read.value;
  }
  answers['submitted.date'] ??= options.today;
  // The record's id and batch derive from the publication start: without one, the row is still
  // built (with an empty start) and checked, and the missing start is said once, on its cell.
  const missingStart = answers['publication.start'] === undefined;
  if (missingStart) {
    const label = {
      zh: fieldLabel('publication.start', 'zh'),
      en: fieldLabel('publication.start', 'en'),
    };
    result.problems.push(
      fileProblem(
        `未填写${label.zh}`,
        `no ${label.en}`,
        `填写${label.zh}，如 2026-01-05`,
        `write the ${label.en}, e.g. 2026-01-05`,
        at('publication.start'),
      ),
    );
    answers['publication.start'] = '';
  }
  try {
    checkRecord(answers, row, sheet, hash, options, result, missingStart);
  } catch (error) {
    // A row the record builder cannot take must not stop the file: it is that row's problem.
    const message = error instanceof Error ? error.message : String(error);
    result.problems.push(
      fileProblem(
        `这一行无法检查：${message}`,
        `this row cannot be checked: ${message}`,
        '请核对本行各列，或联系管理员',
        "check the row's cells, or tell the administrators",
        { sheet: row.sheet, row: row.row },
      ),
    );
  }
  return result;
}

/** The same credit code twice on one list within the file: every later row is flagged. */
function flagDuplicates(rows: RowResult[], read: ReadResult): void {
  const seen = new Map<string, RowResult>();
  for (const r of rows) {
    const code = r.code;
    if (!r.list || !code) continue;
    const key = `${r.list}:${code}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    const sheet = read.sheets.find((s) => s.name === r.sheet)!;
    r.problems.push({
      ...placeOf('subject.code', sheet, { sheet: r.sheet, row: r.row } as ReadRow),
      what: {
        zh: `代码 ${code} 在本文件中重复：与“${first.sheet}”第 ${first.row} 行同一名单`,
        en: `code ${code} appears twice in this file: the same list as sheet ${first.sheet}, row ${first.row}`,
      },
      fix: {
        zh: '同一主体在同一名单只报一条：删去重复的行',
        en: 'a subject has one entry per list: delete the duplicate row',
      },
      severity: 'error',
    });
  }
}
