/**
 * The report of a batch read from a content root, for the command line: the repository is checked
 * by the same validator as the site build (an error stops the report, as it stops the build), and
 * the batch must be one the repository has.
 */
import {
  BATCH_PATTERN,
  formatProblems,
  validateRepository,
  type IsoDate,
} from '../../../content/schema/index.ts';
import { loadMapping } from './mapping.ts';
import { creditOfficeReport, type CreditOfficeReport } from './report.ts';

/** A report that cannot be made: the message says which input is wrong and how to fix it. */
export class ReportError extends Error {}

/** The batches of a set of records, newest first. */
export function batchesOf(records: readonly { batch: string }[]): string[] {
  return [...new Set(records.map((r) => r.batch))].sort().reverse();
}

/** Builds a batch's report from a content root as of a date. */
export function reportFromRoot(root: string, batch: string, asOf: IsoDate): CreditOfficeReport {
  if (!BATCH_PATTERN.test(batch))
    throw new ReportError(
      `--batch ${batch}：批次写成 年份-Q季度，例如 npm run report -- credit-office --batch 2026-Q4`,
    );
  const mapping = loadMapping(root);
  const checked = validateRepository(root, { date: asOf });
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new ReportError(
      `内容有 ${errors.length} 个错误，改正后才能报送（npm run validate 列出全部）：\n${formatProblems(errors.slice(0, 20), checked.publisher.language)}`,
    );
  const records = checked.records.map((r) => r.record);
  const batches = batchesOf(records);
  if (!batches.includes(batch))
    throw new ReportError(
      `--batch ${batch}：没有这个批次。已有的批次：${batches.join('、') || '（无记录）'} — 例如 npm run report -- credit-office --batch ${batches[0] ?? '2026-Q4'}`,
    );
  return creditOfficeReport(records, batch, mapping, {
    asOf,
    publisher: checked.publisher,
    categories: checked.categories,
    siteUrl: checked.publisher.site_url,
  });
}
