/**
 * Pagefind in the search page: the entries' shards (/pagefind/bundles.json, written by
 * site/build/pagefind-shards.ts) and the case and guide pages' bundle, joined into one search
 * with mergeIndex. Pagefind orders merged results by score, and a sorted search's score is only
 * the rank within its own bundle; so each bundle is tagged with a filter of its own (mergeFilter),
 * searched apart, and the bundles' date-ordered results are merged here by date, reading each
 * result's data only when it is next in line.
 */
import type { FullTextResult } from './search-render.ts';

interface PagefindResult {
  data(): Promise<FullTextResult>;
}

interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
  search(
    q: string | null,
    o: { filters?: Record<string, string>; sort?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] }>;
}

/** The filter each bundle is tagged with (its position), to search the bundles apart. */
const BUNDLE_FILTER = 'bundle';
const OPTIONS = { excerptLength: 40 };

/**
 * The entries' bundles; without /pagefind/bundles.json (a site built before the entries were
 * sharded), /pagefind/ is the one bundle.
 */
async function entryBundles(): Promise<string[]> {
  const response = await fetch('/pagefind/bundles.json', { cache: 'no-cache' });
  if (response.status === 404) return ['/pagefind/'];
  if (!response.ok) throw new Error(`/pagefind/bundles.json: HTTP ${response.status}`);
  return ((await response.json()) as { bundles: string[] }).bundles;
}

/** Pagefind with every bundle merged, and how many bundles there are. */
export interface FullTextIndex {
  pf: PagefindApi;
  bundles: number;
}

/** Loads the entries' bundles and, if there is one, the case and guide pages' bundle. */
export async function loadFullText(articles?: string): Promise<FullTextIndex> {
  const [first, ...others] = [...(await entryBundles()), ...(articles ? [articles] : [])];
  const pf = (await import(/* @vite-ignore */ `${first!}pagefind.js`)) as PagefindApi;
  await pf.options({ ...OPTIONS, mergeFilter: { [BUNDLE_FILTER]: '0' } });
  for (const [i, url] of others.entries())
    await pf.mergeIndex(url, { ...OPTIONS, mergeFilter: { [BUNDLE_FILTER]: String(i + 1) } });
  return { pf, bundles: others.length + 1 };
}

/** A search's results in date order: how many, and the next ones read on demand. */
export interface SortedResults {
  total: number;
  next(count: number): Promise<FullTextResult[]>;
}

/** Searches every bundle and merges their results by date (results without a date last). */
export async function searchByDate(
  { pf, bundles }: FullTextIndex,
  q: string,
  filters: Record<string, string>,
  order: 'desc' | 'asc',
): Promise<SortedResults> {
  const streams: { results: PagefindResult[]; at: number; head?: Promise<FullTextResult> }[] = [];
  for (let i = 0; i < bundles; i++) {
    const own = { ...filters, [BUNDLE_FILTER]: String(i) };
    streams.push({ ...(await pf.search(q, { filters: own, sort: { date: order } })), at: 0 });
  }
  const head = (s: (typeof streams)[number]) => (s.head ??= s.results[s.at]!.data());
  const before = (a: string | undefined, b: string | undefined) =>
    a !== undefined && (b === undefined || (order === 'desc' ? a > b : a < b));
  const take = async (count: number) => {
    const out: FullTextResult[] = [];
    while (out.length < count) {
      const open = streams.filter((s) => s.at < s.results.length);
      if (!open.length) break;
      const heads = await Promise.all(open.map(head));
      // The earliest bundle wins a tie, so the order is the same on every visit.
      let best = 0;
      for (let i = 1; i < open.length; i++)
        if (before(heads[i]!.meta.date, heads[best]!.meta.date)) best = i;
      out.push(heads[best]!);
      open[best]!.at++;
      open[best]!.head = undefined;
    }
    return out;
  };
  // One page at a time, in the order asked for (a second click on "more" waits for the first).
  let queue: Promise<unknown> = Promise.resolve();
  return {
    total: streams.reduce((n, s) => n + s.results.length, 0),
    next: (count) => {
      const page = queue.then(() => take(count));
      queue = page.catch(() => {});
      return page;
    },
  };
}
