/**
 * The newer rows of the BENCHMARKS.md results table: output size (raw and as a static host
 * serves it), the republish kinds with their equivalence, when each step was measured, and the
 * output by top-level folder under the table.
 */
import { formatBytes, formatMs } from './files.ts';
import type { OutputSize } from './output-size.ts';
import { REPUBLISH_KINDS, type RepublishKind, type SizeResult } from './results.ts';
import { n, pct, publishCell, row } from './table-cells.ts';

const KIND_LABELS: Record<RepublishKind, [string, string]> = {
  add: ['**republish**, one record added', '≤ 10 % of full'],
  change: ["republish, one record's facts changed", '≤ 10 % of full'],
  remove: ['republish, one record removed', '≤ 10 % of full'],
  'next-day': [
    'republish, the next day (same content, date + 1)',
    'in proportion to what the date changes',
  ],
};

/** Output size: raw and gzip-served, files, and the search index. */
export function outputRows(results: SizeResult[]): string[] {
  return [
    row('output size: raw / served gzip-compressed / files', '100k: ≤ 600 MB', results, (r) => {
      const s = r.outputSize;
      if (s) return `${formatBytes(s.bytes)} / ${formatBytes(s.gzipBytes)} / ${n(s.files)}`;
      return r.publish
        ? `${formatBytes(r.publish.output.bytes)} / – / ${n(r.publish.output.files)}`
        : '–';
    }),
  ];
}

/** One row per republish kind, then one for their equivalence with full builds. */
export function republishRows(results: SizeResult[]): string[] {
  const rows = REPUBLISH_KINDS.map((kind) =>
    row(KIND_LABELS[kind][0], KIND_LABELS[kind][1], results, (r) => republishCell(r, kind)),
  );
  rows.push(
    row(
      'republished output = a full build of the same content and date (add, change, remove, next day)',
      'identical',
      results,
      equivalenceCell,
    ),
  );
  return rows;
}

function republishCell(r: SizeResult, kind: RepublishKind): string {
  const failed = r.republishErrors?.[kind];
  if (failed) return `FAILED: ${failed.split('\n')[0]}`;
  const p = r.republishes?.[kind];
  if (!p) {
    // Result files from before 2026-12-03 hold only the add-one republish.
    const old = kind === 'add' ? r.republish : undefined;
    return old ? `${formatMs(old.wallMs)} = ${pct(old.fractionOfFull)}` : '–';
  }
  const page =
    !p.page || p.page.expected === p.page.present
      ? ''
      : p.page.expected
        ? ' (page MISSING or not updated!)'
        : ' (page still there!)';
  const writes = p.writes
    ? `; ${n(p.writes.written)} files written${foldersOf(p.writes.byFolder)}, ${n(p.writes.removed)} removed`
    : '';
  return `${publishCell(p)} = ${pct(p.fractionOfFull)}; peak ${formatBytes(p.peakRss)}${writes}${page}`;
}

/** " (records 2, lists 1)": the folders with the most files written, largest first (or ""). */
export function foldersOf(byFolder: Record<string, number> | undefined): string {
  const top = Object.entries(byFolder ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4);
  return top.length ? ` (${top.map(([f, c]) => `${f} ${n(c)}`).join(', ')})` : '';
}

function equivalenceCell(r: SizeResult): string {
  const kinds = r.republishes ? REPUBLISH_KINDS.filter((k) => r.republishes![k]) : [];
  if (!kinds.length) {
    const e = r.equivalence; // before 2026-12-03: after adding one record only
    return e
      ? e.identical
        ? `identical (${n(e.compared)} files)`
        : e.report.split('\n')[0]!
      : '–';
  }
  const cells = kinds.map((k) => {
    const e = r.republishes![k]!.equivalence;
    if (!e) return `${k}: –`;
    if ('skipped' in e) return `${k}: ${e.skipped}`;
    if (e.identical) return `${k}: identical (${n(e.compared)} files)`;
    const { differing, missing, extra } = e.counts;
    const first = e.report
      .split('\n')
      .find((l) => l.startsWith('  '))
      ?.trim();
    return `${k}: **${differing} differing, ${missing} missing, ${extra} extra** (first: ${first})`;
  });
  // The same "not run" reason for every kind is said once.
  const skipped = kinds
    .map((k) => r.republishes![k]!.equivalence)
    .filter((e) => e && 'skipped' in e);
  if (
    skipped.length === kinds.length &&
    new Set(skipped.map((e) => (e as { skipped: string }).skipped)).size === 1
  )
    return (skipped[0] as { skipped: string }).skipped;
  return cells.join('; ');
}

/** The date and commit of the run, and of any step kept from an earlier run. */
export function stampsCell(r: SizeResult): string {
  const short = (at: string, commit: string, dirty: boolean) =>
    `${at.slice(0, 10)}, ${commit.slice(0, 7)}${dirty ? '+' : ''}`;
  const main = short(r.context.at, r.context.source.commit, r.context.source.dirty);
  const older = Object.entries(r.stamps ?? {})
    .map(([step, s]) => [step, short(s.at, s.commit, s.dirty)] as const)
    .filter(([, s]) => s !== main);
  return [main, ...older.map(([step, s]) => `${step}: ${s}`)].join('; ');
}

/** Under the table: the full publish's output by top-level folder, largest first. */
export function outputBreakdown(results: SizeResult[]): string[] {
  const sized = results.filter((r): r is SizeResult & { outputSize: OutputSize } => !!r.outputSize);
  if (!sized.length) return [];
  const largest = sized.at(-1)!.outputSize.byFolder;
  const folders = Object.keys(largest).slice(0, 8);
  const other = (s: OutputSize) =>
    Object.entries(s.byFolder)
      .filter(([f]) => !folders.includes(f))
      .reduce(
        (a, [, x]) => ({
          bytes: a.bytes + x.bytes,
          gzipBytes: a.gzipBytes + x.gzipBytes,
          files: a.files + x.files,
        }),
        { bytes: 0, gzipBytes: 0, files: 0 },
      );
  const cell = (x: { bytes: number; gzipBytes: number; files: number } | undefined) =>
    x ? `${formatBytes(x.bytes)} / ${formatBytes(x.gzipBytes)} / ${n(x.files)}` : '–';
  return [
    '**Full publish output by top-level folder** (raw / served gzip-compressed / files; all folders in the results JSON)',
    '',
    `| folder | ${sized.map((r) => `**${n(r.size)}** records`).join(' | ')} |`,
    `|---|${sized.map(() => '---').join('|')}|`,
    ...folders.map(
      (f) => `| ${f} | ${sized.map((r) => cell(r.outputSize.byFolder[f])).join(' | ')} |`,
    ),
    `| other | ${sized.map((r) => cell(other(r.outputSize))).join(' | ')} |`,
    '',
  ];
}
