/**
 * The entry pages of the site (one per public entry) with the case write-up each links to: shared
 * by /records/<id>/ and its English version /en/records/<id>/. Each path carries a cache key
 * (Astro's incremental build restores the page when the key is unchanged): a digest of the props
 * and of everything else the page reads (entry-page-inputs.ts).
 */
import { cacheKeyOf } from './build-cache/cache-key.ts';
import { entryPageInputs } from './build-cache/entry-page-inputs.ts';
import { allEntries, publishedCases, type Entry } from './entries.ts';
import { casePath } from './paths.ts';

/** The props of an entry page. */
export interface EntryPageProps {
  entry: Entry;
  caseLink?: { href: string; title: string };
}

/** getStaticPaths for the entry pages. */
export async function entryPaths(): Promise<
  { params: { id: string }; props: EntryPageProps; cacheKey: string }[]
> {
  const cases = new Map((await publishedCases()).map((c) => [c.id, c]));
  return Promise.all(
    (await allEntries()).map(async (entry) => {
      const c = entry.record.case ? cases.get(entry.record.case) : undefined;
      const props: EntryPageProps = {
        entry,
        ...(c ? { caseLink: { href: casePath(c.id), title: c.data.title } } : {}),
      };
      return {
        params: { id: entry.id },
        props,
        cacheKey: cacheKeyOf({ props, reads: await entryPageInputs(entry) }),
      };
    }),
  );
}
