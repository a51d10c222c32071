/**
 * The exact-match search engine, run in the browser and in tests alike. A query's terms are
 * matched against names (any fragment) and codes (any prefix); every matching public entry is
 * returned, never a sample of them, because each look-up reads a complete posting list.
 */
import { ByteReader } from './bytes.ts';
import {
  docFromTuple,
  DOCS_PER_SHARD,
  FILTER_KEYS,
  indexFiles,
  NAMES_PER_SHARD,
  type Doc,
  type DocTuple,
  type FilterKey,
  type IndexMeta,
} from './format.ts';
import { intersect, readPostings, union } from './postings.ts';
import { codePrefixKey, CODE_TERM, GRAM_MAX, queryTerms, shardOf, termWindows } from './text.ts';

/** Reads one index file (path relative to the index folder, plus a version query). */
export type IndexFetcher = (path: string) => Promise<Uint8Array>;

/** A query: free text (names and codes) and filters (values within a key are alternatives). */
export interface SearchQuery {
  q?: string;
  filters?: Partial<Record<FilterKey, readonly string[]>>;
}

const decoder = new TextDecoder();

export class SearchEngine {
  private cache = new Map<string, Promise<unknown>>();
  readonly meta: IndexMeta;
  private readonly fetcher: IndexFetcher;

  private constructor(meta: IndexMeta, fetcher: IndexFetcher) {
    this.meta = meta;
    this.fetcher = fetcher;
  }

  /** Opens the index: reads meta.json (never cached by version, so a new build is seen). */
  static async open(fetcher: IndexFetcher): Promise<SearchEngine> {
    const meta = JSON.parse(decoder.decode(await fetcher(indexFiles.meta))) as IndexMeta;
    if (meta.format !== 1)
      throw new Error(
        `search index format ${String(meta.format)} is not supported by this page; reload it`,
      );
    return new SearchEngine(meta, fetcher);
  }

  /** Reads and decodes a file once. */
  private load<T>(path: string, decode: (bytes: Uint8Array) => T): Promise<T> {
    let pending = this.cache.get(path) as Promise<T> | undefined;
    if (!pending) {
      pending = this.fetcher(`${path}?v=${this.meta.version}`).then(decode);
      this.cache.set(path, pending);
      pending.catch(() => this.cache.delete(path));
    }
    return pending;
  }

  private gramShard(shard: number): Promise<Map<string, Uint8Array>> {
    return this.load(indexFiles.gram(shard), (bytes) => {
      // Posting lists are decoded on demand: a shard holds many fragments, a query needs one.
      const map = new Map<string, Uint8Array>();
      const input = new ByteReader(bytes);
      while (!input.done) {
        const key = decoder.decode(input.bytes(input.uint()));
        const start = input.offset;
        readPostings(input, this.meta.count);
        map.set(key, bytes.subarray(start, input.offset));
      }
      return map;
    });
  }

  /** The entries with a key: a name fragment of at most GRAM_MAX characters, or a short code prefix. */
  private async gram(fragment: string): Promise<Uint32Array> {
    const postings = (await this.gramShard(shardOf(fragment, this.meta.gramShards))).get(fragment);
    return postings ? readPostings(new ByteReader(postings), this.meta.count) : new Uint32Array(0);
  }

  /** The entries among candidates whose normalised name contains the term (for long terms). */
  private async verifyNames(candidates: Uint32Array, term: string): Promise<Uint32Array> {
    const shards = [...new Set(Array.from(candidates, (o) => Math.floor(o / NAMES_PER_SHARD)))];
    const names = new Map<number, string[]>();
    await Promise.all(
      shards.map(async (s) =>
        names.set(s, await this.load(indexFiles.names(s), (b) => decoder.decode(b).split('\n'))),
      ),
    );
    return candidates.filter((o) =>
      names.get(Math.floor(o / NAMES_PER_SHARD))?.[o % NAMES_PER_SHARD]?.includes(term),
    );
  }

