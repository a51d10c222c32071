/**
 * The credit-office files in the built sample site: every batch page links its workbook and CSV
 * files, and the files the build published are the ones the library makes for that batch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { validateRepository } from '../../../../content/schema/index.ts';
import {
  REPORT_FILES,
  reportFilePath,
  sheetCsv,
} from '../../../../site/lib/credit-office/files.ts';
import { loadMapping } from '../../../../site/lib/credit-office/mapping.ts';
import { creditOfficeReport } from '../../../../site/lib/credit-office/report.ts';
import { SAMPLE_ROOT } from '../../../fixtures/roots.ts';
import { recordsOn } from '../records.ts';

const siteDir = inject('siteDir');
const date = inject('siteDate');

describe('the credit-office files of the site', () => {
  it('are linked from every batch page and published beside the other reports', () => {
    const batches = [...new Set(recordsOn(SAMPLE_ROOT, date).public.map((r) => r.batch))];
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      const html = readFileSync(join(siteDir, 'batches', batch, 'index.html'), 'utf8');
      const links = [...parseHTML(html).document.querySelectorAll('a')].map((a) =>
        a.getAttribute('href'),
      );
      for (const kind of REPORT_FILES) {
        expect(links, `${batch} ${kind}`).toContain(reportFilePath(batch, kind));
        expect(existsSync(join(siteDir, reportFilePath(batch, kind))), `${batch} ${kind}`).toBe(
          true,
        );
      }
    }
  });

  it('are the report the library makes for the batch on the site date', () => {
    const checked = validateRepository(SAMPLE_ROOT, { date });
    const { publisher, categories } = checked;
    const report = creditOfficeReport(
      checked.records.map((r) => r.record),
      '2026-Q4',
      loadMapping(SAMPLE_ROOT),
      { asOf: date, publisher, categories, siteUrl: publisher.site_url },
    );
    const published = (kind: (typeof REPORT_FILES)[number]) =>
      readFileSync(join(siteDir, reportFilePath('2026-Q4', kind)), 'utf8');
    expect(published('csv')).toBe(sheetCsv(report.entries));
    expect(published('objections-csv')).toBe(sheetCsv(report.objections));
    expect(
      readFileSync(join(siteDir, reportFilePath('2026-Q4', 'xlsx')))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
