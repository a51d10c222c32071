/**
 * Non-public files placed in content/ by hand: content/ is published with the repository and its
 * history, so a file whose folder or name says it is a pledge, evidence or otherwise not public is
 * refused wherever it lies, referenced or not (a record that references a non-public file is also
 * refused at its own line, by the attachment rule).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from './messages.ts';
import { problemAt, type Problem } from './problems.ts';

/** Folder names that say "not public": pledges, evidence, private … in English and Chinese. */
const PRIVATE_FOLDER =
  /^(pledges?|evidences?|private|non-?public|confidential|承诺书|信用承诺书?|证据|证据材料|不公开|非公开|内部)$/i;
/** File names that say what kind of private document a file is. */
const PRIVATE_NAME: [RegExp, 'pledge' | 'evidence'][] = [
  [/pledge|承诺书/i, 'pledge'],
  [/evidence|证据/i, 'evidence'],
];
/** Files of the content repository that are data or code, not documents. */
const NOT_DOCUMENTS = /\.(ya?ml|mdx?|ts|json)$/i;

/** Every file under content/ (paths relative to content/), the schema's code left out. */
function contentFiles(root: string): string[] {
  const dir = join(root, 'content');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .filter((f) => !f.startsWith('schema/') && !NOT_DOCUMENTS.test(f))
    .sort();
}

/** Files under content/ whose folder or name marks them as non-public documents. */
export function privateFilesInContent(root: string, lang: Lang): Problem[] {
  const problems: Problem[] = [];
  for (const file of contentFiles(root)) {
    const parts = file.split('/');
    const folder = parts.slice(0, -1).find((p) => PRIVATE_FOLDER.test(p));
    const named = PRIVATE_NAME.find(([re]) => re.test(parts.at(-1)!));
    if (!folder && !named) continue;
    const reason = folder
      ? lang === 'zh'
        ? `目录 ${folder}/`
        : `folder ${folder}/`
      : lang === 'zh'
        ? `文件名 ${parts.at(-1)}`
        : `file name ${parts.at(-1)}`;
    const kind = named?.[1] ?? (/evidence|证据/i.test(folder ?? '') ? 'evidence' : 'pledge');
    problems.push(
      problemAt(
        { file: `content/${file}` },
        [],
        'private_file_in_content',
        { file, reason, kind },
        lang,
      ),
    );
  }
  return problems;
}
