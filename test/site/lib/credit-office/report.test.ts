/**
 * The report to the credit office built from the real sample (site/lib/credit-office): a real
 * workbook opened by LibreOffice Calc, the CSV read back, only public entries, masked individuals,
 * red and black lists unless the mapping adds demonstration units, and the objection outcomes of
 * the batch period — with the identity of an entry no longer public withheld.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  batchOf,
  batchRange,
  isPublicOn,
  STATUS_NAMES,
  validateRepository,
  type HongheiRecord,
} from '../../../../content/schema/index.ts';
import { sheetCsv } from '../../../../site/lib/credit-office/files.ts';
import {
  loadMapping,
  type CreditOfficeMapping,
} from '../../../../site/lib/credit-office/mapping.ts';
import { OPEN_OUTCOME } from '../../../../site/lib/credit-office/objections.ts';
import {
  creditOfficeReport,
  type CreditOfficeReport,
  type ReportContext,
} from '../../../../site/lib/credit-office/report.ts';
import { creditOfficeWorkbook, NOTES_SHEET } from '../../../../site/lib/credit-office/workbook.ts';
import { SAMPLE_ROOT } from '../../../fixtures/roots.ts';

const BATCH = '2026-Q4';
const date = inject('siteDate');
let records: HongheiRecord[];
let mapping: CreditOfficeMapping;
let context: ReportContext;

const report = (batch = BATCH, m = mapping): CreditOfficeReport =>
  creditOfficeReport(records, batch, m, context);
const batches = () => [...new Set(records.map((r) => r.batch))];
const column = (sheet: { columns: string[]; rows: string[][] }, title: string) =>
  sheet.rows.map((row) => row[sheet.columns.indexOf(title)]!);
/** Every cell of both sheets of every batch's report. */
const allCells = (m = mapping) =>
  batches().flatMap((b) => {
    const r = report(b, m);
    return [...r.entries.rows, ...r.objections.rows].flat();
  });

beforeAll(() => {
  const checked = validateRepository(SAMPLE_ROOT, { date });
  records = checked.records.map((r) => r.record);
  mapping = loadMapping(SAMPLE_ROOT);
  const { publisher, categories } = checked;
  context = { asOf: date, publisher, categories, siteUrl: publisher.site_url };
});

describe('the entries sheet', () => {
  it('holds the public red- and black-list entries of the batch, and no other', () => {
    const ofBatch = records.filter((r) => r.batch === BATCH);
    const expected = ofBatch.filter((r) => r.list !== 'demo' && isPublicOn(r, date));
    const notPublic = ofBatch.filter((r) => r.list !== 'demo' && !isPublicOn(r, date));
    const demo = ofBatch.filter((r) => r.list === 'demo' && isPublicOn(r, date));
    // The sample has each case in this batch, or the test proves nothing.
    expect([expected.length, notPublic.length, demo.length].every((n) => n > 0)).toBe(true);
    const names = column(report().entries, '主体名称');
    expect(names.sort()).toEqual(expected.map((r) => r.subject.name).sort());
    const cells = [...report().entries.rows, ...report().objections.rows].flat().join('\n');
    for (const r of notPublic) {
      expect(cells).not.toContain(r.subject.name);
      if (r.subject.code) expect(cells).not.toContain(r.subject.code);
    }
    for (const r of demo) expect(names).not.toContain(r.subject.name);
  });

  it('adds the demonstration units when the mapping lists them', () => {
    const withDemo = { ...mapping, lists: [...mapping.lists, 'demo' as const] };
    const names = column(report(BATCH, withDemo).entries, '主体名称');
    const demo = records.filter(
      (r) => r.batch === BATCH && r.list === 'demo' && isPublicOn(r, date),
    );
    for (const r of demo) expect(names).toContain(r.subject.name);
    expect(column(report(BATCH, withDemo).entries, '名单类型')).toContain('和谐劳动关系示范单位');
  });

  it('fills each column from the record: names of codes, dates, the publisher', () => {
    const sheet = report().entries;
    const entry = records.find(
      (r) => r.batch === BATCH && r.list === 'black' && isPublicOn(r, date),
    )!;
    const row = sheet.rows[column(sheet, '主体名称').indexOf(entry.subject.name)]!;
    const cell = (title: string) => row[sheet.columns.indexOf(title)];
    expect(cell('名单类型')).toBe('失信黑名单');
    expect(cell('主体类别')).toBe('企业');
    expect(cell('统一社会信用代码')).toBe(entry.subject.code);
    expect(cell('认定文书号')).toBe(entry.decision.document_number);
    expect(cell('列入（公示）日期')).toBe(entry.publication.start);
    expect(cell('公示截止日期')).toBe(entry.publication.end);
    expect(cell('数据来源单位')).toBe(context.publisher.name);
    expect(cell('备注')).toContain('示例数据');
  });

  it('shows individuals and persons masked, and never an identity-card number', () => {
    const individuals = records.filter(
      (r) => r.subject.kind === 'individual' && isPublicOn(r, date) && r.list !== 'demo',
    );
    expect(individuals.length).toBeGreaterThan(0);
    const cells = allCells();
    const masked = /^\p{Script=Han}{1,2}某{1,2}$/u;
    for (const r of individuals) {
      expect(r.subject.name).toMatch(masked);
      expect(cells).toContain(r.subject.name);
    }
    for (const b of batches())
      for (const name of column(report(b).entries, '法定代表人（负责人）'))
        for (const person of name ? name.split('、') : []) expect(person).toMatch(masked);
    const idNumbers = records.flatMap((r) => [
      r.subject.id_number,
      ...(r.subject.persons ?? []).map((p) => p.id_number),
    ]);
    expect(idNumbers.filter(Boolean).length).toBeGreaterThan(0);
    for (const id of idNumbers.filter(Boolean)) expect(cells.join('\n')).not.toContain(id);
  });
});

