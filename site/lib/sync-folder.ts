/**
 * Makes a folder of the built site hold exactly the files a build step writes now: a file whose
 * bytes differ is written, a file no longer written is deleted (and a folder left empty), an
 * unchanged file is not touched. The output folder is kept between builds (Astro no longer
 * empties it), so each step that owns a folder (search-data/, pagefind/) removes its own stale
 * files this way, and a republish rewrites only what changed.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** A file's new content: its bytes, or the path of a file to copy them from. */
export type FileContent = string | Uint8Array | { copyFrom: string };

/** The files under a folder, as sorted relative paths with forward slashes ([] if it is missing). */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

/** Whether a file on disk already holds these bytes. */
function holds(file: string, content: FileContent): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  if (typeof content === 'object' && 'copyFrom' in content) {
    const source = statSync(content.copyFrom);
    return stat.size === source.size && readFileSync(file).equals(readFileSync(content.copyFrom));
  }
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return stat.size === bytes.length && readFileSync(file).equals(bytes);
}

/** What a sync did: files written, deleted and left as they were. */
export interface SyncResult {
  written: number;
  deleted: number;
  unchanged: number;
}

/** Makes `dir` hold exactly `files` (relative path → content). */
export function syncFolder(dir: string, files: ReadonlyMap<string, FileContent>): SyncResult {
  const result: SyncResult = { written: 0, deleted: 0, unchanged: 0 };
  const folders = new Set<string>();
  for (const old of filesIn(dir)) {
    if (files.has(old)) continue;
    rmSync(join(dir, old), { force: true });
    folders.add(dirname(join(dir, old)));
    result.deleted++;
  }
  // A folder in the way of a file (or the other way round) is removed first.
  for (const [path, content] of files) {
    const file = join(dir, path);
    if (holds(file, content)) {
      result.unchanged++;
      continue;
    }
    if (existsSync(file) && statSync(file).isDirectory()) rmSync(file, { recursive: true });
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === 'object' && 'copyFrom' in content) copyFileSync(content.copyFrom, file);
    else writeFileSync(file, content);
    result.written++;
  }
  removeEmptyFolders(dir, folders);
  return result;
}

/** Removes the folders (and their parents up to `dir`) that were left empty. */
function removeEmptyFolders(dir: string, folders: Set<string>): void {
  const deepestFirst = [...folders].sort((a, b) => b.length - a.length);
  for (let folder of deepestFirst) {
    while (folder.length > dir.length && existsSync(folder) && !readdirSync(folder).length) {
      rmdirSync(folder);
      folder = dirname(folder);
    }
  }
  if (existsSync(dir) && !readdirSync(dir).length) rmdirSync(dir);
}
