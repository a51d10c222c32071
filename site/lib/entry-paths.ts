/**
 * The entry pages of the site (one per public entry) with the case write-up each links to: shared
 * by /records/<id>/ and its English version /en/records/<id>/.
 */
import { allEntries, publishedCases, type Entry } from './entries.ts';
import { casePath } from './paths.ts';

/** The props of an entry page. */
export interface EntryPageProps {
  entry: Entry;
  caseLink?: { href: string; title: string };
}

/** getStaticPaths for the entry pages. */
export async function entryPaths(): Promise<{ params: { id: string }; props: EntryPageProps }[]> {
  const cases = new Map((await publishedCases()).map((c) => [c.id, c]));
  return (await allEntries()).map((entry) => {
    const c = entry.record.case ? cases.get(entry.record.case) : undefined;
    return {
      params: { id: entry.id },
      props: { entry, ...(c ? { caseLink: { href: casePath(c.id), title: c.data.title } } : {}) },
    };
  });
}
