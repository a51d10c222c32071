/**
 * /batch in the bot, the journey: the template arrives; a 48-row workbook saved by
 * LibreOffice with 3 bad rows comes back with the summary and the annotated workbook; the fixed
 * workbook passes and one confirmation hands ONE submission holding all 48 records to the sink.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldLabel } from '../../../content/schema/index.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { columnsFor, sheetNameOf } from '../../../bot/batch/columns.ts';
import { columnLetter } from '../../../bot/batch/letters.ts';
import { INSTRUCTIONS_SHEET } from '../../../bot/batch/limits.ts';
import { harness, SUBMITTER } from '../support/harness.ts';
import { MemorySink } from '../support/memory-sink.ts';
import { calcXlsx, csvOf, fictionalRow, readBook, soffice, TODAY, write } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'honghei-batch-bot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const letter = (key: string) =>
  columnLetter(columnsFor('black').findIndex((c) => c.key === key) + 1);

describe('/batch', () => {
  it.skipIf(!soffice && !process.env.CI)(
    'sends the template, annotates a bad workbook, and submits the fixed one as one submission',
    async () => {
      const sink = new MemorySink();
      const h = harness({ today: TODAY, sink });
      await h.act(SUBMITTER, '/batch');
      const template = h.tg.documents.at(-1)!;
      expect(template.name).toMatch(/\.xlsx$/);
      const book = await readBook(template.bytes);
      expect(book.worksheets.map((s) => s.name)).toEqual(
        expect.arrayContaining([INSTRUCTIONS_SHEET, sheetNameOf('red'), sheetNameOf('black')]),
      );

      const rows = Array.from({ length: 48 }, (_, i) => fictionalRow('black', i));
      rows[5]!['decision.date'] = '2026-02-30';
      rows[20]!['subject.name'] = '';
      rows[33]!['subject.code'] = rows[33]!['subject.code']!.slice(0, 17) + '0';
      const csv = write(dir, '失信黑名单.csv', csvOf('black', rows));
      const bad = readFileSync(calcXlsx(csv, join(dir, 'out')));
      await h.send(h.tg.document(SUBMITTER, bad, '失信黑名单.xlsx', XLSX));
      expect(h.last()).toContain('共 48 行：45 行可提交，3 行有问题');
      expect(h.last()).toMatch(
        new RegExp(`失信黑名单 第 7 行 [A-Z]+ 列（${fieldLabel('decision.date')}）`),
      );
      const annotated = h.tg.documents.at(-1)!;
      expect(annotated.name).toBe('失信黑名单.checked.xlsx');
      expect(sink.submissions).toHaveLength(0);

      // The submitter fixes the three cells in the returned workbook and sends it back.
      const fixing = await readBook(annotated.bytes);
      const sheet = fixing.getWorksheet('失信黑名单')!;
      sheet.getCell(`${letter('decision.date')}7`).value = '2026年11月13日';
      sheet.getCell(`${letter('subject.name')}22`).value = '示例市补正工贸有限公司（示例）';
      sheet.getCell(`${letter('subject.code')}35`).value = fictionalRow('black', 33)[
        'subject.code'
      ]!;
      const fixed = new Uint8Array(await fixing.xlsx.writeBuffer());
      await h.send(h.tg.document(SUBMITTER, fixed, '失信黑名单.checked.xlsx', XLSX));
      expect(h.last()).toContain('共 48 行：48 行可提交，0 行有问题');
      await h.act(SUBMITTER, { press: '✅ 确认提交' });
      expect(h.last()).toContain('✅ 已提交');

      expect(sink.submissions).toHaveLength(1);
      const [submission] = sink.submissions;
      expect(submission!.id).toMatch(/^batch-[0-9a-f]{16}$/);
      expect(submission!.files).toHaveLength(48);
      expect(submission!.recordIds).toHaveLength(48);
      expect(submission!.submitter.unit).toBe('劳动保障监察支队');
      expect(submission!.title).toBe('批量报送 48 条记录（劳动保障监察支队）：失信黑名单 48 条');
    },
  );
});
