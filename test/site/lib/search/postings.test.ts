import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from '../../../../site/lib/search/bytes.ts';
import {
  intersect,
  readPostings,
  union,
  writePostings,
} from '../../../../site/lib/search/postings.ts';

function roundTrip(ordinals: number[], count: number): { back: number[]; size: number } {
  const out = new ByteWriter();
  writePostings(out, ordinals, count);
  const bytes = out.finish();
  const input = new ByteReader(bytes);
  const back = Array.from(readPostings(input, count));
  expect(input.done).toBe(true);
  return { back, size: bytes.length };
}

describe('posting lists', () => {
  it('round-trip sparse lists as gaps', () => {
    const list = [0, 5, 300, 70_000, 99_999];
    const { back, size } = roundTrip(list, 100_000);
    expect(back).toEqual(list);
    expect(size).toBeLessThan(20); // gaps, not a 12.5 KB bitset
  });

  it('round-trip dense lists as a bitset no larger than count / 8', () => {
    const list = Array.from({ length: 9000 }, (_, i) => i * 2 + (i % 3 === 0 ? 1 : 0));
    const { back, size } = roundTrip(list, 20_000);
    expect(back).toEqual(list);
    expect(size).toBeLessThanOrEqual(Math.ceil(20_000 / 8) + 3);
  });

  it('round-trip the empty list and the full list', () => {
    expect(roundTrip([], 10).back).toEqual([]);
    const all = Array.from({ length: 4097 }, (_, i) => i);
    expect(roundTrip(all, 4097).back).toEqual(all);
  });

  it('intersect and union sorted lists', () => {
    expect(Array.from(intersect([1, 3, 5, 7], [2, 3, 7, 9]))).toEqual([3, 7]);
    expect(Array.from(union([1, 3, 5], [2, 3, 9]))).toEqual([1, 2, 3, 5, 9]);
    expect(Array.from(intersect([], [1]))).toEqual([]);
  });

  it('reads numbers up to 2^32 - 1', () => {
    const out = new ByteWriter();
    for (const n of [0, 127, 128, 16_383, 16_384, 2 ** 32 - 1]) out.uint(n);
    const input = new ByteReader(out.finish());
    expect([0, 1, 2, 3, 4, 5].map(() => input.uint())).toEqual([
      0,
      127,
      128,
      16_383,
      16_384,
      2 ** 32 - 1,
    ]);
  });
});
