/**
 * Runs a command and measures it: wall time, and peak memory two ways — the sum of the resident
 * sets of the whole process tree (sampled from /proc every 100 ms; Astro and Pagefind run as
 * separate processes, so the tree is what the machine must hold), and the largest single process
 * (its kernel high-water mark, from GNU time), which no sampling gap can miss.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  /** Wall time in milliseconds. */
  wallMs: number;
  /** Peak of the summed RSS of the process tree, in bytes (sampled). */
  peakTreeRss: number;
  /** Largest single-process peak RSS, in bytes (GNU time's maximum resident set size). */
  peakProcessRss: number;
  /** max(peakTreeRss, peakProcessRss): the figure quoted as "peak RSS". */
  peakRss: number;
  /** User + system CPU seconds of the tree (GNU time). */
  cpuSeconds: number;
  exitCode: number;
  /** The last lines of output, for error messages. */
  tail: string[];
  /**
   * When `splitAt` was given: the time until a process of that name first appeared, and the peak
   * tree RSS before and from then on (e.g. the Astro phase and the Pagefind phase of a publish).
   */
  split?: { beforeMs: number; afterMs: number; peakBefore: number; peakAfter: number };
  /** Sampled peak RSS by process name (e.g. "node", "pagefind_extend"). */
  peakByName: Record<string, number>;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with each output line (for progress); default prints nothing. */
  onLine?: (line: string) => void;
  /** A process name (as in /proc/<pid>/comm, e.g. "pagefind_extend") that starts a second phase. */
  splitAt?: string;
}

const GNU_TIME = '/usr/bin/time';

/** Children of a process, from /proc/<pid>/task/<tid>/children. */
function childrenOf(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  const out: number[] = [];
  try {
    for (const tid of readdirSync(tasks)) {
      const text = readFileSync(`${tasks}/${tid}/children`, 'utf8').trim();
      if (text) for (const c of text.split(/\s+/)) out.push(Number(c));
    }
  } catch {
    // The process ended between listing and reading: it has no children any more.
  }
  return out;
}

/** RSS of one process in bytes (0 if it is gone). */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Summed RSS of a process and all its descendants, and the RSS of each by process name. */
export function treeRss(root: number): {
  rss: number;
  names: string[];
  byName: Map<string, number>;
} {
  let rss = 0;
  const byName = new Map<string, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const own = rssOf(pid);
    const name = commOf(pid);
    rss += own;
    byName.set(name, (byName.get(name) ?? 0) + own);
    stack.push(...childrenOf(pid));
  }
  return { rss, names: [...byName.keys()], byName };
}

/** Runs `command args` and measures it; resolves even on failure (check exitCode). */
export async function measure(
  command: string,
  args: string[],
  options: MeasureOptions = {},
): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(join(tmpdir(), 'honghei-measure-'));
  const timeFile = join(dir, 'time.txt');
  const [cmd, argv] = useTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]]
    : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peakTreeRss = 0;
  let splitMs: number | undefined;
  const peakByName: Record<string, number> = {};
  const peaks = { before: 0, after: 0 };
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const { rss, names, byName } = treeRss(child.pid);
    peakTreeRss = Math.max(peakTreeRss, rss);
    for (const [name, value] of byName) peakByName[name] = Math.max(peakByName[name] ?? 0, value);
    if (splitMs === undefined && options.splitAt && names.includes(options.splitAt))
      splitMs = performance.now() - started;
    if (splitMs === undefined) peaks.before = Math.max(peaks.before, rss);
    else peaks.after = Math.max(peaks.after, rss);
  }, 100);
  const tail: string[] = [];
  const onData = (buffer: { partial: string }) => (chunk: Buffer) => {
    const lines = (buffer.partial + chunk.toString('utf8')).split('\n');
    buffer.partial = lines.pop() ?? '';
    for (const line of lines) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.onLine?.(line);
    }
  };
  child.stdout.on('data', onData({ partial: '' }));
  child.stderr.on('data', onData({ partial: '' }));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new Error(`could not start ${command}: ${error.message}`, { cause: error })),
    );
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  }).finally(() => clearInterval(sampler));
  const wallMs = performance.now() - started;
  let peakProcessRss = 0;
  let cpuSeconds = 0;
  if (useTime && existsSync(timeFile)) {
    // GNU time prints "Command exited with non-zero status N" before the format line.
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [kb, user, sys] = last.split(' ').map(Number);
    peakProcessRss = (kb ?? 0) * 1024;
    cpuSeconds = (user ?? 0) + (sys ?? 0);
  }
  rmSync(dir, { recursive: true, force: true });
  const split =
    splitMs === undefined
      ? undefined
      : {
          beforeMs: splitMs,
          afterMs: wallMs - splitMs,
          peakBefore: peaks.before,
          peakAfter: peaks.after,
        };
  return {
    wallMs,
    peakTreeRss,
    peakProcessRss,
    peakRss: Math.max(peakTreeRss, peakProcessRss),
    cpuSeconds,
    exitCode,
    tail,
    split,
    peakByName,
  };
}

/** Like measure(), but throws with the command's last output when it fails. */
export async function measureOrThrow(
  label: string,
  command: string,
  args: string[],
  options: MeasureOptions = {},
): Promise<Measured> {
  const result = await measure(command, args, options);
  if (result.exitCode !== 0) {
    throw new Error(
      `${label} failed (exit ${result.exitCode}): ${command} ${args.join(' ')}\n${result.tail.join('\n')}`,
    );
  }
  return result;
}
