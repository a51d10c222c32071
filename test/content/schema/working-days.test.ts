import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarProblems,
  calendarWarnings,
  CalendarGapError,
  defaultCalendar,
  isWorkingDay,
  loadCalendarFiles,
  loadPublisher,
  pendingDeadlines,
  validateRepository,
  workingCalendarOf,
  WorkingCalendar,
} from '../../../content/schema/index.ts';
import { FICTIONAL_2027, fixtureDays } from '../calendar-fixture.ts';
import { recordWith } from '../record-fixture.ts';
import { tempRepo } from '../temp-repo.ts';

/** The 2026 arrangement as the State Council published it (the same days as chinese-days 1.5.7). */
const REAL_2026 = `year: 2026
notice:
  number: 国办发明电〔2025〕（测试用，文号从略）
  date: 2025-11-04
holidays:
  - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
  - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
  - { name: 清明节, from: 2026-04-04, to: 2026-04-06 }
  - { name: 劳动节, from: 2026-05-01, to: 2026-05-05 }
  - { name: 端午节, from: 2026-06-19, to: 2026-06-21 }
  - { name: 中秋节, from: 2026-09-25, to: 2026-09-27 }
  - { name: 国庆节, from: 2026-10-01, to: 2026-10-07 }
workdays:
  - { date: 2026-01-04, name: 元旦 }
  - { date: 2026-02-14, name: 春节 }
  - { date: 2026-02-28, name: 春节 }
  - { date: 2026-05-09, name: 劳动节 }
  - { date: 2026-09-20, name: 国庆节 }
  - { date: 2026-10-10, name: 国庆节 }
`;

describe('working days on the official calendar', () => {
  it('skips weekends and holidays and counts make-up workdays', () => {
    expect(addWorkingDays('2026-11-19', 3)).toBe('2026-11-24'); // Thursday → Tuesday
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday made a workday (调休)
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // across National Day
  });

  it('leaves a deadline pending when it reaches a day no known notice arranges, never guessing', () => {
    expect(() => addWorkingDays('2027-01-04', 3)).toThrow(CalendarGapError);
    expect(defaultCalendar().deadline('2026-12-30', 3)).toEqual({ pending: 2027 });
    // From 29 December the next year's notice may still arrange a day (2018-12-29 was made a working day by the 2019 notice).
    expect(defaultCalendar().deadline('2026-12-28', 3)).toEqual({ pending: 2027 });
    expect(defaultCalendar().deadline('2026-12-22', 3)).toEqual({ due: '2026-12-25' });
    expect(defaultCalendar().deadline('2027-03-10', 3)).toEqual({ pending: 2027 });
  });

  it("counts on a publisher's file for a year the package does not know", () => {
    const root = tempRepo({ 'content/calendar/2027.yaml': FICTIONAL_2027 });
    const calendar = workingCalendarOf(root);
    const received = '2026-12-30';
    const due = (calendar.deadline(received, 3) as { due: string }).due;
    // Against the fixture's own days: exactly 3 working days after receipt, the last one the due date.
    const { off, working } = fixtureDays(FICTIONAL_2027);
    const between: string[] = [];
    for (let d = addDays(received, 1); d <= due; d = addDays(d, 1)) if (working(d)) between.push(d);
    expect(between).toHaveLength(3);
    expect(between.at(-1)).toBe(due);
    expect(off.has('2027-01-01')).toBe(true);
    expect(due).toBe('2027-01-05'); // 31 Dec, (1 Jan off, 2–3 Jan weekend), 4 and 5 Jan
    expect(calendar.isWorkingDay('2027-01-31')).toBe(true); // a fictional make-up Sunday
    expect(calendar.deadline('2027-12-30', 3)).toEqual({ pending: 2028 });
  });
});

