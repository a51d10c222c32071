/** Writes a generated content root: the publisher's configuration and the records. */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  contentPaths,
  isIsoDate,
  isPublicOn,
  loadCategories,
  loadPublisher,
  type IsoDate,
} from '../../content/schema/index.ts';
import { eachGeneratedRecord, GENERATOR_TODAY } from './generate.ts';

/** What was written. */
export interface RootSummary {
  records: number;
  public: number;
  today: IsoDate;
}

/**
 * Writes content/publisher.yaml, content/categories.yaml (copied from the project) and
 * content/records/** under `out`, replacing any records already there.
 */
export function writeContentRoot(
  out: string,
  options: { count: number; seed: number; today?: IsoDate; projectRoot: string },
): RootSummary {
  const today = options.today ?? GENERATOR_TODAY;
  if (!isIsoDate(today))
    throw new Error(`--today ${today}: write the date as YYYY-MM-DD, e.g. 2026-11-21`);
  const source = contentPaths(options.projectRoot);
  const target = contentPaths(out);
  const categories = loadCategories(options.projectRoot);
  const publisher = loadPublisher(options.projectRoot);
  mkdirSync(target.content, { recursive: true });
  copyFileSync(source.publisher, target.publisher);
  copyFileSync(source.categories, target.categories);
  rmSync(target.records, { recursive: true, force: true });

  const made = new Set<string>();
  let records = 0;
  let visible = 0;
  for (const g of eachGeneratedRecord({
    count: options.count,
    seed: options.seed,
    today,
    categories,
    publisher,
  })) {
    const file = join(out, g.file);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, g.yaml);
    records++;
    if (isPublicOn(g.record, today)) visible++;
  }
  return { records, public: visible, today };
}
