/** Messages about attachments, and about non-public files found in content/ (docs/private-files.md). */
import { ATTACHMENT_KIND_NAMES, type AttachmentKind } from './labels.ts';
import { m, type Lang, type Message } from './message-text.ts';

const kind = (id: unknown, lang: Lang) =>
  ATTACHMENT_KIND_NAMES[id as AttachmentKind]?.[lang] ?? String(id);

// How to move a file out of content/: the same steps wherever the mistake is found.
const MOVE_ZH = (file: string, k: string) =>
  `从 content/ 删除该文件，运行 npm run private-files -- add content/${file} --kind ${k} 把它放入不公开存储，按输出把记录中的这一项改为 private: sha256:… 引用；已提交过的，还须从 git 历史中清除（见 docs/private-files.md）`;
const MOVE_EN = (file: string, k: string) =>
  `delete it from content/, run npm run private-files -- add content/${file} --kind ${k} to put it in the private store, and replace this entry with the private: sha256:… reference it prints; if it was ever committed, also purge it from the git history (docs/private-files.md)`;

/** Attachment messages, by key. */
export const ATTACHMENT_MESSAGES = {
  attachment_no_file: m(
    () => '附件既没有 file（公开文件）也没有 private（不公开文件的引用）',
    () =>
      'the attachment has neither file (a public file) nor private (a reference to a non-public file)',
    () =>
      '公开文件写 file: media/…；不公开的文件写 private: sha256:…（由机器人或 npm run private-files -- add 生成）',
    () =>
      'write file: media/… for a public file, or private: sha256:… for a non-public one (the bot or npm run private-files -- add gives it)',
  ),
  attachment_both: m(
    (v) => `附件同时写了 file（${v.file}）和 private`,
    (v) => `the attachment has both file (${v.file}) and private`,
    () => '只保留一个：公开文件写 file，不公开文件写 private，并从 content/ 删除该文件',
    () =>
      'keep one: file for a public file, private for a non-public one (and delete the file from content/)',
  ),
  attachment_private_in_content: m(
    (v) =>
      `附件 content/${v.file} 标为不公开（public: false），却放在 content/ 中：content/ 的一切都随仓库及其历史公开`,
    (v) =>
      `attachment content/${v.file} is marked not public (public: false) but lies in content/: everything in content/ is public with the repository and its history`,
    (v) => MOVE_ZH(String(v.file), String(v.kind)),
    (v) => MOVE_EN(String(v.file), String(v.kind)),
  ),
  attachment_kind_private: m(
    (v) => `${kind(v.kind, 'zh')}不公开，不能作为公开文件放在 content/ 中（content/${v.file}）`,
    (v) =>
      `a ${kind(v.kind, 'en')} is never public and cannot be a file in content/ (content/${v.file})`,
    (v) => MOVE_ZH(String(v.file), String(v.kind)),
    (v) => MOVE_EN(String(v.file), String(v.kind)),
  ),
  attachment_private_only: m(
    (v) => `${v.fields} 只用于不公开文件（private）`,
    (v) => `${v.fields} only belong to a non-public file (private)`,
    () => '公开文件删除这些字段',
    () => 'remove them from a public file',
  ),
  attachment_private_fields: m(
    (v) => `不公开文件的引用缺少 ${v.fields}`,
    (v) => `the reference to a non-public file lacks ${v.fields}`,
    () => '按 npm run private-files -- add 的输出补全 name、size、type',
    () => 'complete name, size and type as npm run private-files -- add prints them',
  ),
  attachment_private_public: m(
    () => '不公开文件写了 public: true',
    () => 'a non-public file says public: true',
    () => '删除 public；要公开的文件放在 content/media/ 下，用 file 引用',
    () => 'remove public; a file to publish goes under content/media/ and is referenced with file',
  ),
  attachment_private_type: m(
    (v) => `文件名 ${v.name} 与类型 ${v.type} 不符`,
    (v) => `file name ${v.name} does not match type ${v.type}`,
    (v) => `类型写 ${v.expected}，或改正文件名`,
    (v) => `write type ${v.expected}, or correct the name`,
  ),
  private_file_in_content: m(
    (v) =>
      `content/${v.file} 看来是不公开文件（${v.reason}），却在 content/ 中：content/ 的一切都随仓库及其历史公开`,
    (v) =>
      `content/${v.file} looks like a non-public file (${v.reason}) but lies in content/: everything in content/ is public with the repository and its history`,
    (v) =>
      `${MOVE_ZH(String(v.file), String(v.kind))}；确属公开文件的，改放到 media/ 下不表示不公开的目录并改名`,
    (v) =>
      `${MOVE_EN(String(v.file), String(v.kind))}; if it really is public, move it to a folder and name under media/ that do not say it is private`,
  ),
} satisfies Record<string, Message>;
