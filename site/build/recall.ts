/**
 * Recall of name and code searches against known answers: for sampled public entries, queries
 * of the kinds people type (2–4 character name fragments, the whole name, the whole code, the
 * code's first characters); the expected answer of each is every public entry that matches,
 * computed here by brute force from the records themselves.
 */
import { seededRandom } from '../../content/schema/random.ts';
import type { SearchEngine } from '../lib/search/engine.ts';
import { normalize } from '../lib/search/text.ts';

/** What a query is checked against: a public entry's id, name and code. */
export interface KnownEntry {
  id: string;
  name: string;
  code?: string;
}

export const QUERY_KINDS = [
  'name-2',
  'name-3',
  'name-4',
  'name-full',
  'code-full',
  'code-prefix-6',
  'code-prefix-10',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface RecallQuery {
  kind: QueryKind;
  query: string;
  expected: string[];
}

/** Every entry a query must find: its name contains the query, or its code starts with it. */
export function expectedMatches(entries: readonly KnownEntry[], query: string): string[] {
  const q = normalize(query);
  return entries
    .filter(
      (e) =>
        normalize(e.name).includes(q) || (e.code !== undefined && normalize(e.code).startsWith(q)),
    )
    .map((e) => e.id)
    .sort();
}

/** Queries for `samples` entries of each kind, with their expected answers. */
export function recallQueries(
  entries: readonly KnownEntry[],
  samples: number,
  seed = 1,
): RecallQuery[] {
  const random = seededRandom(seed);
  const pick = () => entries[Math.floor(random() * entries.length)]!;
  const queries: RecallQuery[] = [];
  for (const kind of QUERY_KINDS) {
    for (let i = 0; i < samples && entries.length; i++) {
      const e = pick();
      const chars = Array.from(e.name);
      let query: string | undefined;
      if (kind.startsWith('name-') && kind !== 'name-full') {
        const n = Number(kind.slice(5));
        if (chars.length < n) continue;
        const start = Math.floor(random() * (chars.length - n + 1));
        query = chars.slice(start, start + n).join('');
      } else if (kind === 'name-full') query = e.name;
      else if (e.code)
        query = kind === 'code-full' ? e.code : e.code.slice(0, Number(kind.split('-').pop()));
      if (query === undefined || !query.trim()) continue;
      queries.push({ kind, query, expected: expectedMatches(entries, query) });
    }
  }
  return queries;
}

export interface RecallRow {
  kind: QueryKind;
  queries: number;
  /** Expected results found, over all expected results. */
  recall: number;
  /** Queries whose result was exactly the expected set. */
  exact: number;
  /** Results that were not expected (should be none). */
  extra: number;
  missed: { query: string; missing: string[] }[];
}

/** Runs the queries through the exact-match engine and compares with the known answers. */
export async function measureRecall(
  engine: SearchEngine,
  queries: readonly RecallQuery[],
): Promise<RecallRow[]> {
  const rows = new Map<QueryKind, RecallRow & { found: number; wanted: number }>();
  for (const q of queries) {
    const row = rows.get(q.kind) ?? {
      kind: q.kind,
      queries: 0,
      recall: 0,
      exact: 0,
      extra: 0,
      missed: [],
      found: 0,
      wanted: 0,
    };
    rows.set(q.kind, row);
    const ids = new Set((await engine.docs(await engine.search({ q: q.query }))).map((d) => d.id));
    const missing = q.expected.filter((id) => !ids.has(id));
    row.queries++;
    row.wanted += q.expected.length;
    row.found += q.expected.length - missing.length;
    row.extra += ids.size - (q.expected.length - missing.length);
    if (!missing.length && ids.size === q.expected.length) row.exact++;
    if (missing.length && row.missed.length < 5)
      row.missed.push({ query: q.query, missing: missing.slice(0, 5) });
  }
  return [...rows.values()].map(({ found, wanted, ...row }) => ({
    ...row,
    recall: wanted ? found / wanted : 1,
  }));
}
