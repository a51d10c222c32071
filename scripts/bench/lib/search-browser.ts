/**
 * Search measured the way a visitor meets it: the built site served over HTTP, the engines run by
 * headless Chromium. First queries run in a fresh browser context (empty cache, nothing loaded);
 * later queries reuse the page; recall runs every query on a freshly loaded page, so nothing an
 * earlier query loaded can hide a gap. Bytes are counted by the server, Web Worker fetches included.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { quantile } from './files.ts';
import {
  BENCH_PREFIX,
  driversFor,
  engineModules,
  PAGEFIND_LOADER,
  type Driver,
  type PageRun,
  type RunArgs,
} from './search-drivers.ts';
import { idFromUrl, type BenchQuery, type QueryKind } from './search-queries.ts';
import { startStaticServer, type ServedRequest, type StaticServer } from './static-server.ts';

/** A neutral zh-CN page on the site's origin (Pagefind segments queries by the page's language). */
const BENCH_PAGE = `${BENCH_PREFIX}search.html`;
const BENCH_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';

export interface QueryCost {
  query: string;
  kind: QueryKind | 'filter';
  ms: number;
  wireBytes: number;
  bytes: number;
  requests: number;
  results: number;
}

export interface RecallByKind {
  kind: QueryKind;
  queries: number;
  /** Queries whose results were all listed and compared with the known answer. */
  checked: number;
  /** Mean over checked queries of found / expected. */
  recall: number;
  /** Checked queries that found every expected record. */
  complete: number;
  /** Queries with more results than the cap: only "result count ≥ expected count" was checked. */
  countOnly: number;
  countOnlyOk: number;
  /** Queries that returned nothing although records match. */
  empty: number;
  /** Mean number of results per query, and of expected records (precision at a glance). */
  meanResults: number;
  meanExpected: number;
  misses: { query: string; expected: number; found: number; results: number }[];
}

export interface EngineMeasurement {
  engine: Driver['name'];
  firstQuery: QueryCost[];
  nextQueries: {
    count: number;
    medianMs: number;
    p95Ms: number;
    maxMs: number;
    medianWireBytes: number;
    maxWireBytes: number;
  };
  filterOnly?: QueryCost;
  recall: RecallByKind[];
  resultCap: number;
}

export type SearchMeasurement = EngineMeasurement[];

export interface SearchOptions {
  siteDir: string;
  /** The measured project (its site/lib/search engine is served to the page). */
  projectDir: string;
  queries: BenchQuery[];
  /** Every record id on the site (to read result URLs). */
  ids: ReadonlySet<string>;
  /**
   * Results listed per query to check recall exactly, by engine (default exact 5000, Pagefind
   * 300: Pagefind loads one fragment per result, which makes listing thousands slow).
   */
  resultCap?: Partial<Record<Driver['name'], number>>;
  /** Recall queries per kind for Pagefind (default 15; the exact engine runs them all). */
  pagefindQueriesPerKind?: number;
  /** How many later queries to time in one page (default 20). */
  nextCount?: number;
  onProgress?: (message: string) => void;
}

function cost(
  log: ServedRequest[],
  query: string,
  kind: QueryCost['kind'],
  run: PageRun,
): QueryCost {
  const site = log.filter((r) => !r.path.startsWith(BENCH_PREFIX));
  return {
    query,
    kind,
    ms: run.ms,
    results: run.count,
    requests: site.length,
    wireBytes: site.reduce((s, r) => s + r.wireBytes, 0),
    bytes: site.reduce((s, r) => s + r.bytes, 0),
  };
}

