/**
 * What the batch tests share: fictional rows built from the template's own example row (names and
 * codes varied, every one marked 示例), CSV files of them, and LibreOffice Calc converting a CSV
 * into the .xlsx a submitter would send (so the reader is tested on workbooks it did not write).
 */
import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnsFor, headerOf, regionChoice } from '../../../bot/batch/columns.ts';
import { exampleRow } from '../../../bot/batch/examples.ts';
import { ContentRepository } from '../../../bot/record/repository.ts';
import { completeUscc, loadCategories, type ListId } from '../../../content/schema/index.ts';
import { SAMPLE_ROOT } from '../../fixtures/roots.ts';

/** The day the tests check as of. */
export const TODAY = '2026-12-03';

/** The sample publisher's repository, read once (records cached for the whole file). */
export const sampleRepo = () => new ContentRepository(SAMPLE_ROOT, Number.POSITIVE_INFINITY);

/** LibreOffice Calc, when installed (Debian's libreoffice-calc); CI installs it. */
export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** The i-th fictional entry of a list, by column key: the example row with its own name and code. */
export function fictionalRow(list: ListId, i: number): Record<string, string> {
  const categories = loadCategories(SAMPLE_ROOT);
  const row = exampleRow(list, {
    today: TODAY,
    region: regionChoice('210202'),
    category: categories[list][i % categories[list].length]!.name.zh,
  });
  row['subject.name'] = `示例市第${i + 1}号工贸有限公司（示例）`;
  // EY: a range no sample record uses, so only the rows meant to collide do.
  row['subject.code'] = completeUscc(`91000000EY${String(i).padStart(7, '0')}`);
  return row;
}

/** The header labels of a list's sheet (Chinese), in the template's column order; every list's without one. */
export const headers = (list?: ListId) => columnsFor(list).map((c) => headerOf(c, 'zh'));

/** A CSV text of rows (by column key) under the list's headers (every list's without one); extra headers may be added. */
export function csvOf(
  list: ListId | undefined,
  rows: Record<string, string>[],
  extra: string[] = [],
): string {
  const keys = columnsFor(list).map((c) => c.key);
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    [...headers(list), ...extra].map(quote).join(','),
    ...rows.map((r) =>
      [...keys.map((k) => r[k] ?? ''), ...extra.map((e) => r[e] ?? '')].map(quote).join(','),
    ),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Converts a CSV file (UTF-8, comma, double quote) to .xlsx with LibreOffice; the sheet is named
 * after the file (失信黑名单.csv → 失信黑名单). Returns the .xlsx path.
 */
export function calcXlsx(csvPath: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${outDir}/profile`,
      '--headless',
      // comma, double quote, UTF-8 (76), from line 1, standard column types, language, quoted as text, detect special numbers (dates)
      '--infilter=CSV:44,34,76,1,,0,true,true',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      outDir,
      csvPath,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(outDir, csvPath.replace(/^.*\//, '').replace(/\.csv$/, '.xlsx'));
}

/** Converts a workbook's sheets to CSV files with LibreOffice (one per sheet: NAME-SHEET.csv). */
export function calcCsv(xlsxPath: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${outDir}/profile`,
      '--headless',
      '--convert-to',
      // UTF-8, every sheet (-1)
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      outDir,
      xlsxPath,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

/** Writes a file and returns its path. */
export function write(dir: string, name: string, content: string | Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A workbook read by exceljs (whose typings want an ArrayBuffer where a Buffer serves). */
export async function readBook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}
