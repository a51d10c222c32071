/**
 * What a single field of a record can hold, beyond its type: the bounds of free text, names in
 * Chinese characters, an authority that is a name, a document number that looks like one, and
 * dates of facts that cannot lie after the day of validation. The bounds come from what real
 * publications show (research/domain.md §1.2): an entry's 事由 is a summary of a few sentences
 * (the typical-case write-up carries the long story), a 依据 cites one or a few articles, an
 * objection states its grounds in a paragraph and attaches its evidence.
 */
import type { IsoDate } from './dates.ts';
import { report, type Ctx } from './report-issue.ts';

/** Bounds, in characters, of the record's text fields; each field's description states its own. */
export const TEXT_BOUNDS = {
  /** 事由: a few sentences; long stories belong in the case write-up. */
  facts: [10, 1000],
  /** 依据: one or a few articles. */
  legal_basis: [4, 500],
  /** A status event's note: objection grounds, the correction, the reason for removal. */
  note: [2, 1000],
  /** A registered name: the longest Chinese enterprise names run to about 60 characters. */
  name: [2, 100],
  /** 认定（决定）机关, or several jointly (the shortest, 市总工会, is 4; authorityRule refuses non-names). */
  authority: [2, 80],
  /** 文号, e.g. 大人社监罚字〔2026〕第18号 (documentNumberRule refuses what is not one, whatever its length). */
  document_number: [2, 50],
} as const satisfies Record<string, readonly [number, number]>;

/** A Han character (汉字). */
export const HAN = /\p{Script=Han}/u;

// C0 and C1 control characters other than tab and line feed: invisible, and most not allowed in
// XML (feeds) at all. A carriage return too: YAML turns a file's line ends into LF, and the bot
// normalises what is typed, so one can only come from an escape ("\r") written by hand.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;

/** Free text must not carry control characters. */
export function controlCharacterRule(value: string, ctx: Ctx) {
  const found = CONTROL.exec(value);
  if (found)
    report(ctx, [], 'control_character', {
      code: `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
    });
}

// A date however written (2026-07-15, 2026/7/15, 2026年7月15日) or a bare number.
const DATE_LIKE = /^\s*\d{2,4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?\s*$/u;
const NUMBER_LIKE = /^[\s\d.,，、:：/-]+$/u;

/** An authority (认定机关, 命名机关) is the name of a body: Chinese characters, not a date or a number. */
export function authorityRule(value: string, ctx: Ctx) {
  if (DATE_LIKE.test(value) || NUMBER_LIKE.test(value) || !HAN.test(value))
    report(ctx, [], 'authority_format', { value });
}

/**
 * The document-number forms a reviewer expects: 机关代字〔年份〕序号号, with the year in 〔〕, [], ［］
 * or 【】 and an optional 第 before the serial (大工办发〔2016〕18号, 大人社监罚字[2026]第18号). Sample
 * data may end it with （示例）, the mark every fictional value carries.
 */
export const DOCUMENT_NUMBER_PATTERN =
  /^[\p{Script=Han}A-Za-z0-9·（）()\-]*\p{Script=Han}[\p{Script=Han}A-Za-z0-9·（）()\-]*\s*[〔[［【]\s*(?:19|20)\d{2}\s*[〕\]］】]\s*第?\s*\d+\s*号(?:（示例）)?$/u;

/**
 * A document number must at least hold a Chinese issuer code and a serial number ("abc" does
 * not): that is an error. A number that holds both but does not follow the usual form is a
 * warning (documentNumberWarning): real numbers vary, the reviewer decides.
 */
export function documentNumberRule(value: string, ctx: Ctx) {
  if (!HAN.test(value) || !/\d/.test(value)) report(ctx, [], 'document_number_format', { value });
}

/** True when a document number that passed its rule still deserves the reviewer's look. */
export const unusualDocumentNumber = (value: string) => !DOCUMENT_NUMBER_PATTERN.test(value);

/**
 * The record's fields that hold the date something happened, as dotted paths ('*' for each item):
 * the decision, the submission, each approval, each status event after the listing (the listing
 * is dated with the publication start, which may be scheduled ahead; deadlines, `due`, lie ahead
 * by nature). The bot asks the ones it asks with this list; the validator reads factDates.
 */
export const FACT_DATE_FIELDS = [
  'decision.date',
  'submitted.date',
  'approvals.*.date',
  'history.*.date',
] as const;

/** The first item of a list whose date is not a fact (the listing). */
const NOT_A_FACT: Record<string, number> = { history: 0 };

/** The fact dates of a record (FACT_DATE_FIELDS) with their paths. */
export function factDates(r: object): [path: PropertyKey[], date: IsoDate][] {
  const out: [PropertyKey[], IsoDate][] = [];
  const record = r as Record<string, unknown>;
  for (const field of FACT_DATE_FIELDS) {
    const [group, item, key] = field.split('.') as [string, string, string | undefined];
    if (key === undefined) {
      const date = (record[group] as Record<string, unknown> | undefined)?.[item];
      if (typeof date === 'string') out.push([[group, item], date]);
      continue;
    }
    ((record[group] as Record<string, unknown>[] | undefined) ?? []).forEach((entry, i) => {
      if (NOT_A_FACT[group] !== i && typeof entry[key] === 'string')
        out.push([[group, i, key], entry[key] as IsoDate]);
    });
  }
  return out;
}
