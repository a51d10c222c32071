/**
 * What an output folder costs a static host: its raw size, the bytes sent when text is served
 * gzip-compressed (gzip -6, as nginx and the static hosts do; Pagefind's index files are already
 * gzipped and images, fonts and spreadsheets are sent as they are), and both by top-level folder
 * (records/, lists/, data/, pagefind/, … and "(top-level files)").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE } from './static-server.ts';

/** Raw and served bytes of a group of files. */
export interface SizeOfFiles {
  files: number;
  bytes: number;
  /** Bytes a static host sends: text gzip -6, everything else as it is. */
  gzipBytes: number;
}

export interface OutputSize extends SizeOfFiles {
  /** By top-level folder, largest first; files directly in the output as "(top-level files)". */
  byFolder: Record<string, SizeOfFiles>;
}

/** The group of files directly in the output folder. */
export const TOP_LEVEL_FILES = '(top-level files)';

/** Measures an output folder (reads every file once; about a second per 50 MB of text). */
export function outputSize(outDir: string): OutputSize {
  const byFolder: Record<string, SizeOfFiles> = {};
  const total: SizeOfFiles = { files: 0, bytes: 0, gzipBytes: 0 };
  const add = (group: string, path: string) => {
    const bytes = statSync(path).size;
    const served = COMPRESSIBLE.has(extname(path))
      ? gzipSync(readFileSync(path), { level: 6 }).length
      : bytes;
    const g = (byFolder[group] ??= { files: 0, bytes: 0, gzipBytes: 0 });
    for (const s of [g, total]) {
      s.files++;
      s.bytes += bytes;
      s.gzipBytes += served;
    }
  };
  const walk = (dir: string, group: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, group || entry.name);
      else if (entry.isFile()) add(group || TOP_LEVEL_FILES, path);
    }
  };
  walk(outDir, '');
  const sorted = Object.entries(byFolder).sort((a, b) => b[1].bytes - a[1].bytes);
  return { ...total, byFolder: Object.fromEntries(sorted) };
}
