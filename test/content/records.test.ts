/**
 * The sample content: fictional, marked, valid on the test date, and covering what the site and
 * the tests need (every list, category, subject kind and status; some entries not public).
 */
import { describe, expect, it } from 'vitest';
import {
  isPublicFile,
  LISTS,
  STATUSES,
  SUBJECT_KINDS,
  usccDivision,
  validateRepository,
  visibilityOn,
} from '../../content/schema/index.ts';
import { ROOT } from './record-fixture.ts';

const DATE = '2026-11-21';
const report = validateRepository(ROOT, { date: DATE });
const records = report.records.map((r) => r.record);

describe('the sample records', () => {
  it('validate with no problem as of the test date', () => {
    expect(report.problems).toEqual([]);
    expect(records.length).toBe(report.files);
    expect(records.length).toBeGreaterThanOrEqual(40);
    expect(records.length).toBeLessThanOrEqual(80);
  });

  it('are all visibly fictional: marked sample, named （示例）, codes in no real division, persons masked', () => {
    for (const r of records) {
      expect(r.sample, r.id).toBe(true);
      if (r.subject.kind !== 'individual') expect(r.subject.name, r.id).toContain('（示例）');
      if (r.subject.code) expect(usccDivision(r.subject.code), r.id).toBe('000000');
      expect(r.region, r.id).toMatch(/^2102/);
    }
  });

  it('cover every list, category and subject kind', () => {
    for (const list of LISTS) {
      const used = new Set(records.filter((r) => r.list === list).map((r) => r.category));
      expect([...used].sort(), list).toEqual(report.categories[list].map((c) => c.id).sort());
    }
    expect(new Set(records.map((r) => r.subject.kind))).toEqual(new Set(SUBJECT_KINDS));
  });

  it('cover every status, an override, and entries public and not public on the test date', () => {
    const statuses = new Set(records.flatMap((r) => r.history.map((e) => e.status)));
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    expect(records.some((r) => r.subject.code_override)).toBe(true);
    const hidden = records.filter((r) => !visibilityOn(r, DATE).public);
    expect(hidden.length).toBeGreaterThanOrEqual(6);
    expect(
      new Set(hidden.map((r) => (visibilityOn(r, DATE) as { reason: string }).reason)),
    ).toEqual(new Set(['not-yet', 'ended', 'status']));
    const revokedDemo = records.find(
      (r) => r.list === 'demo' && r.history.some((e) => e.status === 'revoked'),
    );
    expect(revokedDemo && visibilityOn(revokedDemo, DATE)).toEqual({
      public: true,
      status: 'revoked',
    });
    expect(records.length - hidden.length).toBeGreaterThanOrEqual(40);
  });

  it('link typical-case write-ups with pictures (以案释法) from public black-list and demonstration entries', () => {
    const withCase = records.filter((r) => r.case && visibilityOn(r, DATE).public);
    expect(withCase.filter((r) => r.list === 'black').length).toBeGreaterThanOrEqual(2);
    expect(withCase.some((r) => r.list === 'demo')).toBe(true);
    for (const r of withCase)
      expect(
        r.attachments.some((a) => a.kind === 'picture' && isPublicFile(a)),
        r.id,
      ).toBe(true);
  });

  it('spread over the batches 2024-Q1 to 2026-Q4', () => {
    const batches = new Set(records.map((r) => r.batch));
    for (const year of [2024, 2025, 2026])
      for (const q of [1, 2, 3, 4])
        expect(batches.has(`${year}-Q${q}`), `${year}-Q${q}`).toBe(true);
  });
});
