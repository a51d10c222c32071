/**
 * Builds the sample site once for the whole suite, as of a fixed date, into a temporary folder,
 * exactly as `npm run build` does (a child process, so Astro runs as it does for a user).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../fixtures/roots.ts';

/** The date the sample site is built as of in tests: fixed, so visibility is reproducible. */
export const SAMPLE_DATE = '2026-11-21';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteDate: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'honghei-site-'));
  const outDir = join(dir, 'dist');
  // The sample fixture, named explicitly: the build's default is the project's content/ once a
  // publisher has run `npm run init`, and the suite must not depend on what they publish.
  execFileSync(
    process.execPath,
    ['scripts/build.ts', '--date', SAMPLE_DATE, '--out', outDir, '--root', SAMPLE_ROOT],
    {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, HONGHEI_CACHE_DIR: join(dir, 'cache') },
    },
  );
  project.provide('siteDir', outDir);
  project.provide('siteDate', SAMPLE_DATE);
  return () => rmSync(dir, { recursive: true, force: true });
}
