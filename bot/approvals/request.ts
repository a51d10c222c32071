/**
 * The message a reviewer gets in chat: the submission's field rows (recordRows, the same rows as
 * the pull request's table), the validator's verdict line (verdictLine, as in the pull request),
 * the approvals so far, the attachments (non-public ones through signed, expiring links) and the
 * buttons 通过 / 退回（附意见）. Plain text: Telegram does not render Markdown tables.
 */
import { InlineKeyboard } from 'grammy';
import { formatProblems, sha256Of, type Lang } from '../../content/schema/index.ts';
import type { ReviewView } from '../forge/local-review.ts';
import { verdictLine } from '../forge/summary.ts';
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

/** The request's text for one role. */
export function requestText(
  t: Translate,
  lang: Lang,
  role: Role,
  view: ReviewView,
  recordText: string,
  links: LinkSigner,
): string {
  const files = view.files.filter((f) => !/^content\/records\//.test(f));
  const attachments = [
    ...files.map((f) => `- ${f}`),
    ...privateReferences(recordText).map(
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
    t('approval-so-far', {
      approvals: view.approvals.length
        ? view.approvals.map((a) => `${t(`approval-role-${a.role}`)} ${a.by}`).join('；')
        : t('approval-none'),
    }),
  ].join('\n');
  const head = t(`approval-request-${role}`, { title: view.title, id: view.id });
  const rows: string[] = [];
  let length = head.length + tail.length + 2;
  for (const r of view.rows) {
    const line = `${r.label}：${r.value}`;
    if (length + line.length + 1 > MAX_TEXT - 20) {
      rows.push('…');
      break;
    }
    rows.push(line);
    length += line.length + 1;
  }
  return `${head}\n\n${rows.join('\n')}\n${tail}`;
}
