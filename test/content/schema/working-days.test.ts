import { describe, expect, it } from 'vitest';
import { addWorkingDays, CalendarGapError, isWorkingDay, validateRepository } from '../../../content/schema/index.ts';
import { sampleFile } from '../../fixtures/roots.ts';
import { recordWith } from '../record-fixture.ts';
import { tempRepo } from '../temp-repo.ts';

describe('working days on the official calendar', () => {
  it('skips weekends and holidays and counts make-up workdays', () => {
    expect(addWorkingDays('2026-11-19', 3)).toBe('2026-11-24'); // Thursday → Tuesday
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday made a workday (调休)
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // across National Day
  });

  it('refuses a year whose holidays are not known instead of guessing', () => {
    expect(() => addWorkingDays('2027-01-04', 3)).toThrow(CalendarGapError);
    expect(() => addWorkingDays('2026-12-30', 3)).toThrow(/2027/);
  });

  it("checks an objection's deadline against the publisher's working days", () => {
    const file = 'content/records/black/2026/2026q3-black-901.yaml';
    const withDue = (due: string) => recordWith({ history: [{ status: 'listed', date: '2026-07-15' }, { status: 'objection', date: '2026-11-19', due }] });
    expect(validateRepository(tempRepo({ [file]: withDue('2026-11-24') }), { date: '2026-11-21' }).problems).toEqual([]);
    const [problem] = validateRepository(tempRepo({ [file]: withDue('2026-11-22') }), { date: '2026-11-21', lang: 'zh' }).problems;
    expect(problem).toMatchObject({ field: 'history.1.due', severity: 'error' });
    expect(problem?.fix).toContain('2026-11-24');
  });
});

describe('the examples on the objections page', () => {
  it('are what the calendar says', async () => {
    const { readFileSync } = await import('node:fs');
    const page = readFileSync(sampleFile('pages/objections.mdx'), 'utf8');
    expect(page).toContain('11 月 19 日（星期四）收到的异议，应在 11 月 24 日');
    expect(addWorkingDays('2026-11-19', 3)).toBe('2026-11-24');
    expect(page).toContain('应在 10 月 10 日前处理完毕');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(['2026-10-07', '2026-10-11'].map(isWorkingDay)).toEqual([false, false]);
    expect(['2026-10-08', '2026-10-09', '2026-10-10'].map(isWorkingDay)).toEqual([true, true, true]);
  });
});
