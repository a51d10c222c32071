/**
 * The Pagefind bundles of a build, through the cache of written bundles (bundle-cache.ts): the
 * entries' shards, indexed one after another before the Astro build, and the case and guide
 * pages after it. Each returns the files its folder of the site must hold, for syncFolder, so a
 * republish copies only the shards that changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceEntry } from '../lib/search/format.ts';
import { bundleKey, cachedBundle, type CachedBundle } from './bundle-cache.ts';
import {
  PAGEFIND_OPTIONS,
  pagefindRecord,
  writeArticleBundle,
  writeEntryBundle,
} from './pagefind-index.ts';
import { BUNDLES_FILE, bundlesFile, SHARD_SIZE, splitEntries } from './pagefind-shards.ts';
import type { FileContent } from '../lib/sync-folder.ts';

/** Bundles ready to be put into a folder of the site. */
export interface Bundles {
  /** Relative path in the folder → content. */
  files: Map<string, FileContent>;
  /** The cache keys used (the rest of the cache can go). */
  keys: string[];
  /** Bundles indexed by this build, and bundles taken from the cache. */
  indexed: number;
  reused: number;
}

/** Adds a cached bundle's files under a prefix. */
function addBundle(into: Bundles, key: string, bundle: CachedBundle, prefix: string): void {
  for (const f of bundle.files) into.files.set(`${prefix}${f}`, { copyFrom: join(bundle.dir, f) });
  into.keys.push(key);
  if (bundle.reused) into.reused++;
  else into.indexed++;
}

const empty = (): Bundles => ({ files: new Map(), keys: [], indexed: 0, reused: 0 });

/** The entries' shards and bundles.json, for the /pagefind/ folder. */
export async function entryBundles(
  entries: readonly SourceEntry[],
  cacheRoot: string,
  shardSize = SHARD_SIZE,
): Promise<Bundles> {
  const result = empty();
  const shards = splitEntries(entries, shardSize);
  // One after another: only one Pagefind index is in memory at a time.
  for (const shard of shards) {
    const key = bundleKey(
      PAGEFIND_OPTIONS,
      shard.entries.map((e) => JSON.stringify(pagefindRecord(e))),
    );
    const bundle = await cachedBundle(cacheRoot, key, (dir) =>
      writeEntryBundle(dir, shard.entries),
    );
    addBundle(result, key, bundle, `${shard.name}/`);
  }
  result.files.set(BUNDLES_FILE, bundlesFile(shards));
  return result;
}

/** The bundle of built HTML pages (URLs like /cases/x/ under outDir), for /pagefind-articles/. */
export async function articleBundle(
  outDir: string,
  urls: readonly string[],
  cacheRoot: string,
): Promise<Bundles> {
  const result = empty();
  if (!urls.length) return result;
  const key = bundleKey(
    { ...PAGEFIND_OPTIONS, html: true },
    urls.flatMap((url) => [url, readFileSync(join(outDir, url, 'index.html'), 'utf8')]),
  );
  const bundle = await cachedBundle(cacheRoot, key, (dir) => writeArticleBundle(dir, outDir, urls));
  addBundle(result, key, bundle, '');
  return result;
}
