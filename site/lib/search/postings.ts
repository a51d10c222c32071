/**
 * Posting lists: the sorted ordinals of the entries that have a key (a name fragment, a filter
 * value). An ordinal is an entry's place in the newest-first order, so a sorted list is already
 * sorted by date. Each list is stored as gaps or as a bitset, whichever is smaller.
 */
import { ByteReader, ByteWriter, uintSize } from './bytes.ts';

/** Appends a sorted list of distinct ordinals below `count`. */
export function writePostings(out: ByteWriter, ordinals: readonly number[], count: number): void {
  const bitsetSize = Math.ceil(count / 8);
  let gapsSize = 0;
  let prev = -1;
  for (const o of ordinals) {
    gapsSize += uintSize(o - prev - 1);
    prev = o;
  }
  if (bitsetSize < gapsSize) {
    out.uint((ordinals.length << 1) | 1);
    const bits = new Uint8Array(bitsetSize);
    for (const o of ordinals) bits[o >>> 3]! |= 1 << (o & 7);
    out.bytes(bits);
  } else {
    out.uint(ordinals.length << 1);
    prev = -1;
    for (const o of ordinals) {
      out.uint(o - prev - 1);
      prev = o;
    }
  }
}

/** Reads a list written by writePostings. */
export function readPostings(input: ByteReader, count: number): Uint32Array {
  const head = input.uint();
  const length = Math.floor(head / 2);
  const result = new Uint32Array(length);
  if (head & 1) {
    const bits = input.bytes(Math.ceil(count / 8));
    let n = 0;
    for (let i = 0; i < bits.length && n < length; i++) {
      const byte = bits[i]!;
      if (byte === 0) continue;
      for (let b = 0; b < 8; b++) if (byte & (1 << b)) result[n++] = i * 8 + b;
    }
  } else {
    let prev = -1;
    for (let i = 0; i < length; i++) result[i] = prev = prev + 1 + input.uint();
  }
  return result;
}

/** The ordinals in both sorted lists. */
export function intersect(a: ArrayLike<number>, b: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0,
    j = 0,
    n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!,
      y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.slice(0, n);
}

/** The ordinals in either sorted list. */
export function union(a: ArrayLike<number>, b: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0,
    j = 0,
    n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity,
      y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) {
      out[n++] = x;
      i++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  return out.slice(0, n);
}
