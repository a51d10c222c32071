/**
 * A problem of a batch file, in both languages: where (sheet, row, column letter, field) and what is
 * wrong and how to fix it. File-level problems have no row; a row's problems name the cell.
 */
import { fieldLabel, type Lang } from '../../content/schema/index.ts';

/** A text in each language. */
export type Bilingual = Record<Lang, string>;

/** Where a problem is. */
export interface ProblemPlace {
  sheet?: string;
  /** The spreadsheet row number (1 is the header). */
  row?: number;
  /** The column letter. */
  column?: string;
  /** The column's key (subject.name, subject.persons.0.role). */
  field?: string;
}

/** One problem of a batch file. */
export interface BatchProblem extends ProblemPlace {
  what: Bilingual;
  fix: Bilingual;
  severity: 'error' | 'warning';
}

/** A problem of the file, a sheet, a column or a cell, as the reader finds it. */
export function fileProblem(
  whatZh: string,
  whatEn: string,
  fixZh: string,
  fixEn: string,
  place: ProblemPlace = {},
): BatchProblem {
  return {
    ...place,
    what: { zh: whatZh, en: whatEn },
    fix: { zh: fixZh, en: fixEn },
    severity: 'error',
  };
}

/** The label of a column key: the field's label, with the person's number (人员姓名（已脱敏） 2). */
export function keyLabel(key: string, lang: Lang): string {
  const slot = /\.(\d+)\./.exec(key)?.[1];
  const label = fieldLabel(key.replace(/\.\d+\./, '.*.'), lang);
  return slot === undefined ? label : `${label} ${Number(slot) + 1}`;
}

/** Where a problem is, as a line starts: "失信黑名单 第 5 行 D 列（主体名称）". */
export function placeText(p: ProblemPlace, lang: Lang): string {
  const field = p.field ? keyLabel(p.field, lang) : undefined;
  if (lang === 'en')
    return [
      p.sheet && `sheet ${p.sheet}`,
      p.row && `row ${p.row}`,
      p.column && `column ${p.column}${field ? ` (${field})` : ''}`,
    ]
      .filter(Boolean)
      .join(', ');
  return [
    p.sheet && `${p.sheet}`,
    p.row && `第 ${p.row} 行`,
    p.column && `${p.column} 列${field ? `（${field}）` : ''}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A problem as one line: where, what, how to fix. */
export function problemText(p: BatchProblem, lang: Lang): string {
  const place = placeText(p, lang);
  const sep = lang === 'zh' ? '：' : ': ';
  return `${place ? place + sep : ''}${p.what[lang]} — ${p.fix[lang]}`;
}
