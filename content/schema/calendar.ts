/**
 * The official holiday calendar as publisher data: one file per State Council notice
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知), content/calendar/YYYY.yaml, added by the publisher
 * as soon as the notice is out (normally in November of the year before). The file holds what the
 * notice says and nothing else: its number and date, each holiday's days, and the 调休 make-up
 * working days. Ordinary weekends are not listed. As in NateScarlet/holiday-cn, the year is the
 * notice's year, so a file may hold late-December days of the year before (the 2019 notice made
 * 2018-12-29 a working day).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { addDays, isIsoDate, type IsoDate } from './dates.ts';
import { renderMessage, type Lang } from './messages.ts';
import { describeIssue, type Problem } from './problems.ts';
import { report } from './report-issue.ts';
import { contentPaths, positionOf, readYaml, type YamlSource } from './source.ts';

/** No official holiday lasts longer: a longer span is a typo (the month, most often). */
export const MAX_HOLIDAY_DAYS = 14;

const isoDate = z
  .string()
  .describe('日期，YYYY-MM-DD')
  .superRefine((value, ctx) => {
    if (!isIsoDate(value)) report(ctx, [], 'invalid_date', { value });
  });

/** One holiday of the notice: consecutive days off, weekends inside the span included. */
export const calendarHolidaySchema = z.strictObject({
  name: z.string().trim().min(1).max(20).describe('节日名称，如 元旦、春节、国庆节'),
  from: isoDate.describe('放假第一天，如 2027-01-01'),
  to: isoDate.describe('放假最后一天（含当日）；只放一天时与 from 相同'),
});

/** One 调休 make-up working day: a Saturday or Sunday the notice makes a working day. */
export const calendarWorkdaySchema = z.strictObject({
  date: isoDate.describe('调休上班的日期（周六或周日），如 2027-02-20'),
  name: z.string().trim().min(1).max(20).describe('为哪个节日调休，如 春节'),
});

/** content/calendar/YYYY.yaml: one State Council notice on the year's holidays. */
export const calendarFileSchema = z.strictObject({
  year: z.number().int().min(2000).max(2200).describe('安排所属年份，与文件名相同，如 2027'),
  notice: z
    .strictObject({
      number: z
        .string()
        .trim()
        .min(4)
        .max(60)
        .describe('通知文号，如 国办发明电〔2026〕N号（照通知原文填写）'),
      date: isoDate.describe('通知发布日期'),
      title: z.string().trim().min(4).max(120).optional().describe('通知标题'),
      url: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe('通知原文链接（中国政府网 www.gov.cn）'),
    })
    .describe('国务院办公厅关于该年部分节假日安排的通知'),
  holidays: z
    .array(calendarHolidaySchema)
    .min(1)
    .describe('放假安排：每个节日一段连续日期（含其中的周末）'),
  workdays: z
    .array(calendarWorkdaySchema)
    .default([])
    .describe('调休上班日（通知中“上班”的周六、周日）'),
});

/** A calendar file as parsed. */
export type CalendarFile = z.infer<typeof calendarFileSchema>;

/** A valid calendar file with its source (for positions in later checks). */
export interface LoadedCalendar {
  year: number;
  file: string;
  data: CalendarFile;
  source: YamlSource;
}

/** The folder of calendar files, relative to a content root (the same root as publisher.yaml). */
export const calendarDir = (root: string) => join(contentPaths(root).content, 'calendar');

/** The path, relative to the root, of a year's calendar file. */
export const calendarFile = (year: number) => `content/calendar/${year}.yaml`;

/** Every day of a holiday span, in order. */
export function spanDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= to && days.length < 400; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Day of the week, 0 Sunday … 6 Saturday. */
export const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The schema of the mapping at a path (list indices skipped). */
const shapeAt = (path: readonly PropertyKey[]): Record<string, z.ZodType> => {
  const keys = path.filter((k) => typeof k !== 'number');
  if (keys.length === 0) return calendarFileSchema.shape;
  return (
    (
      {
        notice: calendarFileSchema.shape.notice.shape,
        holidays: calendarHolidaySchema.shape,
        workdays: calendarWorkdaySchema.shape,
      } as Record<string, Record<string, z.ZodType>>
    )[String(keys[0])] ?? {}
  );
};

/** The description of the field at a path. */
const descriptionAt = (path: readonly PropertyKey[]) => {
  const field = shapeAt(path.slice(0, -1))[String(path.at(-1))];
  return (
    field?.description ??
    (field as { unwrap?: () => z.ZodType } | undefined)?.unwrap?.().description ??
    ''
  );
};

/** The value at a path of parsed data. */
const valueAt = (data: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );

