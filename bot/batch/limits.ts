/**
 * The limits and fixed names of a batch workbook: how many rows and bytes one file may hold, the
 * sheets the template adds beside the lists' sheets, and the column that marks the example row.
 */
import type { Lang } from '../../content/schema/index.ts';

/** At most this many rows (entries) in one file, every sheet together. */
export const MAX_ROWS = 500;

/** At most this many bytes in one file. */
export const MAX_BYTES = 10 * 1024 * 1024;

/** The instructions sheet, the hidden sheet of drop-down values, and the check's result sheet. */
export const INSTRUCTIONS_SHEET = '填写说明';
export const CHOICES_SHEET = '选项';
export const RESULT_SHEET = '检查结果';

/** Sheets the reader passes over: they hold no entries. */
export const SERVICE_SHEETS = [INSTRUCTIONS_SHEET, CHOICES_SHEET, RESULT_SHEET];

/** The first column: 示例 marks the example row, which is never submitted. */
export const MARK_HEADER: Record<Lang, string> = { zh: '行标记', en: 'Row mark' };
export const EXAMPLE_MARK = '示例';
