/**
 * The columns of a batch workbook, derived from the record schema: one column per field the bot's
 * /new asks (new-steps.ts DERIVED leaves out what the bot assigns itself), labelled from the
 * schema's own field labels, with the closed set of values each coded field takes. The template,
 * the reader and the annotated workbook all read their columns from here.
 */
import {
  fieldHint,
  fieldLabel,
  KINDS_BY_LIST,
  LIST_NAMES,
  LISTS,
  recordShape,
  regionFullName,
  divisionsUnder,
  schemaLeaves,
  valueName,
  type Categories,
  type Lang,
  type ListId,
} from '../../content/schema/index.ts';
import { isDateField } from '../form/schema-walk.ts';
import { DERIVED } from '../record/new-steps.ts';

/** How many persons (法定代表人, 直接责任人) a row can carry: one group of columns each. */
export const PERSON_SLOTS = 2;

/** A coded value and its names. */
export interface Choice {
  value: string;
  names: Record<Lang, string>;
}

/** One column of a list's sheet. */
export interface Column {
  /** Where the value goes in the record: subject.name, subject.persons.0.role. */
  key: string;
  /** The schema path (list items as '*'): subject.persons.*.role. */
  path: string;
  /** Person number (1, 2…) for the repeated person columns. */
  slot?: number;
  date: boolean;
  /** The closed set, when the field takes one (regions are looked up by region.ts instead). */
  choices?: (list: ListId, categories: Categories, unitCategories?: string[]) => Choice[];
  region?: boolean;
}

const isDerived = (path: string) =>
  DERIVED.some((d) => path === d || path.startsWith(`${d.replace(/\.\*$/, '')}.`));

/** Fields that belong to one list only (the /new questions ask them only there). */
const ONLY_ON: Record<string, ListId> = { 'subject.persons': 'black', demonstration: 'demo' };

const onList = (path: string, list: ListId) =>
  Object.entries(ONLY_ON).every(([prefix, l]) => !path.startsWith(prefix) || l === list);

const coded = (path: string, values: readonly string[]): Choice[] =>
  values.map((value) => ({
    value,
    names: { zh: valueName(path, value, 'zh'), en: valueName(path, value, 'en') },
  }));

function choicesOf(path: string, values?: string[]): Column['choices'] {
  if (path === 'list') return (list) => coded(path, [list]);
  if (path === 'subject.kind') return (list) => coded(path, KINDS_BY_LIST[list]);
  if (path === 'category')
    return (list, categories, own) =>
      categories[list]
        .filter((c) => !own || own.includes(c.id))
        .map((c) => ({ value: c.id, names: c.name }));
  return values ? () => coded(path, values) : undefined;
}

/**
 * The columns of a list's sheet in the schema's order; without a list, every column any list has
 * (a CSV file holds all lists in one table). Repeated fields (persons) get one group per slot.
 */
export function columnsFor(list?: ListId): Column[] {
  const out: Column[] = [];
  const leaves = schemaLeaves(recordShape).filter((leaf) => {
    const path = leaf.path.join('.');
    return !isDerived(path) && (!list || onList(path, list));
  });
  const done = new Set<string>();
  for (const leaf of leaves) {
    const path = leaf.path.join('.');
    const column = (l: typeof leaf) => {
      const p = l.path.join('.');
      return {
        path: p,
        date: isDateField(l),
        choices: choicesOf(p, l.values),
        ...(p === 'region' ? { region: true } : {}),
      };
    };
    const star = path.indexOf('.*.');
    if (star < 0) {
      out.push({ ...column(leaf), key: path });
      continue;
    }
    const group = path.slice(0, star);
    if (done.has(group)) continue;
    done.add(group);
    const items = leaves.filter((l) => l.path.join('.').startsWith(`${group}.*.`));
    for (let slot = 1; slot <= PERSON_SLOTS; slot++)
      for (const item of items) {
        const c = column(item);
        out.push({ ...c, key: c.path.replace('*', String(slot - 1)), slot });
      }
  }
  return out;
}

/** A column's header: the field's label, with the person's number for repeated columns. */
export function headerOf(column: Column, lang: Lang): string {
  const label = fieldLabel(column.path, lang);
  return column.slot ? `${label} ${column.slot}` : label;
}

/** A column's note: the field's hint, and how to write a date. */
export function noteOf(column: Column, lang: Lang): string {
  const hint = fieldHint(column.path, lang) ?? '';
  if (!column.date) return hint;
  const forms =
    lang === 'zh'
      ? '可填日期单元格，或 2026-01-05、2026/1/5、2026年1月5日'
      : 'a date cell, or 2026-01-05, 2026/1/5, 2026年1月5日';
  return [hint, forms].filter(Boolean).join(lang === 'zh' ? '；' : '; ');
}

/** The sheet of each list: its Chinese name (sheet names are at most 31 characters). */
export const sheetNameOf = (list: ListId) => LIST_NAMES[list].zh;

/** The list a sheet name stands for (Chinese or English name, or the list's code). */
export function listOfSheet(name: string): ListId | undefined {
  const n = name.trim();
  return LISTS.find(
    (l) => n === l || n === LIST_NAMES[l].zh || n === LIST_NAMES[l].en.slice(0, 31),
  );
}

/** A region as the drop-down shows it: "210202 辽宁省 大连市 中山区". */
export const regionChoice = (code: string) => `${code} ${regionFullName(code) ?? ''}`.trim();

/** Every known region, as the drop-down shows them. */
export const regionChoices = (): string[] => divisionsUnder('').map((d) => regionChoice(d.code));
