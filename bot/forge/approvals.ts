/**
 * The approvals of a submission in local mode: written into the record (approvals: role, by,
 * date) and counted before a merge against content/publisher.yaml approvals_required, with both
 * roles present (审核 by 分管领导, 审定 by 主要领导, two different people).
 */
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type YAMLMap } from 'yaml';
import type { IsoDate, Publisher } from '../../content/schema/index.ts';

/** A refusal the reviewer can act on (the CLI prints it and exits 1). */
export class ReviewRefusal extends Error {}

/** One approval found on a branch. */
export interface Approval { role: 'review' | 'approve'; by: string; commit: string }

const ROLE_ZH = { review: '审核', approve: '审定' } as const;

/** Refuses a merge with too few approvals or without both roles. */
export function checkApprovals(id: string, approvals: readonly Approval[], publisher: Pick<Publisher, 'approvals_required'>): void {
  const people = new Set(approvals.map((a) => a.by));
  if (people.size < publisher.approvals_required) {
    throw new ReviewRefusal(`提交 ${id} 只有 ${people.size} 个批准，发布单位要求 ${publisher.approvals_required} 个（content/publisher.yaml 的 approvals_required）：先用 npm run review -- approve ${id} --by "…" 完成审核与审定`);
  }
  for (const role of ['review', 'approve'] as const) {
    if (!approvals.some((a) => a.role === role)) throw new ReviewRefusal(`提交 ${id} 缺少${ROLE_ZH[role]}：用 npm run review -- approve ${id} --role ${role} --by "…" 补上`);
  }
}

/** Adds an approval to a record's YAML text, keeping its layout; approvals go after `submitted`. */
export function addApproval(text: string, approval: { role: 'review' | 'approve'; by: string; date: IsoDate }, file: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) throw new ReviewRefusal(`${file} 不是有效的 YAML 记录，不能写入审批：请退回`);
  const map = doc.contents as YAMLMap;
  const item = doc.createNode({ role: approval.role, by: approval.by, date: approval.date });
  const existing = map.get('approvals', true);
  if (isSeq(existing)) {
    existing.flow = false; // `approvals: []` becomes a block list, one approval per item
    existing.items.push(item);
  } else {
    const list = new YAMLSeq();
    list.items.push(item);
    map.delete('approvals');
    const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === 'submitted');
    const pair = doc.createPair('approvals', list);
    if (at >= 0) map.items.splice(at + 1, 0, pair);
    else map.items.push(pair);
  }
  return doc.toString({ lineWidth: 0 });
}
