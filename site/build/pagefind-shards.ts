/**
 * How the entries' Pagefind index is split into bundles (shards), each indexed by a Pagefind
 * process of its own, one after another, so only one shard's index is ever in memory. Both the
 * split and the number of shards depend on the content only: a record's shard is a hash of its
 * id, and the count a power of two from the number of entries. So a changed record re-indexes
 * one shard, and two builds of the same content give the same bundles.
 */
import { createHash } from 'node:crypto';
import type { SourceEntry } from '../lib/search/format.ts';

/** Entries per shard the count aims at (a few thousand: a shard indexes in a few seconds). */
export const SHARD_SIZE = 2_500;

/** The folder of the entries' bundles in the site, and the file that lists them. */
export const ENTRY_FOLDER = 'pagefind';
export const BUNDLES_FILE = 'bundles.json';

/** /pagefind/bundles.json: the entries' bundles, the first loaded with import(), the rest merged. */
export interface BundlesFile {
  bundles: string[];
}

/** The number of shards for a number of entries: the power of two nearest entries / size, at least 1. */
export function shardCount(entries: number, size = SHARD_SIZE): number {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`the search shard size must be a whole number above 0, not ${size}`);
  const ratio = entries / size;
  return ratio <= 1 ? 1 : 2 ** Math.round(Math.log2(ratio));
}

/** The shard of an entry: the first 32 bits of the SHA-256 of its id, modulo the count. */
export function shardOf(id: string, count: number): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) % count;
}

/** A shard's folder name under /pagefind/. */
export const shardName = (shard: number, count: number) => `entries-${shard + 1}-of-${count}`;

/** One shard: its folder name and its entries, in the order of the whole list. */
export interface Shard {
  name: string;
  entries: SourceEntry[];
}

/** Splits the entries (newest first) into their shards; every shard is listed, even an empty one. */
export function splitEntries(entries: readonly SourceEntry[], size = SHARD_SIZE): Shard[] {
  const count = shardCount(entries.length, size);
  const shards = Array.from({ length: count }, (_, i) => ({
    name: shardName(i, count),
    entries: [] as SourceEntry[],
  }));
  for (const e of entries) shards[shardOf(e.id, count)]!.entries.push(e);
  return shards;
}

/** The text of bundles.json for the shards, in order. */
export function bundlesFile(shards: readonly Shard[]): string {
  const file: BundlesFile = { bundles: shards.map((s) => `/${ENTRY_FOLDER}/${s.name}/`) };
  return `${JSON.stringify(file)}\n`;
}
