/**
 * The instructions sheet of the batch template: how to fill the lists' sheets, the limits, the date
 * forms the reader takes, and what happens after the file is sent back. In the submitter's
 * language; the numbers come from limits.ts and the schema, never typed twice.
 */
import type ExcelJS from 'exceljs';
import {
  LIST_NAMES,
  MAX_PUBLICATION_YEARS,
  type Lang,
  type ListId,
} from '../../content/schema/index.ts';
import { EXAMPLE_MARK, MARK_HEADER, MAX_BYTES, MAX_ROWS } from './limits.ts';

/** The instructions' lines. */
export function instructionLines(lists: ListId[], lang: Lang): string[] {
  const names = lists.map((l) => LIST_NAMES[l][lang]);
  const mb = MAX_BYTES / 1024 / 1024;
  if (lang === 'en')
    return [
      'Batch of entries — how to fill this workbook',
      `1. One sheet per list: ${names.join(', ')}. One row per entry; the header (row 1) stays as it is.`,
      `2. The row marked ${EXAMPLE_MARK} in the column "${MARK_HEADER.en}" is an example and is never submitted: overwrite it or leave it.`,
      "3. A header cell's note says what the column holds. Columns with a drop-down take only its values (list, kind, category, region, role, level).",
      '4. Dates: a date cell, or text written 2026-01-05, 2026/1/5 or 2026年1月5日. An empty submission date means today.',
      `5. Publication lasts at most ${MAX_PUBLICATION_YEARS} years; a longer period needs its legal basis.`,
      `6. Limits: at most ${MAX_ROWS} rows in all sheets together, at most ${mb} MB. Formulas are taken by their computed value; a formula without one is refused.`,
      '7. Send the file back: every row is checked with the same rules as the website. Problems come back as notes on their cells, the row highlighted. When every row passes, one confirmation submits them all as one submission for review (审核, 审定).',
      'All names and codes in the example rows are fictional (示例).',
    ];
  return [
    '批量报送 — 填写说明',
    `1. 每个名单一张工作表：${names.join('、')}。每行一条记录；第 1 行表头请勿修改。`,
    `2. “${MARK_HEADER.zh}”列填“${EXAMPLE_MARK}”的行是示例，不会提交：可覆盖或保留。`,
    '3. 表头单元格的批注说明该列填写要求。有下拉列表的列（名单、主体类型、列入类别、所在地区、人员身份、命名级别）只能选列表中的值。',
    '4. 日期：可填日期单元格，或写作 2026-01-05、2026/1/5、2026年1月5日。报送日期留空即为当天。',
    `5. 公示期限最长 ${MAX_PUBLICATION_YEARS} 年；超过的须写明延长公示的法律依据。`,
    `6. 限制：所有工作表合计不超过 ${MAX_ROWS} 行，文件不超过 ${mb} MB。公式按其计算结果读取；没有计算结果的公式不予接受。`,
    '7. 填好后发回：每一行按网站同样的规则检查。问题以批注标在对应单元格上，所在行标色。全部通过后，一次确认即作为一次报送提交审核、审定。',
    '示例行中的名称、代码均为虚构（示例数据）。',
  ];
}

/** Writes the instructions into a sheet. */
export function writeInstructions(sheet: ExcelJS.Worksheet, lists: ListId[], lang: Lang): void {
  sheet.getColumn(1).width = 120;
  instructionLines(lists, lang).forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}
