/**
 * The content loader of the records collection. It runs the same validator as `npm run validate`
 * (any error fails the build, with file:line) and stores only the entries public on the
 * publication date, so an inactive entry cannot reach a page, a list, a count or the index.
 */
import type { Loader } from 'astro/loaders';
import { formatProblems, isPublicOn, validateRepository, type IsoDate } from '../../content/schema/index.ts';

export interface RecordsLoaderOptions {
  /** The project root (the folder holding content/). */
  root: string;
  /** The date the site is published as of. */
  date: IsoDate;
}

export function recordsLoader({ root, date }: RecordsLoaderOptions): Loader {
  return {
    name: 'honghei-records',
    load: async ({ store, logger, generateDigest }) => {
      const report = validateRepository(root, { date });
      const errors = report.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        throw new Error(`${errors.length} problem(s) in content; run npm run validate for the full report:\n${formatProblems(errors.slice(0, 50), report.publisher.language)}`);
      }
      store.clear();
      let shown = 0;
      for (const { record, source } of report.records) {
        if (!isPublicOn(record, date)) continue;
        store.set({ id: record.id, data: record, digest: generateDigest(record), filePath: source.file });
        shown++;
      }
      logger.info(`${shown} of ${report.records.length} records are public on ${date}`);
    },
  };
}
