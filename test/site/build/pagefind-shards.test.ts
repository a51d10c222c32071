/**
 * The split of the entries' Pagefind index into shards: the count depends on the number of
 * entries only, an entry's shard on its id only, and every entry is in exactly one shard.
 */
import { describe, expect, it } from 'vitest';
import {
  bundlesFile,
  shardCount,
  shardOf,
  SHARD_SIZE,
  splitEntries,
} from '../../../site/build/pagefind-shards.ts';
import type { SourceEntry } from '../../../site/lib/search/format.ts';

const entry = (id: string) => ({ id }) as SourceEntry;

describe('shard count', () => {
  it('is one shard for a small site and a power of two near entries / size for a large one', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(2_000)).toBe(1);
    expect(shardCount(SHARD_SIZE)).toBe(1);
    expect(shardCount(20_000)).toBe(8);
    expect(shardCount(100_000)).toBe(32);
    expect(shardCount(300, 60)).toBe(4);
  });

  it('refuses a shard size that is not a whole number above 0', () => {
    expect(() => shardCount(10, 0)).toThrow(/whole number above 0/);
  });
});

describe('shard of an entry', () => {
  it('is a pure function of its id (fixed values: a change would re-index every shard)', () => {
    const ids = ['2026q4-red-000545', '2026q4-black-000001', '2025q1-black-000100'];
    expect(ids.map((id) => shardOf(id, 8))).toEqual(ids.map((id) => shardOf(id, 8)));
    expect(ids.map((id) => shardOf(id, 8))).toMatchInlineSnapshot(`
      [
        4,
        3,
        6,
      ]
    `);
  });

  it('puts every entry in one shard, keeping their order, and spreads them evenly', () => {
    const entries = Array.from({ length: 4_000 }, (_, i) => entry(`2026q4-black-${i}`));
    const shards = splitEntries(entries, 1_000);
    expect(shards.map((s) => s.name)).toEqual([1, 2, 3, 4].map((i) => `entries-${i}-of-4`));
    const all = shards.flatMap((s) => s.entries);
    expect(all.length).toBe(entries.length);
    expect(new Set(all.map((e) => e.id)).size).toBe(entries.length);
    for (const s of shards) {
      expect(s.entries.length).toBeGreaterThan(850);
      expect(s.entries.length).toBeLessThan(1_150);
      const positions = s.entries.map((e) => entries.indexOf(e));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(JSON.parse(bundlesFile(shards))).toEqual({
      bundles: shards.map((s) => `/pagefind/${s.name}/`),
    });
  });
});
