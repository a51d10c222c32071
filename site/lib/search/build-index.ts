/**
 * Builds the exact-match search index from the public entries (Node only). Name fragments of 1–4
 * characters and every filter value map to posting lists; codes are kept sorted in blocks for
 * prefix look-ups; results are shown from small document shards. Every file is deterministic.
 */
import { createHash } from 'node:crypto';
import { ByteWriter } from './bytes.ts';
import {
  CODES_PER_BLOCK,
  DOCS_PER_SHARD,
  FILTER_KEYS,
  GRAM_SHARD_BYTES,
  indexFiles,
  NAMES_PER_SHARD,
  type DocTuple,
  type FilterKey,
  type IndexMeta,
  type SourceEntry,
  type SourceHeader,
} from './format.ts';
import { writePostings } from './postings.ts';
import { CODE_PREFIX_MIN, codePrefixKey, nameGrams, normalize, shardOf } from './text.ts';

/** The index as file contents by path (relative to the index folder). */
export type IndexFiles = Map<string, Uint8Array | string>;

const encoder = new TextEncoder();

function addTo(map: Map<string, number[]>, key: string, ordinal: number): void {
  const list = map.get(key);
  if (list) list.push(ordinal);
  else map.set(key, [ordinal]);
}

interface CodeRow {
  code: string;
  ordinal: number;
}

/** Every entry's code, sorted (then by ordinal). */
function sortedCodes(entries: readonly SourceEntry[]): CodeRow[] {
  const codes = entries.flatMap((e, ordinal) =>
    e.code ? [{ code: normalize(e.code), ordinal }] : [],
  );
  return codes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.ordinal - b.ordinal));
}

/** Code prefixes shared by at least CODE_PREFIX_MIN codes: runs of equal prefixes in the sorted codes. */
function commonPrefixes(codes: readonly CodeRow[], into: Map<string, number[]>): void {
  for (let n = 2; n < 18; n++) {
    for (let start = 0; start < codes.length;) {
      const prefix = codes[start]!.code.slice(0, n);
      let end = start + 1;
      while (end < codes.length && codes[end]!.code.startsWith(prefix)) end++;
      if (end - start >= CODE_PREFIX_MIN && prefix.length === n) {
        into.set(
          codePrefixKey(prefix),
          codes
            .slice(start, end)
            .map((c) => c.ordinal)
            .sort((a, b) => a - b),
        );
      }
      start = end;
    }
  }
}

/** Name fragments and common code prefixes → gram shards, each near GRAM_SHARD_BYTES. */
function gramFiles(
  entries: readonly SourceEntry[],
  codes: readonly CodeRow[],
  files: IndexFiles,
): number {
  const grams = new Map<string, number[]>();
  entries.forEach((e, ordinal) => {
    for (const g of nameGrams(normalize(e.name))) addTo(grams, g, ordinal);
  });
  commonPrefixes(codes, grams);
  const encoded: [string, Uint8Array][] = [];
  let total = 0;
  for (const key of [...grams.keys()].sort()) {
    const out = new ByteWriter();
    const keyBytes = encoder.encode(key);
    out.uint(keyBytes.length);
    out.bytes(keyBytes);
    writePostings(out, grams.get(key)!, entries.length);
    const bytes = out.finish();
    encoded.push([key, bytes]);
    total += bytes.length;
  }
  const shards = Math.max(1, Math.ceil(total / GRAM_SHARD_BYTES));
  const writers = Array.from({ length: shards }, () => new ByteWriter());
  for (const [key, bytes] of encoded) writers[shardOf(key, shards)]!.bytes(bytes);
  writers.forEach((w, i) => files.set(indexFiles.gram(i), w.finish()));
  return shards;
}

