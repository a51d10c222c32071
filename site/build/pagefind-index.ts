/**
 * The full-text index (Pagefind 1.6). Entries go in as compact custom records (their text,
 * metadata, filters and date), not as whole pages: Pagefind then parses no HTML, which cuts its
 * time and memory, and list or filter pages never reach the index. Case write-ups and guide pages
 * go in as HTML (their data-pagefind-body). Any Pagefind error is fatal.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { SourceEntry } from '../lib/search/format.ts';

/** The one language code of the site and its index (the pages say lang="zh-CN"). */
export const PAGEFIND_LANGUAGE = 'zh-cn';

/** How many records are in flight to the Pagefind service at once. */
const BATCH = 256;

function fail(what: string, errors: readonly string[]): never {
  throw new Error(`Pagefind failed ${what}: ${errors.join('; ')} — the site is not published; fix the cause and build again`);
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

async function addAll(index: PagefindIndex, entries: readonly SourceEntry[], htmlPages: readonly { url: string; file: string }[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) {
    const added = await Promise.all(entries.slice(i, i + BATCH).map((e) => index.addCustomRecord(pagefindRecord(e))));
    for (const [j, r] of added.entries()) if (r.errors.length) fail(`on entry ${entries[i + j]!.id}`, r.errors);
  }
  for (const page of htmlPages) {
    const r = await index.addHTMLFile({ url: page.url, content: readFileSync(page.file, 'utf8') });
    if (r.errors.length) fail(`on ${page.file}`, r.errors);
  }
}

/**
 * Indexes the entries and the given HTML pages (url → file in outDir) into outDir/pagefind.
 * Returns the number of records indexed.
 */
export async function writePagefindIndex(outDir: string, entries: readonly SourceEntry[], htmlPages: readonly string[]): Promise<number> {
  const { index, errors } = await createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
  if (!index) fail('to start', errors);
  try {
    const pages = htmlPages.map((url) => ({ url, file: join(outDir, url, 'index.html') }));
    await addAll(index, entries, pages);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) fail('to write its index', written.errors);
    return entries.length + pages.length;
  } finally {
    await index.deleteIndex();
    await close();
  }
}
