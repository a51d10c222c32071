/**
 * package-lock.json installs with `npm ci` on every platform: it holds every platform's optional
 * binaries (pagefind, Astro's compiler, rolldown, esbuild, sharp …), not only the ones of the
 * machine that wrote it, and it is in sync with package.json as npm ci requires.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import {
  missingPlatformBinaries,
  platformBinaryParents,
  type Lockfile,
} from './support/lockfile.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const lock = read('package-lock.json') as Lockfile;
const pkg = read('package.json') as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const temp = mkdtempSync(join(tmpdir(), 'honghei-lockfile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('package-lock.json', () => {
  test('records the dependency ranges of package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages['']?.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(lock.packages['']?.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
  });

  test('holds every platform binary of every package that ships them', () => {
    const parents = platformBinaryParents(lock);
    // The packages known to ship per-platform binaries are found (the check is not vacuous).
    for (const name of ['pagefind', 'esbuild', 'rolldown', '@astrojs/compiler-binding']) {
      expect(parents.has(`node_modules/${name}`), `${name} ships platform binaries`).toBe(true);
    }
    expect(
      missingPlatformBinaries(lock),
      'regenerate the lockfile from a clean state: rm -rf node_modules package-lock.json && npm install',
    ).toEqual([]);
  });

  test('npm ci accepts it (package.json and package-lock.json in sync)', async () => {
    copyFileSync(join(ROOT, 'package.json'), join(temp, 'package.json'));
    copyFileSync(join(ROOT, 'package-lock.json'), join(temp, 'package-lock.json'));
    const run = promisify(execFile);
    const result = await run(
      'npm',
      ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: temp, maxBuffer: 64 << 20 },
    ).then(
      () => 'ok',
      (e: { stderr?: string }) =>
        String(e.stderr)
          .split('\n')
          .filter((l) => !l.includes('EBADENGINE') && /npm error/.test(l))
          .slice(0, 20)
          .join('\n'),
    );
    expect(result).toBe('ok');
  }, 180_000);
});
