/**
 * The public entries, read once per build. The records collection already holds only the entries
 * public on the site date (records-loader.ts); everything here derives from it, so a list, a
 * count, a facet or the search index cannot show an entry that has no page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LISTS, type HongheiRecord, type ListId } from '../../content/schema/index.ts';
import { compareEntries, toEntry, type Entry } from './entry.ts';
import { siteDate } from './site-context.ts';

export type { Entry } from './entry.ts';

let entriesCache: Promise<Entry[]> | undefined;

/** Every public entry, newest first. Memoized: getCollection is costly per call at scale. */
export function allEntries(): Promise<Entry[]> {
  return (entriesCache ??= (async () => {
    const date = siteDate();
    const records = await getCollection('records');
    return records.map(({ data }) => toEntry(data as HongheiRecord, date)).sort(compareEntries);
  })());
}

/** The public entries of one list, newest first. */
export async function entriesOf(list: ListId): Promise<Entry[]> {
  return (await allEntries()).filter((e) => e.record.list === list);
}

/** Counts of public entries per list. */
export async function countsByList(): Promise<Record<ListId, number>> {
  const counts = Object.fromEntries(LISTS.map((l) => [l, 0])) as Record<ListId, number>;
  for (const e of await allEntries()) counts[e.record.list]++;
  return counts;
}

/** Batches with public entries, newest first, with their entries. */
export async function batches(): Promise<{ batch: string; entries: Entry[] }[]> {
  const groups = new Map<string, Entry[]>();
  for (const e of await allEntries()) {
    const group = groups.get(e.record.batch) ?? [];
    group.push(e);
    groups.set(e.record.batch, group);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([batch, entries]) => ({ batch, entries }));
}

export type CaseEntry = CollectionEntry<'cases'>;

let casesCache: Promise<CaseEntry[]> | undefined;

/**
 * The case write-ups that may be published: those whose every referenced record is public. A
 * case about an entry that has expired or been revoked names that subject, so it goes with it.
 * The cases loader already dropped the others (records-loader.ts); checking again here keeps the
 * rule true even if the collection is ever loaded another way.
 */
export function publishedCases(): Promise<CaseEntry[]> {
  return (casesCache ??= (async () => {
    const publicIds = new Set((await allEntries()).map((e) => e.id));
    const cases = await getCollection('cases');
    return cases
      .filter((c) => c.data.records.every((id) => publicIds.has(id)))
      .sort((a, b) =>
        a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.id.localeCompare(b.id),
      );
  })());
}
