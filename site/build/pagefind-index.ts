/**
 * The full-text indexes (Pagefind 1.6), each written by a Pagefind process of its own that ends
 * when its bundle is written, so its memory is returned before the next one starts:
 * - /pagefind/<shard>/: the entries, in shards (pagefind-shards.ts), as compact custom records
 *   (text, metadata, filters, date) rather than whole pages — Pagefind parses no HTML, and list
 *   or filter pages never reach it. Indexed before the Astro build, from the same public records
 *   as the pages; /pagefind/bundles.json lists the shards.
 * - /pagefind-articles/: the case write-ups and guide pages, as HTML (their data-pagefind-body),
 *   after the build.
 * The search page loads the first shard and merges the others and the articles (mergeIndex).
 * Any Pagefind error is fatal.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { SourceEntry } from '../lib/search/format.ts';

/** The one language code of the site and its index (the pages say lang="zh-CN"). */
export const PAGEFIND_LANGUAGE = 'zh-cn';
/** The folder of the case and guide pages' bundle in the site. */
export const ARTICLE_BUNDLE = 'pagefind-articles';

/** Pagefind's options for every bundle (part of each cached bundle's key). */
export const PAGEFIND_OPTIONS = { forceLanguage: PAGEFIND_LANGUAGE } as const;

/**
 * Files Pagefind writes into every bundle for its own ready-made interfaces, which the site does
 * not use (its search page calls pagefind.js itself): some 430 KB a bundle, left out.
 */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-highlight.js',
];

/** How many records are in flight to the Pagefind service at once. */
const BATCH = 256;

function fail(what: string, errors: readonly string[]): never {
  throw new Error(
    `Pagefind failed ${what}: ${errors.join('; ')} — the site is not published; fix the cause and build again`,
  );
}

/** The custom record of an entry. */
export function pagefindRecord(e: SourceEntry) {
  return {
    url: e.url,
    content: e.text,
    language: PAGEFIND_LANGUAGE,
    meta: { title: e.name, ...(e.code ? { code: e.code } : {}), date: e.date, id: e.id },
    filters: e.filters,
    sort: { date: e.date },
  };
}

/** Runs one Pagefind process: fills an index, writes it to outputPath, and stops the process. */
async function writeBundle(
  outputPath: string,
  fill: (index: PagefindIndex) => Promise<void>,
): Promise<void> {
  const { index, errors } = await createIndex({ ...PAGEFIND_OPTIONS });
  if (!index) fail('to start', errors);
  try {
    await fill(index);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail(`to write its index to ${outputPath}`, written.errors);
    for (const f of UNUSED_FILES) rmSync(join(outputPath, f), { force: true });
  } finally {
    await index.deleteIndex().catch(() => {});
    await close();
  }
}

/** Indexes the entries into a bundle at outputPath. */
export function writeEntryBundle(
  outputPath: string,
  entries: readonly SourceEntry[],
): Promise<void> {
  return writeBundle(outputPath, async (index) => {
    for (let i = 0; i < entries.length; i += BATCH) {
      const added = await Promise.all(
        entries.slice(i, i + BATCH).map((e) => index.addCustomRecord(pagefindRecord(e))),
      );
      for (const [j, r] of added.entries())
        if (r.errors.length) fail(`on entry ${entries[i + j]!.id}`, r.errors);
    }
  });
}

/** Indexes built HTML pages (URLs like /cases/x/ under outDir) into a bundle at outputPath. */
export function writeArticleBundle(
  outputPath: string,
  outDir: string,
  urls: readonly string[],
): Promise<void> {
  return writeBundle(outputPath, async (index) => {
    for (const url of urls) {
      const file = join(outDir, url, 'index.html');
      const r = await index.addHTMLFile({ url, content: readFileSync(file, 'utf8') });
      if (r.errors.length) fail(`on ${file}`, r.errors);
    }
  });
}
