/**
 * The summary of a checked batch, in the submitter's language: "共 48 行：45 行可提交，3 行有问题",
 * the problems of the file itself, and the problems one a line (sheet, row, column, field).
 */
import type { Lang } from '../../content/schema/index.ts';
import { rowPasses, type BatchCheck } from './check.ts';
import { problemText } from './problem.ts';

/** The counts line: "共 48 行：45 行可提交，3 行有问题". */
export function summaryLine(check: BatchCheck, lang: Lang): string {
  if (check.read.refused)
    return lang === 'zh'
      ? '文件未能检查：' + check.problems[0]?.what.zh
      : `The file was not checked: ${check.problems[0]?.what.en}`;
  const total = check.rows.length;
  const good = check.rows.filter(rowPasses).length;
  const bad = total - good;
  const fileLevel = check.problems.filter((p) => p.row === undefined || p.row === 1).length;
  const files =
    fileLevel === 0
      ? ''
      : lang === 'zh'
        ? `；另有 ${fileLevel} 个表格问题`
        : `; and ${fileLevel} problems with the sheets`;
  return lang === 'zh'
    ? `共 ${total} 行：${good} 行可提交，${bad} 行有问题${files}`
    : `${total} rows: ${good} can be submitted, ${bad} have problems${files}`;
}

/** Every problem as a line, the file's first. */
export function problemLines(check: BatchCheck, lang: Lang): string[] {
  return check.problems.map(
    (p) => `${p.severity === 'warning' ? 'ℹ️ ' : ''}${problemText(p, lang)}`,
  );
}
