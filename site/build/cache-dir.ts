/**
 * Where Honghei keeps what it reuses between builds: `<cacheDir>/honghei/`, inside Astro's cache
 * folder (HONGHEI_CACHE_DIR, default node_modules/.astro), so CI keeps one folder for both.
 */
import { join, resolve } from 'node:path';
import { loadSiteSettings } from './settings.ts';

/** Honghei's cache folder for a project root (a relative HONGHEI_CACHE_DIR is taken from the root, as Astro does). */
export function hongheiCacheDir(root: string): string {
  return join(
    resolve(root, loadSiteSettings(process.env, root).cacheDir ?? 'node_modules/.astro'),
    'honghei',
  );
}
