/**
 * Counts of the public entries by list, category, region, batch, status and subject kind: one
 * computation behind the statistics page, its charts, statistics.json and the yearly report, so
 * the figures agree everywhere. Only public entries are counted (an inactive entry has no count).
 */
import {
  divisionName,
  LIST_NAMES,
  LISTS,
  regionFullName,
  STATUS_NAMES,
  SUBJECT_KIND_NAMES,
  visibilityOn,
  type Categories,
  type HongheiRecord,
  type IsoDate,
  type ListId,
  type Status,
} from '../../../content/schema/index.ts';
import { categoryName } from './entry.ts';

/** What is counted of an entry (a whole record will do; the yearly report passes no more than this). */
export type CountedEntry = Pick<HongheiRecord, 'list' | 'category' | 'region' | 'batch'> & {
  subject: Pick<HongheiRecord['subject'], 'kind'>;
  publication: Pick<HongheiRecord['publication'], 'start' | 'end'>;
  history: Pick<HongheiRecord['history'][number], 'status' | 'date'>[];
};

/** One counted group. */
export interface Count {
  key: string;
  name: string;
  count: number;
  /** The list, for counts broken down by list. */
  list?: ListId;
}

/** All the figures. */
export interface Statistics {
  as_of: IsoDate;
  total: number;
  by_list: Count[];
  by_category: Count[];
  by_region: Count[];
  by_batch: Count[];
  by_status: Count[];
  by_subject_kind: Count[];
}

/** The names of the figures' tables, in Chinese, in page order. */
export const TABLE_TITLES: Record<Exclude<keyof Statistics, 'as_of' | 'total'>, string> = {
  by_list: '按名单',
  by_category: '按列入类别',
  by_region: '按地区',
  by_batch: '按发布批次（季度）',
  by_status: '按状态',
  by_subject_kind: '按主体类型',
};

function tally(
  records: readonly CountedEntry[],
  keyOf: (r: CountedEntry) => { key: string; name: string; list?: ListId },
): Count[] {
  const counts = new Map<string, Count>();
  for (const r of records) {
    const k = keyOf(r);
    const id = `${k.list ?? ''}:${k.key}`;
    const c = counts.get(id);
    if (c) c.count++;
    else counts.set(id, { ...k, count: 1 });
  }
  return [...counts.values()];
}

const listOrder = (c: Count) => (c.list ? LISTS.indexOf(c.list) : -1);

/** An entry's status on a date; past the end of its period it has expired, whatever its history says. */
function statusAt(r: CountedEntry, date: IsoDate): Status {
  const v = visibilityOn(r, date);
  return !v.public && v.reason === 'ended' ? 'expired' : (v.status ?? 'listed');
}

/** Counts the entries as of a date (the public ones for the statistics page, a year's published ones for its report). */
export function statistics(
  records: readonly CountedEntry[],
  categories: Categories,
  asOf: IsoDate,
): Statistics {
  const byCount = (a: Count, b: Count) => b.count - a.count || a.key.localeCompare(b.key);
  return {
    as_of: asOf,
    total: records.length,
    by_list: LISTS.map((l) => ({
      key: l,
      name: LIST_NAMES[l].zh,
      list: l,
      count: records.filter((r) => r.list === l).length,
    })),
    by_category: tally(records, (r) => ({
      key: r.category,
      name: categoryName(categories, r),
      list: r.list,
    })).sort((a, b) => listOrder(a) - listOrder(b) || byCount(a, b)),
    by_region: tally(records, (r) => ({
      key: r.region,
      name: regionFullName(r.region) ?? divisionName(r.region) ?? r.region,
    })).sort(byCount),
    by_batch: tally(records, (r) => ({
      key: r.batch,
      name: r.batch.replace(/^(\d{4})-Q(\d)$/, '$1 年第 $2 季度'),
      list: r.list,
    })).sort((a, b) => a.key.localeCompare(b.key) || listOrder(a) - listOrder(b)),
    by_status: tally(records, (r) => {
      const s = statusAt(r, asOf);
      return { key: s, name: STATUS_NAMES[s].zh };
    }).sort(byCount),
    by_subject_kind: tally(records, (r) => ({
      key: r.subject.kind,
      name: SUBJECT_KIND_NAMES[r.subject.kind].zh,
    })).sort(byCount),
  };
}
