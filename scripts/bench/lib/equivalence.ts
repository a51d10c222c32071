/**
 * The equivalence step: after the republish (a build over the previous output and cache), a full
 * build of the same content and date from an empty output folder and cache, compared file by file
 * (same-output.ts). Whatever incremental publishing skips, the two must be identical.
 */
import { rmSync } from 'node:fs';
import { measureOurPublish, type BuildDirs } from './publish-bench.ts';
import { compareOutputs, describeDifference, sameOutput } from './same-output.ts';

/** The outcome: identical or not, how many files differ, are missing or extra, and the first few. */
export interface Equivalence {
  identical: boolean;
  compared: number;
  counts: { differing: number; missing: number; extra: number };
  /** The report of same-output.ts, up to 10 paths of each kind. */
  report: string;
}

/** Builds `dirs` afresh into `fullOutDir` and compares it with the republished `dirs.outDir`. */
export async function checkEquivalence(
  dirs: BuildDirs,
  fullOutDir: string,
  onLine: (line: string) => void,
): Promise<Equivalence> {
  const fresh = { ...dirs, outDir: fullOutDir, cacheDir: `${dirs.cacheDir}-full` };
  await measureOurPublish(fresh, onLine);
  // Expected: the full build; actual: the republished output.
  const d = compareOutputs(fullOutDir, dirs.outDir);
  rmSync(fresh.cacheDir, { recursive: true, force: true });
  return {
    identical: sameOutput(d),
    compared: d.compared,
    counts: { differing: d.differing.length, missing: d.missing.length, extra: d.extra.length },
    report: describeDifference(d, 10),
  };
}
