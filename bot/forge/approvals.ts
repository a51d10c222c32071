/**
 * The approvals of a submission in local mode: written into the record (approvals: role, by,
 * date) and counted before a merge against content/publisher.yaml approvals_required, with both
 * roles present (审核 by 分管领导, 审定 by 主要领导, two different people). The submitter only
 * proposes a publication start; an approval given after it moves it to the approval's day.
 */
import { isMap, isScalar, isSeq, YAMLSeq, type YAMLMap } from 'yaml';
import {
  batchOf,
  batchRange,
  BATCH_PATTERN,
  isIsoDate,
  type IsoDate,
  type Publisher,
} from '../../content/schema/index.ts';
import { editRecordYaml } from '../../content/schema/record-yaml.ts';

/** A refusal the reviewer can act on (the CLI prints it and exits 1). */
export class ReviewRefusal extends Error {}

/** One approval found on a branch. */
export interface Approval {
  role: 'review' | 'approve';
  by: string;
  commit: string;
}

const ROLE_ZH = { review: '审核', approve: '审定' } as const;

/** Refuses a merge with too few approvals or without both roles. */
export function checkApprovals(
  id: string,
  approvals: readonly Approval[],
  publisher: Pick<Publisher, 'approvals_required'>,
): void {
  const people = new Set(approvals.map((a) => a.by));
  if (people.size < publisher.approvals_required) {
    throw new ReviewRefusal(
      `提交 ${id} 只有 ${people.size} 个批准，发布单位要求 ${publisher.approvals_required} 个（content/publisher.yaml 的 approvals_required）：先用 npm run review -- approve ${id} --by "…" 完成审核与审定`,
    );
  }
  for (const role of ['review', 'approve'] as const) {
    if (!approvals.some((a) => a.role === role))
      throw new ReviewRefusal(
        `提交 ${id} 缺少${ROLE_ZH[role]}：用 npm run review -- approve ${id} --role ${role} --by "…" 补上`,
      );
  }
}

/** Adds an approval to a record's YAML text, keeping its layout; approvals go after `submitted`. */
export function addApproval(
  text: string,
  approval: { role: 'review' | 'approve'; by: string; date: IsoDate },
  file: string,
): string {
  return editRecordYaml(
    text,
    (doc) => {
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
    },
    () => notARecord(file),
  );
}

const notARecord = (file: string) =>
  new ReviewRefusal(`${file} 不是有效的 YAML 记录，不能写入审批：请退回`);

/**
 * Moves the proposed publication start (and the listed event on it) to the approval's day when
 * the approval comes later: an entry goes out once approved (decision → submission → review →
 * approval → publication). Refused when that day leaves the record's quarterly batch: the record
 * then belongs to another batch, under another id and folder, and is submitted again.
 */
export function alignStart(
  text: string,
  date: IsoDate,
  file: string,
): { text: string; moved?: { from: IsoDate; to: IsoDate } } {
  let moved: { from: IsoDate; to: IsoDate } | undefined;
  const edited = editRecordYaml(
    text,
    (doc) => {
      const start = doc.getIn(['publication', 'start']);
      const batch = doc.get('batch');
      // A record with a malformed start or batch is the validator's to report, not this function's.
      if (
        typeof start !== 'string' ||
        !isIsoDate(start) ||
        date <= start ||
        typeof batch !== 'string' ||
        !BATCH_PATTERN.test(batch)
      )
        return;
      const quarter = batchRange(batch);
      if (date > quarter.end) {
        throw new ReviewRefusal(
          `${file}：拟定的发布开始日期 ${start} 早于批准日期 ${date}，而顺延到 ${date} 会超出批次 ${batch}（${quarter.start} 至 ${quarter.end}）：请退回（npm run review -- reject … --comment "请按 ${batchOf(date)} 批次重新报送"），由报送单位重新报送`,
        );
      }
      doc.setIn(['publication', 'start'], date);
      const first = doc.getIn(['history', 0], true);
      if (isMap(first) && first.get('status') === 'listed' && first.get('date') === start)
        first.set('date', date);
      moved = { from: start, to: date };
    },
    () => notARecord(file),
  );
  // An unchanged record keeps its text exactly.
  return moved ? { text: edited, moved } : { text };
}