describe('the calendar files', () => {
  it('a year in both the package and a file must agree; the validator names each date that differs', () => {
    const agreeing = tempRepo({ 'content/calendar/2026.yaml': REAL_2026 });
    expect(calendarProblems(agreeing, 'zh')).toEqual([]);

    // National Day one day longer, and 10 October left out of the make-up working days.
    const text = REAL_2026.replace(
      'from: 2026-10-01, to: 2026-10-07',
      'from: 2026-10-01, to: 2026-10-08',
    ).replace('  - { date: 2026-10-10, name: 国庆节 }\n', '');
    const root = tempRepo({ 'content/calendar/2026.yaml': text });
    const problems = calendarProblems(root, 'zh');
    const lineOf = (s: string) => text.split('\n').findIndex((l) => l.includes(s)) + 1;
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.what}`)).toEqual([
      `content/calendar/2026.yaml:${lineOf('to: 2026-10-08')} holidays.6.from 2026-10-08 与 chinese-days 依赖包的 2026 年数据不一致：本文件为休息日，依赖包为工作日`,
      // Not in the file at all: pointed at the holidays, where it would be written.
      `content/calendar/2026.yaml:${lineOf('holidays:')} holidays 2026-10-10 与 chinese-days 依赖包的 2026 年数据不一致：本文件为休息日，依赖包为工作日`,
    ]);
    expect(validateRepository(root, { date: '2026-06-01' }).problems).toEqual(problems);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    // The publisher's file is what counts: the merge takes it over the package.
    expect(workingCalendarOf(root).isWorkingDay('2026-10-10')).toBe(false);
    expect(new WorkingCalendar().isWorkingDay('2026-10-10')).toBe(true);
  });

  it('says what is wrong with a bad file, where, and how to fix it', () => {
    const lineIn = (text: string, s: string) =>
      text.split('\n').findIndex((l) => l.includes(s)) + 1;
    // Format: an unknown key and an impossible date.
    const malformed = FICTIONAL_2027.replace('to: 2027-02-11', 'to: 2027-02-30').replace(
      'holidays:',
      'holiday_notes: 无\nholidays:',
    );
    // Rules: a weekday as a make-up working day, no New Year's Day.
    const wrongDays = FICTIONAL_2027.replace('date: 2027-01-31', 'date: 2027-02-01').replace(
      '  - name: 元旦\n    from: 2027-01-01\n    to: 2027-01-01\n',
      '',
    );
    const wrong2028 = wrongDays.replaceAll('2027', '2028');
    const root = tempRepo({
      'content/calendar/2027.yaml': malformed,
      'content/calendar/2028.yaml': wrong2028,
      'content/calendar/next.yaml': 'year: 2029\n',
    });
    const { problems, calendars } = loadCalendarFiles(root, 'zh');
    expect(calendars).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field} ${p.what} — ${p.fix}`)).toEqual([
      `content/calendar/2027.yaml:${lineIn(malformed, '2027-02-30')} holidays.1.to “2027-02-30”不是有效日期 — 写成 YYYY-MM-DD，如 2026-07-15`,
      `content/calendar/2027.yaml:${lineIn(malformed, 'holiday_notes')} holiday_notes 未知字段：holiday_notes — 删除或改正；这里允许的字段有：year, notice, holidays, workdays`,
      `content/calendar/2028.yaml:${lineIn(wrong2028, '2028-02-01')} workdays.0.date 调休上班日 2028-02-01 不是周六或周日 — 只列通知中写明“上班”的周六、周日；平常的工作日不用列`,
      `content/calendar/2028.yaml:${lineIn(wrong2028, 'holidays:')} holidays 没有 2028 年 1 月 1 日（元旦）的放假安排 — 每年的安排都有元旦：核对文件的年份，并照国务院办公厅关于该年部分节假日安排的通知补上`,
      'content/calendar/next.yaml:1  节假日安排文件名“next.yaml”不对 — 以年份命名，如 content/calendar/2027.yaml',
    ]);
  });
});

describe('the warning that next year is missing', () => {
  const publisher = (from = '11-01') => ({ calendar_warning_from: from });
  const known = (...years: number[]) => ({ years: new Set([2025, 2026, ...years]) });

  it('starts on the configured day (default 1 November) and stops once the file is added', () => {
    const root = tempRepo({});
    expect(loadPublisher(root).calendar_warning_from).toBe('11-01');
    expect(calendarWarnings(known(), publisher(), '2026-10-31', 'zh')).toEqual([]);
    const [warning, ...more] = calendarWarnings(known(), publisher(), '2026-11-01', 'zh');
    expect(more).toEqual([]);
    expect(warning).toMatchObject({
      file: 'content/calendar/2027.yaml',
      severity: 'warning',
      what: '尚未收录 2027 年的节假日安排',
    });
    expect(calendarWarnings(known(), publisher('12-01'), '2026-11-30', 'zh')).toEqual([]);
    expect(calendarWarnings(known(), publisher('12-01'), '2026-12-01', 'en')[0]?.what).toBe(
      'the 2027 holiday calendar is not in place yet',
    );
    expect(calendarWarnings(known(2027), publisher(), '2026-12-30', 'zh')).toEqual([]);
    // In a year the calendar does not know at all, that year is missing whatever the day.
    expect(calendarWarnings(known(), publisher(), '2027-01-10', 'zh').map((w) => w.file)).toEqual([
      'content/calendar/2027.yaml',
    ]);
  });
});

