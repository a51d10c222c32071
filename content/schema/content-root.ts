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
import { z } from 'zod';
import { parseSettings, readSetting, settingsShape, type Env } from './settings-read.ts';

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

/**
 * HONGHEI_CONTENT_ROOT checked for what every build needs: the folder must hold
 * content/publisher.yaml. The site build's settings and the pages' context both use it.
 */
export const contentRootSchema = settingsShape([
  'HONGHEI_CONTENT_ROOT',
]).HONGHEI_CONTENT_ROOT.refine(
  (p) => p === undefined || existsSync(join(p, 'content', 'publisher.yaml')),
  {
    error: (i) =>
      `HONGHEI_CONTENT_ROOT="${String(i.input)}" has no content/publisher.yaml: name the folder that holds content/, e.g. HONGHEI_CONTENT_ROOT=/srv/honghei/app`,
  },
);

const contentRootOnly = z.object({ HONGHEI_CONTENT_ROOT: contentRootSchema });

/**
 * The site's content root alone, checked (pages ask for it often during a build; the whole
 * environment was checked when the build started): HONGHEI_CONTENT_ROOT or the project's default.
 */
export function siteContentRoot(env: Env = process.env, cwd: string = process.cwd()): string {
  const e = parseSettings(
    contentRootOnly,
    env,
    "网站构建的环境变量有误 — the site build's environment is not valid:",
  );
  return e.HONGHEI_CONTENT_ROOT ?? defaultContentRoot(cwd);
}
