/**
 * Makes a folder that one writer owns match exactly what it would write now: files whose bytes
 * differ are written, unchanged files are left alone (their times too), and every other file is
 * deleted. The output folder is not emptied between builds (issue 14), so a writer that owned a
 * file yesterday removes it itself.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What syncFolder did. */
export interface SyncCounts {
  written: number;
  unchanged: number;
  removed: number;
}

/** Brings `dir` (flat: file name → content) to exactly `files`; sub-folders in it are removed. */
export function syncFolder(dir: string, files: ReadonlyMap<string, string>): SyncCounts {
  mkdirSync(dir, { recursive: true });
  const counts: SyncCounts = { written: 0, unchanged: 0, removed: 0 };
  const present = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && files.has(entry.name)) present.add(entry.name);
    else {
      rmSync(join(dir, entry.name), { recursive: true, force: true });
      counts.removed++;
    }
  }
  for (const [name, content] of files) {
    const path = join(dir, name);
    const bytes = Buffer.from(content, 'utf8');
    if (
      present.has(name) &&
      statSync(path).size === bytes.length &&
      readFileSync(path).equals(bytes)
    ) {
      counts.unchanged++;
      continue;
    }
    writeFileSync(path, bytes);
    counts.written++;
  }
  return counts;
}
