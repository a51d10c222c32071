/**
 * How names and queries are compared: both are normalised the same way (NFKC, so full-width
 * letters and brackets equal half-width ones; upper case; no spaces), and a name is indexed by
 * every fragment of 1 to GRAM_MAX characters, so any fragment up to that length is found exactly.
 */

/** The longest name fragment stored in the index; longer queries are checked against the names. */
export const GRAM_MAX = 4;

/** A term that can be (the start of) a unified social credit code. */
export const CODE_TERM = /^[0-9A-Z]{2,18}$/;

/**
 * A code prefix shared by at least this many entries is a posting list beside the name fragments
 * (9121…, the first characters every code of a region shares); a rarer one is found in the
 * sorted code blocks, where it covers fewer than this many codes — one or two small files.
 */
export const CODE_PREFIX_MIN = 64;

/** The index key of a code prefix: marked so it can never equal a name fragment. */
export const codePrefixKey = (prefix: string) => `\u0001${prefix}`;

/** The form names and query terms are compared in. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Cc}]+/gu, '');
}

/** The terms of a query: split at spaces, normalised, without repeats. */
export function queryTerms(query: string): string[] {
  const terms = query
    .normalize('NFKC')
    .split(/[\s,，、;；]+/u)
    .map(normalize)
    .filter(Boolean);
  return [...new Set(terms)];
}

/** Every fragment of a normalised name of 1 to GRAM_MAX characters (characters, not UTF-16 units). */
export function nameGrams(name: string): Set<string> {
  const chars = Array.from(name);
  const grams = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let gram = '';
    for (let n = 0; n < GRAM_MAX && i + n < chars.length; n++) {
      gram += chars[i + n];
      grams.add(gram);
    }
  }
  return grams;
}

/**
 * Windows of GRAM_MAX characters to look a longer term up by: the first, the middle and the last.
 * An entry whose name has the term has them all; the few candidates left are then checked
 * against their names, so three look-ups are enough however long the term.
 */
export function termWindows(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length <= GRAM_MAX) return [term];
  const last = chars.length - GRAM_MAX;
  const starts = [...new Set([0, Math.floor(last / 2), last])];
  return [...new Set(starts.map((i) => chars.slice(i, i + GRAM_MAX).join('')))];
}

/** The shard a fragment is stored in (FNV-1a over UTF-16 units; the same in Node and browsers). */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}
