/**
 * Working days on China's official calendar (调休 included), from the chinese-days package. An
 * objection is processed within 3 working days of receipt (002, 异议处理). The package knows the
 * State Council's holiday notices only up to its last year; beyond that the calendar is unknown
 * (the notice for a year is published the November before), so a date there throws instead of
 * silently falling back to plain weekends.
 */
import { createRequire } from 'node:module';
import { addDays, type IsoDate } from '../content/schema/index.ts';

const require = createRequire(import.meta.url);
// The package's own data: which dates are holidays and which weekend days are working days.
const calendar = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string>; workdays: Record<string, string> };
const { isWorkday } = require('chinese-days') as { isWorkday(date: string): boolean };

/** The years the installed calendar covers. */
export const CALENDAR_YEARS: ReadonlySet<number> = new Set(Object.keys(calendar.holidays).map((d) => Number(d.slice(0, 4))));

/** Thrown for a date outside the calendar's data. */
export class CalendarRangeError extends Error {}

function assertCovered(date: IsoDate, what: string): void {
  const year = Number(date.slice(0, 4));
  if (!CALENDAR_YEARS.has(year)) {
    const last = Math.max(...CALENDAR_YEARS);
    throw new CalendarRangeError(
      `${what}: ${date} is beyond the official holiday calendar in chinese-days (it ends with ${last}); ` +
      `working days in ${year} cannot be known without the State Council's notice for that year — ` +
      'update the package (npm install chinese-days@latest) once the notice is out',
    );
  }
}

/** Whether a date is a working day on the official calendar. */
export function isWorkingDay(date: IsoDate): boolean {
  assertCovered(date, 'working day');
  return isWorkday(date);
}

/** The n-th working day after a date (the date itself not counted), e.g. an objection's deadline. */
export function workingDaysAfter(date: IsoDate, n: number): IsoDate {
  assertCovered(date, 'receipt date');
  let day = date;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    assertCovered(day, `the ${n}-working-day deadline counted from ${date}`);
    if (isWorkday(day)) counted++;
  }
  return day;
}
