/**
 * From a confirmed form to a Submission for the sink (bot/forge/types.ts): the record file and its
 * attachments' bytes, a title and a Markdown body a reviewer reads on the pull request.
 */
import type { FileService } from './files.ts';
import type { Submission, SubmissionFile, SubmissionKind } from './forge/types.ts';
import type { PlannedFile } from './record/build.ts';
import { markdownText } from './forge/markdown.ts';

/** The fields of a submission that do not depend on its kind. */
export interface SubmissionDraft {
  id: string;
  kind: SubmissionKind;
  recordId: string;
  recordFile: string;
  yaml: string;
  attachments: PlannedFile[];
  submitter: Submission['submitter'];
  title: string;
  /** Label/value rows for the body's table. */
  rows: [string, string][];
  /** Extra paragraphs (the objection's deadline, the repair's conditions). */
  notes?: string[];
  createdAt: string;
}

/** The pull request body: a table of the answers and the files. */
export function submissionBody(d: SubmissionDraft): string {
  const lines = ['| 字段 | 内容 |', '| --- | --- |', ...d.rows.map(([k, v]) => `| ${markdownText(k)} | ${markdownText(v)} |`)];
  if (d.attachments.length) lines.push('', '附件：', ...d.attachments.map((a) => `- \`${a.path}\`（${a.kind}${a.public ? '' : '，不公开'}）`));
  if (d.notes?.length) lines.push('', ...d.notes);
  lines.push('', `记录文件：\`${d.recordFile}\`；提交前已按 \`npm run validate\` 的规则校验通过。`);
  return lines.join('\n');
}

/** Downloads the attachments and assembles the submission. */
export async function assembleSubmission(d: SubmissionDraft, files: FileService, maxBytes: number): Promise<Submission> {
  const out: SubmissionFile[] = [{ path: d.recordFile, content: d.yaml }];
  for (const a of d.attachments) out.push({ path: a.path, content: await files.download(a.fileId, maxBytes) });
  return {
    id: d.id,
    kind: d.kind,
    recordId: d.recordId,
    submitter: d.submitter,
    title: d.title,
    body: submissionBody(d),
    files: out,
    createdAt: d.createdAt,
  };
}
