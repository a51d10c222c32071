/**
 * npm run generate -- --count N --seed S --out DIR [--today YYYY-MM-DD] [--from ROOT]
 *
 * Writes a complete content root of N synthetic records to DIR: content/publisher.yaml and
 * content/categories.yaml (copied from ROOT, default the project's content root: content/ once
 * `npm run init` wrote it, else the sample) and content/records/**.
 * `npm run validate -- --root DIR` checks it; the same count and seed always give the same files.
 */
import { resolveContentRoot } from '../content/schema/index.ts';
import { parseCommandLine } from './lib/cli.ts';
import { writeContentRoot } from './lib/generate-root.ts';
import { GENERATOR_TODAY } from './lib/generate.ts';

const USAGE = `
npm run generate -- --count N --out DIR [--seed S] [--today YYYY-MM-DD] [--from ROOT]

Writes N synthetic records (a complete content root: publisher.yaml, categories.yaml, records/)
to DIR. The same count and seed always give the same files, and count N + 1 adds one record to
count N.
  --count N          how many records (required), e.g. 20000
  --out DIR          the folder to write (required), e.g. /tmp/honghei-20k
  --seed S           a whole number (default 1)
  --today DATE       the date the records are made for (default ${GENERATOR_TODAY})
  --from ROOT        copy publisher.yaml and categories.yaml from this content root
                     (default the project's: content/ once npm run init wrote it, else the sample)
`;

const { values } = parseCommandLine(USAGE, {
  count: { type: 'string' },
  seed: { type: 'string', default: '1' },
  out: { type: 'string' },
  today: { type: 'string' },
  from: { type: 'string' },
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
