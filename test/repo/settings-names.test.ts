/**
 * One name per setting, read in one place: every HONGHEI_* variable the documentation, the
 * example environment or a CI workflow names is in the table (content/schema/settings.ts) — or is
 * a former name the table still honours — and no code outside the settings modules reads one from
 * the environment by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SETTINGS, type Setting } from '../../content/schema/settings.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';

const CURRENT = new Set(Object.keys(SETTINGS));
const FORMER = new Set(
  Object.values(SETTINGS as Record<string, Setting>).flatMap((s) =>
    s.formerly ? [s.formerly] : [],
  ),
);

const walk = (dir: string, ext: RegExp): string[] =>
  existsSync(join(PROJECT_ROOT, dir))
    ? readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => ext.test(f) && !f.includes('node_modules'))
        .map((f) => join(dir, f))
    : [];

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

describe('setting names', () => {
  test('the documentation, the example environment and the workflows name only settings of the table', () => {
    const docs = [
      'README.md',
      ...walk('docs', /\.md$/),
      ...walk('bot/deploy', /\.(example|service)$/),
      ...walk('.github', /\.ya?ml$/),
      ...walk('.gitea', /\.ya?ml$/),
      ...(existsSync(join(PROJECT_ROOT, '.gitlab-ci.yml')) ? ['.gitlab-ci.yml'] : []),
    ];
    const unknown = docs.flatMap((file) =>
      [...read(file).matchAll(/HONGHEI_[A-Z_]*[A-Z]/g)]
        .map((m) => m[0])
        .filter((name) => !CURRENT.has(name) && !FORMER.has(name))
        .map((name) => `${file}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  test('the example environment uses the current names only', () => {
    const names = [...read('bot/deploy/honghei-bot.env.example').matchAll(/^(HONGHEI_\w+)=/gm)].map(
      (m) => m[1]!,
    );
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((n) => !CURRENT.has(n))).toEqual([]);
  });

  test('no code reads a HONGHEI_* variable from the environment by hand', () => {
    // Writing the environment another part reads is fine: publish() sets the one Astro parses in
    // the same process; the console mode gives the private store's parser its folder.
    const allowed = [
      /^site\/build\/publish\.ts: (if \(\w+\) )?process\.env\.HONGHEI_\w+ =/,
      /^bot\/run\/console\.ts: \s*HONGHEI_PRIVATE_DIR: env\.HONGHEI_PRIVATE_DIR \?\?/,
    ];
    const code = ['bot', 'site', 'scripts', 'content'].flatMap((d) => walk(d, /\.(ts|mjs|astro)$/));
    const reads = code.flatMap((file) =>
      read(file)
        .split('\n')
        .filter((l) => !/^\s*(\*|\/\/)/.test(l))
        .filter((l) => /env\.HONGHEI_\w+|env\[\s*['"`]HONGHEI_/.test(l))
        .map((l) => `${file}: ${l.trim()}`),
    );
    expect(reads.filter((r) => !allowed.some((a) => a.test(r)))).toEqual([]);
  });
});
