/**
 * From a confirmed form to a Submission for the sink (bot/forge/types.ts): the record file and its
 * public attachments' bytes, a title and a Markdown body a reviewer reads on the pull request.
 * Non-public attachments go to the private store instead, and the body links them through signed,
 * expiring links (bot/private-files/, docs/private-files.md): their bytes never enter a commit.
 */
import { ATTACHMENT_KIND_NAMES } from '../content/schema/index.ts';
import type { FileService } from './files.ts';
import type { Submission, SubmissionFile, SubmissionKind } from './forge/types.ts';
import type { PrivateFiles } from './private-files/config.ts';
import { sha256Hex } from './private-files/store.ts';
import type { PlannedFile, PrivatePlannedFile } from './record/build.ts';

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
  /** Extra paragraphs (the objection's deadline, the repair's conditions). */
  notes?: string[];
  createdAt: string;
}

/** A private attachment as the body lists it: with a signed link, or without (HONGHEI_PRIVATE_PR_LINKS=no). */
export interface PrivateLink {
  file: PrivatePlannedFile;
  link?: { url: string; expiresAt: number };
}

/** A time as people in China read it: 2026-12-17 10:00（北京时间）. */
const chinaTime = (ms: number) =>
  `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;

/**
 * The bot's part of the pull request body: the public files, links to the private ones, the
 * flow's notes and the record file. The record's fields are the forge presenter's one table
 * (bot/forge/summary.ts pullRequestBody), so they are not repeated here.
 */
export function submissionBody(d: SubmissionDraft, links: readonly PrivateLink[] = []): string {
  const blocks: string[] = [];
  const published = d.attachments.filter((a) => !a.private);
  if (published.length)
    blocks.push(
      [
        '附件：',
        ...published.map((a) => `- \`${a.path}\`（${ATTACHMENT_KIND_NAMES[a.kind].zh}）`),
      ].join('\n'),
    );
  if (links.length) {
    // Names are generated (PRIVATE_NAME_PATTERN) and links are the bot's own: nothing here is user text.
    blocks.push(
      [
        '不公开附件（仅供审核，不进入仓库，存放于机器人服务器的不公开存储）：',
        ...links.map(({ file, link }) => {
          const what = `${ATTACHMENT_KIND_NAMES[file.kind].zh}，SHA-256 \`${file.private.sha256}\``;
          return link
            ? `- [${file.private.name}](${link.url})（${what}，链接 ${chinaTime(link.expiresAt)}前有效）`
            : `- ${file.private.name}（${what}）`;
        }),
      ].join('\n'),
      links.some((l) => l.link)
        ? `链接过期后，在机器人服务器上运行 \`npm run review -- show ${d.id}\` 查看并核对文件。`
        : `在机器人服务器上运行 \`npm run review -- show ${d.id}\` 查看并核对文件。`,
    );
  }
  if (d.notes?.length) blocks.push(d.notes.join('\n'));
  blocks.push(`记录文件：\`${d.recordFile}\`；提交前已按 \`npm run validate\` 的规则校验通过。`);
  return blocks.join('\n\n');
}

/**
 * Downloads the attachments and assembles the submission: public files become files of the
 * commit; private ones are checked against the SHA-256 the record names and stored privately.
 */
export async function assembleSubmission(
  d: SubmissionDraft,
  files: FileService,
  maxBytes: number,
  privateFiles: PrivateFiles,
): Promise<Submission> {
  const out: SubmissionFile[] = [{ path: d.recordFile, content: d.yaml }];
  const links: PrivateLink[] = [];
  for (const a of d.attachments) {
    const bytes = await files.download(a.fileId, maxBytes);
    if (!a.private) {
      out.push({ path: a.path, content: bytes });
      continue;
    }
    const found = sha256Hex(bytes);
    if (found !== a.private.sha256) {
      throw new Error(
        `attachment ${a.private.name} changed since it was checked (SHA-256 ${found}, the record names ${a.private.sha256 || 'none'}): send the file again`,
      );
    }
    await privateFiles.store.put(bytes, {
      name: a.private.name,
      type: a.private.type,
      kind: a.kind,
      submission: d.id,
    });
    const expiresAt = privateFiles.links.expiry();
    links.push({
      file: a,
      ...(privateFiles.linksInBody
        ? {
            link: {
              url: privateFiles.links.url({ sha256: found, name: a.private.name }, expiresAt),
              expiresAt,
            },
          }
        : {}),
    });
  }
  return {
    id: d.id,
    kind: d.kind,
    recordId: d.recordId,
    submitter: d.submitter,
    title: d.title,
    body: submissionBody(d, links),
    files: out,
    createdAt: d.createdAt,
  };
}
