/**
 * The stages a record is validated at. A record is submitted without approvals (by the bot or by
 * hand in a pull request); the reviewers add them — 报送 → 分管领导审核 → 主要领导审定 → 发布
 * (002, 发布程序). So a submission awaiting its approvals is fine, and publication is not: the
 * publish stage is the default, used by the site build and `npm run validate`.
 */
import type { Publisher } from './config.ts';
import type { LoadedRecord } from './cross-record.ts';
import { APPROVAL_ROLES } from './labels.ts';
import type { Lang } from './messages.ts';
import { problemAt, type Problem } from './problems.ts';
import { positionOf } from './source.ts';

/** submission: as submitted, awaiting its approvals; publish: ready to go on the site. */
export const STAGES = ['submission', 'publish'] as const;
export type Stage = (typeof STAGES)[number];

/** The stage of every check that does not name one: publication, the strict one. */
export const DEFAULT_STAGE: Stage = 'publish';

/**
 * The approvals a record lacks for publication — a review (审核), an approval (审定), and as many
 * as content/publisher.yaml asks — as an error when publishing, as a notice on a submission.
 */
export function approvalProblems(
  { source, record }: LoadedRecord,
  publisher: Pick<Publisher, 'approvals_required'>,
  stage: Stage,
  lang: Lang,
): Problem[] {
  const missing = APPROVAL_ROLES.filter((role) => !record.approvals.some((a) => a.role === role));
  const count = record.approvals.length;
  const required = publisher.approvals_required;
  if (!missing.length && count >= required) return [];
  const vars = { roles: missing.join(','), count, required };
  const problem =
    stage === 'submission'
      ? problemAt(source, ['approvals'], 'approvals_awaited', vars, lang, 'notice')
      : problemAt(
          source,
          ['approvals'],
          missing.length ? 'approvals_missing' : 'approvals_count',
          vars,
          lang,
        );
  // No approvals field yet: point at `submitted`, after which the reviewers' approvals are written.
  const absent = (source.data as { approvals?: unknown } | undefined)?.approvals === undefined;
  return [absent ? { ...problem, ...positionOf(source, ['submitted']) } : problem];
}
