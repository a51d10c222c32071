/**
 * What an approval writes, whoever writes it (the review CLI on local git through LocalReview,
 * the chat approvals on a hosted forge through HostedReview): the checks on who may give which
 * approval, each new record's approvals with its start aligned, and the commit message with the
 * Reviewed-by:/Approved-by: and Submission-Id: trailers. Pure: the callers read and write git.
 */
import type { IsoDate } from '../../content/schema/index.ts';
import { addApproval, alignStart, ReviewRefusal, type Approval } from './approvals.ts';
import { trailerValues } from './git.ts';
import { TRAILERS } from './local-git.ts';

/** The two roles, their trailers and their Chinese names. */
export const ROLE_TRAILER = { review: TRAILERS.review, approve: TRAILERS.approve } as const;
export const ROLE_ZH = { review: '审核', approve: '审定' } as const;

/** A record file of a submission's branch, and whether it is already on the base branch. */
export interface BranchRecord {
  path: string;
  text: string;
  published: boolean;
}

/** The approvals found in commit messages (oldest first), one per trailer. */
export function approvalsIn(commits: readonly { sha: string; message: string }[]): Approval[] {
  const out: Approval[] = [];
  for (const { sha, message } of commits) {
    for (const by of trailerValues(message, TRAILERS.review))
      out.push({ role: 'review', by, commit: sha });
    for (const by of trailerValues(message, TRAILERS.approve))
      out.push({ role: 'approve', by, commit: sha });
  }
  return out;
}

/** The approver's name, trimmed, or a refusal when there is none. */
export function approverName(by: string): string {
  if (by.trim().length < 2)
    throw new ReviewRefusal('请用 --by 写明审批人的职务和姓名，如 --by "分管副主席 王某"');
  return by.trim();
}

/**
 * The role an approval takes (审核 first, then 审定, unless given), or a refusal: no name, the
 * same person twice, a role already given, 审定 before 审核.
 */
export function approvalRole(
  id: string,
  byGiven: string,
  approvals: readonly Approval[],
  asked?: 'review' | 'approve',
): { by: string; role: 'review' | 'approve' } {
  const by = approverName(byGiven);
  const role = asked ?? (approvals.some((a) => a.role === 'review') ? 'approve' : 'review');
  if (approvals.some((a) => a.by === by))
    throw new ReviewRefusal(`${by} 已经批准过提交 ${id}：审核与审定须由两个人分别完成`);
  if (approvals.some((a) => a.role === role))
    throw new ReviewRefusal(
      `提交 ${id} 已有${ROLE_ZH[role]}（${approvals.find((a) => a.role === role)!.by}）：另一人请用 --role ${role === 'review' ? 'approve' : 'review'}`,
    );
  if (role === 'approve' && !approvals.some((a) => a.role === 'review'))
    throw new ReviewRefusal(
      `提交 ${id} 尚未审核：先由分管领导审核（--role review），再由主要领导审定`,
    );
  return { by, role };
}

/**
 * The approval commit's files and message. Each record not yet published gets {role, by, date}
 * and its proposed start moved to the approval's day if earlier (said in the message); a change
 * to a published entry is approved by the trailer alone.
 */
export function approvalCommit(input: {
  id: string;
  role: 'review' | 'approve';
  by: string;
  date: IsoDate;
  /** The submission commit's subject. */
  title: string;
  records: readonly BranchRecord[];
}): {
  changes: { path: string; content: string }[];
  message: string;
  moved?: { from: IsoDate; to: IsoDate };
} {
  const { id, role, by, date } = input;
  if (!input.records.length)
    throw new ReviewRefusal(
      `提交 ${id} 没有记录文件（content/records/…）：请退回，让报送单位重新提交`,
    );
  const changes: { path: string; content: string }[] = [];
  let moved: { from: IsoDate; to: IsoDate } | undefined;
  for (const record of input.records) {
    if (record.published) continue;
    const aligned = alignStart(
      addApproval(record.text, { role, by, date }, record.path),
      date,
      record.path,
    );
    moved ??= aligned.moved;
    changes.push({ path: record.path, content: aligned.text });
  }
  const note = moved
    ? `发布开始日期由 ${moved.from} 顺延至 ${moved.to}（${ROLE_ZH[role]}之日）。\n\n`
    : '';
  const message = `${ROLE_ZH[role]}：${input.title}\n\n${note}${ROLE_TRAILER[role]}: ${by}\n${TRAILERS.submission}: ${id}\n`;
  return { changes, message, ...(moved ? { moved } : {}) };
}

/** The merge commit's message, as the review CLI writes it. */
export const mergeMessage = (id: string, title: string, by: string) =>
  `发布：${title}\n\n${TRAILERS.merged}: ${by}\n${TRAILERS.submission}: ${id}\n`;

/** A record file path of a submission. */
export const isRecordPath = (path: string) => /^content\/records\/.+\.ya?ml$/.test(path);
