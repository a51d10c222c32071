/**
 * The search engines a built site can carry, as the benchmark drives them in the page: the site's
 * exact-match engine (site/lib/search/engine.ts over /search-data/) and Pagefind (the bundles
 * listed in /pagefind/bundles.json, or /pagefind/ alone on a site built before that file).
 * Each driver is a function run inside Chromium; the engine's TypeScript is served type-stripped
 * from the measured code, so the bench runs exactly the engine that was built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';

/** What one query returned in the page. */
export interface PageRun {
  ms: number;
  count: number;
  urls: string[] | null;
}

/** Arguments of a driver: the query, a filter, how many results to show, whether to list all. */
export interface RunArgs {
  q: string | null;
  filter?: [string, string];
  top: number;
  all: boolean;
  cap: number;
}

export interface Driver {
  name: 'exact' | 'pagefind';
  /** URL prefix of the driver's own files on the bench page (excluded from byte counts). */
  run: (args: RunArgs) => Promise<PageRun>;
  /** Filter values and their counts, to pick a filter-only browse. */
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** Bench-only modules, served under this prefix and not counted as the site's bytes. */
export const BENCH_PREFIX = '/__bench/';
const ENGINE_DIR = 'site/lib/search';

// Runs in the page: the site's engine, opened once per page load.
async function runExact(args: RunArgs): Promise<PageRun> {
  const started = performance.now();
  const path = '/__bench/search/engine.ts';
  const { SearchEngine } = await import(path);
  const w = window as unknown as { benchEngine?: Promise<any> };
  w.benchEngine ??= SearchEngine.open(
    async (p: string) => new Uint8Array(await (await fetch(`/search-data/${p}`)).arrayBuffer()),
  );
  const engine = await w.benchEngine;
  const ordinals: Uint32Array = await engine.search({
    q: args.q ?? undefined,
    filters: args.filter ? { [args.filter[0]]: [args.filter[1]] } : undefined,
  });
  await engine.docs(ordinals.slice(0, args.top));
  const ms = performance.now() - started;
  let urls: string[] | null = null;
  if (args.all && ordinals.length <= args.cap) {
    // In slices: thousands of shard fetches at once make Chromium refuse some (net::ERR_INSUFFICIENT_RESOURCES).
    urls = [];
    for (let i = 0; i < ordinals.length; i += 512)
      urls.push(
        ...(await engine.docs(ordinals.slice(i, i + 512))).map((d: { url: string }) => d.url),
      );
  }
  return { ms, count: ordinals.length, urls };
}

async function exactFilters(): Promise<Record<string, Record<string, number>>> {
  const path = '/__bench/search/engine.ts';
  const { SearchEngine } = await import(path);
  const engine = await SearchEngine.open(
    async (p: string) => new Uint8Array(await (await fetch(`/search-data/${p}`)).arrayBuffer()),
  );
  return engine.meta.filters;
}

/**
 * The entries' Pagefind, as the site's search page loads it (ISSUE14 bundles contract): the
 * bundles listed in /pagefind/bundles.json, the first imported and the others joined with
 * mergeIndex; without that file /pagefind/ is the one bundle. Served to the page as a bench module
 * (PAGEFIND_LOADER), so both drivers below share one copy per page.
 */
async function loadPagefind(): Promise<any> {
  const w = window as unknown as { benchPagefind?: Promise<any> };
  w.benchPagefind ??= (async () => {
    const response = await fetch('/pagefind/bundles.json');
    const bundles: string[] =
      response.status === 404 ? ['/pagefind/'] : (await response.json()).bundles;
    if (!bundles.length) throw new Error('/pagefind/bundles.json lists no bundle');
    const pagefind = await import(`${bundles[0]}pagefind.js`);
    for (const url of bundles.slice(1)) await pagefind.mergeIndex(url);
    return pagefind;
  })();
  return w.benchPagefind;
}

/** The loader as a browser module under the bench prefix. */
export const PAGEFIND_LOADER = {
  path: `${BENCH_PREFIX}pagefind-loader.js`,
  page: {
    type: 'text/javascript; charset=utf-8',
    body: `export const loadPagefind = ${loadPagefind.toString()};\n`,
  },
};

// Runs in the page: Pagefind's JS API, loading the first results' data as a results list does.
async function runPagefind(args: RunArgs): Promise<PageRun> {
  const started = performance.now();
  const loader = '/__bench/pagefind-loader.js';
  const pagefind = await (await import(loader)).loadPagefind();
  const search = await pagefind.search(
    args.q,
    args.filter ? { filters: { [args.filter[0]]: args.filter[1] } } : {},
  );
  const results: { data(): Promise<{ url: string }> }[] = search.results;
  await Promise.all(results.slice(0, args.top).map((r) => r.data()));
  const ms = performance.now() - started;
  let urls: string[] | null = null;
  if (args.all && results.length <= args.cap) {
    urls = [];
    for (let i = 0; i < results.length; i += 100)
      urls.push(
        ...(await Promise.all(results.slice(i, i + 100).map((r) => r.data()))).map((d) => d.url),
      );
  }
  return { ms, count: results.length, urls };
}

async function pagefindFilters(): Promise<Record<string, Record<string, number>>> {
  const loader = '/__bench/pagefind-loader.js';
  const pagefind = await (await import(loader)).loadPagefind();
  return pagefind.filters();
}

/** The engines present in a built site. */
export function driversFor(
  siteDir: string,
): { name: Driver['name']; run: typeof runExact; filters: typeof exactFilters }[] {
  const out: { name: Driver['name']; run: typeof runExact; filters: typeof exactFilters }[] = [];
  if (existsSync(join(siteDir, 'search-data/meta.json')))
    out.push({ name: 'exact', run: runExact, filters: exactFilters });
  if (
    existsSync(join(siteDir, 'pagefind/bundles.json')) ||
    existsSync(join(siteDir, 'pagefind/pagefind.js'))
  )
    out.push({ name: 'pagefind', run: runPagefind, filters: pagefindFilters });
  return out;
}

/**
 * The engine and the modules it imports (followed from engine.ts), type-stripped for the
 * browser, as bench pages keyed by URL path.
 */
export function engineModules(projectDir: string): Record<string, { type: string; body: string }> {
  const dir = join(projectDir, ENGINE_DIR);
  if (!existsSync(join(dir, 'engine.ts'))) return {};
  const pages: Record<string, { type: string; body: string }> = {};
  const queue = ['engine.ts'];
  while (queue.length) {
    const file = queue.shift()!;
    const key = `${BENCH_PREFIX}search/${file}`;
    if (pages[key]) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    // Value imports only: `import type` lines vanish when the types are stripped.
    for (const [, from] of source
      .replace(/^import type [^;]+;/gm, '')
      .matchAll(/^import [^;]*? from '([^']+)';/gm)) {
      if (!from!.startsWith('./') || from!.slice(2).includes('/')) {
        throw new Error(
          `${ENGINE_DIR}/${file} imports '${from}': the bench serves only ${ENGINE_DIR}/ to the browser — the engine's imports must stay in that folder`,
        );
      }
      queue.push(from!.slice(2));
    }
    pages[key] = {
      type: 'text/javascript; charset=utf-8',
      body: stripTypeScriptTypes(source, { mode: 'transform' }),
    };
  }
  return pages;
}
