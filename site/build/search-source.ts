/**
 * Reading the build's handover file (search-data/source.ndjson): the public entries, newest
 * first. It is deleted once read, so the published site carries only the indexes made from it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_DIR, SOURCE_FILE, type SourceEntry, type SourceHeader } from '../lib/search/format.ts';

export interface SearchSource {
  header: SourceHeader;
  entries: SourceEntry[];
}

/** Reads and removes the handover file of a built site. */
export function takeSearchSource(outDir: string): SearchSource {
  const file = join(outDir, INDEX_DIR, SOURCE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`${file} is missing: the Astro build did not write the search source (site/pages/search-data/source.ndjson.ts); check that the build finished`, { cause });
  }
  rmSync(file);
  const lines = text.split('\n').filter(Boolean);
  const [first, ...rest] = lines;
  if (!first) throw new Error(`${file} is empty: the build wrote no header line`);
  return { header: JSON.parse(first) as SourceHeader, entries: rest.map((l) => JSON.parse(l) as SourceEntry) };
}
