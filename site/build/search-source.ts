/**
 * The public entries for the indexers, from the same validated, public records the records
 * collection holds (site/lib/records-loader.ts), newest first. Read before the Astro build, so
 * Pagefind can index them while Astro renders the pages.
 */
import { compareEntries, toEntry } from '../lib/entry.ts';
import { publicRecords } from '../lib/records-loader.ts';
import type { SourceEntry, SourceHeader } from '../lib/search/format.ts';
import { sourceEntry, sourceHeader } from '../lib/search/source.ts';

export interface SearchSource {
  header: SourceHeader;
  entries: SourceEntry[];
}

/** The public entries of a content root on a date (cacheFile: the validation cache's file). */
export async function loadSearchSource(
  contentRoot: string,
  date: string,
  cacheFile?: string,
): Promise<SearchSource> {
  const { records } = await publicRecords({ root: contentRoot, date, cacheFile });
  const entries = records.map(({ record }) => toEntry(record, date)).sort(compareEntries);
  return { header: sourceHeader(entries), entries: entries.map(sourceEntry) };
}
