/**
 * Change files, so a platform syncs without diffing everything (after OpenSanctions' delta files):
 * ADD carries the new entry, MOD the entry as it is now, DEL only the id, the date and the reason
 * — a retired entry's name, code and facts are published nowhere.
 *
 * - Per quarterly batch (changes/<batch>.json): derived from the records' own dates, so every build
 *   can publish them: entries of the batch (ADD), status changes dated in the quarter (MOD), entries
 *   that left the lists in the quarter (DEL).
 * - Between builds (changes/latest.json): this build against the previous published records.json
 *   (HONGHEI_PREVIOUS_DATA), which also catches corrections that change no status.
 */
import {
  batchOf,
  batchRange,
  type IsoDate,
  type ListId,
  type Status,
} from '../../../content/schema/index.ts';
import type { Dataset, RetiredEntry, RetiredReason } from './dataset.ts';
import type { ExportEntry } from './entry.ts';

/** Why an entry left: the retirement reasons, plus a record withdrawn from the repository. */
export type RemovalReason = RetiredReason | 'withdrawn';

export const REMOVAL_REASON_NAMES: Record<RemovalReason, string> = {
  removed: '提前移出',
  revoked: '撤销',
  expired: '期满移出',
  ended: '公布期届满',
  withdrawn: '不再公布（记录已删除或改为尚未生效）',
};

/** One change. */
export type Change =
  | { op: 'ADD'; id: string; list: ListId; date: IsoDate; entry: ExportEntry }
  | {
      op: 'MOD';
      id: string;
      list: ListId;
      date: IsoDate;
      fields?: string[];
      events?: { status: Status; date: IsoDate }[];
      entry: ExportEntry;
    }
  | {
      op: 'DEL';
      id: string;
      list: ListId | string;
      date: IsoDate;
      reason: RemovalReason;
      reason_name: string;
      document_number?: string;
    };

/** How many changes of each kind. */
export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
}

/** changes/<batch>.json */
export interface BatchChangeFile {
  kind: 'batch';
  batch: string;
  period: { start: IsoDate; end: IsoDate };
  as_of: IsoDate;
  /** False while the quarter is still running on the publication date. */
  complete: boolean;
  counts: ChangeCounts;
  changes: Change[];
}

/** changes/latest.json */
export interface BuildChangeFile {
  kind: 'build';
  version: string;
  as_of: IsoDate;
  /** The previous published version this file leads from; null when none was given to the build. */
  base: { version: string; as_of: IsoDate } | null;
  counts: ChangeCounts;
  changes: Change[];
}

const OP_ORDER = { ADD: 0, MOD: 1, DEL: 2 };

function sortChanges(changes: Change[]): Change[] {
  return changes.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || OP_ORDER[a.op] - OP_ORDER[b.op] || a.id.localeCompare(b.id),
  );
}

function countsOf(changes: readonly Change[]): ChangeCounts {
  return {
    added: changes.filter((c) => c.op === 'ADD').length,
    changed: changes.filter((c) => c.op === 'MOD').length,
    removed: changes.filter((c) => c.op === 'DEL').length,
  };
}

function removal(r: RetiredEntry): Change {
  return {
    op: 'DEL',
    id: r.id,
    list: r.list,
    date: r.date,
    reason: r.reason,
    reason_name: REMOVAL_REASON_NAMES[r.reason],
    ...(r.document_number ? { document_number: r.document_number } : {}),
  };
}

/** The change file of every quarter that has a change, up to the publication date, by batch. */
export function batchChangeFiles(
  dataset: Pick<Dataset, 'asOf' | 'retired'>,
  entries: readonly ExportEntry[],
): Map<string, BatchChangeFile> {
  const byBatch = new Map<string, Change[]>();
  const add = (batch: string, change: Change) => {
    let list = byBatch.get(batch);
    if (!list) byBatch.set(batch, (list = []));
    list.push(change);
  };
  for (const entry of entries) {
    const r = entry.record;
    add(r.batch, { op: 'ADD', id: r.id, list: r.list, date: r.publication.start, entry });
    // Later status events, grouped by the quarter they happened in.
    const later = new Map<string, { status: Status; date: IsoDate }[]>();
    for (const e of r.history.slice(1)) {
      if (e.date > dataset.asOf) continue;
      const b = batchOf(e.date);
      if (b === r.batch) continue; // the ADD of this batch already carries the entry as it is now
      later.set(b, [...(later.get(b) ?? []), { status: e.status, date: e.date }]);
    }
    for (const [b, events] of later)
      add(b, { op: 'MOD', id: r.id, list: r.list, date: events.at(-1)!.date, events, entry });
  }
  for (const r of dataset.retired) add(batchOf(r.date), removal(r));

  const files = new Map<string, BatchChangeFile>();
  for (const batch of [...byBatch.keys()].sort()) {
    const changes = sortChanges(byBatch.get(batch)!);
    const period = batchRange(batch);
    files.set(batch, {
      kind: 'batch',
      batch,
      period,
      as_of: dataset.asOf,
      complete: dataset.asOf >= period.end,
      counts: countsOf(changes),
      changes,
    });
  }
  return files;
}

/** JSON with sorted keys, so two equal values give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields that differ between two versions of an entry (record fields as record.<field>). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  const out: string[] = [];
  const keys = (a: object, b: object) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys(before, after)) {
    const a = before[k];
    const b = after[k];
    if (k === 'record' && a && b && typeof a === 'object' && typeof b === 'object') {
      for (const f of keys(a, b)) {
        if (
          canonicalJson((a as Record<string, unknown>)[f]) !==
          canonicalJson((b as Record<string, unknown>)[f])
        )
          out.push(`record.${f}`);
      }
    } else if (canonicalJson(a) !== canonicalJson(b)) out.push(k);
  }
  return out;
}

/** A previously published version: its version and its entries by id. */
export interface PreviousData {
  version: string;
  as_of: IsoDate;
  entries: Map<string, Record<string, unknown> & { id: string; record?: { list?: string } }>;
}

/** The changes from the previous published version to this build. */
export function buildChangeFile(
  previous: PreviousData | undefined,
  entries: readonly ExportEntry[],
  retired: readonly RetiredEntry[],
  asOf: IsoDate,
  version: string,
): BuildChangeFile {
  if (!previous)
    return { kind: 'build', version, as_of: asOf, base: null, counts: countsOf([]), changes: [] };
  const changes: Change[] = [];
  const current = new Set<string>();
  for (const entry of entries) {
    current.add(entry.id);
    const before = previous.entries.get(entry.id);
    if (!before) {
      changes.push({
        op: 'ADD',
        id: entry.id,
        list: entry.record.list,
        date: entry.record.publication.start,
        entry,
      });
      continue;
    }
    const fields = changedFields(before, entry as unknown as Record<string, unknown>);
    if (fields.length)
      changes.push({ op: 'MOD', id: entry.id, list: entry.record.list, date: asOf, fields, entry });
  }
  const retiredById = new Map(retired.map((r) => [r.id, r]));
  for (const [id, before] of previous.entries) {
    if (current.has(id)) continue;
    const gone = retiredById.get(id);
    if (gone) changes.push(removal(gone));
    else {
      const reason = 'withdrawn';
      changes.push({
        op: 'DEL',
        id,
        list: before.record?.list ?? '',
        date: asOf,
        reason,
        reason_name: REMOVAL_REASON_NAMES[reason],
      });
    }
  }
  sortChanges(changes);
  return {
    kind: 'build',
    version,
    as_of: asOf,
    base: { version: previous.version, as_of: previous.as_of },
    counts: countsOf(changes),
    changes,
  };
}
