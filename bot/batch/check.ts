/**
 * Checking a batch file: every row built into the record /new would build (bot/record/build.ts)
 * and checked exactly as /new checks a candidate before Confirm (bot/record/review.ts: the schema,
 * then the rules across records against the published entries), plus the same credit code twice on
 * one list within the file. Each problem names its sheet, row, column letter and field, in Chinese
 * and English. Record ids are derived from the file's content, so the same file gives the same ids.
 */
import { createHash } from 'node:crypto';
import { isIsoDate, type IsoDate, type Lang, type ListId } from '../../content/schema/index.ts';
import type { Answers } from '../form/step.ts';
import { buildNewRecord } from '../record/build.ts';
import type { ContentRepository } from '../record/repository.ts';
import { validateCandidate } from '../record/review.ts';
import { columnsFor, PERSON_SLOTS } from './columns.ts';
import { readBatch, type ReadResult, type ReadRow, type ReadSheet } from './read.ts';
import { fileProblem, type BatchProblem } from './problem.ts';
import { listNamed, valueOf } from './values.ts';

/** Who submits the batch, and against what. */
export interface CheckOptions {
  repo: ContentRepository;
  unit: { name: string; categories?: string[] };
  today: IsoDate;
}

/** One row of the file, checked. */
export interface RowResult {
  sheet: string;
  row: number;
  list?: ListId;
  /** The record file the row becomes (absent when the row has no list). */
  file?: string;
  yaml?: string;
  recordId?: string;
  /** The subject's credit code, for the duplicate check within the file. */
  code?: string;
  /** The subject's name, for the submission's table. */
  name?: string;
  problems: BatchProblem[];
}

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

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A record id's random part, drawn from the file's hash and the row's place (randomId's alphabet). */
export function rowSuffix(hash: string, sheet: string, row: number, length = 6): string {
  const bytes = createHash('sha256').update(`${hash}\0${sheet}\0${row}`).digest();
  return Array.from(bytes.subarray(0, length), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
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
  const personKeys = renumberPersons(answers);
  const built = buildNewRecord(answers, {
    suffix: rowSuffix(hash, row.sheet, row.row),
    unit: options.unit.name,
    sample: options.repo.publisher.sample,
  });
  result.file = built.file;
  result.yaml = built.yaml;
  result.recordId = String(built.record.id);
  if (typeof answers['subject.code'] === 'string') result.code = answers['subject.code'];
  if (typeof answers['subject.name'] === 'string') result.name = answers['subject.name'];
  const startOk = isIsoDate(String(answers['publication.start'] ?? ''));
  const check = (lang: Lang) =>
    validateCandidate(
      options.repo,
      { file: built.file, yaml: built.yaml, attachments: [] },
      options.today,
      lang,
    )
      .filter((p) => p.severity !== 'notice')
      // The id, batch and first status derive from the publication start: its own problem says it.
      .filter((p) => startOk || !/^(id|batch|history)(\.|$)/.test(p.field));
  const zh = check('zh');
  const en = zh.length ? check('en') : [];
  zh.forEach((p, i) => {
    const key = personKeys.get(p.field) ?? p.field;
    result.problems.push({
      ...placeOf(key, sheet, row),
      what: { zh: p.what, en: en[i]?.what ?? p.what },
      fix: { zh: p.fix, en: en[i]?.fix ?? p.fix },
      severity: p.severity === 'warning' ? 'warning' : 'error',
    });
  });
  return result;
}

/** A problem's place: the field's own column, else its group's first column, else the row. */
function placeOf(field: string, sheet: ReadSheet, row: ReadRow) {
  const base = { sheet: row.sheet, row: row.row, ...(field ? { field } : {}) };
  const own = sheet.letters.get(field);
  if (own) return { ...base, column: own };
  const first = [...sheet.letters].find(([k]) => field && k.startsWith(`${field}.`));
  return first ? { ...base, column: first[1] } : base;
}

/** Persons filled in slots 1 and 3 become persons 0 and 1; the map leads the record's paths back to the columns. */
function renumberPersons(answers: Answers): Map<string, string> {
  const back = new Map<string, string>();
  let next = 0;
  for (let slot = 0; slot < PERSON_SLOTS; slot++) {
    const prefix = `subject.persons.${slot}.`;
    const keys = Object.keys(answers).filter((k) => k.startsWith(prefix));
    if (!keys.length) continue;
    const values = keys.map((k) => [k, answers[k]] as const);
    for (const k of keys) delete answers[k];
    for (const [k, v] of values) {
      const moved = `subject.persons.${next}.${k.slice(prefix.length)}`;
      answers[moved] = v;
      back.set(moved, k);
    }
    back.set(`subject.persons.${next}`, `${prefix}role`);
    next++;
  }
  return back;
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