/** Schema issues as positioned problems, in the record's wording with the calendar's field names. */
function issueProblems(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
): Problem[] {
  return issues.flatMap((issue) => {
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => {
      const { line, col } = positionOf(source, path);
      const input = valueAt(source.data, path);
      const field = String(path.at(-1) ?? '');
      let text: { what: string; fix: string };
      if (issue.code === 'unrecognized_keys')
        text = renderMessage(
          'calendar_unknown_key',
          { key: field, allowed: Object.keys(shapeAt(path.slice(0, -1))).join(', ') },
          lang,
        );
      else if (issue.code === 'invalid_type' && path.length === 0)
        text = renderMessage('calendar_not_mapping', {}, lang);
      else if (issue.code === 'invalid_type')
        text = renderMessage(
          input === undefined ? 'calendar_missing' : 'calendar_wrong_type',
          { field, description: descriptionAt(path) },
          lang,
        );
      // Any other issue reads as it does in a record (the path only names no record field).
      else text = describeIssue(issue, lang, input, ['calendar', ...path]);
      return {
        file: source.file,
        line,
        col,
        field: path.join('.'),
        ...text,
        severity: 'error' as const,
      };
    });
  });
}

/** The rules a notice's dates follow, beyond each field's own format. */
function dateProblems(loaded: LoadedCalendar, lang: Lang): Problem[] {
  const { data, source, year } = loaded;
  const problems: Problem[] = [];
  const at = (
    path: PropertyKey[],
    key: Parameters<typeof renderMessage>[0],
    vars: Record<string, string | number>,
  ) => {
    const { line, col } = positionOf(source, path);
    problems.push({
      file: source.file,
      line,
      col,
      field: path.join('.'),
      ...renderMessage(key, vars, lang),
      severity: 'error',
    });
  };
  const first = `${year - 1}-12-01`;
  const last = `${year}-12-31`;
  const seen = new Map<IsoDate, string>();
  const inRange = (path: PropertyKey[], date: IsoDate) => {
    if (date < first || date > last) at(path, 'calendar_date_range', { date, year, first, last });
  };
  data.holidays.forEach((h, i) => {
    inRange(['holidays', i, 'from'], h.from);
    inRange(['holidays', i, 'to'], h.to);
    if (h.to < h.from)
      return at(['holidays', i, 'to'], 'calendar_span_reversed', { from: h.from, to: h.to });
    if (spanDays(h.from, h.to).length > MAX_HOLIDAY_DAYS)
      return at(['holidays', i, 'to'], 'calendar_span_long', {
        from: h.from,
        to: h.to,
        days: MAX_HOLIDAY_DAYS,
      });
    for (const d of spanDays(h.from, h.to)) {
      const other = seen.get(d);
      if (other) at(['holidays', i, 'from'], 'calendar_date_twice', { date: d, other });
      else seen.set(d, h.name);
    }
  });
  data.workdays.forEach((w, i) => {
    inRange(['workdays', i, 'date'], w.date);
    const other = seen.get(w.date);
    if (other) at(['workdays', i, 'date'], 'calendar_date_twice', { date: w.date, other });
    else seen.set(w.date, w.name);
    const day = weekday(w.date);
    if (day !== 0 && day !== 6)
      at(['workdays', i, 'date'], 'calendar_workday_weekday', { date: w.date });
  });
  // Every year's arrangement gives 1 January off: a file without it is most likely another year's.
  if (!data.holidays.some((h) => h.from <= `${year}-01-01` && `${year}-01-01` <= h.to))
    at(['holidays'], 'calendar_no_new_year', { year });
  if (data.year !== year)
    at(['year'], 'calendar_year_name', { year: data.year, name: `${year}.yaml` });
  return problems;
}

/** The calendar files of a content root and the problems of those that are wrong. */
export function loadCalendarFiles(
  root: string,
  lang: Lang = 'zh',
): { calendars: LoadedCalendar[]; problems: Problem[] } {
  const dir = calendarDir(root);
  if (!existsSync(dir)) return { calendars: [], problems: [] };
  const calendars: LoadedCalendar[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const file = `content/calendar/${name}`;
    const match = /^(\d{4})\.yaml$/.exec(name);
    if (!match) {
      problems.push({
        file,
        line: 1,
        col: 1,
        field: '',
        ...renderMessage('calendar_file_name', { name }, lang),
        severity: 'error',
      });
      continue;
    }
    const source = readYaml(root, file);
    if (source.doc.errors.length) {
      const e = source.doc.errors[0]!;
      const { line, col } = source.lines.linePos(e.pos[0]);
      problems.push({
        file,
        line,
        col,
        field: '',
        ...renderMessage(
          'yaml_syntax',
          { code: e.code, detail: e.message.split('\n')[0] ?? e.code },
          lang,
        ),
        severity: 'error',
      });
      continue;
    }
    const parsed = calendarFileSchema.safeParse(source.data);
    if (!parsed.success) {
      problems.push(...issueProblems(source, parsed.error.issues, lang));
      continue;
    }
    const loaded = { year: Number(match[1]), file, data: parsed.data, source };
    const wrong = dateProblems(loaded, lang);
    problems.push(...wrong);
    if (!wrong.length) calendars.push(loaded);
  }
  return { calendars, problems };
}
