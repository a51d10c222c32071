/**
 * Builds the framework floor (this folder's minimal Astro project) from a content root's records
 * and indexes it with the site's own Pagefind step (the same custom records), so the two differ
 * only in what the site adds. Run it from this folder (Astro writes .astro/ into the cwd):
 *   node build.ts --records DIR --out DIR --cache DIR
 */
import { build } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writePagefindIndex } from '../../../site/build/pagefind-index.ts';
import type { SourceEntry } from '../../../site/lib/search/format.ts';

const { values } = parseArgs({ options: { records: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' } } });
if (!values.records || !values.out || !values.cache) {
  throw new Error('usage: node scripts/bench/floor/build.ts --records DIR --out DIR --cache DIR (all three are required)');
}
process.env.FLOOR_RECORDS = values.records;
process.env.FLOOR_OUT_DIR = values.out;
process.env.FLOOR_CACHE_DIR = values.cache;
process.env.ASTRO_TELEMETRY_DISABLED = '1';

const root = fileURLToPath(new URL('.', import.meta.url));
const started = performance.now();
await build({ root, logLevel: 'warn' });
const built = performance.now();
const sourceFile = join(values.out, 'floor-source.json');
const entries = readFileSync(sourceFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SourceEntry);
rmSync(sourceFile);
const pages = await writePagefindIndex(values.out, entries, []);
const ms = (t: number) => Math.round(t);
console.log(`floor: astro ${ms(built - started)} ms, pagefind ${ms(performance.now() - built)} ms, ${pages} records indexed`);
