/**
 * The one seeded random generator (mulberry32): the same seed gives the same numbers, so a
 * generated repository (scripts/generate.ts), a benchmark's query set (scripts/bench) and a recall
 * check (site/build/recall.ts) can be reproduced. Here, below the site, the bot and the scripts,
 * so that each may import it. Each generated record draws from its own stream, derived from the
 * seed and the record's index, so record i is the same whatever the count: generating N + 1
 * records adds one file to the N records of the same seed.
 */

/** Floats in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random source: floats in [0, 1) and helpers over them. */
export interface Random {
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  chance(p: number): boolean;
}

/** Mixes two 32-bit numbers into a well-spread 32-bit seed (a murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The random stream of one record: seededRandom seeded from (seed, index). */
export function randomFor(seed: number, index: number): Random {
  const next = seededRandom(mix(seed >>> 0, index >>> 0));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (choices) => {
      const total = choices.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, weight] of choices) if ((r -= weight) < 0) return value;
      return choices[choices.length - 1]![0];
    },
    chance: (p) => next() < p,
  };
  return random;
}
