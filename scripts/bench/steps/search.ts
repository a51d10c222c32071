/**
 * Search on the full publish's output, in headless Chromium: the site's search page, then each
 * engine alone (bytes, time, recall against the known answers).
 */
import { buildQuerySet } from '../lib/search-queries.ts';
import { measureSearch, measureSearchPage } from '../lib/search-browser.ts';
import type { SizeRun } from './size-run.ts';

/** Measures search on run.dirs.outDir (the full publish of this run). */
export async function search(run: SizeRun): Promise<void> {
  const { result, say, options } = run;
  const queries = buildQuerySet(run.publicRecords, Number(options.queries), options.seed);
  say(`search: ${queries.length} queries in headless Chromium…`);
  result.searchPage = await measureSearchPage(run.dirs.outDir, queries);
  say(
    `search page, first query: ${result.searchPage.map((c) => `${c.kind} ${(c.wireBytes / 1000).toFixed(0)} KB ${c.ms.toFixed(0)} ms`).join(', ')}`,
  );
  result.search = await measureSearch({
    siteDir: run.dirs.outDir,
    projectDir: run.projectDir,
    queries,
    ids: new Set(run.publicRecords.map((r) => r.id)),
    onProgress: say,
  });
  run.done('search');
  for (const engine of result.search)
    for (const r of engine.recall)
      say(
        `${engine.engine} recall ${r.kind}: ${(r.recall * 100).toFixed(1)} % (${r.complete}/${r.checked} complete, ${r.countOnlyOk}/${r.countOnly} by count)`,
      );
}
