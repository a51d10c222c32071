/**
 * The items of the RSS feeds: each event of a public entry (its listing, an objection, a
 * correction…) is one item, newest first, so a reader following a list sees corrections too. An
 * entry that left the lists has no item: its page is gone, and a feed never names it again.
 * Readers render an item's title and description as HTML, so every piece of record text in them
 * goes through htmlText (escape.ts): markup typed into a record stays text, line breaks become <br>.
 */
import {
  LIST_NAMES,
  STATUS_NAMES,
  type IsoDate,
  type ListId,
} from '../../../content/schema/index.ts';
import type { ExportEntry } from './entry.ts';
import { htmlText } from './escape.ts';

/** How many items a feed carries; the full data is records.json. */
export const FEED_SIZE = 100;

/** One feed item, in the shape @astrojs/rss takes. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** A guid per event: every item of an entry links to the same page. */
  customData: string;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The feeds: all lists, then one per list. */
export const FEEDS: { id: 'all' | ListId; title: string }[] = [
  { id: 'all', title: '全部名单' },
  ...(['red', 'black', 'demo'] as const).map((l) => ({ id: l, title: LIST_NAMES[l].zh })),
];

/** The items of a feed as of a date (entries must be the public ones). */
export function feedItems(
  entries: readonly ExportEntry[],
  asOf: IsoDate,
  list?: ListId,
): FeedItem[] {
  const items: (FeedItem & { date: IsoDate; key: string })[] = [];
  for (const e of entries) {
    const r = e.record;
    if (list && r.list !== list) continue;
    r.history.forEach((event, i) => {
      if (event.date > asOf) return;
      const action = i === 0 ? `列入${e.labels.list}` : STATUS_NAMES[event.status].zh;
      const lines = [
        `${e.labels.list} · ${e.labels.category} · ${e.labels.region}`,
        i === 0 ? r.facts : (event.note ?? ''),
        `认定：${r.decision.authority} ${r.decision.document_number}；公布期限：${r.publication.start} 至 ${r.publication.end}`,
      ]
        .filter(Boolean)
        .map(htmlText);
      items.push({
        date: event.date,
        key: `${r.id}#${i}`,
        title: htmlText(`${action}：${r.subject.name}`),
        link: e.url,
        pubDate: new Date(`${event.date}T00:00:00+08:00`),
        description: lines.join('<br>'),
        categories: [e.labels.list, e.labels.category],
        customData: `<guid isPermaLink="false">${escapeXml(`${e.url}#event-${i}`)}</guid>`,
      });
    });
  }
  items.sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key));
  return items.slice(0, FEED_SIZE).map(({ date: _date, key: _key, ...item }) => item);
}
