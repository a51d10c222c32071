/**
 * What the indexers read: the public entries, newest first, with their filter values and full
 * text. Made from the same public records as the records collection (records-loader.ts).
 */
import {
  LISTS,
  PERSON_ROLE_NAMES,
  STATUSES,
  SUBJECT_KINDS,
} from '../../../content/schema/index.ts';
import type { Entry } from '../entry.ts';
import { facetValues } from '../facets.ts';
import { categoryName, kindName, listName, regionName, statusName } from '../labels.ts';
import { recordPath } from '../paths.ts';
import { categories, siteDate } from '../site-context.ts';
import { FILTER_KEYS, type FilterKey, type SourceEntry, type SourceHeader } from './format.ts';

/** A category's filter value names its list too: two lists may use the same category id. */
export const categoryValue = (list: string, id: string) => `${list}.${id}`;

/** The filter values of an entry. */
export function entryFilters(e: Entry): Record<FilterKey, string[]> {
  const r = e.record;
  return {
    list: [r.list],
    category: [categoryValue(r.list, r.category)],
    region: facetValues(e, 'region'),
    year: [e.year],
    kind: [r.subject.kind],
    status: [e.status],
  };
}

/**
 * What a person may look for in an entry's full text: the fields that differ from entry to entry.
 * The list, kind, region, category, status and dates are filters, not words: repeated in every
 * entry they would only swell Pagefind's index (and its memory) without finding anything more.
 */
function fullText(e: Entry): string {
  const r = e.record;
  const s = r.subject;
  const parts = [
    s.name,
    s.code,
    s.id_number,
    s.address,
    r.facts,
    r.legal_basis,
    r.decision.authority,
    r.decision.document_number,
    r.submitted.unit,
    ...(s.persons ?? []).map((p) => `${PERSON_ROLE_NAMES[p.role].zh} ${p.name}`),
    ...(r.demonstration ? [r.demonstration.named_by] : []),
  ];
  // Spaces between fields: Pagefind would otherwise join the last word of one to the next.
  return parts.filter(Boolean).join(' \n');
}

/** One entry for the indexers. */
export function sourceEntry(e: Entry): SourceEntry {
  const r = e.record;
  return {
    id: e.id,
    url: recordPath(e.id),
    name: r.subject.name,
    code: r.subject.code,
    date: e.date,
    batch: r.batch,
    sample: r.sample,
    filters: entryFilters(e),
    text: fullText(e),
  };
}

/** The date, and the label of every filter value (all configured ones, and every region and year that occurs). */
export function sourceHeader(entries: readonly Entry[]): SourceHeader {
  const labels = Object.fromEntries(FILTER_KEYS.map((k) => [k, {}])) as Record<
    FilterKey,
    Record<string, string>
  >;
  for (const l of LISTS) labels.list[l] = listName(l);
  for (const k of SUBJECT_KINDS) labels.kind[k] = kindName(k);
  for (const s of STATUSES) labels.status[s] = statusName(s);
  for (const l of LISTS)
    for (const c of categories()[l]) labels.category[categoryValue(l, c.id)] = c.name.zh;
  for (const e of entries) {
    for (const code of facetValues(e, 'region')) labels.region[code] ??= regionName(code);
    labels.year[e.year] ??= `${e.year}年`;
    labels.category[categoryValue(e.record.list, e.record.category)] ??= categoryName(
      e.record.list,
      e.record.category,
    );
  }
  return { date: siteDate(), labels };
}
