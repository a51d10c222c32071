/**
 * Names of the things a page shows, in Chinese. The vocabularies come from the schema's label
 * tables and the publisher's categories; nothing is spelt twice here.
 */
import {
  DEMO_LEVEL_NAMES, LIST_NAMES, regionFullName, STATUS_NAMES, SUBJECT_KIND_NAMES,
  type Category, type DemoLevel, type ListId, type Status, type SubjectKind,
} from '../../content/schema/index.ts';
import { categories } from './site-context.ts';

export const listName = (list: ListId): string => LIST_NAMES[list].zh;
export const kindName = (kind: SubjectKind): string => SUBJECT_KIND_NAMES[kind].zh;
export const statusName = (status: Status): string => STATUS_NAMES[status].zh;
export const levelName = (level: DemoLevel): string => DEMO_LEVEL_NAMES[level].zh;

/** A category of a list, or undefined when the publisher has removed it. */
export function categoryOf(list: ListId, id: string): Category | undefined {
  return categories()[list].find((c) => c.id === id);
}

/** The Chinese name of a category, or its id when the publisher has removed it. */
export function categoryName(list: ListId, id: string): string {
  return categoryOf(list, id)?.name.zh ?? id;
}

/** A region's full name (辽宁省 大连市 中山区), or its code when unknown. */
export function regionName(code: string): string {
  return regionFullName(code) ?? code;
}

/** The last part of a region's name (中山区), for short labels. */
export function regionShortName(code: string): string {
  return regionName(code).split(' ').pop() ?? code;
}

/** 2026-07-15 → 2026年7月15日. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-Q3 → 2026年第三季度. */
export function batchName(batch: string): string {
  const [year, q] = batch.split('-Q');
  return `${year}年第${'一二三四'[Number(q) - 1] ?? q}季度`;
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
