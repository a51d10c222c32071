/**
 * Builds the framework floor (this folder's minimal Astro project) from a content root's records
 * and indexes it with Pagefind from the site's own custom records (pagefindRecord), so the two
 * differ only in what the site adds. Run it from this folder (Astro writes .astro/ into the cwd):
 *   node build.ts --records DIR --out DIR --cache DIR [--incremental]
 */
import { build } from 'astro';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { PAGEFIND_LANGUAGE, pagefindRecord } from '../../../site/build/pagefind-index.ts';
import type { SourceEntry } from '../../../site/lib/search/format.ts';
import { parseCommandLine } from '../../lib/cli.ts';

const USAGE =
  'usage: node scripts/bench/floor/build.ts --records DIR --out DIR --cache DIR [--incremental] (run from scripts/bench/floor; the three folders are required)';
const { values } = parseCommandLine(USAGE, {
  records: { type: 'string' },
  out: { type: 'string' },
  cache: { type: 'string' },
  incremental: { type: 'boolean', default: false },
});
if (!values.records || !values.out || !values.cache) {
  console.error(USAGE);
  process.exit(2);
}
process.env.FLOOR_RECORDS = values.records;
process.env.FLOOR_OUT_DIR = values.out;
process.env.FLOOR_CACHE_DIR = values.cache;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
if (values.incremental) process.env.FLOOR_INCREMENTAL = '1';

const root = fileURLToPath(new URL('.', import.meta.url));
const started = performance.now();
await build({ root, logLevel: 'warn' });
const built = performance.now();
const sourceFile = join(values.out, 'floor-source.json');
const entries = readFileSync(sourceFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as SourceEntry);
rmSync(sourceFile);
// The site's own custom records (pagefindRecord), fed and written as the simplest loop can.
const { index, errors } = await createIndex({ forceLanguage: PAGEFIND_LANGUAGE });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
for (let i = 0; i < entries.length; i += 256) {
  for (const r of await Promise.all(
    entries.slice(i, i + 256).map((e) => index.addCustomRecord(pagefindRecord(e))),
  )) {
    if (r.errors.length) throw new Error(`Pagefind: ${r.errors.join('; ')}`);
  }
}
const written = await index.writeFiles({ outputPath: join(values.out, 'pagefind') });
if (written.errors.length)
  throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
await close();
const pages = entries.length;
// The same step lines as npm run build prints, so the bench reads both alike.
console.log(`  astro build: ${((built - started) / 1000).toFixed(1)} s`);
console.log(`  pagefind index: ${((performance.now() - built) / 1000).toFixed(1)} s`);
console.log(`floor: ${pages} records indexed`);
