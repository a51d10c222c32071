/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Records hold dates, never times: comparing the
 * strings compares the dates, and nothing depends on the machine's time zone.
 */

/** An ISO calendar date, e.g. 2026-07-15. */
export type IsoDate = string;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when the string is a real calendar date (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  // Arithmetic rather than Date: the validator calls this for every date of every record.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Adds whole years, keeping the day (29 February falls back to 28 February). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Adds days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** A publication batch: 2026-Q3 is July to September 2026 (每季发布). */
export const BATCH_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The first and last day of a quarterly batch. */
export function batchRange(batch: string): { start: IsoDate; end: IsoDate } {
  const m = BATCH_PATTERN.exec(batch);
  if (!m) throw new Error(`"${batch}" is not a batch: write the year and quarter, e.g. 2026-Q3`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const start = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const end = addDays(
    q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`,
    -1,
  );
  return { start, end };
}

/** The batch a date falls in. */
export function batchOf(date: IsoDate): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** The publisher's time zone: its days are China's days wherever the server runs. */
export const PUBLISHER_TIME_ZONE = 'Asia/Shanghai';

const CHINA_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: PUBLISHER_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as the publisher reads it: its day and minute in China, e.g. 2026-11-20 18:05. Every
 * date or time shown to a person (bot, CLIs, site) goes through here, never the server's zone or
 * UTC (an update at 01:00 in Beijing is the previous day in UTC).
 */
export function chinaDateTime(instant: Date | string | number): string {
  const at = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(at.getTime()))
    throw new Error(
      `"${String(instant)}" is not a point in time: expected an ISO timestamp such as 2026-11-20T10:00:00Z`,
    );
  const part = Object.fromEntries(CHINA_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The day in China of an instant. */
export function chinaDate(instant: Date | string | number): IsoDate {
  return chinaDateTime(instant).slice(0, 10);
}

/** The environment variable that fixes the publication date (builds, tests, the bot). */
export const DATE_VARIABLE = 'HONGHEI_DATE';

/** Why a value of HONGHEI_DATE is not a date, with the form to write (the site's settings reuse it). */
export function dateVariableError(value: string): string {
  return `${DATE_VARIABLE}="${value}" is not a date: write it as YYYY-MM-DD, e.g. ${DATE_VARIABLE}=2026-11-21`;
}
