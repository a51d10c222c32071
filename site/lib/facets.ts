/**
 * The ways a list can be narrowed: category, region, year, subject kind and status. The same
 * values name the pre-rendered filter pages (/lists/<list>/<facet>/<value>/), the search index's
 * filter files and Pagefind's filters, so a filter means the same thing everywhere.
 */
import {
  regionAncestors,
  STATUSES,
  SUBJECT_KINDS,
  type ListId,
} from '../../content/schema/index.ts';
import type { Entry } from './entry.ts';
import { categoryName, kindName, regionName, statusName } from './labels.ts';
import { categories } from './site-context.ts';

export const FACETS = ['category', 'region', 'year', 'kind', 'status'] as const;
export type Facet = (typeof FACETS)[number];

export const FACET_NAMES: Record<Facet, string> = {
  category: '列入类别',
  region: '地区',
  year: '年份',
  kind: '主体类型',
  status: '状态',
};

/** The values an entry has for a facet; a region counts for its city and province too. */
export function facetValues(entry: Entry, facet: Facet): string[] {
  const r = entry.record;
  switch (facet) {
    case 'category':
      return [r.category];
    case 'region':
      return [r.region, ...regionAncestors(r.region)];
    case 'year':
      return [entry.year];
    case 'kind':
      return [r.subject.kind];
    case 'status':
      return [entry.status];
  }
}

/** The Chinese label of a facet value within a list. */
export function facetLabel(list: ListId, facet: Facet, value: string): string {
  switch (facet) {
    case 'category':
      return categoryName(list, value);
    case 'region':
      return regionName(value);
    case 'year':
      return `${value}年`;
    case 'kind':
      return kindName(value as Parameters<typeof kindName>[0]);
    case 'status':
      return statusName(value as Parameters<typeof statusName>[0]);
  }
}

/** One value of a facet with the entries that have it. */
export interface FacetGroup {
  value: string;
  label: string;
  entries: Entry[];
}

/** The order of a facet's values: the publisher's order of categories, the schema's order of kinds and statuses. */
function rank(list: ListId, facet: Facet): (value: string) => number {
  const order: readonly string[] =
    facet === 'category'
      ? categories()[list].map((c) => c.id)
      : facet === 'kind'
        ? SUBJECT_KINDS
        : facet === 'status'
          ? STATUSES
          : [];
  return (value) => {
    const i = order.indexOf(value);
    return i < 0 ? order.length : i;
  };
}

/**
 * The groups of a facet over a list's entries, in a stable order (years newest first, regions by
 * code, the rest in their configured order). A value every entry shares (the one city of a city publisher) narrows
 * nothing, so it is left out when the facet has other values.
 */
export function facetGroups(list: ListId, entries: readonly Entry[], facet: Facet): FacetGroup[] {
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const v of facetValues(e, facet)) {
      const g = groups.get(v) ?? [];
      g.push(e);
      groups.set(v, g);
    }
  }
  let result = [...groups].map(([value, es]) => ({
    value,
    label: facetLabel(list, facet, value),
    entries: es,
  }));
  if (result.length > 1) result = result.filter((g) => g.entries.length < entries.length);
  const byValue = (a: FacetGroup, b: FacetGroup) =>
    a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (facet === 'year') return result.sort((a, b) => byValue(b, a));
  if (facet === 'region') return result.sort(byValue);
  const rankOf = rank(list, facet);
  return result.sort((a, b) => rankOf(a.value) - rankOf(b.value) || byValue(a, b));
}
