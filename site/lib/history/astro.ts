/**
 * The timeline of an entry inside an Astro build: the Git history of the content root is read
 * once and shared by every entry page; diffs of trailer-less commits are cached in Astro's cache
 * folder (HONGHEI_CACHE_DIR), keyed by commit hash.
 */
import { cacheDir } from 'astro:config/server';
import { fileURLToPath } from 'node:url';
import type { HongheiRecord } from '../../../content/schema/index.ts';
import { getDataset, projectRoot } from '../export/astro.ts';
import { gitHistory, type GitHistory } from './git-log.ts';
import { timelineOf, type TimelineItem } from './timeline.ts';

const cacheFile = fileURLToPath(
  new URL('honghei-git-history.json', cacheDir.href.endsWith('/') ? cacheDir : `${cacheDir.href}/`),
);

/** The timeline of a public record and what Git could tell about it. */
export async function entryTimeline(
  record: HongheiRecord,
): Promise<{ items: TimelineItem[]; history: GitHistory }> {
  const [history, { publisher, asOf }] = await Promise.all([
    gitHistory(projectRoot, cacheFile),
    getDataset(),
  ]);
  return {
    items: timelineOf(
      record,
      history,
      publisher.units.map((u) => u.name),
      asOf,
    ),
    history,
  };
}
