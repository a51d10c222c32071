/**
 * npm run generate -- --count N --seed S --out DIR [--today YYYY-MM-DD] [--from ROOT]
 *
 * Writes a complete content root of N synthetic records to DIR: content/publisher.yaml and
 * content/categories.yaml (copied from ROOT, default the project's content root: content/ once
 * `npm run init` wrote it, else the sample) and content/records/**.
 * `npm run validate -- --root DIR` checks it; the same count and seed always give the same files.
 */
import { parseArgs } from 'node:util';
import { resolveContentRoot } from '../content/schema/index.ts';
import { writeContentRoot } from './lib/generate-root.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    today: { type: 'string' },
    from: { type: 'string' },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
if (!values.count || !Number.isInteger(count) || count < 0)
  fail(
    `--count ${values.count ?? '(missing)'}: give a whole number of records, e.g. --count 20000`,
  );
if (!Number.isInteger(seed)) fail(`--seed ${values.seed}: give a whole number, e.g. --seed 1`);
if (!values.out)
  fail(
    '--out is missing: give the folder to write the content root to, e.g. --out /tmp/honghei-20k',
  );

const started = Date.now();
const summary = writeContentRoot(values.out!, {
  count,
  seed,
  today: values.today,
  projectRoot: resolveContentRoot({ root: values.from }),
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `generated ${summary.records} records (seed ${seed}) in ${values.out} in ${seconds} s: ${summary.public} public on ${summary.today}`,
);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
