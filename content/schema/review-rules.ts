/**
 * Rules checked on a record that passed its schema, with the day of validation ("today", as
 * `npm run validate --date`, HONGHEI_DATE, the site build and the bot compute it): a fact dated
 * after it is an error, a document number in an unusual form is flagged for the reviewer.
 */
import type { IsoDate } from './dates.ts';
import { factDates, unusualDocumentNumber } from './field-rules.ts';
import type { Lang } from './messages.ts';
import { problemAt, type Problem } from './problems.ts';
import type { HongheiRecord } from './record.ts';
import type { YamlSource } from './source.ts';

/**
 * The message variables of a fact dated after today, or undefined when it is not: `step` names the
 * fact (decision, submitted, review, approve, history) as the date-order message does.
 */
export function futureDateVars(
  step: string,
  date: IsoDate,
  today: IsoDate,
): Record<string, string> | undefined {
  return date > today ? { field: step, date, today } : undefined;
}

/** The step a fact date's path names: decision, submitted, the approval's role, or history. */
function stepOf(r: HongheiRecord, path: readonly PropertyKey[]): string {
  if (path[0] === 'approvals') return r.approvals[path[1] as number]?.role ?? 'approve';
  return String(path[0]);
}

/** The problems of one record as of a day. */
export function reviewProblems(
  source: YamlSource,
  r: HongheiRecord,
  today: IsoDate,
  lang: Lang,
): Problem[] {
  const problems: Problem[] = [];
  for (const [path, date] of factDates(r)) {
    const vars = futureDateVars(stepOf(r, path), date, today);
    if (vars) problems.push(problemAt(source, path, 'date_in_future', vars, lang));
  }
  // An error would block a real number in a form nobody foresaw; a reviewer compares it with the decision.
  const numbers: [PropertyKey[], string | undefined][] = [
    [['decision', 'document_number'], r.decision.document_number],
    ...r.history.map((e, i): [PropertyKey[], string | undefined] => [
      ['history', i, 'document_number'],
      e.document_number,
    ]),
  ];
  for (const [path, value] of numbers) {
    if (value !== undefined && unusualDocumentNumber(value))
      problems.push(problemAt(source, path, 'document_number_unusual', { value }, lang, 'warning'));
  }
  return problems;
}
