/**
 * A checked batch as ONE submission: one branch, one commit, one record file per row, the ids the
 * checker derived from the file's content. The submission id derives from the content hash too,
 * so the same file sent twice finds the same branch (the forges' openPullRequest is idempotent).
 */
import { LIST_NAMES, LISTS, type Lang } from '../../content/schema/index.ts';
import { markdownText } from '../forge/markdown.ts';
import type { Submission } from '../forge/types.ts';
import type { BatchCheck } from './check.ts';

/** The submission id of a batch file: batch-<first 16 hex digits of its SHA-256>. */
export const batchSubmissionId = (hash: string) => `batch-${hash.slice(0, 16)}`;

/** Who submits a batch. */
export interface BatchSubmitter {
  unit: string;
  chatId?: number;
  userId?: number;
  language?: Lang;
}

/** The submission of a batch whose every row passed (throws otherwise: check first). */
export function batchSubmission(
  check: BatchCheck,
  submitter: BatchSubmitter,
  createdAt: string,
): Submission {
  if (!check.ok)
    throw new Error(
      `the batch ${check.fileName} has problems: fix them and check it again before submitting`,
    );
  const rows = check.rows;
  const counts = LISTS.map((l) => [l, rows.filter((r) => r.list === l).length] as const).filter(
    ([, n]) => n > 0,
  );
  const title = `批量报送 ${rows.length} 条记录（${submitter.unit}）：${counts.map(([l, n]) => `${LIST_NAMES[l].zh} ${n} 条`).join('、')}`;
  const table = [
    '| 工作表 | 行 | 编号 | 名单 | 主体名称 | 文件 |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${markdownText(r.sheet)} | ${r.row} | ${r.recordId} | ${LIST_NAMES[r.list!].zh} | ${markdownText(r.name ?? '')} | ${r.file} |`,
    ),
  ];
  return {
    id: batchSubmissionId(check.hash),
    kind: 'new',
    recordId: rows[0]!.recordId!,
    recordIds: rows.map((r) => r.recordId!),
    submitter: {
      unit: submitter.unit,
      ...(submitter.chatId !== undefined ? { chatId: submitter.chatId } : {}),
      ...(submitter.userId !== undefined ? { userId: submitter.userId } : {}),
      ...(submitter.language ? { language: submitter.language } : {}),
    },
    title,
    body: [
      `${submitter.unit}从电子表格 ${markdownText(check.fileName)} 批量报送 ${rows.length} 条记录（SHA-256 ${check.hash.slice(0, 16)}）。`,
      '',
      ...table,
    ].join('\n'),
    files: rows.map((r) => ({ path: r.file!, content: r.yaml! })),
    createdAt,
  };
}
