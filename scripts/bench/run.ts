/**
 * npm run bench [-- --sizes 1000,20000 --skip floor,hugo,… --equivalence-max N …] (--help lists all)
 *
 * For each record count: generate the records (registry generator, fixed seed), publish them with
 * the real pipeline (steps/publish.ts), build the framework floor and the Hugo + Pagefind
 * reference from the same files (steps/references.ts), search the result in headless Chromium
 * (steps/search.ts), republish after adding, changing and removing one record and the next day,
 * each compared with a full build of the same content and date (steps/republish.ts); then the
 * bot's and the forges' own measurements. Raw results go to scripts/bench/results/ (merged: a
 * skipped step keeps its earlier figures), the readable table to BENCHMARKS.md.
 */
import { loadavg, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { generatorExists } from './lib/content.ts';
import { formatMs } from './lib/files.ts';
import { measureModule } from './lib/modules.ts';
import { readOptions } from './lib/options.ts';
import { createProject, describeSource } from './lib/project.ts';
import { writeModuleResult } from './lib/results.ts';
import { updateBenchmarksMd } from './lib/table.ts';
import { floorIncremental } from './steps/floor-incremental.ts';
import { pagefindStudy } from './steps/pagefind-study.ts';
import { fullPublish } from './steps/publish.ts';
import { floor, hugo, ratio } from './steps/references.ts';
import { republishes } from './steps/republish.ts';
import { search } from './steps/search.ts';
import { endSize, runContext, startSize } from './steps/size-run.ts';

const options = readOptions();
const { runs, work, sizes } = options;

const started = performance.now();
const say = (message: string) =>
  console.log(`[bench ${formatMs(performance.now() - started).padStart(7)}] ${message}`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const source = describeSource(options.worktree ? 'worktree' : 'HEAD');
say(
  `sizes ${sizes.join(', ')}; seed ${options.seed}; build date ${options.date}; code ${source.source} ${source.commit.slice(0, 7)}${source.dirty ? ' (working tree differs)' : ''}; work dir ${work}`,
);
say(`load average ${load()} on ${availableParallelism()} cores`);

const projectDir = join(work, 'project');
const builds =
  runs('publish') ||
  runs('floor') ||
  runs('hugo') ||
  runs('floor-incremental') ||
  options['pagefind-study'];
if (sizes.length && builds) {
  if (!generatorExists() && !options.content)
    throw new Error(
      'the record generator (scripts/generate.ts, scripts/lib/generate.ts) is not there yet: the publish benchmarks need it',
    );
  createProject(projectDir, source.source);
}

if (options['pagefind-study']) {
  await pagefindStudy(options, projectDir, say);
  process.exit(0);
}

for (const size of builds ? sizes : []) {
  const run = await startSize(options, source, size, projectDir, say);
  if (runs('publish')) await fullPublish(run);
  if (runs('floor')) await floor(run);
  if (runs('hugo')) await hugo(run);
  ratio(run);
  // Search and the republishes work on this run's full publish; skipped, they keep earlier figures.
  const published = run.fresh.has('publish');
  for (const step of ['search', 'republish'] as const)
    if (runs(step) && !published)
      run.say(`${step} not run: it needs this run's full publish (the publish step was skipped)`);
  if (runs('search') && published) await search(run);
  if (runs('republish') && published) await republishes(run);
  if (runs('floor-incremental')) await floorIncremental(run);
  endSize(run);
  run.say(`results: ${run.save()}`);
  updateBenchmarksMd();
}

for (const name of ['bot', 'forge'] as const) {
  if (!runs(name)) continue;
  const measured = await measureModule(name, say);
  if (measured !== undefined)
    writeModuleResult(name, {
      context: runContext(options, source),
      module: name,
      result: measured,
    });
}
updateBenchmarksMd();
say(`done; BENCHMARKS.md updated. Load average now ${load()}`);