/** Codes sorted into blocks, front-coded; the directory holds each block's first code. */
function codeFiles(codes: readonly CodeRow[], files: IndexFiles): number {
  const firsts: string[] = [];
  for (let start = 0; start < codes.length; start += CODES_PER_BLOCK) {
    const block = codes.slice(start, start + CODES_PER_BLOCK);
    const out = new ByteWriter();
    out.uint(block.length);
    let prev = '';
    for (const { code, ordinal } of block) {
      let shared = 0;
      while (shared < prev.length && shared < code.length && prev[shared] === code[shared])
        shared++;
      const rest = encoder.encode(code.slice(shared));
      out.uint(shared);
      out.uint(rest.length);
      out.bytes(rest);
      out.uint(ordinal);
      prev = code;
    }
    files.set(indexFiles.codes(firsts.length), out.finish());
    firsts.push(block[0]!.code);
  }
  files.set(indexFiles.codeDirectory, JSON.stringify(firsts));
  return firsts.length;
}

/** Filter value → posting list, one small file each. */
function filterFiles(
  entries: readonly SourceEntry[],
  files: IndexFiles,
): Record<FilterKey, Record<string, number>> {
  const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, {}])) as Record<
    FilterKey,
    Record<string, number>
  >;
  for (const key of FILTER_KEYS) {
    const values = new Map<string, number[]>();
    entries.forEach((e, ordinal) => {
      for (const v of new Set(e.filters[key])) addTo(values, v, ordinal);
    });
    for (const [value, ordinals] of [...values].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!/^[a-z0-9][a-z0-9.-]*$/.test(value))
        throw new Error(
          `search index: filter ${key} has the value "${value}", which cannot be a file name; ids are lower-case letters, digits, dots and hyphens`,
        );
      const out = new ByteWriter();
      writePostings(out, ordinals, entries.length);
      files.set(indexFiles.filter(key, value), out.finish());
      counts[key][value] = ordinals.length;
    }
  }
  return counts;
}

/** Result documents and normalised names, in shards by ordinal. */
function docFiles(entries: readonly SourceEntry[], files: IndexFiles): void {
  for (let start = 0; start < entries.length; start += DOCS_PER_SHARD) {
    const tuples = entries.slice(start, start + DOCS_PER_SHARD).map((e): DocTuple => {
      const f = (k: FilterKey) => e.filters[k][0] ?? '';
      return [
        e.id,
        e.url,
        e.name,
        e.code ?? '',
        e.date,
        e.batch,
        e.sample ? 1 : 0,
        f('list'),
        f('category'),
        f('region'),
        f('kind'),
        f('status'),
      ];
    });
    files.set(indexFiles.docs(start / DOCS_PER_SHARD), JSON.stringify(tuples));
  }
  for (let start = 0; start < entries.length; start += NAMES_PER_SHARD) {
    const names = entries.slice(start, start + NAMES_PER_SHARD).map((e) => normalize(e.name));
    files.set(indexFiles.names(start / NAMES_PER_SHARD), names.join('\n'));
  }
}

/** Builds every file of the index from the public entries, newest first. */
export function buildSearchIndex(
  header: SourceHeader,
  entries: readonly SourceEntry[],
): IndexFiles {
  const files: IndexFiles = new Map();
  const codes = sortedCodes(entries);
  const gramShards = gramFiles(entries, codes, files);
  const codeBlocks = codeFiles(codes, files);
  const filters = filterFiles(entries, files);
  docFiles(entries, files);
  const hash = createHash('sha256');
  for (const [path, data] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
    hash.update(path).update(data);
  const meta: IndexMeta = {
    format: 1,
    version: hash.digest('hex').slice(0, 12),
    date: header.date,
    count: entries.length,
    gramShards,
    codeBlocks,
    filters,
    labels: header.labels,
  };
  files.set(indexFiles.meta, JSON.stringify(meta));
  return files;
}

/** The number of files of an index and their total size. */
export function indexBytes(files: IndexFiles): { files: number; bytes: number } {
  let bytes = 0;
  for (const data of files.values())
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
  return { files: files.size, bytes };
}
