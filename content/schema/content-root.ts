/**
 * Which content root a command reads: the one place that decides it, for the site build, the
 * validator, the review CLI and the bot. A content root is a folder holding content/
 * (publisher.yaml, categories.yaml, records/, cases/, media/, pages/).
 *
 * Upstream Honghei ships no publisher content in content/ (only this schema): its sample lives in
 * test/fixtures/sample, which upstream owns and the tests use as their fixture. A publisher's
 * repository gets its own content/publisher.yaml from `npm run init`, and from then on every
 * command reads content/. Keeping the sample out of the publisher's paths is what lets a publisher
 * merge a newer Honghei without a conflict: upstream never edits a file the publisher owns.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSetting, type Env } from './settings-read.ts';

/** The sample's content root, relative to the project root. */
export const SAMPLE_ROOT = 'test/fixtures/sample';

/**
 * The project's own content root: the project root once content/publisher.yaml exists there (a
 * publisher's repository after `npm run init`), otherwise the sample (a fresh Honghei clone).
 */
export function defaultContentRoot(projectRoot: string): string {
  const project = resolve(projectRoot);
  return existsSync(join(project, 'content', 'publisher.yaml'))
    ? project
    : join(project, SAMPLE_ROOT);
}

/**
 * The content root to read: an explicit folder (a --root option), else the setting
 * HONGHEI_CONTENT_ROOT (formerly HONGHEI_ROOT), else the project's default (defaultContentRoot).
 * Always an absolute path.
 */
export function resolveContentRoot(
  options: { root?: string; env?: Env; projectRoot?: string } = {},
): string {
  const root = options.root?.trim();
  if (root) return resolve(root);
  return (
    readSetting('HONGHEI_CONTENT_ROOT', options.env ?? process.env) ??
    defaultContentRoot(options.projectRoot ?? process.cwd())
  );
}
