/**
 * What an entry page (site/pages/records/_components/EntryPage.astro and the layout around it)
 * reads besides its props, as values: the part of its cache key that props alone do not give.
 * Each value is what the page shows or derives its text from, so a change to anything else (an
 * unrelated record, a commit to another file) leaves the key alone. When a component stops
 * reading one of these, drop it here; when one starts reading a new global, add it here.
 */
import type { Entry } from '../entries.ts';
import { pictureSize, publicAttachments } from '../attachments.ts';
import { getDataset } from '../export/astro.ts';
import { exportEntry } from '../export/entry.ts';
import { entryTimeline } from '../history/astro.ts';
import { siteDate } from '../site-context.ts';
import { layoutInputs } from './page-inputs.ts';

/** The values an entry page reads from globals (site-context, the dataset, Git, media files). */
export async function entryPageInputs(entry: Entry): Promise<unknown> {
  const { items, history } = await entryTimeline(entry.record);
  const pictures = await Promise.all(
    publicAttachments(entry.record)
      .filter((a) => a.kind === 'picture')
      .map(async (a) => [a.file, (await pictureSize(a.file)) ?? null]),
  );
  return {
    // Base, Header, Footer, EntryPage, Accountability, ChatLinks: the publisher's names,
    // contacts, units, chat address; EntryFields (labels): the categories.
    ...layoutInputs(),
    // EntryHistory (and the page's "last changed") show the events up to the site date; the
    // status on that date is in the props.
    events: entry.record.history.filter((e) => e.date <= siteDate()),
    // EntryMeta: the entry's meta tags and JSON-LD (status and public record on the date).
    exported: exportEntry(entry.record, await getDataset()),
    // RecordHistory: the entry's timeline (its own commits) and whether the history is whole.
    timeline: items,
    repository: history.available ? { shallow: history.shallow } : { unavailable: true },
    pictures,
  };
}
