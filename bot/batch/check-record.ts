/**
 * One row of a batch as a record: built as /new builds it (bot/record/build.ts), checked as /new
 * checks a candidate (bot/record/review.ts) in Chinese and English, and each problem led back to
 * the row's cell — persons renumbered to their slots, a rule on a group to the member it names.
 */
import { isIsoDate, type IsoDate, type Lang, type ListId } from '../../content/schema/index.ts';
import type { Answers } from '../form/step.ts';
import { buildNewRecord } from '../record/build.ts';
import { validateCandidate } from '../record/review.ts';
import { createHash } from 'node:crypto';
import type { ContentRepository } from '../record/repository.ts';
import type { BatchProblem } from './problem.ts';
import { PERSON_SLOTS } from './columns.ts';
import { keyLabel } from './problem.ts';
import type { ReadRow, ReadSheet } from './read.ts';

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

const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A record id's random part, drawn from the file's hash and the row's place (randomId's alphabet). */
export function rowSuffix(hash: string, sheet: string, row: number, length = 6): string {
  const bytes = createHash('sha256').update(`${hash}\0${sheet}\0${row}`).digest();
  return Array.from(bytes.subarray(0, length), (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** Builds the row's record as /new builds it and checks it as /new checks a candidate. */
export function checkRecord(
  answers: Answers,
  row: ReadRow,
  sheet: ReadSheet,
  hash: string,
  options: CheckOptions,
  result: RowResult,
  missingStart: boolean,
): void {
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
  const startOk = isIsoDate(String(answers['publication.start']));
  const derived = missingStart
    ? /^(id|batch|history|publication\.start)(\.|$)/
    : /^(id|batch|history)(\.|$)/;
  const check = (lang: Lang) =>
    validateCandidate(
      options.repo,
      { file: built.file, yaml: built.yaml, attachments: [] },
      options.today,
      lang,
    )
      .filter((p) => p.severity !== 'notice')
      // The id, batch and first status derive from the publication start: its own problem says it.
      .filter((p) => startOk || !derived.test(p.field));
  const zh = check('zh');
  const en = zh.length ? check('en') : [];
  zh.forEach((p, i) => {
    const key = personKeys.get(p.field) ?? p.field;
    result.problems.push({
      ...placeOf(key, sheet, row, p.what),
      what: { zh: p.what, en: en[i]?.what ?? p.what },
      fix: { zh: p.fix, en: en[i]?.fix ?? p.fix },
      severity: p.severity === 'warning' ? 'warning' : 'error',
    });
  });
}

/**
 * A problem's place: the field's own column; for a group (a rule on the subject as a whole), the
 * column of the member the message names (企业必须填写统一社会信用代码 → the code's column), else
 * the group's first column; else the row.
 */
export function placeOf(field: string, sheet: ReadSheet, row: ReadRow, what = '') {
  const base = { sheet: row.sheet, row: row.row, ...(field ? { field } : {}) };
  const own = sheet.letters.get(field);
  if (own) return { ...base, column: own };
  const members = [...sheet.letters].filter(([k]) => field && k.startsWith(`${field}.`));
  const named = members.find(([k]) => what.includes(keyLabel(k, 'zh')));
  const chosen = named ?? members[0];
  return chosen ? { ...base, field: chosen[0], column: chosen[1] } : base;
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
