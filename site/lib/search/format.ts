/**
 * The files of the exact-match search index (/search-data/), shared by the builder (Node) and
 * the engine (browser and tests). Only public entries ever reach it: the builder reads the same
 * public records as the records collection (site/lib/records-loader.ts).
 */

/** The filters an entry can be narrowed by; the same keys are Pagefind's filters. */
export const FILTER_KEYS = ['list', 'category', 'region', 'year', 'kind', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The folder of the index in the site's output. */
export const INDEX_DIR = 'search-data';
/** The build's handover file from Astro to the indexer; deleted once read. */
export const SOURCE_FILE = 'source.ndjson';

export const DOCS_PER_SHARD = 8;
export const NAMES_PER_SHARD = 128;
export const CODES_PER_BLOCK = 256;
/**
 * A gram shard's target size. A query reads one shard per term (three for a long term), so
 * small shards keep a first query small; the cost is more files (about 1 per 4 KB of index).
 */
export const GRAM_SHARD_BYTES = 4_000;

/** Paths of the index files, relative to INDEX_DIR. */
export const indexFiles = {
  meta: 'meta.json',
  gram: (shard: number) => `grams/${shard}.bin`,
  codeDirectory: 'codes/index.json',
  codes: (block: number) => `codes/${block}.bin`,
  docs: (shard: number) => `docs/${shard}.json`,
  names: (shard: number) => `names/${shard}.txt`,
  filter: (key: FilterKey, value: string) => `filters/${key}/${value}.bin`,
};

/** The date and the labels of every filter value. */
export interface SourceHeader {
  date: string;
  labels: Record<FilterKey, Record<string, string>>;
}

/** One public entry as the indexers need it (newest first). */
export interface SourceEntry {
  id: string;
  url: string;
  name: string;
  code?: string;
  date: string;
  batch: string;
  sample: boolean;
  /** Filter values; region includes the city and province. */
  filters: Record<FilterKey, string[]>;
  /** Everything a person may search for in the full text (Pagefind's content). */
  text: string;
}

/** meta.json: what the engine must know before it looks anything up. */
export interface IndexMeta {
  format: 1;
  /** Changes with the content; appended to file URLs so a browser never mixes two builds. */
  version: string;
  date: string;
  count: number;
  gramShards: number;
  codeBlocks: number;
  /** Entries per filter value, and the labels to show for values. */
  filters: Record<FilterKey, Record<string, number>>;
  labels: Record<FilterKey, Record<string, string>>;
}

/** What a result shows, as stored in docs/<shard>.json (a tuple keeps the files small). */
export type DocTuple = [
  id: string,
  url: string,
  name: string,
  code: string,
  date: string,
  batch: string,
  sample: 0 | 1,
  list: string,
  category: string,
  region: string,
  kind: string,
  status: string,
];

/** A result ready to show. */
export interface Doc {
  ordinal: number;
  id: string;
  url: string;
  name: string;
  code: string;
  date: string;
  batch: string;
  sample: boolean;
  list: string;
  category: string;
  region: string;
  kind: string;
  status: string;
}

export function docFromTuple(ordinal: number, t: DocTuple): Doc {
  const [id, url, name, code, date, batch, sample, list, category, region, kind, status] = t;
  return {
    ordinal,
    id,
    url,
    name,
    code,
    date,
    batch,
    sample: sample === 1,
    list,
    category,
    region,
    kind,
    status,
  };
}
