/**
 * What the validator says about the holiday calendar: wrong calendar files, a file that disagrees
 * with the chinese-days package on a year both hold, next year's calendar still missing from the
 * publisher's warning day on, and objection deadlines left pending (with their date once the
 * calendar knows it).
 */
import { calendarFile, loadCalendarFiles, type LoadedCalendar } from './calendar.ts';
import type { Publisher } from './config.ts';
import type { LoadedRecord } from './cross-record.ts';
import type { IsoDate } from './dates.ts';
import type { Lang } from './messages.ts';
import { problemAt, type Problem } from './problems.ts';
import { positionOf } from './source.ts';
import {
  fileDays,
  noticeWindow,
  packageCalendar,
  workingIn,
  WorkingCalendar,
  type CalendarSource,
} from './working-days.ts';

/** The value of an objection's `due` while the calendar of its year is not known. */
export const DUE_PENDING = 'pending';

/** The working calendar of a content root (its valid calendar files over the package). */
export function workingCalendarOf(root: string): WorkingCalendar {
  return new WorkingCalendar(loadCalendarFiles(root).calendars);
}

/** The days on which a publisher's file and the package disagree, for a year both hold. */
export function calendarDifferences(
  file: Pick<LoadedCalendar, 'year' | 'data'>,
  base: CalendarSource = packageCalendar(),
): { date: IsoDate; mine: boolean; theirs: boolean }[] {
  if (!base.years.has(file.year)) return [];
  const mine = fileDays(file);
  const { first, last } = noticeWindow(file.year);
  const dates = new Set([
    ...mine.keys(),
    ...[...base.days.keys()].filter((d) => d >= first && d <= last),
  ]);
  return [...dates]
    .sort()
    .filter((d) => base.years.has(Number(d.slice(0, 4))))
    .map((date) => ({ date, mine: workingIn(mine, date), theirs: workingIn(base.days, date) }))
    .filter((d) => d.mine !== d.theirs);
}

/** Where a date is written in a calendar file (its holiday's from, or its working day), else the holidays. */
function pathOfDate(file: LoadedCalendar, date: IsoDate): PropertyKey[] {
  const h = file.data.holidays.findIndex((x) => x.from <= date && date <= x.to);
  if (h >= 0) return ['holidays', h, 'from'];
  const w = file.data.workdays.findIndex((x) => x.date === date);
  return w >= 0 ? ['workdays', w, 'date'] : ['holidays'];
}

/** Next year's calendar (or this year's) missing, from the publisher's warning day on. */
export function calendarWarnings(
  calendar: Pick<WorkingCalendar, 'years'>,
  publisher: Pick<Publisher, 'calendar_warning_from'>,
  date: IsoDate,
  lang: Lang,
): Problem[] {
  const year = Number(date.slice(0, 4));
  const missing = [year, year + 1].filter(
    (y) =>
      !calendar.years.has(y) && (y === year || date.slice(5) >= publisher.calendar_warning_from),
  );
  return missing.map((y) => ({
    ...problemAt(
      { file: calendarFile(y) },
      [],
      'calendar_next_missing',
      { year: y, file: calendarFile(y) },
      lang,
      'warning',
    ),
  }));
}

/**
 * The calendar files' problems: wrong files, and disagreements with the package. (A missing year is
 * not a problem of the content: `npm run validate` and the build add calendarWarnings themselves.)
 */
export function calendarProblems(root: string, lang: Lang): Problem[] {
  const { calendars, problems } = loadCalendarFiles(root, lang);
  for (const file of calendars) {
    for (const d of calendarDifferences(file)) {
      const kind = (working: boolean) =>
        lang === 'zh' ? (working ? '工作日' : '休息日') : working ? 'a working day' : 'a day off';
      const path = pathOfDate(file, d.date);
      const { line, col } = positionOf(file.source, path);
      problems.push({
        ...problemAt(
          { file: file.file },
          path,
          'calendar_differs',
          { date: d.date, year: file.year, mine: kind(d.mine), theirs: kind(d.theirs) },
          lang,
        ),
        line,
        col,
      });
    }
  }
  return problems;
}

/** An objection whose deadline is pending, and its date once the calendar knows it. */
export interface PendingDeadline {
  file: string;
  recordId: string;
  index: number;
  received: IsoDate;
  expected?: IsoDate;
  waitsFor?: number;
}

/** The objections of the records whose `due` is pending. */
export function pendingDeadlines(
  records: readonly LoadedRecord[],
  calendar: WorkingCalendar,
  days: number,
): PendingDeadline[] {
  return records.flatMap(({ source, record }) =>
    record.history.flatMap((e, index) => {
      if (e.status !== 'objection' || e.due !== DUE_PENDING) return [];
      const d = calendar.deadline(e.date, days);
      return [
        {
          file: source.file,
          recordId: record.id,
          index,
          received: e.date,
          ...('due' in d ? { expected: d.due } : { waitsFor: d.pending }),
        },
      ];
    }),
  );
}

/** An objection's `due`: the configured number of working days after receipt, or pending while unknown. */
export function objectionDeadlineProblems(
  { source, record }: LoadedRecord,
  calendar: WorkingCalendar,
  days: number,
  lang: Lang,
): Problem[] {
  const problems: Problem[] = [];
  record.history.forEach((e, i) => {
    if (e.status !== 'objection' || !e.due) return;
    const d = calendar.deadline(e.date, days);
    const at = ['history', i, 'due'];
    if (e.due === DUE_PENDING) {
      if ('due' in d)
        problems.push(
          problemAt(
            source,
            at,
            'due_pending_known',
            { expected: d.due, date: e.date, days },
            lang,
            'warning',
          ),
        );
      else
        problems.push(
          problemAt(
            source,
            at,
            'due_pending',
            { year: d.pending, file: calendarFile(d.pending) },
            lang,
            'warning',
          ),
        );
    } else if ('pending' in d)
      problems.push(problemAt(source, at, 'calendar_gap', { year: d.pending }, lang, 'warning'));
    else if (d.due !== e.due)
      problems.push(
        problemAt(
          source,
          at,
          'objection_due',
          { due: e.due, date: e.date, days, expected: d.due },
          lang,
        ),
      );
  });
  return problems;
}

/** The pending deadlines as `npm run validate` lists them: each with its date, or the year it waits for. */
export function pendingText(pending: readonly PendingDeadline[], lang: Lang): string {
  const zh = lang === 'zh';
  const lines = pending.map((p) => {
    const at = `${p.file}  history.${p.index}.due  ${p.recordId}  ${zh ? `${p.received} 收到` : `received ${p.received}`}`;
    if (p.expected) return `${at}  → ${p.expected}`;
    return `${at}  → ${zh ? `待定（等待 ${calendarFile(p.waitsFor!)}）` : `pending (waits for ${calendarFile(p.waitsFor!)})`}`;
  });
  const head = zh
    ? `待定的异议办理时限（${pending.length} 项；已可计算的用 npm run review -- deadlines --write 写入）：`
    : `pending objection deadlines (${pending.length}; write the computable ones with npm run review -- deadlines --write):`;
  return [head, ...lines].join('\n');
}
