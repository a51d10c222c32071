/**
 * The values every page of the site reads from globals through its layout (Base, Header, Footer)
 * and the labels it prints (categories), and the cache keys of paginated pages: parts of the
 * cache keys of site/lib/build-cache/cache-key.ts.
 */
import { categories, publisher, siteDate } from '../site-context.ts';
import { cacheKeyOf } from './cache-key.ts';

let layoutCache: { publisher: object; categories: object; digest: string } | undefined;

/**
 * What the layout and the labels read: the publisher's names and contacts, the categories — as
 * one digest, computed once per build (every page's key includes it; serialising both files for
 * each of 2 × 16,000 entry pages cost seconds at 20k).
 */
export function layoutInputs(): { layout: string } {
  const p = publisher();
  const c = categories();
  if (layoutCache?.publisher !== p || layoutCache.categories !== c)
    layoutCache = {
      publisher: p,
      categories: c,
      digest: cacheKeyOf({ publisher: p, categories: c }),
    };
  return { layout: layoutCache.digest };
}

/** The publication date, for a page that prints it (Footer: 「信息截至」). */
export const printedDate = (): string => siteDate();

/**
 * Adds a cache key to each path (from paginate() or written by hand): a digest of its params,
 * its props (the page's entries and numbers included) and `reads`, what else the page reads.
 */
export function withCacheKeys<P extends { params: object; props?: object }>(
  paths: P[],
  reads: unknown,
): (P & { cacheKey: string })[] {
  return paths.map((p) => ({
    ...p,
    cacheKey: cacheKeyOf({ params: p.params, props: p.props, reads }),
  }));
}
