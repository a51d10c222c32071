/**
 * The static lookup by credit code: one small JSON file per code listed on the publication date,
 * /data/lookup/<code>.json, so another system asks "is this code listed?" with one GET and no
 * server. A code with no file (HTTP 404) is not on any list as of that date. The files are written
 * after the build by the open-data integration (integration.ts). A code's file carries no date, so
 * it changes only when its entries do; the date of the answers is in the one shared
 * /data/lookup/index.json (LookupIndex).
 */
import type { ExportEntry } from './entry.ts';

/** The answer for one listed code. */
export interface LookupAnswer {
  code: string;
  listed: true;
  /** Every public entry with this code (a code can be on two lists, e.g. a demonstration unit also on the red list). */
  entries: {
    id: string;
    list: string;
    list_name: string;
    status: string;
    status_name: string;
    name: string;
    category: string;
    category_name: string;
    batch: string;
    publication: { start: string; end: string };
    decision: { authority: string; document_number: string; date: string };
    url: string;
  }[];
}

/** /data/lookup/index.json: the date every lookup answer is true on, and how to ask. */
export interface LookupIndex {
  as_of: string;
  /** How many codes have a file. */
  codes: number;
  path: string;
  not_listed: 'HTTP 404';
}

/** The path of the lookup index (a name no 18-character code can take). */
export const LOOKUP_INDEX_PATH = '/data/lookup/index.json';

/** The lookup index of answers as of `asOf`. */
export function lookupIndex(asOf: string, codes: number): LookupIndex {
  return { as_of: asOf, codes, path: lookupPath('{code}'), not_listed: 'HTTP 404' };
}

/** The path of a code's lookup file. */
export function lookupPath(code: string): string {
  return `/data/lookup/${code}.json`;
}

/** The lookup answers of all listed codes, by code (codes are upper case, as the schema stores them). */
export function lookupAnswers(entries: readonly ExportEntry[]): Map<string, LookupAnswer> {
  const byCode = new Map<string, LookupAnswer>();
  for (const e of entries) {
    const r = e.record;
    const code = r.subject.code;
    if (!code) continue;
    let answer = byCode.get(code);
    if (!answer) byCode.set(code, (answer = { code, listed: true, entries: [] }));
    answer.entries.push({
      id: r.id,
      list: r.list,
      list_name: e.labels.list,
      status: e.status,
      status_name: e.labels.status,
      name: r.subject.name,
      category: r.category,
      category_name: e.labels.category,
      batch: r.batch,
      publication: { start: r.publication.start, end: r.publication.end },
      decision: {
        authority: r.decision.authority,
        document_number: r.decision.document_number,
        date: r.decision.date,
      },
      url: e.url,
    });
  }
  return byCode;
}
