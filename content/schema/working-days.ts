/**
 * Working days on China's official calendar (holidays and 调休 make-up working days), for the
 * objection deadline: "3 个工作日内" (002, 异议处理). Two sources, merged: the chinese-days package,
 * and the publisher's own files (content/calendar/YYYY.yaml, calendar.ts), which take precedence for
 * the days their notice arranges. A day is known only once the notice that arranges it is in one
 * of them: a deadline that reaches an unknown day is pending, never guessed.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spanDays, weekday, type LoadedCalendar } from './calendar.ts';
import { addDays, type IsoDate } from './dates.ts';

const require = createRequire(import.meta.url);

/** What the official calendar says of a listed day: off (a holiday) or work (a make-up working day). */
export type DayKind = 'off' | 'work';

/**
 * From this day of December on, a day can still be arranged by the next year's notice: the 2008
 * notice made 2007-12-29 a working day, the 2019 notice 2018-12-29, the 2012 notice 2011-12-31.
 */
export const NEXT_NOTICE_FROM = '12-29';

/** The days one notice arranges: from 29 December of the year before to 28 December. */
export const noticeWindow = (year: number) => ({
  first: `${year - 1}-${NEXT_NOTICE_FROM}`,
  last: addDays(`${year}-${NEXT_NOTICE_FROM}`, -1),
});

/** The year whose notice arranges a day. */
export const noticeYearOf = (date: IsoDate) =>
  Number(date.slice(0, 4)) + (date.slice(5) >= NEXT_NOTICE_FROM ? 1 : 0);

/** One source of official days: the years whose notices it holds, and the days they list. */
export interface CalendarSource {
  years: ReadonlySet<number>;
  days: ReadonlyMap<IsoDate, DayKind>;
}

let packaged: CalendarSource | undefined;

/** The chinese-days package's data (read once): its years, and its holidays and make-up days. */
export function packageCalendar(): CalendarSource {
  if (!packaged) {
    const dist = dirname(require.resolve('chinese-days'));
    const years = new Set(
      readdirSync(join(dist, 'years')).flatMap((f) =>
        /^\d{4}\.json$/.test(f) ? [Number(f.slice(0, 4))] : [],
      ),
    );
    const data = JSON.parse(readFileSync(join(dist, 'chinese-days.json'), 'utf8')) as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    const days = new Map<IsoDate, DayKind>();
    for (const d of Object.keys(data.holidays)) days.set(d, 'off');
    for (const d of Object.keys(data.workdays)) days.set(d, 'work');
    packaged = { years, days };
  }
  return packaged;
}

/** The days a publisher's calendar file lists. */
export function fileDays(calendar: Pick<LoadedCalendar, 'data'>): Map<IsoDate, DayKind> {
  const days = new Map<IsoDate, DayKind>();
  for (const h of calendar.data.holidays)
    for (const d of spanDays(h.from, h.to)) days.set(d, 'off');
  for (const w of calendar.data.workdays) days.set(w.date, 'work');
  return days;
}

/** Whether a day is a working day given what a source lists (a day not listed: Monday to Friday). */
export const workingIn = (days: ReadonlyMap<IsoDate, DayKind>, date: IsoDate) => {
  const kind = days.get(date);
  return kind ? kind === 'work' : weekday(date) !== 0 && weekday(date) !== 6;
};

/** Thrown when a day's status depends on a notice that is not known yet. */
export class CalendarGapError extends Error {
  readonly year: number;
  constructor(year: number, message: string) {
    super(message);
    this.year = year;
  }
}

/** A deadline: a date, or pending until the named year's notice is added. */
export type Deadline = { due: IsoDate } | { pending: number };

/** The official calendar of one content root: the package's data with the publisher's files over it. */
export class WorkingCalendar {
  /** The years whose notice is known, and which of them come from the publisher's files. */
  readonly years: ReadonlySet<number>;
  readonly fileYears: ReadonlySet<number>;
  private readonly days: Map<IsoDate, DayKind>;

  constructor(
    files: readonly Pick<LoadedCalendar, 'year' | 'data'>[] = [],
    base: CalendarSource = packageCalendar(),
  ) {
    const days = new Map(base.days);
    for (const file of files) {
      // A publisher's file replaces what the package says of the days its notice arranges.
      const { first, last } = noticeWindow(file.year);
      for (const d of [...days.keys()]) if (d >= first && d <= last) days.delete(d);
      for (const [d, kind] of fileDays(file)) days.set(d, kind);
    }
    this.days = days;
    this.fileYears = new Set(files.map((f) => f.year));
    this.years = new Set([...base.years, ...this.fileYears]);
  }

  /** The year whose missing notice leaves a day unknown, or undefined when the day is known. */
  missingYear(date: IsoDate): number | undefined {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) return year;
    const next = noticeYearOf(date);
    return this.years.has(next) ? undefined : next;
  }

  private gap(date: IsoDate): never {
    const year = this.missingYear(date)!;
    throw new CalendarGapError(
      year,
      `the official holidays of ${year} are not known (needed for ${date}): add content/calendar/${year}.yaml once the State Council publishes them`,
    );
  }

  /** True when the date is a working day (调休 working days included, holidays excluded). */
  isWorkingDay(date: IsoDate): boolean {
    if (this.missingYear(date) !== undefined) this.gap(date);
    return workingIn(this.days, date);
  }

  /**
   * The date `count` working days after `date` (the day of receipt does not count), e.g. an
   * objection received on 2026-11-19 is due on 2026-11-24. Throws CalendarGapError on an unknown day.
   */
  addWorkingDays(date: IsoDate, count: number): IsoDate {
    let day = date;
    for (let left = count; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** The deadline `count` working days after `date`, or pending with the year whose notice it waits for. */
  deadline(date: IsoDate, count: number): Deadline {
    try {
      return { due: this.addWorkingDays(date, count) };
    } catch (error) {
      if (error instanceof CalendarGapError) return { pending: error.year };
      throw error;
    }
  }
}

let packageOnly: WorkingCalendar | undefined;

/** The calendar of the chinese-days package alone (no content root: generated samples, examples). */
export const defaultCalendar = () => (packageOnly ??= new WorkingCalendar());

/** The years whose holiday schedule the installed chinese-days knows. */
export const workingDayYears = (): ReadonlySet<number> => packageCalendar().years;

/** True when the date is a working day on the package's calendar (see WorkingCalendar for a content root's). */
export const isWorkingDay = (date: IsoDate): boolean => defaultCalendar().isWorkingDay(date);

/** `count` working days after `date` on the package's calendar (see WorkingCalendar for a content root's). */
export const addWorkingDays = (date: IsoDate, count: number): IsoDate =>
  defaultCalendar().addWorkingDays(date, count);