describe('the objection sheet', () => {
  it('lists the objections settled in the batch period, or received in it and still open', () => {
    let rows = 0;
    for (const b of batches()) {
      const { start, end } = batchRange(b);
      const sheet = report(b).objections;
      const outcomes = column(sheet, '处理结果');
      const decided = column(sheet, '办结日期');
      const received = column(sheet, '异议受理日期');
      outcomes.forEach((outcome, i) => {
        rows++;
        if (outcome === OPEN_OUTCOME) {
          expect(decided[i]).toBe('');
          expect(received[i]! >= start && received[i]! <= end).toBe(true);
        } else {
          expect(
            ['maintained', 'corrected', 'revoked'].map((s) => STATUS_NAMES[s as 'revoked'].zh),
          ).toContain(outcome);
          expect(decided[i]! >= start && decided[i]! <= end, `${b}: ${decided[i]}`).toBe(true);
        }
      });
    }
    expect(rows).toBeGreaterThan(2);
    // The sample's open objection (received in November 2026) is in the 2026-Q4 report.
    expect(column(report().objections, '处理结果')).toContain(OPEN_OUTCOME);
  });

  it('reports an objection that ended in revocation without the identity of the revoked entry', () => {
    const revoked = records.find(
      (r) =>
        !isPublicOn(r, date) &&
        r.history.some((e) => e.status === 'objection') &&
        r.history.some((e) => e.status === 'revoked'),
    )!;
    expect(revoked, 'the sample has an entry revoked after an objection').toBeDefined();
    const outcome = revoked.history.find((e) => e.status === 'revoked')!;
    const sheet = report(batchOf(outcome.date)).objections;
    const row = sheet.rows[column(sheet, '认定文书号').indexOf(revoked.decision.document_number)]!;
    expect(row, 'the revocation is reported').toBeDefined();
    const cell = (title: string) => row[sheet.columns.indexOf(title)];
    expect(cell('处理结果')).toBe(STATUS_NAMES.revoked.zh);
    expect(cell('办结日期')).toBe(outcome.date);
    expect(cell('条目编号')).toBe('');
    expect(cell('主体名称')).toBe('');
    expect(cell('统一社会信用代码')).toBe('');
    expect(cell('异议事由')).toBe('');
    expect(cell('备注')).toContain('不再公开');
    const cells = allCells().join('\n');
    expect(cells).not.toContain(revoked.id);
    expect(cells).not.toContain(revoked.subject.name);
    if (revoked.subject.code) expect(cells).not.toContain(revoked.subject.code);
  });
});

describe('the CSV', () => {
  it('reads back as the sheet: UTF-8 with BOM, CRLF, a header row in the mapping order', () => {
    const sheet = report().entries;
    const csv = sheetCsv(sheet);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n').length).toBe(sheet.rows.length + 2);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(mapping.columns.map((c) => c.title));
    expect(rows.slice(1)).toEqual(sheet.rows);
  });

  it('makes no formula of record text', () => {
    const entry = records.find(
      (r) => r.batch === BATCH && r.list === 'black' && isPublicOn(r, date),
    )!;
    const hostile = { ...entry, facts: '=HYPERLINK("http://example.org","x")' };
    const others = records.filter((r) => r !== entry);
    const csv = sheetCsv(creditOfficeReport([...others, hostile], BATCH, mapping, context).entries);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows.flat()).toContain(`'=HYPERLINK("http://example.org","x")`);
  });
});

describe('the workbook file', () => {
  it('is the same bytes whenever it is written: its zip entries are dated the report date', async () => {
    const at = async (time: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(time) });
      try {
        return await creditOfficeWorkbook(report());
      } finally {
        vi.useRealTimers();
      }
    };
    const first = await at('2026-11-21T09:15:07Z');
    expect((await at('2027-03-02T23:59:58Z')).equals(first)).toBe(true);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('the workbook in a spreadsheet', () => {
  // CI installs LibreOffice Calc, so there its absence is a failure, not a skip.
  it.skipIf(!soffice && !process.env.CI)(
    'LibreOffice Calc opens it: every sheet with the right columns and rows, codes and dates as written',
    async () => {
      expect(soffice, 'LibreOffice (apt-get install libreoffice-calc) is needed').toBeDefined();
      const dir = mkdtempSync(join(tmpdir(), 'honghei-credit-office-calc-'));
      try {
        const r = report();
        writeFileSync(join(dir, 'report.xlsx'), await creditOfficeWorkbook(r));
        // Text CSV, comma, double quote, UTF-8 (76); the 12th token -1 writes every sheet.
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
            '--outdir',
            join(dir, 'out'),
            join(dir, 'report.xlsx'),
          ],
          { stdio: 'pipe', timeout: 120_000 },
        );
        const sheet = (name: string) =>
          parse(readFileSync(join(dir, 'out', `report-${name}.csv`), 'utf8'), {
            bom: true,
          }) as string[][];
        for (const s of [r.entries, r.objections]) {
          const rows = sheet(s.name);
          expect(rows[0]).toEqual(s.columns);
          expect(rows.slice(1)).toEqual(s.rows);
          expect(rows.length).toBeGreaterThan(1);
        }
        expect(sheet(NOTES_SHEET).map((row) => row[0])).toContain('批次');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
