/**
 * Names of the things a page shows, in Chinese or (with lang 'en') English. The vocabularies come
 * from the schema's label tables and the publisher's categories; nothing is spelt twice here.
 * Region names exist in Chinese only (GB/T 2260).
 */
import {
  DEMO_LEVEL_NAMES,
  LIST_NAMES,
  regionFullName,
  STATUS_NAMES,
  SUBJECT_KIND_NAMES,
  type Category,
  type DemoLevel,
  type Lang,
  type ListId,
  type Status,
  type SubjectKind,
} from '../../content/schema/index.ts';
import { categories } from './site-context.ts';

export const listName = (list: ListId, lang: Lang = 'zh'): string => LIST_NAMES[list][lang];
export const kindName = (kind: SubjectKind, lang: Lang = 'zh'): string =>
  SUBJECT_KIND_NAMES[kind][lang];
export const statusName = (status: Status, lang: Lang = 'zh'): string => STATUS_NAMES[status][lang];
export const levelName = (level: DemoLevel, lang: Lang = 'zh'): string =>
  DEMO_LEVEL_NAMES[level][lang];

/** A category of a list, or undefined when the publisher has removed it. */
export function categoryOf(list: ListId, id: string): Category | undefined {
  return categories()[list].find((c) => c.id === id);
}

/** The name of a category, or its id when the publisher has removed it. */
export function categoryName(list: ListId, id: string, lang: Lang = 'zh'): string {
  const name = categoryOf(list, id)?.name;
  return (name && (name[lang] || name.zh)) ?? id;
}

/** A region's full name (辽宁省 大连市 中山区), or its code when unknown. */
export function regionName(code: string): string {
  return regionFullName(code) ?? code;
}

/** The last part of a region's name (中山区), for short labels. */
export function regionShortName(code: string): string {
  return regionName(code).split(' ').pop() ?? code;
}

export { formatDate } from './format-date.ts';

/** 2026-Q3 → 2026年第三季度 (English: 2026 Q3). */
export function batchName(batch: string, lang: Lang = 'zh'): string {
  const [year, q] = batch.split('-Q');
  return lang === 'en' ? `${year} Q${q}` : `${year}年第${'一二三四'[Number(q) - 1] ?? q}季度`;
}

/** Only web links become links: a record's text never becomes a javascript: or data: URL. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
