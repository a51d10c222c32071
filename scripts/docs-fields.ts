/**
 * npm run docs:fields
 *
 * Rewrites the field table of README.md (between <!-- fields:start --> and <!-- fields:end -->)
 * from the record schema's labels and hints, so the README never lists a field the schema does
 * not have or misses one it has.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withFieldsTable } from './lib/fields-table.ts';

const file = new URL('../README.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withFieldsTable(before);
if (after !== before) writeFileSync(file, after);
console.log(
  after === before
    ? 'README.md: the field table is up to date'
    : 'README.md: field table rewritten',
);
