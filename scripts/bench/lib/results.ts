/**
 * Raw results (one JSON file per record count in scripts/bench/results/, plus bot.json and
 * forge.json) and their shape. The readable table in BENCHMARKS.md is rendered from these files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Equivalence } from './equivalence.ts';
import type { OutputSize } from './output-size.ts';
import type { OutputWrites } from './output-writes.ts';
import type { PublishRun } from './publish-bench.ts';
import type { Snapshot } from './project.ts';
import type { QueryCost, SearchMeasurement } from './search-browser.ts';

export const RESULTS_DIR = new URL('../results/', import.meta.url).pathname;

/** The machine and the moment a measurement was taken. */
export interface RunContext {
  at: string;
  seed: number;
  date: string;
  source: Snapshot;
  machine: { cpus: number; memoryGB: number; node: string; loadAtStart: number[] };
}

/** When and on which code a step's figures were measured (kept when a later run skips it). */
export interface Stamp {
  at: string;
  commit: string;
  dirty: boolean;
}

/** The republish kinds, each built on top of the previous one's output and cache. */
export const REPUBLISH_KINDS = ['add', 'change', 'remove', 'next-day'] as const;
export type RepublishKind = (typeof REPUBLISH_KINDS)[number];

/** One republish: a build over the previous output and cache after one change. */
export interface RepublishRun extends PublishRun {
  kind: RepublishKind;
  /** What changed, e.g. "added red/2026/2026q1-red-001001.yaml" or "date 2026-11-22". */
  change: string;
  /** The build date of this republish. */
  date: string;
  /** Wall time over the full publish's. */
  fractionOfFull: number;
  /** Files the build wrote and removed in the output folder. */
  writes?: OutputWrites;
  /** The page of the record added, changed or removed: whether it must exist, and whether it does. */
  page?: { id: string; expected: boolean; present: boolean };
  /** Against a full build of the same content and date, or why that was not run. */
  equivalence?: Equivalence | { skipped: string };
}

/** Everything measured for one record count. */
export interface SizeResult {
  size: number;
  context: RunContext;
  records: { generated: number; public: number };
  publish?: PublishRun;
  /** The full publish's output: raw and gzip-served bytes, by top-level folder. */
  outputSize?: OutputSize;
  floor?: PublishRun;
  /** The reference row: Hugo + Pagefind's command on the same records (scripts/bench/hugo/). */
  hugo?: PublishRun;
  /** The Hugo reference's output: raw and gzip-served bytes, by top-level folder. */
  hugoOutputSize?: OutputSize;
  /** ours / floor, wall time and peak RSS. */
  ratio?: { wall: number; peakRss: number };
  /** Add, change, remove one record and the next day, in that order, each with its equivalence. */
  republishes?: Partial<Record<RepublishKind, RepublishRun>>;
  /** A republish whose build failed (the kinds after it were not run), with the build's output. */
  republishErrors?: Partial<Record<RepublishKind, string>>;
  /** Before 2026-12-03: the one republish (adding a record); kept to read older result files. */
  republish?: PublishRun & {
    addedRecord: string;
    addedPublic?: boolean;
    fractionOfFull: number;
    pagePresent: boolean;
  };
  /** Before 2026-12-03: the add-one republish against a full build. */
  equivalence?: Equivalence;
  /** The floor with Astro's experimental incremental build: first build, then after adding one record. */
  floorIncremental?: { first: PublishRun; republish: PublishRun; fractionOfFull: number };
  search?: SearchMeasurement;
  /** First query through the site's own search page (page, CSS, JS and index bytes). */
  searchPage?: QueryCost[];
  /** When each step's figures were measured, by step name (a skipped step keeps its own). */
  stamps?: Record<string, Stamp>;
  notes: string[];
}

/** A module's own measurement (bot, forges), kept as it reported it. */
export interface ModuleResult {
  context: RunContext;
  module: string;
  result: unknown;
}

export function writeSizeResult(result: SizeResult, name = String(result.size)): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** The stored result of a size (by its file name), or undefined. */
export function readSizeResult(name: string): SizeResult | undefined {
  const file = join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SizeResult) : undefined;
}

export function writeModuleResult(name: 'bot' | 'forge', result: ModuleResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Every stored size result, smallest count first. */
export function readSizeResults(): SizeResult[] {
  if (!existsSync(RESULTS_DIR)) return [];
  return readdirSync(RESULTS_DIR)
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(RESULTS_DIR, f), 'utf8')) as SizeResult)
    .sort((a, b) => a.size - b.size);
}

export function readModuleResult(name: 'bot' | 'forge'): ModuleResult | undefined {
  const file = join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ModuleResult) : undefined;
}
