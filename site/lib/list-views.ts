/**
 * The lists as the list pages show them: each list's entries and its filter groups, computed once
 * per build (a list page at 100,000 entries must not regroup the list for each of its pages).
 */
import type { ListId } from '../../content/schema/index.ts';
import { entriesOf, type Entry } from './entries.ts';
import { FACETS, facetGroups, type Facet, type FacetGroup } from './facets.ts';

/** Rows per list page: enough to scan, small enough for a phone. */
export const PAGE_SIZE = 50;

export interface ListView {
  list: ListId;
  entries: Entry[];
  facets: Record<Facet, FacetGroup[]>;
}

const views = new Map<ListId, Promise<ListView>>();

/** A list's entries and filter groups (memoized). */
export function listView(list: ListId): Promise<ListView> {
  let view = views.get(list);
  if (!view) {
    view = entriesOf(list).then((entries) => ({
      list,
      entries,
      facets: Object.fromEntries(FACETS.map((f) => [f, facetGroups(list, entries, f)])) as Record<
        Facet,
        FacetGroup[]
      >,
    }));
    views.set(list, view);
  }
  return view;
}
