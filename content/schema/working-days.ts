/**
 * Working days on China's official calendar (holidays and 调休 make-up workdays), for the
 * objection deadline: "3 个工作日内" (002, 异议处理). The calendar comes from the chinese-days
 * package, which knows each year only once the State Council has announced it: a date in a year it
 * does not cover is refused loudly rather than guessed.
 */
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IsoDate } from './dates.ts';

const require = createRequire(import.meta.url);
const days = require('chinese-days') as { findWorkday: (delta: number, date: string) => string; isWorkday: (date: string) => boolean };

let covered: Set<number> | undefined;

/** The years whose holiday schedule the installed chinese-days knows. */
export function workingDayYears(): ReadonlySet<number> {
  if (!covered) {
    const dir = join(dirname(require.resolve('chinese-days')), 'years');
    covered = new Set(readdirSync(dir).flatMap((f) => (/^\d{4}\.json$/.test(f) ? [Number(f.slice(0, 4))] : [])));
  }
  return covered;
}

/** Thrown when a date falls in a year whose holidays are not known yet. */
export class CalendarGapError extends Error {
  readonly year: number;
  constructor(year: number, message: string) {
    super(message);
    this.year = year;
  }
}

function requireCovered(date: IsoDate) {
  const year = Number(date.slice(0, 4));
  if (!workingDayYears().has(year)) {
    throw new CalendarGapError(year, `the holiday calendar for ${year} is not known (chinese-days covers ${Math.min(...workingDayYears())}–${Math.max(...workingDayYears())}): update chinese-days once the State Council announces ${year}'s holidays`);
  }
}

/** True when the date is a working day (调休 workdays included, holidays excluded). */
export function isWorkingDay(date: IsoDate): boolean {
  requireCovered(date);
  return days.isWorkday(date);
}

/**
 * The date `count` working days after `date` (the day of receipt does not count), e.g. an objection
 * received on 2026-11-19 is due on 2026-11-24.
 */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  requireCovered(date);
  const due = days.findWorkday(count, date);
  requireCovered(due);
  return due;
}
