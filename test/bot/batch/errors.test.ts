/**
 * A batch file with every kind of error the reader and the checker name: an unknown sheet, an
 * unknown column, a bad date, a formula without a computed result, the same code twice in the
 * file, a code already active on the same list among the published entries, and a file too big.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../../bot/batch/check.ts';
import { columnsFor, headerOf } from '../../../bot/batch/columns.ts';
import { columnLetter } from '../../../bot/batch/letters.ts';
import { MAX_BYTES } from '../../../bot/batch/limits.ts';
import { problemText } from '../../../bot/batch/problem.ts';
import { summaryLine } from '../../../bot/batch/summary.ts';
import { buildTemplate } from '../../../bot/batch/template.ts';
import { csvOf, fictionalRow, sampleRepo, TODAY } from './support.ts';
import { fieldLabel } from '../../../content/schema/index.ts';

const repo = sampleRepo();
const options = { repo, unit: { name: '法律部' }, today: TODAY };
const columns = columnsFor('black');
const col = (key: string) => columns.findIndex((c) => c.key === key) + 1;
const letter = (key: string) => columnLetter(col(key));
// A black-list entry of the sample publisher, public on TODAY.
const PUBLISHED_CODE = '91000000EX00001393';

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('失信黑名单');
  sheet.getRow(1).values = [...columns.map((c) => headerOf(c, 'zh')), '内部备注'];
  const rows = [0, 1, 2, 3, 4].map((i) => fictionalRow('black', i));
  rows[1]!['decision.date'] = '2026-13-45';
  rows[2]!['subject.code'] = rows[0]!['subject.code']!;
  rows[3]!['subject.code'] = PUBLISHED_CODE;
  rows.forEach((r, i) =>
    columns.forEach((c, j) => {
      if (r[c.key] !== undefined) sheet.getCell(i + 2, j + 1).value = r[c.key]!;
    }),
  );
  // A formula with its computed result, as a spreadsheet program saves it: the result is taken.
  sheet.getCell(2, col('facts')).value = {
    formula: 'CONCAT("该公司拖欠工资逾期未付","（示例数据）")',
    result: '该公司拖欠 12 名劳动者工资逾期未付。（示例数据）',
  } as ExcelJS.CellFormulaValue;
  // A formula a program wrote without computing it (no cached result).
  sheet.getCell(6, col('facts')).value = {
    formula: 'CONCAT("拖欠工资","（示例）")',
  } as ExcelJS.CellFormulaValue;
  book.addWorksheet('Sheet9').getCell('A1').value = '草稿';
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('a batch with every kind of error', () => {
  it('names each problem with its sheet, row and column', async () => {
    const check = await checkBatch(await workbook(), 'errors.xlsx', options);
    const lines = check.problems.map((p) => problemText(p, 'zh'));
    const at = (row: number | undefined, column?: string) =>
      check.problems.filter((p) => p.row === row && (!column || p.column === column));
    expect(check.ok).toBe(false);
    expect(summaryLine(check, 'zh')).toBe('共 5 行：1 行可提交，4 行有问题；另有 2 个表格问题');

    expect(at(2)).toEqual([]);
    expect(check.rows[0]!.yaml).toContain(
      'facts: 该公司拖欠 12 名劳动者工资逾期未付。（示例数据）',
    );
    const [sheet] = at(undefined);
    expect(sheet!.what.zh).toContain('不认识工作表“Sheet9”');
    const [column] = at(1);
    expect(column).toMatchObject({ sheet: '失信黑名单', column: columnLetter(columns.length + 1) });
    expect(column!.what.zh).toContain('表头“内部备注”');

    const [date] = at(3, letter('decision.date'));
    expect(date!.what.zh).toContain('2026-13-45');
    const [twice] = at(4, letter('subject.code'));
    expect(twice!.what.zh).toBe(
      `代码 ${fictionalRow('black', 0)['subject.code']} 在本文件中重复：与“失信黑名单”第 2 行同一名单`,
    );
    const [published] = at(5, letter('subject.code'));
    expect(published!.what.zh).toContain(
      `代码 ${PUBLISHED_CODE} 在失信黑名单中的两条记录公开期重叠`,
    );
    const [formula] = at(6, letter('facts'));
    expect(formula!.what.zh).toContain(`单元格 ${letter('facts')}6 的公式`);
    expect(formula!.what.en).toContain('has no computed result');
    // Every line names where it is, in both languages.
    expect(
      lines.every((l) => l.startsWith('失信黑名单') || l.startsWith('Sheet9') || !l.includes('：')),
    ).toBe(true);
    expect(check.problems.every((p) => p.what.en && p.fix.en)).toBe(true);
  });

  it('names a missing publication start on its cell, the rest of the row still checked', async () => {
    const row = { ...fictionalRow('black', 7), 'publication.start': '', 'subject.name': '' };
    const bytes = new TextEncoder().encode(csvOf('black', [row]));
    const check = await checkBatch(bytes, '失信黑名单.csv', options);
    expect(check.problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [2, letter('publication.start'), 'publication.start'],
      [2, letter('subject.name'), 'subject.name'],
    ]);
    expect(check.problems[0]!.what.zh).toBe(`未填写${fieldLabel('publication.start')}`);
  });

  it('says so when the file holds only the example row', async () => {
    const check = await checkBatch(
      await buildTemplate({ categories: repo.categories, region: '210200', today: TODAY }),
      'template.xlsx',
      options,
    );
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => p.what.zh)).toEqual(['文件中没有记录行（示例行不计）']);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const check = await checkBatch(new Uint8Array(MAX_BYTES + 1), 'big.xlsx', options);
    expect(check.read.refused).toBe(true);
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]!.what.zh).toBe('文件 big.xlsx 有 10 MB，超过 10 MB 上限');
  });
});
