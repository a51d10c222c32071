/**
 * One record count's run: its content (generated, or a real root), the folder the build reads,
 * the output and cache folders, and its result — merged into the stored one, so a step skipped
 * this time keeps its earlier figures with their own stamp. Every step receives this object.
 */
import { readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { commitAll, commitTime } from '../lib/content-git.ts';
import { contentDirOf, generatedContent, recordFiles, recordsDirOf } from '../lib/content.ts';
import type { BenchOptions, Step } from '../lib/options.ts';
import { buildTakesRoot, linkContent, type Snapshot } from '../lib/project.ts';
import type { BuildDirs } from '../lib/publish-bench.ts';
import {
  readSizeResult,
  writeSizeResult,
  type RunContext,
  type SizeResult,
  type Stamp,
} from '../lib/results.ts';
import { loadPublicRecords, type IndexedRecord } from '../lib/search-queries.ts';

/** What every step of a size's run works with. */
export interface SizeRun {
  options: BenchOptions;
  source: Snapshot;
  /** "1,000", or "content" for a --content root. */
  label: string;
  projectDir: string;
  /** The generated (or given) records, never edited. */
  recordsDir: string;
  /** The records the build reads (hard links into recordsDir; the republish steps edit these). */
  buildRecordsDir: string;
  /** The Git repository holding the build's content/, unless --no-git (content-git.ts). */
  gitRoot?: string;
  publicRecords: IndexedRecord[];
  /** Output, cache and content root of the measured build. */
  dirs: BuildDirs;
  result: SizeResult;
  /** Steps measured in this run: their output folders are there to build on. */
  fresh: Set<Step>;
  say: (message: string) => void;
  /** Prints a build's own output line, indented. */
  passLine: (line: string) => void;
  /** Marks a step as measured now and writes the results so far; returns the file. */
  done: (step: Step) => string;
  /** Writes the results so far (after each step, so a failure later keeps them). */
  save: () => string;
}

/** The machine and the moment, for a result. */
export function runContext(options: BenchOptions, source: Snapshot): RunContext {
  return {
    at: new Date().toISOString(),
    seed: options.seed,
    date: options.date,
    source,
    machine: {
      cpus: availableParallelism(),
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAtStart: loadavg(),
    },
  };
}

const stampOf = (at: string, source: Snapshot): Stamp => ({
  at,
  commit: source.commit,
  dirty: source.dirty,
});

/** Which stored fields each step writes (a result file from before stamps gets them from its context). */
const STEP_FIELDS: Partial<Record<Step, (keyof SizeResult)[]>> = {
  publish: ['publish', 'outputSize'],
  floor: ['floor'],
  hugo: ['hugo', 'hugoOutputSize'],
  search: ['search', 'searchPage'],
  republish: ['republishes', 'republishErrors', 'republish'],
  'floor-incremental': ['floorIncremental'],
};

/** Prepares a size: content, the build's root, and the stored result to merge into. */
export async function startSize(
  options: BenchOptions,
  source: Snapshot,
  size: number,
  projectDir: string,
  say: (message: string) => void,
): Promise<SizeRun> {
  const work = options.work;
  const label = options.content ? 'content' : size.toLocaleString('en');
  const sayN = (m: string) => say(`${label}: ${m}`);
  const contentRoot =
    options.content ??
    (await generatedContent(join(work, `content-${size}`), size, options.seed, sayN));
  const recordsDir = recordsDirOf(contentRoot);
  const publicRecords = loadPublicRecords(recordsDir, options.date);
  const generated = recordFiles(recordsDir).length;
  // A measured --content root is kept apart from the generated sizes of the table.
  const fileName = options.content ? `content-${generated}` : String(size);
  const stored = readSizeResult(fileName);
  const context = runContext(options, source);
  const stamps = { ...stored?.stamps };
  for (const [step, fields] of Object.entries(STEP_FIELDS))
    if (stored && !stamps[step] && fields.some((f) => stored[f] !== undefined))
      stamps[step] = stampOf(stored.context.at, stored.context.source);
  const result: SizeResult = {
    ...stored,
    size: size || generated,
    context,
    records: { generated, public: publicRecords.length },
    stamps,
    notes: [],
  };
  sayN(`${generated} records, ${publicRecords.length} public on ${options.date}`);

  // The build reads a folder holding content/: its own --root when it takes one, else the
  // project's content/. Hard links keep the generated copy untouched by the republish steps.
  const takesRoot = buildTakesRoot(projectDir);
  const buildRoot = takesRoot ? join(work, `root-${label}`) : projectDir;
  if (takesRoot) rmSync(buildRoot, { recursive: true, force: true });
  else
    for (const entry of readdirSync(join(projectDir, 'content')))
      if (entry !== 'schema')
        rmSync(join(projectDir, 'content', entry), { recursive: true, force: true });
  linkContent(contentDirOf(contentRoot), join(buildRoot, 'content'));
  if (!takesRoot)
    result.notes.push(
      "the measured build has no --root option: the records were placed in the project's content/",
    );
  // A publisher's content is a Git repository: one commit holding it all (not timed).
  const gitRoot = takesRoot && !options['no-git'] ? buildRoot : undefined;
  if (gitRoot) {
    const started = performance.now();
    const head = commitAll(gitRoot, commitTime(options.date, 9), '导入：基准测试的记录\n');
    sayN(
      `content committed to Git (${head.slice(0, 7)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } else result.notes.push('the content was a plain folder, not a Git repository');
  const save = () => writeSizeResult(result, fileName);
  const fresh = new Set<Step>();
  return {
    options,
    source,
    label,
    projectDir,
    recordsDir,
    buildRecordsDir: join(buildRoot, 'content/records'),
    gitRoot,
    publicRecords,
    dirs: {
      projectDir,
      date: options.date,
      outDir: join(work, `out-${label}`),
      cacheDir: join(work, `cache-${label}`),
      root: takesRoot ? buildRoot : undefined,
    },
    result,
    fresh,
    say: sayN,
    passLine: (line) => line.trim() && console.log(`            │ ${line}`),
    save,
    done: (step) => {
      fresh.add(step);
      result.stamps![step] = stampOf(new Date().toISOString(), source);
      return save();
    },
  };
}

/** Removes a size's build folders (unless --keep). */
export function endSize(run: SizeRun): void {
  if (run.options.keep) return;
  const { outDir, cacheDir, root } = run.dirs;
  for (const dir of [outDir, cacheDir, ...(root ? [root] : [])])
    rmSync(dir, { recursive: true, force: true });
}
