/** The cells and rows the BENCHMARKS.md tables are made of (table.ts and its parts). */
import { formatMs } from './files.ts';
import type { PublishRun } from './publish-bench.ts';
import type { SizeResult } from './results.ts';

/** 0.123 → "12.3 %"; "–" when unknown. */
export const pct = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? '–' : `${(x * 100).toFixed(x >= 0.9995 && x < 1 ? 2 : 1)} %`;
/** 1.234 → "1.23×". */
export const times = (x: number | undefined) => (x === undefined ? '–' : `${x.toFixed(2)}×`);
/** 12345 → "12,345". */
export const n = (x: number) => x.toLocaleString('en');

/** A build's wall time with its own step times (or the split at Pagefind's start). */
export function publishCell(p: PublishRun | undefined): string {
  if (!p) return '–';
  if (p.steps) {
    const steps = Object.entries(p.steps).filter(([, s]) => s >= 0.05); // the build prints tenths
    return `${formatMs(p.wallMs)} (${steps.map(([step, s]) => `${step} ${formatMs(s * 1000)}`).join(', ')})`;
  }
  const split =
    p.astroMs !== undefined && p.pagefindMs !== undefined
      ? ` (Astro ${formatMs(p.astroMs)} + Pagefind ${formatMs(p.pagefindMs)})`
      : '';
  return `${formatMs(p.wallMs)}${split}`;
}

/** One table row: a label, a cell per size, the target. */
export function row(
  label: string,
  target: string,
  results: SizeResult[],
  cell: (r: SizeResult) => string,
): string {
  return `| ${label} | ${results.map((r) => cell(r)).join(' | ')} | ${target} |`;
}
