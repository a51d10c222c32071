/**
 * The republish rows of BENCHMARKS.md: a difference is shown with its first file, a failed build
 * and a check not run are said as such, and a step kept from an earlier run shows its own stamp.
 */
import { describe, expect, it } from 'vitest';
import type { PublishRun } from '../../../scripts/bench/lib/publish-bench.ts';
import type { RepublishRun, SizeResult } from '../../../scripts/bench/lib/results.ts';
import { republishRows, stampsCell } from '../../../scripts/bench/lib/table-republish.ts';

const run = (wallMs: number): PublishRun => ({
  wallMs,
  peakRss: 5e8,
  peakTreeRss: 5e8,
  peakProcessRss: 3e8,
  cpuSeconds: 1,
  peakByName: {},
  output: { bytes: 1, files: 1, htmlFiles: 1 },
  index: { bytes: 0, files: 0, htmlFiles: 0 },
  pages: 1,
  pagesPerSecond: 1,
  load: { before: 1, after: 1 },
});
const republish = (kind: RepublishRun['kind'], extra: Partial<RepublishRun>): RepublishRun => ({
  ...run(1000),
  kind,
  change: kind,
  date: '2026-11-21',
  fractionOfFull: 0.05,
  writes: {
    written: 3,
    added: 1,
    changed: 1,
    removed: 2,
    sample: [],
    byFolder: { records: 2, lists: 1 },
  },
  ...extra,
});
const source = { commit: 'abcdef1234', dirty: false, source: 'HEAD' as const };
const result: SizeResult = {
  size: 1000,
  context: {
    at: '2026-12-03T17:00:00Z',
    seed: 1,
    date: '2026-11-21',
    source,
    machine: { cpus: 2, memoryGB: 24, node: 'v24', loadAtStart: [1] },
  },
  records: { generated: 1000, public: 770 },
  publish: run(20_000),
  republishes: {
    add: republish('add', {
      equivalence: {
        identical: false,
        compared: 10,
        counts: { differing: 1, missing: 0, extra: 0 },
        report: '1 differing:\n  lists/red/index.html',
      },
    }),
    change: republish('change', {
      page: { id: 'x', expected: true, present: false },
      equivalence: { skipped: 'not run (--skip equivalence)' },
    }),
  },
  republishErrors: { remove: 'npm run build failed (exit 1): …\nrest' },
  stamps: {
    publish: { at: '2026-12-03T17:00:00Z', commit: 'abcdef1234', dirty: false },
    floor: { at: '2026-11-22T10:00:00Z', commit: '3921a0d999', dirty: false },
  },
  notes: [],
};

describe('the republish rows', () => {
  const rows = republishRows([result]);
  it('gives each kind its wall time, share, peak and files written', () => {
    expect(rows[0]).toContain(
      '1.0 s = 5.0 %; peak 500 MB; 3 files written (records 2, lists 1), 2 removed',
    );
    expect(rows[1]).toContain('(page MISSING or not updated!)');
    expect(rows[2]).toContain('FAILED: npm run build failed (exit 1): …');
    expect(rows[3]).toContain('| – |');
  });
  it('shows a difference with its first file and a check not run as such', () => {
    expect(rows[4]).toContain(
      'add: **1 differing, 0 missing, 0 extra** (first: lists/red/index.html); change: not run (--skip equivalence)',
    );
  });
  it("names a kept step's own date and commit", () => {
    expect(stampsCell(result)).toBe('2026-12-03, abcdef1; floor: 2026-11-22, 3921a0d');
  });
});
