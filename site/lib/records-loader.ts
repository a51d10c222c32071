/**
 * The content loaders of the records and cases collections. The records loader runs the same
 * validator as `npm run validate` (any error fails the build, with file:line; each file's check
 * is cached between builds when the publish step names a cache file) and stores only the
 * entries public on the publication date, so an inactive entry cannot reach a page, a list, a
 * count or the index. The cases loader drops every case write-up that concerns an entry which is
 * not public: dropped from the store, its MDX and pictures never enter the build at all.
 */
import type { Loader } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatProblems,
  isPublicOn,
  listRecordFiles,
  validateRepository,
  type HongheiRecord,
  type IsoDate,
} from '../../content/schema/index.ts';
import { validationCache } from './validation-cache.ts';

export interface RecordsLoaderOptions {
  /** The project root (the folder holding content/). */
  root: string;
  /** The date the site is published as of. */
  date: IsoDate;
  /**
   * The file of the validation cache (validation-cache.ts); the publish step names it, and
   * Astro's loader then reuses the records the publish step validated in the same process.
   */
  cacheFile?: string;
}

/** The records public on a date, with the file each came from. */
export interface PublicRecords {
  records: { record: HongheiRecord; file: string }[];
  /** The valid records not public on the date (the data files' retirement facts need them). */
  inactive: HongheiRecord[];
  total: number;
}

// Shared through globalThis: the publish step (plain Node) and Astro's content layer (its own
// module instance of this file, in the same process) then validate the repository once.
const CACHE = Symbol.for('honghei.publicRecords');
const validated: Map<string, Promise<PublicRecords>> = ((globalThis as Record<symbol, unknown>)[
  CACHE
] ??= new Map()) as Map<string, Promise<PublicRecords>>;

/** Names, sizes and times of the content files: a changed file (astro dev) means a new validation. */
function fingerprint(root: string): string {
  const hash = createHash('sha1');
  for (const file of [
    'content/publisher.yaml',
    'content/categories.yaml',
    ...listRecordFiles(root),
  ]) {
    const s = statSync(join(root, file), { throwIfNoEntry: false });
    hash.update(`${file}\0${s?.size}\0${s?.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The valid records public on the date, validated once per state of the files; any error fails the build. */
export function publicRecords({
  root,
  date,
  cacheFile,
}: RecordsLoaderOptions): Promise<PublicRecords> {
  const key = `${root}\n${date}\n${fingerprint(root)}`;
  let pending = validated.get(key);
  if (!pending) {
    pending = Promise.resolve().then(() => {
      const cache = cacheFile ? validationCache(cacheFile, root) : undefined;
      const report = validateRepository(root, { date, checkFile: cache?.checkFile });
      const errors = report.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        throw new Error(
          `${errors.length} problem(s) in content; run npm run validate for the full report:\n${formatProblems(errors.slice(0, 50), report.publisher.language)}`,
        );
      }
      cache?.save();
      const records = report.records
        .filter(({ record }) => isPublicOn(record, date))
        .map(({ record, source }) => ({ record, file: source.file }));
      const inactive = report.records
        .filter(({ record }) => !isPublicOn(record, date))
        .map(({ record }) => record);
      return { records, inactive, total: report.records.length };
    });
    validated.clear(); // keep only the latest state of the files
    validated.set(key, pending);
  }
  return pending;
}

export function recordsLoader(options: RecordsLoaderOptions): Loader {
  return {
    name: 'honghei-records',
    load: async ({ store, logger, generateDigest }) => {
      const { records, total } = await publicRecords(options);
      store.clear();
      for (const { record, file } of records)
        store.set({ id: record.id, data: record, digest: generateDigest(record), filePath: file });
      logger.info(`${records.length} of ${total} records are public on ${options.date}`);
    },
  };
}

/**
 * Wraps the loader of the case write-ups: after it has read them, the cases whose `records` are
 * not all public are removed from the store (a case names its subject, so it leaves with it).
 */
export function publishedCasesLoader(inner: Loader, options: RecordsLoaderOptions): Loader {
  return {
    name: 'honghei-cases',
    load: async (context) => {
      await inner.load(context);
      const ids = new Set((await publicRecords(options)).records.map(({ record }) => record.id));
      for (const [id, entry] of context.store.entries()) {
        const concerns = (entry.data as { records?: string[] }).records ?? [];
        if (!concerns.every((r) => ids.has(r))) {
          context.store.delete(id);
          context.logger.info(
            `case ${id} is not published: it concerns an entry that is not public on ${options.date}`,
          );
        }
      }
    },
  };
}
