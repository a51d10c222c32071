/**
 * Which files a republish wrote and removed: the output folder's files (size, modification time,
 * inode) listed before and after the build. A file rewritten with the same bytes counts as
 * written — what a deploy that syncs by timestamp would upload — and `changed` counts those whose
 * size differs (cheap; same-size edits are only in `written`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TOP_LEVEL_FILES } from './output-size.ts';

/** A folder's files: relative path → size, mtime and inode. */
export type FolderListing = Map<string, { size: bigint; stamp: string }>;

/** What a build did to the output folder. */
export interface OutputWrites {
  /** New files plus files whose modification time or inode changed. */
  written: number;
  /** New files. */
  added: number;
  /** Existing files whose size changed. */
  changed: number;
  removed: number;
  /** The first few written paths, for a glance at what was touched. */
  sample: string[];
  /** Written files by top-level folder (files directly in the output as "(top-level files)"). */
  byFolder: Record<string, number>;
}

/** Lists every file under `dir` (empty when the folder is missing). */
export function listFolder(dir: string): FolderListing {
  const out: FolderListing = new Map();
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return out;
  }
  for (const name of names) {
    const s = statSync(join(dir, name), { bigint: true });
    if (s.isFile()) out.set(name, { size: s.size, stamp: `${s.mtimeNs}:${s.ino}` });
  }
  return out;
}

/** Compares two listings of the same folder, before and after a build. */
export function outputWrites(before: FolderListing, after: FolderListing): OutputWrites {
  const w: OutputWrites = {
    written: 0,
    added: 0,
    changed: 0,
    removed: 0,
    sample: [],
    byFolder: {},
  };
  for (const [name, now] of after) {
    const was = before.get(name);
    if (was && was.stamp === now.stamp && was.size === now.size) continue;
    w.written++;
    if (!was) w.added++;
    else if (was.size !== now.size) w.changed++;
    if (w.sample.length < 10) w.sample.push(name);
    const folder = name.includes('/') ? name.slice(0, name.indexOf('/')) : TOP_LEVEL_FILES;
    w.byFolder[folder] = (w.byFolder[folder] ?? 0) + 1;
  }
  for (const name of before.keys()) if (!after.has(name)) w.removed++;
  w.sample.sort();
  return w;
}
