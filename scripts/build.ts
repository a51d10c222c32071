/**
 * npm run build [-- --date YYYY-MM-DD] [--out DIR] [--root DIR] [--quiet]
 * Builds the public site and its search indexes as of the date (default: HONGHEI_DATE, or today
 * in China). --root names another folder holding content/ (a second publisher, a test's
 * fixtures; the default is content/ once `npm run init` has written content/publisher.yaml, else
 * the sample); the flags win over the environment (HONGHEI_DATE, HONGHEI_OUT_DIR,
 * HONGHEI_CONTENT_ROOT). The environment is checked first (site/build/settings.ts): a wrong
 * variable stops the build before Astro starts, named with an example.
 */
import { spawnSync } from 'node:child_process';
import { totalmem } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import {
  calendarWarnings,
  formatProblems,
  isIsoDate,
  listRecordFiles,
  loadPublisher,
  publicationDate,
  workingCalendarOf,
} from '../content/schema/index.ts';
import { annotations } from '../bot/forge/ci-report.ts';
import { parseCommandLine, usageOf } from './lib/cli.ts';
import { loadSiteSettings, SiteSettingsError, type SiteSettings } from '../site/build/settings.ts';

const { values } = parseCommandLine(usageOf(import.meta.url), {
  date: { type: 'string' },
  out: { type: 'string' },
  root: { type: 'string' },
  quiet: { type: 'boolean' },
});
const root = fileURLToPath(new URL('..', import.meta.url));
// The build writes into its output folder and deletes what is out of date there: refuse one that holds the project's own files.
if (values.out) {
  const out = resolve(values.out);
  const own = ['site', 'content', 'scripts', 'bot', 'test', 'node_modules', '.git'].map((d) =>
    join(root, d),
  );
  if (
    `${resolve(root)}${sep}`.startsWith(`${out}${sep}`) ||
    own.some((d) => out === d || out.startsWith(`${d}${sep}`))
  ) {
    console.error(
      `--out ${values.out}：构建会在输出目录里写入文件并删除过时的文件，而它是（或包含）项目自己的文件（site/、content/ 等），不能作为输出目录 — 换一个目录，例如 --out dist 或 --out public`,
    );
    process.exit(2);
  }
}

let settings: SiteSettings;
try {
  settings = loadSiteSettings(process.env, root);
  if (values.date !== undefined && !isIsoDate(values.date)) {
    throw new SiteSettingsError(
      `--date ${values.date} is not a date: write it as YYYY-MM-DD, e.g. npm run build -- --date 2026-11-21`,
    );
  }
} catch (error) {
  if (!(error instanceof SiteSettingsError)) throw error;
  console.error(error.message);
  process.exit(1);
}
// --root wins; else HONGHEI_CONTENT_ROOT (formerly HONGHEI_ROOT); else content/ once `npm run init` wrote
// it, else the sample (resolveContentRoot, through the settings).
const contentRoot = resolve(values.root ?? settings.contentRoot);

// Astro holds every entry while it renders: beyond some 40,000 records its heap can outgrow
// Node's default limit (about 4 GB). Rerun with a larger limit then — not always, because a
// larger limit also lets the heap of a small build grow more before it is collected.
const LARGE = 40_000;
const heapMb = Math.min(16_384, Math.floor((totalmem() / 2 ** 20) * 0.6));
if (
  !settings.buildHeapMb &&
  listRecordFiles(contentRoot).length > LARGE &&
  getHeapStatistics().heap_size_limit / 2 ** 20 < heapMb
) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, HONGHEI_BUILD_HEAP: String(heapMb) },
    },
  );
  process.exit(child.status ?? 1);
}

// Astro is loaded only once the settings are known to be right.
const { publish } = await import('../site/build/publish.ts');
const date = values.date ?? settings.date ?? publicationDate();
// A missing holiday calendar for next year is a warning, not a failure: the site still builds.
const publisher = loadPublisher(contentRoot);
const calendarGaps = calendarWarnings(
  workingCalendarOf(contentRoot),
  publisher,
  date,
  publisher.language,
);
if (calendarGaps.length)
  console.warn(
    process.env.GITHUB_ACTIONS === 'true'
      ? annotations(calendarGaps)
      : formatProblems(calendarGaps, publisher.language),
  );
const started = performance.now();
const result = await publish({
  root,
  contentRoot,
  outDir: values.out ?? settings.outDir,
  date,
  shardSize: settings.searchShardSize,
  onStep: values.quiet ? undefined : (step, s) => console.log(`  ${step}: ${s.toFixed(1)} s`),
});
console.log(
  `published as of ${date}: ${result.entries} public entries, ${result.pages} search records, ` +
    `exact index ${result.searchIndex.files} files (${(result.searchIndex.bytes / 1024).toFixed(0)} KB) in ${result.outDir} ` +
    `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
