/**
 * A cell's value as the field takes it: dates as ISO dates, coded fields from the names the
 * drop-downs offer (or the code itself), regions from "210202 辽宁省 大连市 中山区", a code or a
 * unique name, credit codes as people type them. A value outside a closed set is a problem.
 */
import {
  divisionName,
  divisionsUnder,
  LIST_NAMES,
  LISTS,
  type Categories,
  type ListId,
} from '../../content/schema/index.ts';
import { normaliseCode } from '../record/subject-steps.ts';
import { dateValue, textValue, type Cell } from './cells.ts';
import type { Column } from './columns.ts';
import type { Bilingual } from './problem.ts';

/** A value read, or why it cannot be. */
export type Read = { ok: true; value: string } | { ok: false; what: Bilingual; fix: Bilingual };

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The list a 名单 cell names (by its Chinese or English name, or its code). */
export function listNamed(text: string): ListId | undefined {
  const t = norm(text);
  return LISTS.find((l) => t === l || t === norm(LIST_NAMES[l].zh) || t === norm(LIST_NAMES[l].en));
}

/** The region a cell names: a 6-digit code at its start, or one division's unique name. */
export function regionNamed(text: string): string | undefined {
  const t = norm(text);
  const code = /^(\d{6})(\s|$)/.exec(t)?.[1];
  if (code) return divisionName(code) ? code : undefined;
  const matches = divisionsUnder('').filter((d) => d.name !== '市辖区' && d.name === t);
  return matches.length === 1 ? matches[0]!.code : undefined;
}

/** The value of a cell for its column, on a list. */
export function valueOf(
  column: Column,
  cell: Cell,
  list: ListId,
  categories: Categories,
  unitCategories?: string[],
): Read {
  if (column.date) return { ok: true, value: dateValue(cell) };
  const text = textValue(cell);
  if (column.key === 'subject.code') return { ok: true, value: normaliseCode(text) };
  if (column.region) {
    const code = regionNamed(text);
    if (code) return { ok: true, value: code };
    return {
      ok: false,
      what: { zh: `不认识的地区“${text}”`, en: `unknown region "${text}"` },
      fix: {
        zh: '请从下拉列表中选择，或写 6 位行政区划代码，如 210202',
        en: 'choose from the drop-down list, or write the 6-digit division code, e.g. 210202',
      },
    };
  }
  const choices = column.choices?.(list, categories, unitCategories);
  if (!choices) return { ok: true, value: text };
  const t = norm(text);
  const found = choices.find(
    (c) =>
      t === c.value || t === norm(c.names.zh) || t.toLowerCase() === norm(c.names.en).toLowerCase(),
  );
  if (found) return { ok: true, value: found.value };
  return {
    ok: false,
    what: { zh: `“${text}”不在可选值中`, en: `"${text}" is not one of the values allowed` },
    fix: {
      zh: `请从下拉列表中选择：${choices.map((c) => c.names.zh).join('、')}`,
      en: `choose from the drop-down list: ${choices.map((c) => c.names.en).join(', ')}`,
    },
  };
}
