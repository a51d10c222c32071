/**
 * The timeline of an entry inside an Astro build: the Git history of the content root is read
 * once (one `git log` pass) and shared by every entry page.
 */
import type { HongheiRecord } from '../../../content/schema/index.ts';
import { getDataset, projectRoot } from '../export/astro.ts';
import { gitHistory, type GitHistory } from './git-log.ts';
import { timelineOf, type TimelineItem } from './timeline.ts';

/** The timeline of a public record and what Git could tell about it. */
export async function entryTimeline(record: HongheiRecord): Promise<{ items: TimelineItem[]; history: GitHistory }> {
  const [history, { publisher, asOf }] = await Promise.all([gitHistory(projectRoot), getDataset()]);
  return { items: timelineOf(record, history, publisher.units.map((u) => u.name), asOf), history };
}
