/**
 * The publish measurements: our full pipeline (`npm run build`: Astro, then Pagefind), the
 * framework floor built from the same records, and a republish after one record is added.
 */
import { existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { folderStats, type FolderStats } from './files.ts';
import { measureOrThrow, type Measured } from './measure.ts';
import { NODE } from './project.ts';

export interface PublishRun {
  wallMs: number;
  /** Until Pagefind's process started (with the site, Pagefind may start while Astro renders). */
  astroMs?: number;
  /** From Pagefind's start to the end. */
  pagefindMs?: number;
  /** The build's own step times in seconds, as it prints them ("  astro build: 7.8 s"). */
  steps?: Record<string, number>;
  peakRss: number;
  peakTreeRss: number;
  peakProcessRss: number;
  peakAstroRss?: number;
  peakPagefindRss?: number;
  cpuSeconds: number;
  /** Sampled peak RSS by process name ("node" is Astro and the indexers, "pagefind_extend" Pagefind). */
  peakByName: Record<string, number>;
  /** Output size (apparent bytes), everything. */
  output: FolderStats;
  /** The Pagefind index alone (pagefind/). */
  index: FolderStats;
  pages: number;
  pagesPerSecond: number;
  load: { before: number; after: number };
}

const STEP_LINE = /^ {2}(\S.*): ([\d.]+) s$/;

/** Passes output lines on and collects the build's step lines. */
export function stepCollector(onLine: (line: string) => void): {
  steps: Record<string, number>;
  onLine: (line: string) => void;
} {
  const steps: Record<string, number> = {};
  return {
    steps,
    onLine: (line) => {
      const m = STEP_LINE.exec(line);
      if (m) steps[m[1]!] = Number(m[2]);
      onLine(line);
    },
  };
}

/** A measured build's figures, from its measurement and its output folder. */
export function summarise(
  m: Measured,
  outDir: string,
  load: number,
  steps?: Record<string, number>,
): PublishRun {
  const output = folderStats(outDir);
  const index = existsSync(join(outDir, 'pagefind'))
    ? folderStats(join(outDir, 'pagefind'))
    : { bytes: 0, files: 0, htmlFiles: 0 };
  const pages = output.htmlFiles;
  return {
    wallMs: m.wallMs,
    astroMs: m.split?.beforeMs,
    pagefindMs: m.split?.afterMs,
    steps: steps && Object.keys(steps).length ? steps : undefined,
    peakRss: m.peakRss,
    peakTreeRss: m.peakTreeRss,
    peakProcessRss: m.peakProcessRss,
    peakAstroRss: m.split?.peakBefore,
    peakPagefindRss: m.split?.peakAfter,
    cpuSeconds: m.cpuSeconds,
    peakByName: m.peakByName,
    output,
    index,
    pages,
    pagesPerSecond: pages / (m.wallMs / 1000),
    load: { before: load, after: loadavg()[0]! },
  };
}

/** Pagefind's process name: a build's second phase starts when it appears. */
export const PAGEFIND_PROCESS = 'pagefind_extend'; // /proc/<pid>/comm keeps 15 characters

export interface BuildDirs {
  projectDir: string;
  outDir: string;
  cacheDir: string;
  date: string;
  /** A folder holding content/, passed as `--root` (when the build takes it). */
  root?: string;
}

/** Our full publish from a cold cache: the command `npm run build` runs. */
export async function measureOurPublish(
  dirs: BuildDirs,
  onLine: (line: string) => void,
  cold = true,
): Promise<PublishRun> {
  if (cold) {
    rmSync(dirs.outDir, { recursive: true, force: true });
    rmSync(dirs.cacheDir, { recursive: true, force: true });
  }
  const load = loadavg()[0]!;
  const args = [
    'scripts/build.ts',
    '--date',
    dirs.date,
    '--out',
    dirs.outDir,
    ...(dirs.root ? ['--root', dirs.root] : []),
  ];
  const collector = stepCollector(onLine);
  const m = await measureOrThrow('npm run build', NODE, args, {
    cwd: dirs.projectDir,
    env: {
      ...process.env,
      HONGHEI_CACHE_DIR: dirs.cacheDir,
      HONGHEI_DATE: dirs.date,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    onLine: collector.onLine,
    splitAt: PAGEFIND_PROCESS,
  });
  return summarise(m, dirs.outDir, load, collector.steps);
}

/**
 * The framework floor from the same records: cold by default; `incremental` turns on Astro 7's
 * incremental build, and `cold: false` keeps the output and cache of the previous run.
 */
export async function measureFloor(
  dirs: BuildDirs & { recordsDir: string },
  onLine: (line: string) => void,
  options: { incremental?: boolean; cold?: boolean } = {},
): Promise<PublishRun> {
  if (options.cold ?? true) {
    rmSync(dirs.outDir, { recursive: true, force: true });
    rmSync(dirs.cacheDir, { recursive: true, force: true });
  }
  const load = loadavg()[0]!;
  const floor = join(dirs.projectDir, 'scripts/bench/floor');
  // Astro writes .astro/ into the working directory: run it in the floor's own folder.
  const collector = stepCollector(onLine);
  const args = [
    join(floor, 'build.ts'),
    '--records',
    dirs.recordsDir,
    '--out',
    dirs.outDir,
    '--cache',
    dirs.cacheDir,
    ...(options.incremental ? ['--incremental'] : []),
  ];
  const m = await measureOrThrow('the floor build', NODE, args, {
    cwd: floor,
    env: { ...process.env, HONGHEI_DATE: dirs.date, ASTRO_TELEMETRY_DISABLED: '1' },
    onLine: collector.onLine,
    splitAt: PAGEFIND_PROCESS,
  });
  return summarise(m, dirs.outDir, load, collector.steps);
}
