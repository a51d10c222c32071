/**
 * The search benchmark's query set and its known answers, computed from the generated records
 * (only those public on the build date, as on the site): 2–4 character fragments of names, full
 * credit codes, and code prefixes. The answer to a query is every public record whose name (or
 * code) contains (or starts with) it — what a person typing it expects to find.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isPublicOn, type HongheiRecord, type IsoDate } from '../../../content/schema/index.ts';
import { seededRandom } from '../../../content/schema/random.ts';

/** What the benchmark needs of a record. */
export interface IndexedRecord {
  id: string;
  name: string;
  code?: string;
  list: string;
  region: string;
}

export type QueryKind = 'name-2' | 'name-3' | 'name-4' | 'code-full' | 'code-prefix';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** Ids of every public record the query should find. */
  expected: string[];
}

/** Reads every record under a records folder and keeps those public on the date. */
export function loadPublicRecords(recordsDir: string, date: IsoDate): IndexedRecord[] {
  const files = readdirSync(recordsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const out: IndexedRecord[] = [];
  for (const file of files) {
    const data = parse(readFileSync(join(recordsDir, file), 'utf8')) as HongheiRecord;
    if (!isPublicOn(data, date)) continue;
    out.push({
      id: data.id,
      name: data.subject.name,
      code: data.subject.code?.toUpperCase(),
      list: data.list,
      region: data.region,
    });
  }
  return out;
}

// A fragment a person would type: Han characters, letters or digits, no brackets or spaces.
const TYPABLE = /^[\p{Script=Han}A-Za-z0-9]+$/u;

/** Builds `perKind` queries of each kind from the public records. */
export function buildQuerySet(
  records: readonly IndexedRecord[],
  perKind: number,
  seed: number,
): BenchQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const withCode = records.filter((r) => r.code);
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  const add = (kind: QueryKind, text: string, expected: string[]) => {
    if (seen.has(text)) return false;
    seen.add(text);
    queries.push({ kind, text, expected });
    return true;
  };

  for (const length of [2, 3, 4] as const) {
    for (let made = 0, tries = 0; made < perKind && tries < perKind * 50; tries++) {
      const name = [...pick(records).name];
      if (name.length < length) continue;
      const start = Math.floor(random() * (name.length - length + 1));
      const text = name.slice(start, start + length).join('');
      if (!TYPABLE.test(text)) continue;
      if (
        add(
          `name-${length}`,
          text,
          records.filter((r) => r.name.includes(text)).map((r) => r.id),
        )
      )
        made++;
    }
  }
  for (
    let made = 0, tries = 0;
    made < perKind && tries < perKind * 50 && withCode.length;
    tries++
  ) {
    const code = pick(withCode).code!;
    if (
      add(
        'code-full',
        code,
        withCode.filter((r) => r.code === code).map((r) => r.id),
      )
    )
      made++;
  }
  for (
    let made = 0, tries = 0;
    made < perKind && tries < perKind * 50 && withCode.length;
    tries++
  ) {
    const length = 4 + Math.floor(random() * 14); // 4..17 characters
    const prefix = pick(withCode).code!.slice(0, length);
    if (
      add(
        'code-prefix',
        prefix,
        withCode.filter((r) => r.code!.startsWith(prefix)).map((r) => r.id),
      )
    )
      made++;
  }
  return queries;
}

/** The record id a result URL points at: its last path segment, when that is a known id. */
export function idFromUrl(url: string, ids: ReadonlySet<string>): string | undefined {
  const segment = new URL(url, 'http://x').pathname.split('/').filter(Boolean).pop();
  return segment && ids.has(segment) ? segment : undefined;
}
