import { describe, expect, it } from 'vitest';
import type { HongheiRecord, Status } from '../../../content/schema/index.ts';
import { isPublicOn, statusOn, visibilityOn } from '../../../content/schema/visibility.ts';

type Dated = Pick<HongheiRecord, 'list' | 'publication' | 'history'>;

const entry = (list: Dated['list'], events: [Status, string][] = []): Dated => ({
  list,
  publication: { start: '2026-07-15', end: '2029-07-14' },
  history: [
    { status: 'listed', date: '2026-07-15' },
    ...events.map(([status, date]) => ({ status, date })),
  ],
});

describe('whether an entry is public on a date', () => {
  it('is public from its start to its end, both included', () => {
    const e = entry('black');
    expect(visibilityOn(e, '2026-07-14')).toEqual({
      public: false,
      reason: 'not-yet',
      status: undefined,
    });
    expect(visibilityOn(e, '2026-07-15')).toEqual({ public: true, status: 'listed' });
    expect(visibilityOn(e, '2029-07-14')).toEqual({ public: true, status: 'listed' });
    expect(visibilityOn(e, '2029-07-15')).toEqual({
      public: false,
      reason: 'ended',
      status: 'listed',
    });
  });

  it('takes a status event into force on its own date', () => {
    const e = entry('black', [
      ['repair-applied', '2027-03-01'],
      ['removed', '2027-09-10'],
    ]);
    expect(statusOn(e, '2027-02-28')).toBe('listed');
    expect(statusOn(e, '2027-03-01')).toBe('repair-applied');
    expect(isPublicOn(e, '2027-03-01')).toBe(true); // applying does not hide the entry
    expect(isPublicOn(e, '2027-09-09')).toBe(true);
    expect(visibilityOn(e, '2027-09-10')).toEqual({
      public: false,
      reason: 'status',
      status: 'removed',
    });
  });

  it('keeps an entry public under objection and after it is maintained or corrected', () => {
    const e = entry('red', [
      ['objection', '2026-08-03'],
      ['corrected', '2026-08-05'],
    ]);
    for (const day of ['2026-08-03', '2026-08-04', '2026-08-05', '2027-01-01'])
      expect(isPublicOn(e, day), day).toBe(true);
  });

  it('hides a revoked red- or black-list entry but keeps a revoked demonstration unit as a notice', () => {
    for (const list of ['red', 'black'] as const) {
      const e = entry(list, [['revoked', '2027-05-20']]);
      expect(isPublicOn(e, '2027-05-19'), list).toBe(true);
      expect(isPublicOn(e, '2027-05-20'), list).toBe(false);
    }
    const demo = entry('demo', [['revoked', '2027-05-20']]);
    expect(visibilityOn(demo, '2027-05-20')).toEqual({ public: true, status: 'revoked' });
    expect(isPublicOn(demo, '2029-07-15')).toBe(false); // until its period ends
  });

  it('hides an entry from the day it expires, whatever its end date says', () => {
    const e = entry('black', [['expired', '2029-07-15']]);
    expect(isPublicOn(e, '2029-07-14')).toBe(true);
    expect(isPublicOn(e, '2029-07-15')).toBe(false);
  });

  it('is not public before its first status, even inside the period', () => {
    const e: Dated = {
      list: 'red',
      publication: { start: '2026-07-15', end: '2029-07-14' },
      history: [{ status: 'listed', date: '2026-07-20' }],
    };
    expect(visibilityOn(e, '2026-07-16')).toEqual({
      public: false,
      reason: 'not-yet',
      status: undefined,
    });
    expect(isPublicOn(e, '2026-07-20')).toBe(true);
  });
});
