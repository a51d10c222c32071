/**
 * Status histories for generated records: what happened to an entry between its start and the
 * reference date. Events never lie after that date, follow the schema's rules (objection before
 * maintained, nothing after removal, expiry the day after the end) and use the official calendar
 * for objection deadlines where it is known.
 */
import {
  addDays,
  addWorkingDays,
  CalendarGapError,
  type IsoDate,
  type ListId,
  type Status,
} from '../../content/schema/index.ts';
import type { Random } from '../../content/schema/random.ts';

interface Event {
  status: Status;
  date: IsoDate;
  note?: string;
  due?: IsoDate;
}

type Scenario =
  | 'listed'
  | 'maintained'
  | 'corrected'
  | 'objection-open'
  | 'revoked-after-objection'
  | 'removed'
  | 'repair-applied'
  | 'repaired'
  | 'demo-revoked';

const SCENARIOS: Record<ListId, readonly (readonly [Scenario, number])[]> = {
  red: [
    ['listed', 80],
    ['maintained', 5],
    ['corrected', 5],
    ['objection-open', 2],
    ['removed', 5],
    ['revoked-after-objection', 3],
  ],
  black: [
    ['listed', 66],
    ['maintained', 5],
    ['corrected', 5],
    ['objection-open', 2],
    ['repair-applied', 6],
    ['repaired', 13],
    ['revoked-after-objection', 3],
  ],
  demo: [
    ['listed', 85],
    ['demo-revoked', 8],
    ['corrected', 4],
    ['objection-open', 3],
  ],
};

const days = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function objection(date: IsoDate, workingDays: number): Event {
  const event: Event = { status: 'objection', date, note: '当事人对列入信息提出异议（示例）。' };
  try {
    event.due = addWorkingDays(date, workingDays);
  } catch (error) {
    if (!(error instanceof CalendarGapError)) throw error; // a year without a known calendar: no deadline written
  }
  return event;
}

/** The history of an entry from its start up to `today`. */
export function historyFor(
  list: ListId,
  start: IsoDate,
  end: IsoDate,
  today: IsoDate,
  workingDays: number,
  random: Random,
): Event[] {
  const events: Event[] = [{ status: 'listed', date: start }];
  const lastDay = end < today ? end : today;
  const span = days(start, lastDay);
  const scenario = span >= 30 ? random.weighted(SCENARIOS[list]) : 'listed';
  const at = (min: number, max: number) =>
    addDays(start, random.int(Math.min(min, span), Math.min(max, span)));

  switch (scenario) {
    case 'maintained':
    case 'corrected':
    case 'revoked-after-objection': {
      const date = at(1, span - 3);
      events.push(objection(date, workingDays));
      const note = {
        maintained: '经核查，异议不成立，维持列入。',
        corrected: '经核查，部分信息有误，已更正。',
        'revoked-after-objection': '经核查，原列入确有错误，予以撤销。',
      }[scenario];
      events.push({
        status: scenario === 'revoked-after-objection' ? 'revoked' : scenario,
        date: addDays(date, random.int(1, 2)),
        note,
      });
      break;
    }
    case 'objection-open':
      // Received in the last two days: still within its deadline on the reference date.
      if (end >= today) events.push(objection(addDays(today, -random.int(0, 1)), workingDays));
      break;
    case 'removed':
      events.push({
        status: 'removed',
        date: at(30, span),
        note: '公开期内发现违法失信行为，经查证属实，删除红榜信息。',
      });
      break;
    case 'repair-applied':
      events.push({
        status: 'repair-applied',
        date: at(Math.min(200, span), span),
        note: '已改正并提交信用承诺，申请提前移出。',
      });
      break;
    case 'repaired': {
      if (span < 60) break;
      const applied = at(Math.min(200, span - 30), span - 30);
      events.push({
        status: 'repair-applied',
        date: applied,
        note: '已改正并提交信用承诺，申请提前移出。',
      });
      events.push({
        status: 'removed',
        date: addDays(applied, random.int(5, Math.min(30, days(applied, lastDay)))),
        note: '经审查符合信用修复条件，提前移出。',
      });
      break;
    }
    case 'demo-revoked':
      events.push({
        status: 'revoked',
        date: at(30, span),
        note: '发生重大劳动保障违法行为，取消命名，收回铭牌。',
      });
      break;
    case 'listed':
      break;
  }
  const final = events.at(-1)!.status;
  const ended = final === 'removed' || (final === 'revoked' && list !== 'demo');
  const expiry = addDays(end, 1);
  if (!ended && expiry <= today)
    events.push({ status: 'expired', date: expiry, note: '公开期满，自动移出。' });
  return events;
}
