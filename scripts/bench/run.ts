/**
 * npm run bench [-- --sizes 1000,5000 --seed S --date YYYY-MM-DD --skip floor,hugo,search,… --queries N]
 *
 * For each record count: generate the records (registry generator, fixed seed), publish them with
 * the real pipeline, build the framework floor and the Hugo + Pagefind reference from the same
 * files, search the result in headless
 * Chromium (bytes, time, recall against the known answers), republish after adding one record
 * and compare that output with a full build of the same records (equivalence);
 * then the bot's and the forges' own measurements when those modules exist. Raw results go to
 * scripts/bench/results/, the readable table to BENCHMARKS.md.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { parse } from 'yaml';
import { isPublicOn, type HongheiRecord } from '../../content/schema/index.ts';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  addOneRecord,
  cloneRecord,
  contentDirOf,
  generatedContent,
  generatorExists,
  recordFiles,
  recordsDirOf,
} from './lib/content.ts';
import { formatBytes, formatMs } from './lib/files.ts';
import { measureModule } from './lib/modules.ts';
import { buildTakesRoot, createProject, describeSource, linkContent } from './lib/project.ts';
import { checkEquivalence } from './lib/equivalence.ts';
import { hugoInstalled, measureHugo } from './lib/hugo-bench.ts';
import { measureFloor, measureOurPublish } from './lib/publish-bench.ts';
import {
  writeModuleResult,
  writeSizeResult,
  type RunContext,
  type SizeResult,
} from './lib/results.ts';
import { measureSearch, measureSearchPage } from './lib/search-browser.ts';
import { buildQuerySet, loadPublicRecords } from './lib/search-queries.ts';
import { updateBenchmarksMd } from './lib/table.ts';
import { runVariant, saveStudy, VARIANTS, type VariantResult } from './lib/pagefind-study.ts';

const STEPS = [
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
type Step = (typeof STEPS)[number];

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000,100000' },
    seed: { type: 'string', default: '20261121' },
    date: { type: 'string', default: '2026-11-21' },
    skip: { type: 'string', default: '' },
    queries: { type: 'string', default: '60' },
    work: { type: 'string', default: '/tmp/honghei-bench' },
    worktree: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'pagefind-study': { type: 'boolean', default: false },
    'floor-incremental': { type: 'boolean', default: false },
    variants: { type: 'string' },
    content: { type: 'string' },
  },
});

// --content DIR measures an existing content root (a folder holding content/) instead of
// generated records: one "size", the number of its records.
const sizes = values.content
  ? [0]
  : values.sizes.split(',').map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
if (!values.content && sizes.some((s) => !Number.isInteger(s) || s < 1))
  throw new Error(
    `--sizes ${values.sizes}: give whole record counts separated by commas, e.g. --sizes 1000,5000`,
  );
const skip = new Set(values.skip.split(',').filter(Boolean));
for (const s of skip)
  if (!STEPS.includes(s as Step))
    throw new Error(`--skip ${s}: unknown step; the steps are ${STEPS.join(', ')}`);
// floor-incremental is opt-in (--floor-incremental): two more floor builds per size.
const runs = (step: Step) =>
  !skip.has(step) && (step !== 'floor-incremental' || values['floor-incremental']);
const seed = Number(values.seed);
const work = values.work;

const started = performance.now();
const say = (message: string) =>
  console.log(`[bench ${formatMs(performance.now() - started).padStart(7)}] ${message}`);

const source = describeSource(values.worktree ? 'worktree' : 'HEAD');
const context = (): RunContext => ({
  at: new Date().toISOString(),
  seed,
  date: values.date,
  source,
  machine: {
    cpus: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg(),
  },
});

say(
  `sizes ${sizes.join(', ')}; seed ${seed}; build date ${values.date}; code ${source.source} ${source.commit.slice(0, 7)}${source.dirty ? ' (working tree differs)' : ''}; work dir ${work}`,
);
say(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`,
);

const projectDir = join(work, 'project');
if (sizes.length && (runs('publish') || runs('floor') || runs('hugo'))) {
  if (!generatorExists() && !values.content)
    throw new Error(
      'the record generator (scripts/generate.ts, scripts/lib/generate.ts) is not there yet: the publish benchmarks need it',
    );
  createProject(projectDir, source.source);
}

if (values['pagefind-study']) {
  await pagefindStudy();
  process.exit(0);
}

for (const size of sizes) {
  const label = values.content ? 'content' : size.toLocaleString('en');
  const sayN = (m: string) => say(`${label}: ${m}`);
  const passLine = (line: string) => line.trim() && console.log(`            │ ${line}`);
  const contentRoot =
    values.content ?? (await generatedContent(join(work, `content-${size}`), size, seed, sayN));
  const recordsDir = recordsDirOf(contentRoot);
  const publicRecords = loadPublicRecords(recordsDir, values.date);
  const result: SizeResult = {
    size: size || recordFiles(recordsDir).length,
    context: context(),
    records: { generated: recordFiles(recordsDir).length, public: publicRecords.length },
    notes: [],
  };
  sayN(`${result.records.generated} records, ${result.records.public} public on ${values.date}`);

  // The build reads a folder holding content/: its own --root when it takes one, else the
  // project's content/. Hard links keep the generated copy untouched by the republish test.
  const takesRoot = buildTakesRoot(projectDir);
  const buildRoot = takesRoot ? join(work, `root-${label}`) : projectDir;
  if (takesRoot) rmSync(buildRoot, { recursive: true, force: true });
  else
    for (const entry of readdirSync(join(projectDir, 'content')))
      if (entry !== 'schema')
        rmSync(join(projectDir, 'content', entry), { recursive: true, force: true });
  linkContent(contentDirOf(contentRoot), join(buildRoot, 'content'));
  const dirs = {
    projectDir,
    date: values.date,
    outDir: join(work, `out-${label}`),
    cacheDir: join(work, `cache-${label}`),
    root: takesRoot ? buildRoot : undefined,
  };
  if (!takesRoot)
    result.notes.push(
      "the measured build has no --root option: the records were placed in the project's content/",
    );

  if (runs('publish')) {
    sayN('full publish (cold cache)…');
    result.publish = await measureOurPublish(dirs, passLine);
    save(result);
    sayN(
      `full publish ${formatMs(result.publish.wallMs)}, peak RSS ${formatBytes(result.publish.peakRss)}, ${result.publish.pages} pages, ${formatBytes(result.publish.output.bytes)}`,
    );
  }
  if (runs('floor')) {
    sayN('framework floor (minimal Astro + the same Pagefind step)…');
    result.floor = await measureFloor(
      {
        ...dirs,
        outDir: join(work, `floor-out-${label}`),
        cacheDir: join(work, `floor-cache-${label}`),
        recordsDir,
      },
      passLine,
    );
    sayN(
      `floor ${formatMs(result.floor.wallMs)}, peak RSS ${formatBytes(result.floor.peakRss)}, ${result.floor.pages} pages`,
    );
    if (!values.keep) rmSync(join(work, `floor-out-${label}`), { recursive: true, force: true });
    rmSync(join(work, `floor-cache-${label}`), { recursive: true, force: true });
  }
  if (runs('hugo')) {
    if (!hugoInstalled())
      sayN('Hugo reference skipped: hugo is not installed (apt-get install hugo)');
    else {
      sayN('reference: Hugo + Pagefind command on the same records…');
      const siteDir = join(work, `hugo-${label}`);
      result.hugo = await measureHugo({ projectDir, recordsDir, siteDir }, passLine);
      save(result);
      sayN(
        `Hugo + Pagefind ${formatMs(result.hugo.wallMs)}, peak RSS ${formatBytes(result.hugo.peakRss)}, ${result.hugo.pages} pages, ${formatBytes(result.hugo.output.bytes)}`,
      );
      if (!values.keep) rmSync(siteDir, { recursive: true, force: true });
    }
  }
  if (result.publish && result.floor) {
    result.ratio = {
      wall: result.publish.wallMs / result.floor.wallMs,
      peakRss: result.publish.peakRss / result.floor.peakRss,
    };
    sayN(
      `ours / floor: ${result.ratio.wall.toFixed(2)}× wall, ${result.ratio.peakRss.toFixed(2)}× peak RSS`,
    );
    save(result);
  }
  if (runs('search') && result.publish) {
    const queries = buildQuerySet(publicRecords, Number(values.queries), seed);
    sayN(`search: ${queries.length} queries in headless Chromium…`);
    result.searchPage = await measureSearchPage(dirs.outDir, queries);
    sayN(
      `search page, first query: ${result.searchPage.map((c) => `${c.kind} ${(c.wireBytes / 1000).toFixed(0)} KB ${c.ms.toFixed(0)} ms`).join(', ')}`,
    );
    result.search = await measureSearch({
      siteDir: dirs.outDir,
      projectDir,
      queries,
      ids: new Set(publicRecords.map((r) => r.id)),
      onProgress: sayN,
    });
    save(result);
    for (const engine of result.search) {
      for (const r of engine.recall)
        sayN(
          `${engine.engine} recall ${r.kind}: ${(r.recall * 100).toFixed(1)} % (${r.complete}/${r.checked} complete, ${r.countOnlyOk}/${r.countOnly} by count)`,
        );
    }
  }
  if (runs('republish') && result.publish) {
    const target = join(buildRoot, 'content/records');
    const added = values.content
      ? cloneRecord(target)
      : await addOneRecord(work, size, seed, target, sayN);
    sayN(`republish after adding ${added}…`);
    const run = await measureOurPublish(dirs, passLine, false);
    const id = added
      .split('/')
      .pop()!
      .replace(/\.yaml$/, '');
    // The added record gets a page only if it is public on the build date (a generated one may be removed or expired).
    const addedPublic = isPublicOn(
      parse(readFileSync(join(buildRoot, 'content/records', added), 'utf8')) as HongheiRecord,
      values.date,
    );
    const pagePresent = existsSync(dirs.outDir) && findPage(dirs.outDir, id);
    result.republish = {
      ...run,
      addedRecord: added,
      addedPublic,
      fractionOfFull: run.wallMs / result.publish.wallMs,
      pagePresent,
    };
    const pageNote =
      addedPublic === pagePresent
        ? ''
        : addedPublic
          ? ' — but its page is MISSING'
          : ' — but it is not public and has a page';
    sayN(
      `republish ${formatMs(run.wallMs)} = ${(result.republish.fractionOfFull * 100).toFixed(1)} % of the full publish${pageNote}`,
    );
  }
  if (runs('equivalence') && result.republish) {
    sayN('equivalence: a full build of the same records, compared file by file…');
    const fullOut = join(work, `full-out-${label}`);
    result.equivalence = await checkEquivalence(dirs, fullOut, passLine);
    rmSync(fullOut, { recursive: true, force: true });
    save(result);
    sayN(`equivalence: ${result.equivalence.report.split('\n').join('; ')}`);
  }
  if (runs('floor-incremental')) {
    // What Astro's own incremental build saves: the floor built once with it on, then again
    // after one record is added (to a copy of the records, so the generated set stays as it is).
    const copy = join(work, `floor-records-${label}`);
    rmSync(copy, { recursive: true, force: true });
    linkContent(recordsDir, copy);
    const floorDirs = {
      ...dirs,
      outDir: join(work, `floor-inc-out-${label}`),
      cacheDir: join(work, `floor-inc-cache-${label}`),
      recordsDir: copy,
    };
    sayN('floor with incremental build: first build…');
    const first = await measureFloor(floorDirs, passLine, { incremental: true });
    const added = values.content
      ? cloneRecord(copy)
      : await addOneRecord(work, size, seed, copy, sayN);
    sayN(`floor with incremental build: after adding ${added}…`);
    const again = await measureFloor(floorDirs, passLine, { incremental: true, cold: false });
    result.floorIncremental = {
      first,
      republish: again,
      fractionOfFull: again.wallMs / (result.floor?.wallMs ?? first.wallMs),
    };
    sayN(
      `floor incremental: first ${formatMs(first.wallMs)}, republish ${formatMs(again.wallMs)} = ${(result.floorIncremental.fractionOfFull * 100).toFixed(1)} % of the plain floor`,
    );
    for (const dir of [copy, floorDirs.outDir, floorDirs.cacheDir])
      rmSync(dir, { recursive: true, force: true });
  }
  if (!values.keep) {
    for (const dir of [dirs.outDir, dirs.cacheDir, ...(takesRoot ? [buildRoot] : [])])
      rmSync(dir, { recursive: true, force: true });
  }
  sayN(`results: ${save(result)}`);
  updateBenchmarksMd();
}

for (const name of ['bot', 'forge'] as const) {
  if (!runs(name)) continue;
  const measured = await measureModule(name, say);
  if (measured !== undefined)
    writeModuleResult(name, { context: context(), module: name, result: measured });
}
updateBenchmarksMd();
say(
  `done; BENCHMARKS.md updated. Load average now ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

/** The Pagefind study: every variant at every size, from the same generated records. */
async function pagefindStudy(): Promise<void> {
  const variants = values.variants ? values.variants.split(',') : Object.keys(VARIANTS);
  for (const v of variants)
    if (!(v in VARIANTS))
      throw new Error(
        `--variants ${v}: unknown; the variants are ${Object.keys(VARIANTS).join(', ')}`,
      );
  for (let size of sizes) {
    const contentRoot =
      values.content ?? (await generatedContent(join(work, `content-${size}`), size, seed, say));
    const recordsDir = recordsDirOf(contentRoot);
    size ||= recordFiles(recordsDir).length;
    const label = size.toLocaleString('en');
    let siteDir: string | undefined;
    if (variants.includes('site-pages')) {
      // The whole pages come from a real build of the same records, without its own index.
      const takesRoot = buildTakesRoot(projectDir);
      const buildRoot = takesRoot ? join(work, `root-${size}`) : projectDir;
      linkContent(contentDirOf(contentRoot), join(buildRoot, 'content'));
      siteDir = join(work, `out-${size}`);
      say(`${label}: building the site for the whole-page variant…`);
      await measureOurPublish(
        {
          projectDir,
          date: values.date,
          outDir: siteDir,
          cacheDir: join(work, `cache-${size}`),
          root: takesRoot ? buildRoot : undefined,
        },
        () => {},
      );
      for (const dir of ['pagefind', 'search-data'])
        rmSync(join(siteDir, dir), { recursive: true, force: true });
    }
    const results: VariantResult[] = [];
    for (const variant of variants) {
      say(`${label}: Pagefind variant ${variant} — ${VARIANTS[variant as keyof typeof VARIANTS]}`);
      const r = await runVariant(variant, size, recordsDir, work, siteDir);
      say(
        `${label}: ${variant}: ${formatMs(r.wallMs)} (add ${formatMs(r.addMs)}, write ${formatMs(r.writeMs)}), Pagefind ${formatBytes(r.pagefindRss)}, index ${formatBytes(r.indexBytes)} in ${r.indexFiles} files`,
      );
      results.push(r);
      saveStudy([r]);
      updateBenchmarksMd();
    }
    if (siteDir && !values.keep) rmSync(siteDir, { recursive: true, force: true });
  }
}

/** Writes a size's results so far (after each step, so a failure later keeps them). */
function save(result: SizeResult): string {
  // A measured --content root is kept apart from the generated sizes of the table.
  return writeSizeResult(result, values.content ? `content-${result.size}` : undefined);
}

/** Whether the built site has a page whose URL ends with the record id. */
function findPage(outDir: string, id: string): boolean {
  const stack = [outDir];
  while (stack.length) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'pagefind' || entry.name === '_astro') continue;
      if (entry.name === id && existsSync(join(dir, id, 'index.html'))) return true;
      stack.push(join(dir, entry.name));
    }
  }
  return false;
}
