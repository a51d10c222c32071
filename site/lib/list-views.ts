/**
 * The lists as the list pages show them: each list's entries and its filter groups, computed once
 * per build (a list page at 100,000 entries must not regroup the list for each of its pages).
 */
import type { PaginateFunction } from 'astro';
import { LISTS, type ListId } from '../../content/schema/index.ts';
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

/** The paginated pages of every list (getStaticPaths of a list route), with the route's own params. */
export async function listPages(paginate: PaginateFunction, params: { lang?: string } = {}) {
  const paths = [];
  for (const list of LISTS) {
    const view = await listView(list);
    paths.push(
      ...paginate(view.entries, {
        params: { ...params, list },
        pageSize: PAGE_SIZE,
        props: { view },
      }),
    );
  }
  return paths;
}
