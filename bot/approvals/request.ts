/**
 * The message a reviewer gets in chat: the submission's field rows (recordRows, the same rows as
 * the pull request's table), the validator's verdict line (verdictLine, as in the pull request),
 * the approvals so far, the attachments (non-public ones through signed, expiring links) and the
 * buttons 通过 / 退回（附意见）. Plain text: Telegram does not render Markdown tables. On a hosted
 * forge the rows come from the pull request's record files and the verdict is the forge's checks,
 * behind the pull request's link.
 */
import { InlineKeyboard } from 'grammy';
import { formatProblems, loadCategories, sha256Of, type Lang } from '../../content/schema/index.ts';
import type { Approval } from '../forge/approvals.ts';
import type { BranchSnapshot } from '../forge/hosted-review.ts';
import type { ReviewView } from '../forge/local-review.ts';
import { recordRows, verdictLine, type SummaryRow } from '../forge/summary.ts';
import type { Translate } from '../i18n.ts';
import { privateReferences } from '../private-files/review-fetch.ts';
import type { LinkSigner } from '../private-files/links.ts';

/** The two roles of the approval procedure. */
export type Role = 'review' | 'approve';

/** Telegram's limit on a message's text; the rows are cut to stay under it. */
const MAX_TEXT = 4000;

/** The callback data of a decision button: appr:<ok|no>:<role>:<submission id>. */
export const decisionData = (action: 'ok' | 'no', role: Role, id: string) =>
  `appr:${action}:${role}:${id}`;

/** Matches decision data; groups: action, role, submission id. */
export const DECISION_PATTERN = /^appr:(ok|no):(review|approve):(.+)$/;

/** The buttons under a request. */
export function decisionKeyboard(t: Translate, role: Role, id: string): InlineKeyboard {
  return new InlineKeyboard()
    .text(t('approval-pass'), decisionData('ok', role, id))
    .text(t('approval-reject'), decisionData('no', role, id));
}

/** The validator's errors and warnings, as the pull request lists them (at most ten lines). */
function problemLines(view: ReviewView, lang: Lang): string[] {
  const listed = [...view.verdict.errors, ...view.verdict.warnings];
  if (!listed.length) return [];
  const lines = formatProblems(listed, lang).split('\n');
  return lines.length > 10 ? [...lines.slice(0, 10), '…'] : lines;
}

/** The approvals so far, one line. */
function soFar(t: Translate, approvals: readonly Approval[]): string {
  return t('approval-so-far', {
    approvals: approvals.length
      ? approvals.map((a) => `${t(`approval-role-${a.role}`)} ${a.by}`).join('；')
      : t('approval-none'),
  });
}

/** The field rows that fit under Telegram's limit beside head and tail. */
function fitRows(rows: readonly Pick<SummaryRow, 'label' | 'value'>[], used: number): string[] {
  const out: string[] = [];
  let length = used;
  for (const r of rows) {
    const line = `${r.label}：${r.value}`;
    if (length + line.length + 1 > MAX_TEXT - 20) {
      out.push('…');
      break;
    }
    out.push(line);
    length += line.length + 1;
  }
  return out;
}

/**
 * The field rows of every record of a submission (a batch holds several: each after a line naming
 * its file), with the content root's category names.
 */
export function batchRows(
  records: readonly { path: string; text: string }[],
  root: string,
): Pick<SummaryRow, 'label' | 'value'>[] {
  let categories;
  try {
    categories = loadCategories(root);
  } catch {
    categories = undefined; // rows then show category codes instead of names
  }
  return records.flatMap((r, i) => [
    ...(i ? [{ label: '—', value: r.path }] : []),
    ...recordRows(r.text, { lang: 'zh', ...(categories ? { categories } : {}) }),
  ]);
}

/**
 * The request's text on a hosted forge: each new record's rows (a batch: every row, as far as
 * Telegram's limit allows), the link to the pull request and its checks, the approvals so far.
 */
export function hostedRequestText(
  t: Translate,
  role: Role,
  input: { id: string; snapshot: BranchSnapshot; approvals: readonly Approval[]; root: string },
): string {
  const { snapshot } = input;
  const rows = batchRows(
    snapshot.records.filter((r) => !r.published),
    input.root,
  );
  const head = t(`approval-hosted-request-${role}`, {
    title: snapshot.title,
    id: input.id,
    url: snapshot.url,
  });
  const tail = ['', soFar(t, input.approvals)].join('\n');
  return `${head}\n\n${fitRows(rows, head.length + tail.length + 2).join('\n')}\n${tail}`;
}

/** The request's text for one role. */
export function requestText(
  t: Translate,
  lang: Lang,
  role: Role,
  view: ReviewView,
  recordTexts: readonly string[],
  links: LinkSigner,
  rows: readonly Pick<SummaryRow, 'label' | 'value'>[] = view.rows,
): string {
  const files = view.files.filter((f) => !/^content\/records\//.test(f));
  const attachments = [
    ...files.map((f) => `- ${f}`),
    ...recordTexts
      .flatMap(privateReferences)
      .map(
        (a) =>
          `- ${t('approval-private-link', { name: a.name, days: Math.round(links.ttlMs / 86_400_000), url: links.url({ sha256: sha256Of(a.private), name: a.name }) })}`,
      ),
  ];
  const tail = [
    '',
    verdictLine(view.verdict, lang),
    ...problemLines(view, lang),
    ...(attachments.length ? ['', t('approval-attachments'), ...attachments] : []),
    '',
    soFar(t, view.approvals),
  ].join('\n');
  const head = t(`approval-request-${role}`, { title: view.title, id: view.id });
  const lines = fitRows(rows, head.length + tail.length + 2);
  return `${head}\n\n${lines.join('\n')}\n${tail}`;
}
