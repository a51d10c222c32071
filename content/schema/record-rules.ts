/**
 * The rules that tie a record's fields together, beyond what each field's own schema says. Each
 * problem names its field and comes with its fix from the message catalogue.
 */
import type { Categories } from './config.ts';
import {
  addDays,
  addYears,
  batchOf,
  batchRange,
  BATCH_PATTERN,
  isIsoDate,
  type IsoDate,
} from './dates.ts';
import { KINDS_BY_LIST, LISTS, type ListId, type Status } from './labels.ts';
import type { RecordInput } from './record.ts';
import { divisionName } from './region.ts';
import { report, type Ctx } from './report-issue.ts';

/** The longest publication period without a cited legal basis (002, 发布期限). */
export const MAX_PUBLICATION_YEARS = 3;

/**
 * The last day an entry may be public without a cited legal basis. The period includes its first
 * and its last day, so three years from 2026-07-15 end on 2029-07-14.
 */
export function latestPublicationEnd(start: IsoDate): IsoDate {
  return addDays(addYears(start, MAX_PUBLICATION_YEARS), -1);
}

/** Whether a status can occur on a list: only black-list entries can be repaired (信用修复). */
export function statusAppliesTo(status: Status, list: ListId): boolean {
  if (status === 'repair-applied') return list === 'black';
  return true;
}

/** Statuses that end an entry: nothing may follow them (a revoked demonstration unit may still expire). */
const FINAL: readonly Status[] = ['removed', 'revoked', 'expired'];

/** What the cross-field rules need to know beyond the record itself. */
export interface RecordContext {
  categories: Categories;
}

/** The rules that tie fields together. */
export function crossFieldRules(context: RecordContext) {
  return (r: RecordInput, ctx: Ctx): void => {
    const allowedKinds = KINDS_BY_LIST[r.list];
    if (!allowedKinds.includes(r.subject.kind)) {
      report(ctx, ['subject', 'kind'], 'kind_not_in_list', {
        kind: r.subject.kind,
        list: r.list,
        allowed: allowedKinds.join(','),
      });
    }
    if (/^\d{6}$/.test(r.region) && !divisionName(r.region))
      report(ctx, ['region'], 'unknown_region', { code: r.region });
    const categories = context.categories[r.list];
    if (!categories.some((c) => c.id === r.category)) {
      report(ctx, ['category'], 'unknown_category', {
        category: r.category,
        list: r.list,
        allowed: categories.map((c) => c.id).join(', '),
      });
    }
    if (r.list === 'demo' && !r.demonstration) report(ctx, [], 'demonstration_required');
    if (r.list !== 'demo' && r.demonstration)
      report(ctx, ['demonstration'], 'demonstration_forbidden');
    dateRules(r, ctx);
    historyRules(r, ctx);
  };
}

/** Decision → submission → review → approval → publication; the batch; three years. */
function dateRules(r: RecordInput, ctx: Ctx) {
  const dates = [
    r.decision.date,
    r.submitted.date,
    ...r.approvals.map((a) => a.date),
    r.publication.start,
    r.publication.end,
  ];
  if (!dates.every(isIsoDate)) return; // each bad date already has its own issue
  const step = (role: string) =>
    r.approvals.flatMap((a, i): [PropertyKey[], string, string][] =>
      a.role === role ? [[['approvals', i, 'date'], role, a.date]] : [],
    );
  const chain: [PropertyKey[], string, string][] = [
    [['decision', 'date'], 'decision', r.decision.date],
    [['submitted', 'date'], 'submitted', r.submitted.date],
    ...step('review'),
    ...step('approve'),
    [['publication', 'start'], 'start', r.publication.start],
  ];
  // Approvals not yet given simply drop out of the chain: a submission's start follows its
  // submission date. Whether publication may go ahead without them is the stage's rule (stages.ts).
  for (let i = 1; i < chain.length; i++) {
    const [, earlier, earlierDate] = chain[i - 1]!;
    const [path, later, laterDate] = chain[i]!;
    if (laterDate < earlierDate)
      report(ctx, path, 'date_order', { later, laterDate, earlier, earlierDate });
  }

  const { start, end, extension_basis } = r.publication;
  if (BATCH_PATTERN.test(r.batch)) {
    const quarter = batchRange(r.batch);
    if (start < quarter.start || start > quarter.end) {
      report(ctx, ['batch'], 'batch_start', {
        start,
        batch: r.batch,
        from: quarter.start,
        to: quarter.end,
        suggestion: batchOf(start),
      });
    }
  }
  const max = latestPublicationEnd(start);
  if (end < start) report(ctx, ['publication', 'end'], 'end_before_start', { start, end });
  else if (end > max && !extension_basis)
    report(ctx, ['publication', 'end'], 'period_too_long', {
      start,
      end,
      max,
      years: MAX_PUBLICATION_YEARS,
    });
  else if (end <= max && extension_basis)
    report(ctx, ['publication', 'extension_basis'], 'extension_unneeded', {
      years: MAX_PUBLICATION_YEARS,
    });
}

/** Starts with listed on the first day, in date order, statuses of this list, nothing after the end. */
function historyRules(r: RecordInput, ctx: Ctx) {
  const { start, end } = r.publication;
  const first = r.history[0];
  if (first?.status !== 'listed') report(ctx, ['history', 0, 'status'], 'history_first', { start });
  else if (isIsoDate(first.date) && isIsoDate(start) && first.date !== start) {
    report(ctx, ['history', 0, 'date'], 'history_listed_date', { date: first.date, start });
  }
  let final: Status | undefined;
  let openObjection = false;
  r.history.forEach((e, i) => {
    const previous = r.history[i - 1];
    if (previous && isIsoDate(e.date) && e.date < previous.date) {
      report(ctx, ['history', i, 'date'], 'history_order', {
        date: e.date,
        previous: previous.date,
      });
    }
    if (!statusAppliesTo(e.status, r.list)) {
      report(ctx, ['history', i, 'status'], 'status_not_for_list', {
        status: e.status,
        lists: LISTS.filter((l) => statusAppliesTo(e.status, l)).join(','),
      });
    }
    if (final && !(final === 'revoked' && r.list === 'demo' && e.status === 'expired')) {
      report(ctx, ['history', i, 'status'], 'history_after_end', {
        previous: final,
        status: e.status,
      });
    }
    if (e.status === 'maintained' && !openObjection)
      report(ctx, ['history', i, 'status'], 'maintained_without_objection');
    if (e.status === 'expired' && isIsoDate(end) && isIsoDate(e.date) && e.date <= end) {
      report(ctx, ['history', i, 'date'], 'expired_too_early', {
        date: e.date,
        end,
        after: addDays(end, 1),
      });
    }
    if (e.due && isIsoDate(e.due) && isIsoDate(e.date) && e.due < e.date) {
      report(ctx, ['history', i, 'due'], 'due_before_date', { due: e.due, date: e.date });
    }
    if (e.status === 'objection') openObjection = true;
    else if (e.status === 'maintained' || e.status === 'corrected') openObjection = false;
    if (FINAL.includes(e.status)) final = e.status;
  });
}
