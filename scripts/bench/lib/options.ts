/**
 * The bench's command line: sizes, steps to skip, the build date and the rest (see USAGE), read
 * once into a BenchOptions object that every step receives.
 */
import { parseCommandLine } from '../../lib/cli.ts';

/** The steps of a size's run, in the order they run. */
export const STEPS = [
  'publish',
  'floor',
  'hugo',
  'search',
  'republish',
  'equivalence',
  'floor-incremental',
  'bot',
  'forge',
] as const;
export type Step = (typeof STEPS)[number];

const USAGE = `
npm run bench [-- options]

Publishes generated records (or a real content root) with the real pipeline and measures it:
full publish, the framework floor, the Hugo + Pagefind reference, search in headless Chromium,
republish after adding, changing and removing one record and the next day, and the equivalence of
each republish with a full build. Raw results go to scripts/bench/results/, the tables to
BENCHMARKS.md.
  --sizes 1000,20000        record counts (default 1000,20000,100000; 20k works too)
  --skip floor,search       steps to leave out: ${STEPS.join(', ')}
                            (a skipped step keeps its earlier results, with their own date)
  --equivalence-max N       compare each republish with a full build only up to N records
                            (default 20000: each comparison costs a full build)
  --floor-incremental       also the floor with Astro 7's incremental build
  --pagefind-study          what drives Pagefind's cost (--variants a,b to choose)
  --content DIR             a real content root (a folder holding content/) instead
  --no-git                  build from a plain folder: by default the content is a Git
                            repository (one commit, then one per republish kind)
  --worktree                measure the working tree instead of the last commit
  --seed S, --date YYYY-MM-DD, --queries N, --work DIR, --keep
`;

/** Reads the command line; a wrong value stops with what to write instead. */
export function readOptions() {
  const { values } = parseCommandLine(USAGE, {
    sizes: { type: 'string', default: '1000,20000,100000' },
    seed: { type: 'string', default: '20261121' },
    date: { type: 'string', default: '2026-11-21' },
    skip: { type: 'string', default: '' },
    queries: { type: 'string', default: '60' },
    work: { type: 'string', default: '/tmp/honghei-bench' },
    'equivalence-max': { type: 'string', default: '20000' },
    worktree: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-git': { type: 'boolean', default: false },
    'pagefind-study': { type: 'boolean', default: false },
    'floor-incremental': { type: 'boolean', default: false },
    variants: { type: 'string' },
    content: { type: 'string' },
  });
  const count = (s: string) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : '')));
  // --content DIR measures an existing content root instead of generated records: one "size",
  // the number of its records.
  const sizes = values.content ? [0] : values.sizes.split(',').map(count);
  if (!values.content && sizes.some((s) => !Number.isInteger(s) || s < 1))
    fail(`--sizes ${values.sizes}: give whole record counts separated by commas, e.g. 1000,20000`);
  const equivalenceMax = count(values['equivalence-max']);
  if (!Number.isInteger(equivalenceMax) || equivalenceMax < 0)
    fail(`--equivalence-max ${values['equivalence-max']}: give a record count, e.g. 20000`);
  const skip = new Set(values.skip.split(',').filter(Boolean));
  for (const s of skip)
    if (!STEPS.includes(s as Step))
      fail(`--skip ${s}: unknown step; the steps are ${STEPS.join(', ')}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    fail(`--date ${values.date}: write the build date as YYYY-MM-DD, e.g. 2026-11-21`);
  return {
    ...values,
    sizes,
    seed: Number(values.seed),
    equivalenceMax,
    /** Whether a step runs: not skipped, and floor-incremental only when asked for. */
    runs: (step: Step) =>
      !skip.has(step) && (step !== 'floor-incremental' || values['floor-incremental']),
  };
}

export type BenchOptions = ReturnType<typeof readOptions>;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
