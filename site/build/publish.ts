/**
 * Publishing, in steps that each hold only their own memory: the public entries are read once;
 * Pagefind indexes them (its process ends when its bundle is written); Astro renders the pages
 * from the same validated records; then the exact-match index of names and codes (search-data/),
 * the entries' bundle (pagefind/) and a small bundle of the case and guide pages
 * (pagefind-articles/) are put into the built site. Any indexing error is fatal: a site whose
 * search silently lost entries must not be published.
 */
import { build } from 'astro';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSearchIndex, writeIndexFiles } from '../lib/search/build-index.ts';
import { publicationDate, resolveContentRoot } from '../../content/schema/index.ts';
import { INDEX_DIR } from '../lib/search/format.ts';
import {
  ARTICLE_BUNDLE,
  ENTRY_BUNDLE,
  writeArticleBundle,
  writeEntryBundle,
} from './pagefind-index.ts';
import { loadSearchSource } from './search-source.ts';

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
}

export interface PublishResult {
  outDir: string;
  /** Public entries in the site and its indexes. */
  entries: number;
  /** Records in Pagefind's index (entries plus case and guide pages). */
  pages: number;
  /** Files and bytes of the exact-match index. */
  searchIndex: { files: number; bytes: number };
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

  const { header, entries } = await loadSearchSource(content, publicationDate());
  step('public entries');
  const exactIndex = buildSearchIndex(header, entries);
  step('exact-match index');
  // Astro empties the output folder when it starts: the entries' bundle waits in the builds'
  // own folder under node_modules (ignored by git, and cleaned up here).
  const waiting = mkdtempSync(join(buildsFolder(root), `pagefind-${process.pid}-`));
  try {
    await writeEntryBundle(waiting, entries);
    step('pagefind: entries');
    await astroBuild(root);
    step('astro build');
    const searchIndex = writeIndexFiles(join(out, INDEX_DIR), exactIndex);
    moveFolder(waiting, join(out, ENTRY_BUNDLE));
    const articles = articlePages(out);
    if (articles.length) await writeArticleBundle(join(out, ARTICLE_BUNDLE), out, articles);
    step('pagefind: case and guide pages; writing the indexes');
    return {
      outDir: out,
      entries: entries.length,
      pages: entries.length + articles.length,
      searchIndex,
    };
  } finally {
    rmSync(waiting, { recursive: true, force: true });
  }
}

/** Moves a folder (a copy when the two are on different file systems). */
function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
  }
}
