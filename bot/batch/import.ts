/**
 * `npm run import` as a library: check a batch file against a content repository, write the
 * annotated workbook next to it when a row has a problem, and when every row passes open ONE
 * submission (branch, commit, pull request) through the forge the bot uses. Idempotent: the same
 * file twice finds the same branch.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { IsoDate, Lang } from '../../content/schema/index.ts';
import type { Forge, PullRequestRef } from '../forge/types.ts';
import { ContentRepository } from '../record/repository.ts';
import { annotateBatch } from './annotate.ts';
import { checkBatch, type BatchCheck } from './check.ts';
import { batchSubmission } from './submission.ts';

/** What an import needs. */
export interface ImportOptions {
  file: string;
  root: string;
  /** The submitting unit's name or id (content/publisher.yaml units); optional when there is one. */
  unit?: string;
  today: IsoDate;
  lang?: Lang;
  /** Check only: no annotated workbook, no branch. */
  dryRun?: boolean;
  /** The forge to submit to (built by the caller from the environment). */
  forge?: Forge;
  now?: () => string;
}

/** What an import did. */
export interface ImportResult {
  check: BatchCheck;
  lang: Lang;
  /** The annotated workbook written next to the input, when a row has a problem. */
  annotated?: string;
  pullRequest?: PullRequestRef;
  records?: number;
}

/** The unit a name or id stands for; throws naming the units when there is no single answer. */
export function unitNamed(repo: ContentRepository, unit: string | undefined) {
  const units = repo.publisher.units;
  const found = unit
    ? units.find((u) => u.name === unit || u.id === unit)
    : units.length === 1
      ? units[0]
      : undefined;
  if (found) return found;
  const names = units.map((u) => `${u.name}（${u.id}）`).join('、');
  throw new Error(
    unit
      ? `--unit ${unit}: no such unit in content/publisher.yaml; choose one of ${names}`
      : `--unit is needed: the publisher has several units (${names}); e.g. --unit ${units[0]?.name ?? '法律部'}`,
  );
}

/** The annotated workbook's path: batch.xlsx → batch.checked.xlsx (a CSV's too). */
export const annotatedPath = (file: string) => file.replace(/(\.[^./\\]+)?$/, '.checked.xlsx');

/** Checks a file and, when it passes and this is no dry run, submits it. */
export async function importBatch(options: ImportOptions): Promise<ImportResult> {
  const repo = new ContentRepository(options.root, Number.POSITIVE_INFINITY);
  const unit = unitNamed(repo, options.unit);
  const lang = options.lang ?? repo.publisher.language;
  const bytes = await readFile(options.file);
  const check = await checkBatch(bytes, options.file, { repo, unit, today: options.today });
  if (!check.ok) {
    if (options.dryRun || check.read.refused) return { check, lang };
    const annotated = annotatedPath(options.file);
    await writeFile(annotated, await annotateBatch(bytes, check, lang));
    return { check, lang, annotated };
  }
  if (options.dryRun || !options.forge) return { check, lang, records: check.rows.length };
  const submission = batchSubmission(
    check,
    { unit: unit.name, language: lang },
    (options.now ?? (() => new Date().toISOString()))(),
  );
  const pullRequest = await options.forge.openPullRequest(submission, { resumed: true });
  return { check, lang, pullRequest, records: submission.files.length };
}
