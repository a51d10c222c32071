/**
 * Real repositories for the repository tests: a snapshot of this project as a Git repository (the
 * files Git would commit, including uncommitted edits, so the test checks what is on disk), fresh
 * clones of it, and the project's node_modules linked in instead of installing again (the install
 * itself is tested by the npm ci test). Every command runs as a user would type it.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fixed identity and no system or user Git configuration. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git in a folder; returns its output, throws with its stderr on failure. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Links the project's node_modules into a checkout, kept out of Git there. */
export function linkModules(dir: string): void {
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  appendFileSync(join(dir, '.git/info/exclude'), '\nnode_modules\n');
}

/** A publisher's own file (content/ outside the schema and upstream's README files), which upstream does not ship. */
const publisherOwned = (file: string) =>
  file.startsWith('content/') &&
  !file.startsWith('content/schema/') &&
  !file.endsWith('/README.md');

/**
 * Honghei as upstream ships it, as a fresh Git repository on branch main: the files `git ls-files`
 * lists (tracked, and new files not ignored), as they are on disk now, in one commit — without a
 * publisher's content/ (in a publisher's repository the suite still starts from upstream's state).
 */
export function projectSnapshot(dir: string): string {
  const files = execFileSync(
    'git',
    ['-C', PROJECT_ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { encoding: 'utf8' },
  )
    .split('\0')
    .filter((f) => f && !publisherOwned(f));
  for (const file of files) {
    const from = join(PROJECT_ROOT, file);
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(from, join(dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted on disk, not yet committed
    }
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Honghei (snapshot for a test)');
  return dir;
}

/** A fresh clone (its origin is `source`), with node_modules linked in. */
export function freshClone(source: string, dir: string): string {
  execFileSync('git', ['clone', '-q', source, dir], {
    env: { ...process.env, ...GIT_ENV },
    stdio: 'ignore',
  });
  linkModules(dir);
  return dir;
}

/** Runs `npm run <script> -- args` in a checkout, as a user would. */
export function npmRun(
  dir: string,
  script: string,
  args: string[] = [],
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
}