  /** The entries whose code starts with a prefix: a posting list when it is common, else the code blocks. */
  private async codePrefix(prefix: string): Promise<Uint32Array> {
    const common = (await this.gramShard(shardOf(codePrefixKey(prefix), this.meta.gramShards))).get(
      codePrefixKey(prefix),
    );
    if (common) return readPostings(new ByteReader(common), this.meta.count);
    if (this.meta.codeBlocks === 0) return new Uint32Array(0);
    const firsts = await this.load(
      indexFiles.codeDirectory,
      (b) => JSON.parse(decoder.decode(b)) as string[],
    );
    const end = `${prefix}\u007f`; // above every code character: the end of the prefix's range
    // Block i holds codes from firsts[i] up to firsts[i + 1] inclusive (a code can repeat across
    // lists, so a run of equal codes may span blocks): skip a block only when the next one starts
    // below the prefix.
    let lo = 0;
    while (lo + 1 < firsts.length && firsts[lo + 1]! < prefix) lo++;
    let hi = lo;
    while (hi + 1 < firsts.length && firsts[hi + 1]! < end) hi++;
    const found: number[] = [];
    for (let block = lo; block <= hi; block++) {
      const codes = await this.load(indexFiles.codes(block), decodeCodeBlock);
      for (const { code, ordinal } of codes) if (code.startsWith(prefix)) found.push(ordinal);
    }
    return Uint32Array.from(found).sort();
  }

  /** The entries a single term matches: a fragment of the name, or the start of the code. */
  private async term(term: string): Promise<Uint32Array> {
    let names: Uint32Array;
    if (Array.from(term).length <= GRAM_MAX) names = await this.gram(term);
    else {
      const lists = await Promise.all(termWindows(term).map((w) => this.gram(w)));
      const candidates = lists.reduce((a, b) => intersect(a, b));
      names = candidates.length ? await this.verifyNames(candidates, term) : candidates;
    }
    return CODE_TERM.test(term) ? union(names, await this.codePrefix(term)) : names;
  }

  private filter(key: FilterKey, value: string): Promise<Uint32Array> {
    if (!this.meta.filters[key]?.[value]) return Promise.resolve(new Uint32Array(0));
    return this.load(indexFiles.filter(key, value), (b) =>
      readPostings(new ByteReader(b), this.meta.count),
    );
  }

  /**
   * Every public entry matching the query, newest first (as ordinals). Terms are combined with
   * AND; values of one filter with OR; filters with AND. An empty query returns everything.
   */
  async search(query: SearchQuery): Promise<Uint32Array> {
    const sets: Promise<Uint32Array>[] = queryTerms(query.q ?? '').map((t) => this.term(t));
    for (const key of FILTER_KEYS) {
      const values = query.filters?.[key]?.filter(Boolean) ?? [];
      if (values.length)
        sets.push(
          Promise.all(values.map((v) => this.filter(key, v))).then((ls) =>
            ls.reduce((a, b) => union(a, b)),
          ),
        );
    }
    if (!sets.length) return Uint32Array.from({ length: this.meta.count }, (_, i) => i);
    const lists = await Promise.all(sets);
    return lists.sort((a, b) => a.length - b.length).reduce((a, b) => intersect(a, b));
  }

  /** The documents to show for some ordinals, in the order given. */
  async docs(ordinals: ArrayLike<number>): Promise<Doc[]> {
    const list = Array.from(ordinals);
    const shards = [...new Set(list.map((o) => Math.floor(o / DOCS_PER_SHARD)))];
    const loaded = new Map<number, DocTuple[]>();
    await Promise.all(
      shards.map(async (s) =>
        loaded.set(
          s,
          await this.load(indexFiles.docs(s), (b) => JSON.parse(decoder.decode(b)) as DocTuple[]),
        ),
      ),
    );
    return list.map((o) => {
      const tuple = loaded.get(Math.floor(o / DOCS_PER_SHARD))?.[o % DOCS_PER_SHARD];
      if (!tuple)
        throw new Error(`search index: no document for entry ${o}; the index files are incomplete`);
      return docFromTuple(o, tuple);
    });
  }

  /** The label of a filter value (a category's name, a region's full name). */
  label(key: FilterKey, value: string): string {
    return this.meta.labels[key]?.[value] ?? value;
  }
}

function decodeCodeBlock(bytes: Uint8Array): { code: string; ordinal: number }[] {
  const input = new ByteReader(bytes);
  const out: { code: string; ordinal: number }[] = [];
  let prev = '';
  for (let n = input.uint(); n > 0; n--) {
    const shared = input.uint();
    const code = prev.slice(0, shared) + decoder.decode(input.bytes(input.uint()));
    out.push({ code, ordinal: input.uint() });
    prev = code;
  }
  return out;
}
