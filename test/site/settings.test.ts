/**
 * The site build's settings (site/build/settings.ts): every variable the build has always read
 * still works, and a wrong one stops `npm run build` at once — before Astro is loaded — with the
 * variable, its value and an example of the right form.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadSiteSettings, SiteSettingsError } from '../../site/build/settings.ts';
import { contentRoot } from '../../site/lib/site-context.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const temp = mkdtempSync(join(tmpdir(), 'honghei-settings-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The one line naming a variable, for each wrong value. */
const BAD: [Record<string, string>, string][] = [
  [
    { HONGHEI_DATE: '2026-13-01' },
    'HONGHEI_DATE: HONGHEI_DATE="2026-13-01" is not a date: write it as YYYY-MM-DD, e.g. HONGHEI_DATE=2026-11-21',
  ],
  [
    { HONGHEI_DATE: '21.11.2026' },
    'HONGHEI_DATE: HONGHEI_DATE="21.11.2026" is not a date: write it as YYYY-MM-DD, e.g. HONGHEI_DATE=2026-11-21',
  ],
  [
    { HONGHEI_CONTENT_ROOT: '/nonexistent/honghei' },
    'HONGHEI_CONTENT_ROOT: HONGHEI_CONTENT_ROOT="/nonexistent/honghei" has no content/publisher.yaml: name the folder that holds content/, e.g. HONGHEI_CONTENT_ROOT=/srv/honghei/app',
  ],
  [
    { HONGHEI_SITE_URL: 'credit.example.gov.cn' },
    'HONGHEI_SITE_URL: HONGHEI_SITE_URL="credit.example.gov.cn" is not an http(s) address: write the site\'s public address, e.g. HONGHEI_SITE_URL=https://credit.example.gov.cn/',
  ],
  [
    { HONGHEI_BUILD_HEAP: '8G' },
    'HONGHEI_BUILD_HEAP: HONGHEI_BUILD_HEAP="8G" is not a number of megabytes, e.g. HONGHEI_BUILD_HEAP=8192',
  ],
  [
    { HONGHEI_PREVIOUS_DATA: '/nonexistent/data' },
    'HONGHEI_PREVIOUS_DATA: HONGHEI_PREVIOUS_DATA="/nonexistent/data" is neither a folder nor an http(s) address: name the data/ folder of the previous build or its address, e.g. HONGHEI_PREVIOUS_DATA=https://credit.example.gov.cn/data/, or unset it',
  ],
];