/** Measures every engine the site carries. */
export async function measureSearch(options: SearchOptions): Promise<SearchMeasurement> {
  const pages = {
    [BENCH_PAGE]: { type: 'text/html; charset=utf-8', body: BENCH_HTML },
    [PAGEFIND_LOADER.path]: PAGEFIND_LOADER.page,
    ...engineModules(options.projectDir),
  };
  const server = await startStaticServer(options.siteDir, { pages });
  const browser = await launchChromium();
  try {
    const out: SearchMeasurement = [];
    for (const driver of driversFor(options.siteDir))
      out.push(await measureEngine(browser, server, driver, options));
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function measureEngine(
  browser: Browser,
  server: StaticServer,
  driver: ReturnType<typeof driversFor>[number],
  options: SearchOptions,
): Promise<EngineMeasurement> {
  const cap = options.resultCap?.[driver.name] ?? (driver.name === 'exact' ? 5000 : 300);
  const nextCount = options.nextCount ?? 20;
  const say = (m: string) => options.onProgress?.(`${driver.name}: ${m}`);
  const blank = `${server.url}${BENCH_PAGE}`;
  const run = (page: import('playwright-core').Page, args: RunArgs) =>
    page.evaluate(driver.run, args);

  // First query of each kind, each in a fresh context: nothing cached, the engine not started.
  const firstQuery: QueryCost[] = [];
  for (const kind of [...new Set(options.queries.map((q) => q.kind))]) {
    const q = options.queries.find((x) => x.kind === kind)!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(blank);
    server.reset();
    firstQuery.push(
      cost(server.log, q.text, kind, await run(page, { q: q.text, top: 10, all: false, cap })),
    );
    await context.close();
  }
  say(
    `first query ${firstQuery.map((c) => `${c.kind} ${(c.wireBytes / 1000).toFixed(0)} KB ${c.ms.toFixed(0)} ms`).join(', ')}`,
  );

  // Later queries in one warm page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(blank);
  await run(page, { q: options.queries[0]!.text, top: 10, all: false, cap });
  const step = Math.max(1, Math.floor(options.queries.length / nextCount));
  const next: QueryCost[] = [];
  for (const q of options.queries.filter((_, i) => i > 0 && i % step === 0).slice(0, nextCount)) {
    server.reset();
    next.push(
      cost(server.log, q.text, q.kind, await run(page, { q: q.text, top: 10, all: false, cap })),
    );
  }
  const ms = next.map((c) => c.ms);
  const wire = next.map((c) => c.wireBytes);
  const nextQueries = {
    count: next.length,
    medianMs: quantile(ms, 0.5),
    p95Ms: quantile(ms, 0.95),
    maxMs: Math.max(...ms),
    medianWireBytes: quantile(wire, 0.5),
    maxWireBytes: Math.max(...wire),
  };
  say(
    `later queries median ${nextQueries.medianMs.toFixed(0)} ms, ${(nextQueries.medianWireBytes / 1000).toFixed(1)} KB`,
  );

  // A browse by the most common value of the first filter (e.g. every black-list entry), fresh.
  const choices = await page.evaluate(driver.filters);
  await context.close();
  let filterOnly: QueryCost | undefined;
  const preferred = choices.list ? 'list' : Object.keys(choices)[0];
  const value =
    preferred && Object.entries(choices[preferred] ?? {}).sort((a, b) => b[1] - a[1])[0]?.[0];
  if (preferred && value) {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(blank);
    server.reset();
    filterOnly = cost(
      server.log,
      `${preferred}=${value}`,
      'filter',
      await run(p, { q: null, filter: [preferred, value], top: 10, all: false, cap }),
    );
    await fresh.close();
  }

  const perKind = driver.name === 'pagefind' ? (options.pagefindQueriesPerKind ?? 15) : Infinity;
  const taken = new Map<QueryKind, number>();
  const recallQueries = options.queries.filter((q) => {
    const n = taken.get(q.kind) ?? 0;
    taken.set(q.kind, n + 1);
    return n < perKind;
  });
  const recall = await measureRecall(
    browser,
    blank,
    run,
    { ...options, queries: recallQueries },
    cap,
    say,
  );
  return { engine: driver.name, firstQuery, nextQueries, filterOnly, recall, resultCap: cap };
}

async function measureRecall(
  browser: Browser,
  blank: string,
  run: (page: import('playwright-core').Page, args: RunArgs) => Promise<PageRun>,
  options: SearchOptions,
  cap: number,
  say: (m: string) => void,
): Promise<RecallByKind[]> {
  type Acc = RecallByKind & { sum: number; results: number; expected: number };
  const byKind = new Map<QueryKind, Acc>();
  const context = await browser.newContext();
  const page = await context.newPage();
  let done = 0;
  for (const q of options.queries) {
    let entry = byKind.get(q.kind);
    if (!entry) {
      entry = {
        kind: q.kind,
        queries: 0,
        checked: 0,
        recall: 0,
        complete: 0,
        countOnly: 0,
        countOnlyOk: 0,
        empty: 0,
        meanResults: 0,
        meanExpected: 0,
        misses: [],
        sum: 0,
        results: 0,
        expected: 0,
      };
      byKind.set(q.kind, entry);
    }
    entry.queries++;
    await page.goto(blank); // a fresh engine for every query
    const result = await run(page, { q: q.text, top: 0, all: true, cap });
    entry.results += result.count;
    entry.expected += q.expected.length;
    if (result.count === 0 && q.expected.length) entry.empty++;
    if (result.urls) {
      const found = new Set(
        result.urls.map((u) => idFromUrl(u, options.ids)).filter((id): id is string => !!id),
      );
      const hits = q.expected.filter((id) => found.has(id)).length;
      entry.checked++;
      entry.sum += q.expected.length ? hits / q.expected.length : 1;
      if (hits === q.expected.length) entry.complete++;
      else if (entry.misses.length < 10)
        entry.misses.push({
          query: q.text,
          expected: q.expected.length,
          found: hits,
          results: result.count,
        });
    } else {
      entry.countOnly++;
      if (result.count >= q.expected.length) entry.countOnlyOk++;
      else if (entry.misses.length < 10)
        entry.misses.push({
          query: q.text,
          expected: q.expected.length,
          found: -1,
          results: result.count,
        });
    }
    if (++done % 100 === 0) say(`recall ${done}/${options.queries.length} queries`);
  }
  await context.close();
  return [...byKind.values()].map(({ sum, results, expected, ...e }) => ({
    ...e,
    recall: e.checked ? sum / e.checked : Number.NaN,
    meanResults: results / e.queries,
    meanExpected: expected / e.queries,
  }));
}

/**
 * The first query as a visitor makes it: a fresh browser opens the site's search page with the
 * query in its URL (/search/?q=…) and waits until the results are announced. Counts everything:
 * the page, its CSS and JavaScript, and the index files.
 */
export async function measureSearchPage(
  siteDir: string,
  queries: BenchQuery[],
  searchPath = '/search/',
): Promise<QueryCost[]> {
  const server = await startStaticServer(siteDir);
  const browser = await launchChromium();
  try {
    const out: QueryCost[] = [];
    for (const kind of [...new Set(queries.map((q) => q.kind))]) {
      const q = queries.find((x) => x.kind === kind)!;
      const context = await browser.newContext();
      const page = await context.newPage();
      server.reset();
      const started = performance.now();
      await page.goto(`${server.url}${searchPath}?q=${encodeURIComponent(q.text)}`);
      // The page announces the outcome in a status region: "… 共 N 条" or "没有 …".
      const status = page.getByRole('status').first();
      await status.filter({ hasText: /共 \d+ 条|没有/ }).waitFor({ timeout: 30_000 });
      const ms = performance.now() - started;
      const count = Number(/共 (\d+) 条/.exec(await status.innerText())?.[1] ?? 0);
      out.push(cost(server.log, q.text, kind, { ms, count, urls: null }));
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}
