/**
 * Cache keys for Astro's incremental build: a page whose key (and module graph) match the
 * previous build is restored instead of rendered. A key is a digest of exactly the values the
 * page renders from, serialised with sorted object keys so the same values always give the same
 * key, whatever order a YAML file or a Map listed them in.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level (Maps and Sets as sorted entry lists). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...v].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
    if (v instanceof Set) return [...v].sort();
    if (v && typeof v === 'object' && !Array.isArray(v))
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    return v;
  });
}

/** The cache key of a page: a SHA-256 digest of everything it renders from. */
export function cacheKeyOf(inputs: unknown): string {
  return createHash('sha256').update(stableJson(inputs)).digest('hex');
}