describe("an objection's deadline in the records", () => {
  const file = 'content/records/black/2026/2026q3-black-901.yaml';
  const withDue = (date: string, due: string) =>
    recordWith({
      history: [
        { status: 'listed', date: '2026-07-15' },
        { status: 'objection', date, due },
      ],
    });

  it("is checked against the publisher's working days", () => {
    expect(
      validateRepository(tempRepo({ [file]: withDue('2026-11-19', '2026-11-24') }), {
        date: '2026-11-21',
      }).problems,
    ).toEqual([]);
    const [problem] = validateRepository(
      tempRepo({ [file]: withDue('2026-11-19', '2026-11-22') }),
      { date: '2026-11-21', lang: 'zh' },
    ).problems;
    expect(problem).toMatchObject({ field: 'history.1.due', severity: 'error' });
    expect(problem?.fix).toContain('2026-11-24');
  });

  it('may be pending; the validator lists it, with its date once the calendar file is added', () => {
    const before = tempRepo({ [file]: withDue('2026-12-30', 'pending') });
    const waiting = validateRepository(before, { date: '2026-12-31' });
    expect(waiting.problems.find((p) => p.file === file)).toMatchObject({
      field: 'history.1.due',
      severity: 'warning',
      what: '异议办理时限待定：2027 年的节假日安排尚未收录',
    });
    expect(pendingDeadlines(waiting.records, workingCalendarOf(before), 3)).toEqual([
      { file, recordId: '2026q3-black-901', index: 1, received: '2026-12-30', waitsFor: 2027 },
    ]);

    const after = tempRepo({
      [file]: withDue('2026-12-30', 'pending'),
      'content/calendar/2027.yaml': FICTIONAL_2027,
    });
    const report = validateRepository(after, { date: '2026-12-31' });
    const expected = workingCalendarOf(after).addWorkingDays('2026-12-30', 3);
    expect(report.problems).toMatchObject([
      {
        file,
        field: 'history.1.due',
        severity: 'warning',
        what: `异议办理时限待定，按现已收录的节假日安排应为 ${expected}（2026-12-30 收到，3 个工作日）`,
      },
    ]);
    expect(pendingDeadlines(report.records, workingCalendarOf(after), 3)).toEqual([
      { file, recordId: '2026q3-black-901', index: 1, received: '2026-12-30', expected },
    ]);
  });

  it('anything but a date or pending is refused', () => {
    const [problem] = validateRepository(tempRepo({ [file]: withDue('2026-12-30', 'pendng') }), {
      date: '2026-12-31',
    }).problems;
    expect(problem).toMatchObject({
      field: 'history.1.due',
      severity: 'error',
      what: '“pendng”不是办理时限',
    });
  });
});

describe('the examples on the objections page', () => {
  it('are what the calendar says', () => {
    // The page computes its examples (ObjectionDue) with the sample's objection_working_days, 3.
    const html = readFileSync(join(inject('siteDir'), 'guide/objections/index.html'), 'utf8');
    const page = html.replace(/<[^>]+>/g, '');
    expect(page).toContain('收到异议后 3 个工作日内');
    expect(page).toContain('11 月 19 日（星期四）收到的异议，应在 2026年11月24日（星期二）');
    expect(addWorkingDays('2026-11-19', 3)).toBe('2026-11-24');
    expect(page).toContain('应在 2026年10月10日（星期六）前处理完毕');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(['2026-10-07', '2026-10-11'].map(isWorkingDay)).toEqual([false, false]);
    expect(['2026-10-08', '2026-10-09', '2026-10-10'].map(isWorkingDay)).toEqual([
      true,
      true,
      true,
    ]);
  });
});
