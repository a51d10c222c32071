/**
 * The equivalence check: two output folders compared file by file, byte for byte. A build must
 * give the same files from the same content and date, however it got there (a full build, or an
 * incremental one after a change): the test on a few hundred records and the bench at 20,000 use
 * this to say which files differ, which are missing and which are extra.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What differs between an expected output folder and an actual one (paths relative, sorted). */
export interface OutputDifference {
  /** In both, with different bytes. */
  differing: string[];
  /** In the expected folder only. */
  missing: string[];
  /** In the actual folder only. */
  extra: string[];
  /** Files compared (in both). */
  compared: number;
}

/** Every file under a folder, relative, sorted (folders themselves are not listed). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/** Compares two output folders byte for byte. */
export function compareOutputs(expected: string, actual: string): OutputDifference {
  const a = filesUnder(expected);
  const b = new Set(filesUnder(actual));
  const inA = new Set(a);
  const differing: string[] = [];
  let compared = 0;
  for (const file of a) {
    if (!b.has(file)) continue;
    compared++;
    const left = join(expected, file);
    const right = join(actual, file);
    if (
      statSync(left).size !== statSync(right).size ||
      !readFileSync(left).equals(readFileSync(right))
    )
      differing.push(file);
  }
  return {
    differing,
    missing: a.filter((f) => !b.has(f)),
    extra: [...b].filter((f) => !inA.has(f)).sort(),
    compared,
  };
}

/** True when the folders hold the same files with the same bytes. */
export const sameOutput = (d: OutputDifference) =>
  !d.differing.length && !d.missing.length && !d.extra.length;

/** A short report of the differences, at most `limit` paths of each kind. */
export function describeDifference(d: OutputDifference, limit = 20): string {
  if (sameOutput(d)) return `identical: ${d.compared} files`;
  const part = (label: string, files: string[]) =>
    files.length
      ? [`${files.length} ${label}:`, ...files.slice(0, limit).map((f) => `  ${f}`)]
      : [];
  return [
    ...part('differing', d.differing),
    ...part('missing', d.missing),
    ...part('extra', d.extra),
  ].join('\n');
}
