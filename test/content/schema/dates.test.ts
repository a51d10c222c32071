import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  batchOf,
  batchRange,
  isIsoDate,
} from '../../../content/schema/dates.ts';
import { publicationDate } from '../../../content/schema/publication-date.ts';

describe('dates and batches', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-7-1')).toBe(false);
  });

  it('adds years and days across month, year and leap-day edges', () => {
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('maps quarters to their first and last day and back', () => {
    expect(batchRange('2026-Q1')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
    expect(batchRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(batchOf('2026-09-30')).toBe('2026-Q3');
    expect(batchOf('2026-10-01')).toBe('2026-Q4');
    expect(() => batchRange('2026Q3')).toThrow(/2026-Q3/);
  });

  it('takes the publication date from HONGHEI_DATE and refuses a malformed one', () => {
    expect(publicationDate({ HONGHEI_DATE: '2026-11-21' })).toBe('2026-11-21');
    expect(() => publicationDate({ HONGHEI_DATE: '21.11.2026' })).toThrow(/HONGHEI_DATE/);
    expect(isIsoDate(publicationDate({}))).toBe(true);
  });
});
