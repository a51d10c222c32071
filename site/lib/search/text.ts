/**
 * How names and queries are compared: both are normalised the same way (NFKC, so full-width
 * letters and brackets equal half-width ones; upper case; no spaces), and a name is indexed by
 * every fragment of 1 to GRAM_MAX characters, so any fragment up to that length is found exactly.
 */

/** The longest name fragment stored in the index; longer queries are checked against the names. */
export const GRAM_MAX = 4;

/** A term that can be (the start of) a unified social credit code. */
export const CODE_TERM = /^[0-9A-Z]{2,18}$/;

/** The form names and query terms are compared in. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/gu, '');
}

/** The terms of a query: split at spaces, normalised, without repeats. */
export function queryTerms(query: string): string[] {
  const terms = query.normalize('NFKC').split(/[\s,，、;；]+/u).map(normalize).filter(Boolean);
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

/** The GRAM_MAX-character windows of a longer term: an entry whose name has the term has them all. */
export function termWindows(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length <= GRAM_MAX) return [term];
  const windows = new Set<string>();
  for (let i = 0; i + GRAM_MAX <= chars.length; i++) windows.add(chars.slice(i, i + GRAM_MAX).join(''));
  return [...windows];
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
