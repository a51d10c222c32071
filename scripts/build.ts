/**
 * npm run build [-- --date YYYY-MM-DD] [--out DIR]
 * Builds the public site and its search index (as of the date, default today in China).
 */
import { parseArgs } from 'node:util';
import { publicationDate } from '../content/schema/index.ts';
import { publish } from '../site/build/publish.ts';

const { values } = parseArgs({ options: { date: { type: 'string' }, out: { type: 'string' } } });
const date = values.date ?? publicationDate();
const started = Date.now();
const { outDir, pages } = await publish({ root: process.cwd(), outDir: values.out, date });
console.log(`published as of ${date}: ${pages} pages indexed in ${outDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
