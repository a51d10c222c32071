/**
 * An entry's history for its page: the record's own events (submitted, reviewed, approved,
 * published, each status change) and, when the content is a Git repository, the commits that
 * touched its file — the submission, the merge that published it with its reviewers' trailers,
 * later corrections. The record's events always show; Git adds the audit trail (谁提供、谁负责).
 */
import {
  APPROVAL_ROLE_NAMES, findPersonalData, STATUS_NAMES, type HongheiRecord,
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

/** The trailers a page shows, and the role each stands for; any other trailer stays in Git. */
export const TRAILER_ROLES: Record<string, string> = {
  'submitted-by': '报送',
  'reviewed-by': '审核',
  'approved-by': '审定',
  'rejected-by': '退回',
};

/** A trailer value without its e-mail address: "王某 <wang@example.org>" → "王某". */
export function displayName(value: string): string {
  return value.replace(/<[^>]*>/g, '').trim();
}

/** Splits an ISO timestamp into a date and time in China (UTC+8). */
export function chinaTime(iso: string): { date: string; time: string } {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return { date: t.slice(0, 10), time: t.slice(11, 16) };
}

function commitLabel(c: RecordCommit): string {
  if (c.merge) return '合并发布';
  if (c.change === 'added') return '提交（新增记录）';
  if (c.change === 'deleted') return '删除记录文件';
  return '修改记录';
}

/** A commit as a timeline line; a subject carrying personal data is not shown. */
export function commitItem(c: RecordCommit): TimelineItem {
  const when = chinaTime(c.merge ? c.committerDate : c.authorDate);
  const roles = c.trailers
    .filter((t) => TRAILER_ROLES[t.key.toLowerCase()])
    .map((t) => ({ role: TRAILER_ROLES[t.key.toLowerCase()]!, name: displayName(t.value) }));
  const subject = findPersonalData(c.subject).length ? undefined : c.subject.slice(0, 120);
  return {
    ...when, source: 'git', label: commitLabel(c), by: displayName(c.merge ? c.committer : c.author),
    detail: subject, commit: c.hash.slice(0, 10), roles,
  };
}

/** The record's own events, from its fields. */
export function recordItems(r: HongheiRecord): TimelineItem[] {
  const items: TimelineItem[] = [
    { date: r.decision.date, source: 'record', label: '作出认定决定', by: r.decision.authority, detail: r.decision.document_number },
    { date: r.submitted.date, source: 'record', label: '报送', by: r.submitted.unit },
    ...r.approvals.map((a): TimelineItem => ({ date: a.date, source: 'record', label: APPROVAL_ROLE_NAMES[a.role].zh, by: a.by })),
  ];
  r.history.forEach((e, i) => {
    const label = i === 0 && e.status === 'listed' ? `发布（${r.batch} 批次）` : STATUS_NAMES[e.status].zh;
    const detail = [e.note, e.document_number].filter(Boolean).join(' ') || undefined;
    items.push({ date: e.date, source: 'record', label, detail });
  });
  return items;
}

/**
 * The whole timeline of a public record, oldest first; on one date the record's own events come
 * before the commits that wrote them down.
 */
export function timelineOf(r: HongheiRecord, history: GitHistory): TimelineItem[] {
  const commits = history.available ? (history.byRecord.get(r.id) ?? []).map(commitItem) : [];
  const rank = (i: TimelineItem) => (i.source === 'record' ? 0 : 1);
  return [...recordItems(r), ...commits].sort(
    (a, b) => a.date.localeCompare(b.date) || rank(a) - rank(b) || (a.time ?? '').localeCompare(b.time ?? ''),
  );
}
