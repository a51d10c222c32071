/**
 * README.md's "Two commands" are what a new user types and what CI runs: two one-line set-ups that
 * install with npm ci like every shipped workflow, and .ci/run calls the test command as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The shell blocks of README's "Two commands" section. */
function twoCommands(): string[] {
  const readme = read('README.md');
  const from = readme.indexOf('\n## Two commands\n');
  expect(from, 'README.md has a "## Two commands" section').toBeGreaterThanOrEqual(0);
  const section = readme.slice(from + 1).split(/\n## /)[0]!;
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
}

/** Every install line of the shipped workflows (GitHub, Gitea, GitLab). */
function workflowInstalls(): string[] {
  const files = ['.github/workflows', '.gitea/workflows'].flatMap((dir) =>
    readdirSync(join(ROOT, dir)).map((f) => `${dir}/${f}`),
  );
  return [...files, '.gitlab-ci.yml'].flatMap((file) =>
    read(file)
      .split('\n')
      .filter((l) => /\bnpm (ci|install|i)\b/.test(l))
      .map((l) => `${file}: ${l.trim()}`),
  );
}

describe('README "Two commands", .ci/run and the workflows agree', () => {
  test('two one-line commands: install, then the site or the tests', () => {
    const [site, tests, ...more] = twoCommands();
    expect(more).toEqual([]);
    expect(site).toBe('npm ci && npm start');
    expect(tests).toBe('npm ci && npm test');
  });

  test(".ci/run runs README's test command exactly as written", () => {
    const tests = twoCommands()[1]!;
    expect(
      read('.ci/run')
        .split('\n')
        .map((l) => l.trim()),
    ).toContain(tests);
  });

  test('every shipped workflow installs with npm ci, as README does', () => {
    const installs = workflowInstalls();
    expect(installs.length).toBeGreaterThan(0);
    expect(installs.filter((l) => !/\bnpm ci\b/.test(l))).toEqual([]);
  });
});
