/**
 * npm run build [-- --date YYYY-MM-DD] [--out DIR] [--root DIR]
 * Builds the public site and its search indexes as of the date (default: today in China).
 * --root names another folder holding content/ (a second publisher, a test's fixtures).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { publicationDate } from '../content/schema/index.ts';
import { publish } from '../site/build/publish.ts';

const { values } = parseArgs({
  options: { date: { type: 'string' }, out: { type: 'string' }, root: { type: 'string' }, quiet: { type: 'boolean' } },
});
const root = fileURLToPath(new URL('..', import.meta.url));
const date = values.date ?? publicationDate();
const started = performance.now();
const result = await publish({
  root, contentRoot: values.root, outDir: values.out, date,
  onStep: values.quiet ? undefined : (step, s) => console.log(`  ${step}: ${s.toFixed(1)} s`),
});
console.log(
  `published as of ${date}: ${result.entries} public entries, ${result.pages} search records, ` +
    `exact index ${result.searchIndex.files} files (${(result.searchIndex.bytes / 1024).toFixed(0)} KB) in ${result.outDir} ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
