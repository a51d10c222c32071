/**
 * The search itself, loaded by site/scripts/search-start.ts when the first search runs (so the
 * page's first load stays light). Names and codes are looked up in the exact-match index (every
 * matching entry, with filters and date order); the full text of entries, cases and guide pages
 * is searched with Pagefind, loaded only when asked for or when no name or code matches.
 * Everything from the index is written with textContent: record text is never HTML here.
 */
import { SearchEngine, type SearchQuery } from '../lib/search/engine.ts';
import {
  FILTER_KEYS,
  INDEX_DIR,
  indexFiles,
  type Doc,
  type FilterKey,
} from '../lib/search/format.ts';
import { queryTerms } from '../lib/search/text.ts';
import { searchText } from '../i18n/search-text.ts';
import { loadFullText, searchByDate, type FullTextIndex } from './pagefind-bundles.ts';
import { renderDoc, renderFullTextResult, type RenderOptions } from './search-render.ts';

const PAGE = 20;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// The page's language decides the interface text (site/i18n); the indexes are the same for both.
const english = document.documentElement.lang === 'en';
const t = searchText[english ? 'en' : 'zh'];

async function fetchIndexFile(path: string): Promise<Uint8Array> {
  const response = await fetch(
    `/${INDEX_DIR}/${path}`,
    path === indexFiles.meta ? { cache: 'no-cache' } : {},
  );
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let engine: Promise<SearchEngine> | undefined;
let fullText: Promise<FullTextIndex> | undefined;

/** Pagefind with the entries' shards and the case write-ups and guide pages merged. */
const loadPagefind = () => (fullText ??= loadFullText($('search-js').dataset.articleIndex));

/** The query in the form (and the URL). */
function readForm(form: HTMLFormElement): {
  q: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: 'desc' | 'asc';
} {
  const data = new FormData(form);
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const v = String(data.get(key) ?? '');
    if (v) filters[key] = v;
  }
  return {
    q: String(data.get('q') ?? '').trim(),
    filters,
    sort: data.get('sort') === 'asc' ? 'asc' : 'desc',
  };
}

let options: RenderOptions | undefined;

/** How results are written on this page: its language, its names, where its entry pages are. */
function renderOptions(): RenderOptions {
  if (options) return options;
  const data = $('search-js').dataset;
  const labels = data.labels ? (JSON.parse(data.labels) as RenderOptions['labels']) : undefined;
  return (options = {
    lang: english ? 'en' : 'zh',
    entryPrefix: data.entryPrefix ?? '',
    ...(labels ? { labels } : {}),
  });
}

/** Lets the browser paint and handle input before the next step. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Counts searches, so the results of a search overtaken by a newer one are dropped. */
let generation = 0;

/** Shows results page by page in a list, with a "more" button. */
function pager<T>(
  list: HTMLOListElement,
  more: HTMLButtonElement,
  items: readonly T[],
  render: (items: T[]) => Promise<HTMLElement[]>,
): Promise<void> {
  let shown = 0;
  const mine = generation;
  const next = async () => {
    const batch = items.slice(shown, shown + PAGE);
    const rows = await render(batch);
    if (mine !== generation) return;
    shown += batch.length;
    list.append(...rows);
    more.hidden = shown >= items.length;
  };
  list.replaceChildren();
  more.onclick = () => void next().catch(showError);
  return next();
}

function showError(error: unknown): void {
  $('search-status').textContent = t.error(error instanceof Error ? error.message : String(error));
}

async function runFullText(
  q: string,
  filters: Partial<Record<FilterKey, string>>,
  sort: 'desc' | 'asc',
): Promise<void> {
  const section = $('fulltext');
  const status = $('fulltext-status');
  section.hidden = false;
  $('fulltext-run').hidden = true;
  status.textContent = t.fullTextSearching;
  const results = await searchByDate(
    await loadPagefind(),
    q,
    filters as Record<string, string>,
    sort,
  );
  // Pages of the merged, date-ordered results, read in turn as the visitor asks for more.
  const positions = Array.from({ length: results.total }, (_, i) => i);
  await pager($('fulltext-list'), $('fulltext-more'), positions, async (batch) =>
    (await results.next(batch.length)).map((r) => renderFullTextResult(r, renderOptions())),
  );
  status.textContent = results.total ? t.fullTextFound(q, results.total) : t.fullTextNone(q);
}

async function run(form: HTMLFormElement): Promise<void> {
  const mine = ++generation;
  const { q, filters, sort } = readForm(form);
  const status = $('search-status');
  $('fulltext').hidden = true;
  $('fulltext-run').hidden = true;
  // A query of punctuation only has no terms: treat it as empty, not as "everything".
  const terms = queryTerms(q);
  if (!terms.length && !Object.keys(filters).length) {
    status.textContent = t.empty;
    $('search-list').replaceChildren();
    $('search-more').hidden = true;
    return;
  }
  status.textContent = t.searching;
  const index = await (engine ??= SearchEngine.open(fetchIndexFile));
  // Each step in a task of its own: the page stays responsive while the index is read.
  await nextTask();
  const query: SearchQuery = {
    q,
    filters: Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, [v]])),
  };
  const found = Array.from(await index.search(query));
  if (mine !== generation) return;
  if (sort === 'asc') found.reverse();
  await nextTask();
  await pager($('search-list'), $('search-more'), found, async (batch) =>
    (await index.docs(batch)).map((d: Doc) => renderDoc(d, index, renderOptions())),
  );
  if (mine !== generation) return;
  // The count is announced once the first results are on the page, so the two never disagree.
  const what = terms.length ? t.matching(terms.join(' ')) : t.filtered;
  status.textContent = found.length ? t.found(what, found.length) : t.notFound(what);
  if (!terms.length) return;
  if (found.length === 0) await runFullText(q, filters, sort);
  else {
    const button = $<HTMLButtonElement>('fulltext-run');
    button.hidden = false;
    button.onclick = () => void runFullText(q, filters, sort).catch(showError);
  }
}

/** Runs the search in the form (the caller has put it in the URL). */
export function search(form: HTMLFormElement): Promise<void> {
  return run(form).catch(showError);
}
