/**
 * The yearly report's rule (site/lib/export/report.ts): what the publisher published in the year,
 * as of 31 December — or the build date while the year runs — with each entry's status then.
 */
import { describe, expect, it } from 'vitest';
import type { Categories } from '../../../../content/schema/index.ts';
import {
  publishedBy,
  reportDate,
  reportYears,
  yearReport,
  type ReportedEntry,
} from '../../../../site/lib/export/report.ts';

const categories = {
  red: [{ id: 'grade-a', name: { zh: '守法诚信 A 级', en: 'Grade A' } }],
  black: [{ id: 'wage-arrears', name: { zh: '拖欠工资', en: 'Wage arrears' } }],
  demo: [{ id: 'demonstration', name: { zh: '示范单位', en: 'Demonstration unit' } }],
} satisfies Categories;

function entry(
  list: ReportedEntry['list'],
  start: string,
  history: [string, string][] = [],
  end?: string,
): ReportedEntry {
  const quarter = Math.ceil(Number(start.slice(5, 7)) / 3);
  return {
    list,
    category: categories[list][0]!.id,
    region: '320506',
    batch: `${start.slice(0, 4)}-Q${quarter}`,
    subject: { kind: list === 'demo' ? 'park' : 'enterprise' },
    publication: { start, end: end ?? `${Number(start.slice(0, 4)) + 3}${start.slice(4)}` },
    history: [
      { status: 'listed', date: start },
      ...history.map(([status, date]) => ({
        status: status as ReportedEntry['history'][number]['status'],
        date,
      })),
    ],
  };
}

const count = (r: ReturnType<typeof yearReport>, table: 'by_list' | 'by_status') =>
  Object.fromEntries(r.statistics[table].filter((c) => c.count).map((c) => [c.key, c.count]));

describe('the yearly report', () => {
  const entries = [
    entry('black', '2026-03-16'),
    entry('black', '2026-03-16', [
      ['repair-applied', '2026-10-12'],
      ['removed', '2026-12-21'],
    ]),
    entry('red', '2026-05-10', [['revoked', '2027-02-01']]),
    entry('demo', '2026-07-20', [['revoked', '2026-10-15']]),
    // Revoked on its first day, before anyone saw it: never published, never counted.
    entry('red', '2026-11-20', [['revoked', '2026-11-20']]),
    // A short period (a minor case, 3 months) that ended within the year: counted as expired.
    entry('black', '2026-04-01', [], '2026-06-30'),
    entry('red', '2025-11-10'),
  ];

  it('counts every entry published in the year, with its status on 31 December', () => {
    const r = yearReport(entries, categories, '2026', '2027-03-01');
    expect(r.as_of).toBe('2026-12-31');
    expect(r.statistics.total).toBe(5);
    expect(count(r, 'by_list')).toEqual({ red: 1, black: 3, demo: 1 });
    // The red entry revoked in February 2027 was listed on 31 December 2026.
    expect(count(r, 'by_status')).toEqual({ listed: 2, removed: 1, revoked: 1, expired: 1 });
  });

  it('reads the same on 31 December and on any later day', () => {
    expect(yearReport(entries, categories, '2026', '2026-12-31')).toEqual(
      yearReport(entries, categories, '2026', '2029-06-01'),
    );
  });

  it('while the year runs, counts what was published by the build date', () => {
    const r = yearReport(entries, categories, '2026', '2026-05-01');
    expect(r.as_of).toBe('2026-05-01');
    expect(count(r, 'by_list')).toEqual({ black: 3 });
  });

  it('lists the years with a published batch, including years whose entries have all left the lists', () => {
    expect(reportYears([entry('black', '2023-12-21'), ...entries], '2026-12-31')).toEqual([
      '2026',
      '2025',
      '2023',
    ]);
    expect(
      reportYears([entry('red', '2026-11-20', [['revoked', '2026-11-20']])], '2026-12-31'),
    ).toEqual([]);
  });

  it('knows whether an entry was ever public up to a date', () => {
    const e = entry('black', '2026-03-16', [['removed', '2026-04-01']]);
    expect(publishedBy(e, '2026-03-15')).toBe(false);
    expect(publishedBy(e, '2026-03-16')).toBe(true);
    expect(publishedBy(e, '2030-01-01')).toBe(true);
    expect(reportDate('2026', '2026-12-30')).toBe('2026-12-30');
  });
});