function problem(env: Record<string, string>): string {
  try {
    loadSiteSettings(env, ROOT);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteSettingsError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

describe('loadSiteSettings', () => {
  test.each(BAD)('%o is named with an example', (env, line) => {
    expect(problem(env)).toBe(
      `网站构建的环境变量有误 — the site build's environment is not valid:\n  ${line}`,
    );
  });

  test('every wrong variable is named at once', () => {
    const all = Object.assign({}, ...BAD.slice(1).map(([env]) => env)) as Record<string, string>;
    expect(
      problem(all)
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(':')[0]),
    ).toEqual([
      'HONGHEI_DATE',
      'HONGHEI_CONTENT_ROOT',
      'HONGHEI_SITE_URL',
      'HONGHEI_BUILD_HEAP',
      'HONGHEI_PREVIOUS_DATA',
    ]);
  });

  test('the variables the build has always read keep working; empty counts as unset', () => {
    // Unset: content/ of the project once npm run init wrote publisher.yaml there, else the sample.
    const upstream = mkdtempSync(join(temp, 'upstream-'));
    const initialised = mkdtempSync(join(temp, 'publisher-'));
    mkdirSync(join(initialised, 'content'));
    writeFileSync(
      join(initialised, 'content/publisher.yaml'),
      readFileSync(join(SAMPLE_ROOT, 'content/publisher.yaml')),
    );
    expect(loadSiteSettings({}, upstream)).toEqual({
      contentRoot: join(upstream, 'test/fixtures/sample'),
    });
    expect(loadSiteSettings({}, initialised)).toEqual({ contentRoot: initialised });
    expect(
      loadSiteSettings(
        { HONGHEI_DATE: '', HONGHEI_SITE_URL: ' ', HONGHEI_OUT_DIR: '' },
        initialised,
      ),
    ).toEqual({ contentRoot: initialised });
    // The former name still works (a warning on stderr names HONGHEI_CONTENT_ROOT, see below).
    expect(loadSiteSettings({ HONGHEI_ROOT: SAMPLE_ROOT }, initialised)).toEqual({
      contentRoot: SAMPLE_ROOT,
    });
    expect(
      loadSiteSettings(
        {
          HONGHEI_DATE: '2028-02-29',
          HONGHEI_CONTENT_ROOT: SAMPLE_ROOT,
          HONGHEI_OUT_DIR: '/tmp/out',
          HONGHEI_CACHE_DIR: '/tmp/cache',
          HONGHEI_SITE_URL: 'https://credit.example.gov.cn/',
          HONGHEI_BUILD_HEAP: '8192',
          HONGHEI_PREVIOUS_DATA: 'https://credit.example.gov.cn/data/',
          PATH: '/usr/bin',
        },
        '/elsewhere',
      ),
    ).toEqual({
      date: '2028-02-29',
      contentRoot: SAMPLE_ROOT,
      outDir: '/tmp/out',
      cacheDir: '/tmp/cache',
      siteUrl: 'https://credit.example.gov.cn/',
      buildHeapMb: 8192,
      previousData: 'https://credit.example.gov.cn/data/',
    });
    // The pages read the content root through the same schema.
    expect(contentRoot({ HONGHEI_CONTENT_ROOT: SAMPLE_ROOT })).toBe(SAMPLE_ROOT);
    expect(() => contentRoot({ HONGHEI_CONTENT_ROOT: '/nonexistent/honghei' })).toThrow(
      /has no content\/publisher\.yaml/,
    );
  });
});

describe('the former name HONGHEI_ROOT', () => {
  test('both names set to different folders stop the build, naming both', () => {
    expect(
      problem({ HONGHEI_CONTENT_ROOT: SAMPLE_ROOT, HONGHEI_ROOT: '/srv/honghei/other' }),
    ).toContain(
      `  HONGHEI_CONTENT_ROOT: HONGHEI_CONTENT_ROOT="${SAMPLE_ROOT}" and its former name HONGHEI_ROOT="/srv/honghei/other" differ: keep HONGHEI_CONTENT_ROOT alone`,
    );
  });

  test('npm run build with HONGHEI_ROOT alone warns once on stderr and uses its value', async () => {
    // A folder without publisher.yaml: the build stops at the settings, after the warning.
    const run = await build({ HONGHEI_ROOT: '/nonexistent/honghei' }, ['--out', join(temp, 'o')]);
    expect(run.code).toBe(1);
    const warnings = run.stderr.split('\n').filter((l) => l.includes('deprecated'));
    expect(warnings).toEqual([
      'warning: HONGHEI_ROOT is deprecated: rename it HONGHEI_CONTENT_ROOT (its value is used) — HONGHEI_ROOT 已改名为 HONGHEI_CONTENT_ROOT',
    ]);
    expect(run.stderr).toContain(
      'HONGHEI_CONTENT_ROOT="/nonexistent/honghei" has no content/publisher.yaml',
    );
  }, 60_000);
});

/** Runs `node scripts/build.ts` with extra environment and arguments. */
function build(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      join(ROOT, 'node_modules/.bin/node'),
      [join(ROOT, 'scripts/build.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run build with a wrong setting', () => {
  test('each wrong variable, and a wrong --date, stops the build with its message before Astro starts', async () => {
    const cases: [Record<string, string>, string[], string][] = [
      ...BAD.map(([env, line]) => [env, [], line] as [Record<string, string>, string[], string]),
      [
        {},
        ['--date', '2026-02-30'],
        '--date 2026-02-30 is not a date: write it as YYYY-MM-DD, e.g. npm run build -- --date 2026-11-21',
      ],
    ];
    for (const [i, [env, args, line]] of cases.entries()) {
      const out = join(temp, `out-${i}`);
      const run = await build({ ...env, HONGHEI_CACHE_DIR: join(temp, `cache-${i}`) }, [
        '--out',
        out,
        ...args,
      ]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain(line);
      // Nothing was built: no step was reported and neither Astro's output nor its cache exists.
      expect(run.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(temp, `cache-${i}`))).toBe(false);
    }
  }, 120_000);
});
