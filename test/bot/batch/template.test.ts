/**
 * The batch template as LibreOffice Calc opens it: a sheet per list with the schema's labels as
 * headers, the drop-downs and header notes present, the example row marked 示例 — and the example
 * row, unmarked, passes the same checks as a submission.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { checkBatch, rowPasses } from '../../../bot/batch/check.ts';
import { columnsFor, headerOf, sheetNameOf } from '../../../bot/batch/columns.ts';
import {
  CHOICES_SHEET,
  EXAMPLE_MARK,
  INSTRUCTIONS_SHEET,
  MARK_HEADER,
} from '../../../bot/batch/limits.ts';
import { columnLetter } from '../../../bot/batch/letters.ts';
import { buildTemplate } from '../../../bot/batch/template.ts';
import { LISTS } from '../../../content/schema/index.ts';
import { calcCsv, sampleRepo, soffice, TODAY, write, readBook } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'honghei-batch-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const repo = sampleRepo();
const template = (lang: 'zh' | 'en' = 'zh') =>
  buildTemplate({ categories: repo.categories, region: repo.publisher.region, today: TODAY, lang });

describe('the batch template', () => {
  it.skipIf(!soffice && !process.env.CI)(
    'opens in LibreOffice Calc with a sheet per list and the schema labels as headers',
    async () => {
      expect(soffice, 'LibreOffice (apt-get install libreoffice-calc) is needed').toBeDefined();
      const path = write(dir, 'template.xlsx', await template());
      calcCsv(path, join(dir, 'csv'));
      const files = readdirSync(join(dir, 'csv'));
      expect(files).toContain(`template-${INSTRUCTIONS_SHEET}.csv`);
      for (const list of LISTS) {
        const text = readFileSync(join(dir, 'csv', `template-${sheetNameOf(list)}.csv`), 'utf8');
        const [header, example] = text.split('\n');
        expect(header!.split(',')).toEqual([
          MARK_HEADER.zh,
          ...columnsFor(list).map((c) => headerOf(c, 'zh')),
        ]);
        expect(example!.split(',')[0]).toBe(EXAMPLE_MARK);
      }
    },
  );

  it('has drop-downs from the hidden options sheet, header notes and a frozen header', async () => {
    const book = await readBook(await template());
    expect(book.getWorksheet(CHOICES_SHEET)!.state).toBe('hidden');
    const black = book.getWorksheet(sheetNameOf('black'))!;
    expect(black.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const columns = columnsFor('black');
    const at = (key: string) => columns.findIndex((c) => c.key === key) + 2;
    // The credit code's header carries the field's hint as its note.
    expect(String(black.getCell(1, at('subject.code')).note)).toContain('GB 32100-2015');
    const validations = (
      black as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    // exceljs reads a range's validation back cell by cell: look at one data row.
    const validated = columns.filter((_, i) => validations[`${columnLetter(i + 2)}3`]);
    expect(validated.map((c) => c.key)).toEqual([
      'list',
      'subject.kind',
      'subject.persons.0.role',
      'subject.persons.1.role',
      'region',
      'category',
    ]);
    for (const c of validated)
      expect(validations[`${columnLetter(columns.indexOf(c) + 2)}3`]!.formulae[0]).toMatch(
        new RegExp(`^'${CHOICES_SHEET}'!\\$[A-Z]+\\$2:`),
      );
  });

  it("holds only the lists and categories of the submitter's unit", async () => {
    // 女职工部 covers one black-list category (content/publisher.yaml).
    const book = await readBook(
      await buildTemplate({
        categories: repo.categories,
        region: repo.publisher.region,
        unitCategories: ['female-workers'],
        today: TODAY,
      }),
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([
      INSTRUCTIONS_SHEET,
      CHOICES_SHEET,
      sheetNameOf('black'),
    ]);
    const choices = book.getWorksheet(CHOICES_SHEET)!;
    const column = choices.getRow(1).values as string[];
    const category = column.indexOf('black:category');
    expect(choices.getColumn(category).values.filter(Boolean)).toEqual([
      'black:category',
      repo.categories.black.find((c) => c.id === 'female-workers')!.name.zh,
    ]);
  });

  it('reads an English template with its example row as it reads a Chinese one', async () => {
    const book = await readBook(await template('en'));
    for (const list of LISTS) book.getWorksheet(sheetNameOf(list))!.getCell('A2').value = null;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const check = await checkBatch(bytes, 'template-en.xlsx', {
      repo,
      unit: { name: '法律部' },
      today: TODAY,
    });
    expect(check.problems).toEqual([]);
    expect(check.rows.filter(rowPasses)).toHaveLength(LISTS.length);
  });

  it('has an example row that passes the checks once it is no longer marked 示例', async () => {
    const book = await readBook(await template());
    for (const list of LISTS) book.getWorksheet(sheetNameOf(list))!.getCell('A2').value = null;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const check = await checkBatch(bytes, 'template.xlsx', {
      repo,
      unit: { name: '法律部' },
      today: TODAY,
    });
    expect(check.problems).toEqual([]);
    expect(check.rows.filter(rowPasses)).toHaveLength(LISTS.length);
  });
});
