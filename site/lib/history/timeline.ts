/**
 * An entry's history for its page: the record's own events (submitted, reviewed, approved,
 * published, each status change) and, when the content is a Git repository, the commits that
 * touched its file — the submission, the merge that published it with its reviewers' trailers,
 * later corrections. The record's events always show; Git adds the audit trail (谁提供、谁负责).
 */
import {
  APPROVAL_ROLE_NAMES,
  chinaDateTime,
  findPersonalData,
  STATUS_NAMES,
  type HongheiRecord,
} from '../../../content/schema/index.ts';
import type { GitHistory, RecordCommit } from './git-log.ts';

/** One line of the timeline. */
export interface TimelineItem {
  /** Calendar date (YYYY-MM-DD); for commits, in China time. */
  date: string;
  /** HH:MM in China time, for commits. */
  time?: string;
  source: 'record' | 'git';
  /** What happened, in Chinese. */
  label: string;
  /** Who, when the source names them (a unit, a reviewer). */
  by?: string;
  detail?: string;
  /** For commits: the short hash, and the named roles from its trailers. */
  commit?: string;
  roles?: { role: string; name: string }[];
}

/**
 * The trailers a page shows and the role each names (bot/forge/local-git.ts TRAILERS). Any other
 * trailer (Submission-Id, Record-Id…) stays in Git.
 */
export const TRAILER_ROLES: Record<string, string> = {
  'submitted-by': '报送',
  'reviewed-by': '审核',
  'approved-by': '审定',
  'merged-by': '发布',
};

/** What a submission asked for (Submission-Kind trailer), as the timeline names its commit. */
const KIND_LABELS: Record<string, string> = {
  new: '报送（新增）',
  edit: '报送（更正）',
  objection: '异议申请',
  repair: '信用修复申请',
};

/** A trailer value without its e-mail address: "王某 <wang@example.org>" → "王某". */
export function displayName(value: string): string {
  return value.replace(/<[^>]*>/g, '').trim();
}

/** Splits an ISO timestamp into a date and time in China (UTC+8). */
export function chinaTime(iso: string): { date: string; time: string } {
  const t = chinaDateTime(iso);
  return { date: t.slice(0, 10), time: t.slice(11, 16) };
}

const trailer = (c: RecordCommit, key: string) =>
  c.trailers.find((t) => t.key.toLowerCase() === key)?.value;

function commitLabel(c: RecordCommit, kind: string | undefined): string {
  if (c.merge) return '合并发布';
  if (trailer(c, 'approved-by')) return '审定通过';
  if (trailer(c, 'reviewed-by')) return '审核通过';
  if (kind && KIND_LABELS[kind]) return KIND_LABELS[kind];
  if (c.change === 'added') return '新增记录';
  if (c.change === 'deleted') return '删除记录文件';
  return '修改记录';
}

/**
 * A commit as a timeline line. Who acted comes from the trailers, which are written to be
 * published: reviewers and approvers by name, the submitter only when it is one of the publisher's
 * units — a member of the public who objected is never named, nor is a commit's technical author.
 * A subject line carrying personal data, or of an objection, is not shown.
 */
export function commitItem(c: RecordCommit, units: readonly string[]): TimelineItem {
  const when = chinaTime(c.merge ? c.committerDate : c.authorDate);
  const kind = trailer(c, 'submission-kind');
  const roles = c.trailers.flatMap((t) => {
    const role = TRAILER_ROLES[t.key.toLowerCase()];
    if (!role) return [];
    const name = displayName(t.value);
    if (t.key.toLowerCase() === 'submitted-by' && !units.includes(name))
      return [{ role, name: '公众（不公开姓名）' }];
    return [{ role, name }];
  });
  const hideSubject = kind === 'objection' || findPersonalData(c.subject).length > 0;
  return {
    ...when,
    source: 'git',
    label: commitLabel(c, kind),
    detail: hideSubject ? undefined : c.subject.slice(0, 120),
    commit: c.hash.slice(0, 10),
    roles,
  };
}

/** The record's own events up to the publication date, from its fields. */
export function recordItems(r: HongheiRecord, asOf: string): TimelineItem[] {
  const items: TimelineItem[] = [
    {
      date: r.decision.date,
      source: 'record',
      label: '作出认定决定',
      by: r.decision.authority,
      detail: r.decision.document_number,
    },
    { date: r.submitted.date, source: 'record', label: '报送', by: r.submitted.unit },
    ...r.approvals.map((a): TimelineItem => ({
      date: a.date,
      source: 'record',
      label: APPROVAL_ROLE_NAMES[a.role].zh,
      by: a.by,
    })),
  ];
  r.history.forEach((e, i) => {
    if (e.date > asOf) return;
    const label =
      i === 0 && e.status === 'listed' ? `发布（${r.batch} 批次）` : STATUS_NAMES[e.status].zh;
    const detail = [e.note, e.document_number].filter(Boolean).join(' ') || undefined;
    items.push({ date: e.date, source: 'record', label, detail });
  });
  return items;
}

/**
 * The whole timeline of a public record, oldest first; on one date the record's own events come
 * before the commits that wrote them down.
 */
export function timelineOf(
  r: HongheiRecord,
  history: GitHistory,
  units: readonly string[],
  asOf: string,
): TimelineItem[] {
  // Like the record's events, commits dated after the publication date are not shown yet.
  const commits = history.available
    ? (history.byRecord.get(r.id) ?? [])
        .map((c) => commitItem(c, units))
        .filter((c) => c.date <= asOf)
    : [];
  const rank = (i: TimelineItem) => (i.source === 'record' ? 0 : 1);
  return [...recordItems(r, asOf), ...commits].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      rank(a) - rank(b) ||
      (a.time ?? '').localeCompare(b.time ?? ''),
  );
}
