/** Size and file counts of an output folder, and the small formatting helpers of the reports. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FolderStats {
  /** Sum of file sizes (apparent size), in bytes. */
  bytes: number;
  files: number;
  htmlFiles: number;
}

/** Walks a folder and counts its files and bytes. */
export function folderStats(
  dir: string,
  filter: (relative: string) => boolean = () => true,
): FolderStats {
  const stats: FolderStats = { bytes: 0, files: 0, htmlFiles: 0 };
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(folder, entry.name), relative);
      else if (entry.isFile() && filter(relative)) {
        stats.files++;
        stats.bytes += statSync(join(folder, entry.name)).size;
        if (entry.name.endsWith('.html')) stats.htmlFiles++;
      }
    }
  };
  walk(dir, '');
  return stats;
}

/** 1234567 → "1.2 MB" (decimal units, as du --si). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(2) : value < 100 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Milliseconds → "850 ms" or "12.3 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 100_000 ? 1 : 0)} s`;
}

/** The value at quantile q (0..1) of a list of numbers (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
