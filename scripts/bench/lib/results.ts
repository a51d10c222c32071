/**
 * Raw results (one JSON file per record count in scripts/bench/results/, plus bot.json and
 * forge.json) and their shape. The readable table in BENCHMARKS.md is rendered from these files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Equivalence } from './equivalence.ts';
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

/** Everything measured for one record count. */
export interface SizeResult {
  size: number;
  context: RunContext;
  records: { generated: number; public: number };
  publish?: PublishRun;
  floor?: PublishRun;
  /** The reference row: Hugo + Pagefind's command on the same records (scripts/bench/hugo/). */
  hugo?: PublishRun;
  /** ours / floor, wall time and peak RSS. */
  ratio?: { wall: number; peakRss: number };
  /** After adding one record; its page must exist exactly when the record is public. */
  republish?: PublishRun & {
    addedRecord: string;
    addedPublic?: boolean;
    fractionOfFull: number;
    pagePresent: boolean;
  };
  /** The republished output against a full build of the same content and date. */
  equivalence?: Equivalence;
  /** The floor with Astro's experimental incremental build: first build, then after adding one record. */
  floorIncremental?: { first: PublishRun; republish: PublishRun; fractionOfFull: number };
  search?: SearchMeasurement;
  /** First query through the site's own search page (page, CSS, JS and index bytes). */
  searchPage?: QueryCost[];
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
