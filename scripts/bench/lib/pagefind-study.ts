/**
 * What drives Pagefind's cost: each variant of scripts/bench/pagefind-variant.ts indexed from the
 * same generated records, in its own process, measured for time (add vs write), peak memory and
 * output. Results go to scripts/bench/results/pagefind-study.json and a table in BENCHMARKS.md.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { folderStats, formatBytes, formatMs } from './files.ts';
import { measure } from './measure.ts';
import { NODE, REPO } from './project.ts';
import { RESULTS_DIR } from './results.ts';

/** The variants: what Pagefind is fed, and with which options. */
export const VARIANTS = {
  'site-pages':
    "the built site's whole entry pages (addDirectory, data-pagefind-body on <main>) — the first version's approach",
  'html-body':
    'one HTML file per record holding only the entry text (no header, footer or navigation)',
  'custom-full':
    'addCustomRecord with every public field as text, meta and six filters — what the site does now',
  'custom-compact':
    'addCustomRecord with only name, code and region as text, same meta and filters',
  'custom-bare':
    'addCustomRecord with full text, but no meta beyond the title and no filters or sort',
  'custom-full-frag100': 'custom-full with maxFragments 100 (fragments bundled into ≤ 100 files)',
  'custom-full-frag1000': 'custom-full with maxFragments 1000',
  'custom-full-en': 'custom-full indexed as English (no CJK word segmentation, no bigrams)',
} as const;
export type Variant = keyof typeof VARIANTS;

export interface VariantResult {
  size: number;
  variant: string;
  wallMs: number;
  addMs: number;
  writeMs: number;
  peakRss: number;
  /** Peak RSS of the Pagefind binary alone (sampled every 100 ms). */
  pagefindRss: number;
  indexBytes: number;
  indexFiles: number;
  uniqueWordsPerRecord: number;
  load: number;
}

export const STUDY_FILE = join(RESULTS_DIR, 'pagefind-study.json');

/** Runs one variant; returns its measurement. */
export async function runVariant(
  variant: string,
  size: number,
  recordsDir: string,
  work: string,
  siteDir: string | undefined,
): Promise<VariantResult> {
  const out = join(work, `pagefind-${variant}-${size}`);
  rmSync(out, { recursive: true, force: true });
  const { loadavg } = await import('node:os');
  const load = loadavg()[0]!;
  const m = await measure(
    NODE,
    [
      join(REPO, 'scripts/bench/pagefind-variant.ts'),
      '--variant',
      variant,
      '--records',
      recordsDir,
      '--out',
      out,
      ...(siteDir ? ['--site', siteDir] : []),
    ],
    {
      cwd: REPO,
      splitAt: 'pagefind_extend',
    },
  );
  const line = m.tail.findLast((l) => l.startsWith('VARIANT-RESULT '));
  if (m.exitCode !== 0 || !line)
    throw new Error(
      `Pagefind variant ${variant} failed (exit ${m.exitCode}):\n${m.tail.join('\n')}`,
    );
  const r = JSON.parse(line.slice('VARIANT-RESULT '.length)) as {
    addMs: number;
    writeMs: number;
    uniqueWordsPerRecord: number;
  };
  const index = folderStats(join(out, 'pagefind'));
  rmSync(out, { recursive: true, force: true });
  return {
    size,
    variant,
    wallMs: r.addMs + r.writeMs,
    addMs: r.addMs,
    writeMs: r.writeMs,
    // Only the Pagefind phase: the variant's own YAML reading and HTML writing are not its cost.
    peakRss: m.split?.peakAfter ?? m.peakRss,
    pagefindRss: m.peakByName.pagefind_extend ?? 0,
    indexBytes: index.bytes,
    indexFiles: index.files,
    uniqueWordsPerRecord: r.uniqueWordsPerRecord,
    load,
  };
}

export function readStudy(): VariantResult[] {
  return existsSync(STUDY_FILE)
    ? (JSON.parse(readFileSync(STUDY_FILE, 'utf8')) as VariantResult[])
    : [];
}

/** Stores results, replacing earlier ones of the same size and variant. */
export function saveStudy(results: VariantResult[]): void {
  const kept = readStudy().filter(
    (old) => !results.some((r) => r.size === old.size && r.variant === old.variant),
  );
  writeFileSync(
    STUDY_FILE,
    `${JSON.stringify(
      [...kept, ...results].sort((a, b) => a.size - b.size),
      null,
      2,
    )}\n`,
  );
}

/** The study as a Markdown table. */
export function renderStudy(): string {
  const rows = readStudy();
  if (!rows.length) return '_Not run yet: `npm run bench -- --pagefind-study --sizes 5000,20000`._';
  return [
    '| records | variant | Pagefind time (add + write) | Pagefind peak RSS | index size / files | unique words per record | load |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.size.toLocaleString('en')} | ${r.variant} | ${formatMs(r.wallMs)} (${formatMs(r.addMs)} + ${formatMs(r.writeMs)}) | ${formatBytes(r.pagefindRss)} | ${formatBytes(r.indexBytes)} / ${r.indexFiles.toLocaleString('en')} | ${r.uniqueWordsPerRecord ? r.uniqueWordsPerRecord.toFixed(0) : '–'} | ${r.load.toFixed(1)} |`,
    ),
  ].join('\n');
}
