/**
 * A throw-away project to build: the committed code (git HEAD, or the working tree on request)
 * with a generated content root in place of content/. Building a snapshot keeps a long benchmark
 * safe from edits made while it runs, and records exactly which commit was measured.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { join } from 'node:path';

/** The repository root (this file is scripts/bench/lib/project.ts). */
export const REPO = new URL('../../..', import.meta.url).pathname.replace(/\/$/, '');

/** Node 24 from node_modules: the one the npm scripts run on. */
export const NODE = join(REPO, 'node_modules/.bin/node');

export interface Snapshot {
  commit: string;
  dirty: boolean;
  source: 'HEAD' | 'worktree';
}

/** The commit being measured, and whether the working tree differs from it. */
export function describeSource(source: Snapshot['source']): Snapshot {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  return {
    commit: git('rev-parse', 'HEAD'),
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
    source,
  };
}

/**
 * Writes the code into `dir` (HEAD via git archive, or a copy of the working tree), links
 * node_modules, and leaves content/ holding only the schema: records come from `useContent`.
 */
export function createProject(dir: string, source: Snapshot['source']): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (source === 'HEAD') {
    execFileSync('sh', ['-c', `git archive --format=tar HEAD | tar -x -C "${dir}"`], { cwd: REPO });
  } else {
    for (const entry of [
      'astro.config.mjs',
      'package.json',
      'tsconfig.json',
      'site',
      'scripts',
      'content',
      'bot',
    ]) {
      if (existsSync(join(REPO, entry)))
        cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
    }
  }
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  const content = join(dir, 'content');
  for (const entry of existsSync(content) ? readdirSync(content) : []) {
    if (entry !== 'schema') rmSync(join(content, entry), { recursive: true, force: true });
  }
}

/** Whether the measured code's `npm run build` takes `--root DIR` (a folder holding content/). */
export function buildTakesRoot(projectDir: string): boolean {
  return /\broot: \{ type: 'string' \}/.test(
    readFileSync(join(projectDir, 'scripts/build.ts'), 'utf8'),
  );
}

/**
 * Puts a generated content folder's files (publisher, categories, records, cases, media…) into
 * `targetContent` as hard links: fast for 100,000 files, and a record added there for the
 * republish test does not touch the generated copy.
 */
export function linkContent(contentDir: string, targetContent: string): void {
  mkdirSync(targetContent, { recursive: true });
  for (const entry of readdirSync(contentDir)) {
    if (entry === 'schema' || entry.startsWith('.')) continue;
    rmSync(join(targetContent, entry), { recursive: true, force: true });
    execFileSync('cp', ['-al', join(contentDir, entry), join(targetContent, entry)]);
  }
}
