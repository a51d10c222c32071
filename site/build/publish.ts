/**
 * Publishing, in steps that each hold only their own memory: the public entries are read once;
 * Pagefind indexes them in shards, one process at a time (each ends when its bundle is written),
 * into the cache of written bundles, which a republish reuses for unchanged shards; Astro renders
 * the pages from the same validated records; then the exact-match index of names and codes
 * (search-data/), the entries' shards (pagefind/) and a small bundle of the case and guide pages
 * (pagefind-articles/) are put into the built site, each folder made to hold exactly this build's
 * files (sync-folder.ts). Any indexing error is fatal: a site whose search silently lost entries
 * must not be published.
 */
import { build } from 'astro';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSearchIndex, indexBytes } from '../lib/search/build-index.ts';
import { publicationDate, resolveContentRoot } from '../../content/schema/index.ts';
import { INDEX_DIR } from '../lib/search/format.ts';
import { pruneBundles } from './bundle-cache.ts';
import { ARTICLE_BUNDLE } from './pagefind-index.ts';
import { ENTRY_FOLDER } from './pagefind-shards.ts';
import { articleBundle, entryBundles } from './search-bundles.ts';
import { hongheiCacheDir } from './cache-dir.ts';
import { loadSearchSource } from './search-source.ts';
import { syncFolder } from '../lib/sync-folder.ts';

export interface PublishOptions {
  /** Project root (holds astro.config.mjs and site/). */
  root: string;
  /** The folder holding content/; default the project root. */
  contentRoot?: string;
  /** Output folder; default dist/. */
  outDir?: string;
  /** Publication date (YYYY-MM-DD); default HONGHEI_DATE or today in China. */
  date?: string;
  /** Called with each finished step and its duration, for progress output. */
  onStep?: (step: string, seconds: number) => void;
  /** Entries per Pagefind shard the shard count aims at (default SHARD_SIZE; small in tests). */
  shardSize?: number;
}

export interface PublishResult {
  outDir: string;
  /** Public entries in the site and its indexes. */
  entries: number;
  /** Records in Pagefind's index (entries plus case and guide pages). */
  pages: number;
  /** Files and bytes of the exact-match index. */
  searchIndex: { files: number; bytes: number };
  /** The entries' Pagefind shards, and how many of them this build indexed (not from the cache). */
  shards: { count: number; indexed: number };
}

/** The case and guide pages of a built site, as URLs (Pagefind indexes them as HTML). */
function articlePages(outDir: string): string[] {
  return ['cases', 'guide'].flatMap((section) => {
    const dir = join(outDir, section);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
      .map((d) => `/${section}/${d.name}/`)
      .sort();
  });
}

/** Whether a process is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The folder for builds' temporary files, inside the project (node_modules/.honghei-builds).
 * Each build's files are named after its process, so what a killed build left is removed here.
 */
function buildsFolder(root: string): string {
  const dir = join(root, 'node_modules', '.honghei-builds');
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const pid = Number(/^[a-z]+-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid))
      rmSync(join(dir, name), { recursive: true, force: true });
  }
  return dir;
}

/**
 * Runs the Astro build from a private working folder. When the output folder is outside the
 * working folder, Astro writes its server chunks to `<cwd>/.astro/.prerender/` and deletes that
 * folder afterwards: two builds started from the same folder (a test run, a benchmark, a person)
 * would delete each other's chunks. The private folder sits inside the project's node_modules,
 * so the chunks still resolve the project's packages.
 */
async function astroBuild(root: string): Promise<void> {
  const previous = process.cwd();
  const work = mkdtempSync(join(buildsFolder(root), `build-${process.pid}-`));
  process.chdir(work);
  try {
    await build({ root, logLevel: 'warn' });
  } finally {
    process.chdir(previous);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the site and its search indexes. */
export async function publish({
  root,
  contentRoot,
  outDir,
  date,
  onStep,
  shardSize,
}: PublishOptions): Promise<PublishResult> {
  if (date) process.env.HONGHEI_DATE = date;
  if (outDir) process.env.HONGHEI_OUT_DIR = resolve(outDir);
  const content = resolveContentRoot({ root: contentRoot, projectRoot: root });
  process.env.HONGHEI_CONTENT_ROOT = content;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const out = outDir ? resolve(outDir) : join(root, 'dist');
  let started = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    onStep?.(name, (now - started) / 1000);
    started = now;
  };

  const cache = hongheiCacheDir(root);
  const { header, entries } = await loadSearchSource(
    content,
    publicationDate(),
    join(cache, 'validation.json'),
  );
  step('public entries');
  const exactIndex = buildSearchIndex(header, entries);
  step('exact-match index');
  // Indexed into the cache, which Astro leaves alone; put into the site after the build.
  const cacheRoot = join(cache, 'pagefind');
  const shards = await entryBundles(entries, cacheRoot, shardSize);
  step('pagefind: entries');
  await astroBuild(root);
  step('astro build');
  syncFolder(join(out, INDEX_DIR), exactIndex);
  syncFolder(join(out, ENTRY_FOLDER), shards.files);
  const urls = articlePages(out);
  const articles = await articleBundle(out, urls, cacheRoot);
  syncFolder(join(out, ARTICLE_BUNDLE), articles.files);
  pruneBundles(cacheRoot, [...shards.keys, ...articles.keys]);
  step('pagefind: case and guide pages; writing the indexes');
  return {
    outDir: out,
    entries: entries.length,
    pages: entries.length + urls.length,
    searchIndex: indexBytes(exactIndex),
    shards: { count: shards.keys.length, indexed: shards.indexed },
  };
}
