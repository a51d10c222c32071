/**
 * The site build's settings, read from the environment once, at start, with one schema: a wrong
 * value stops `npm run build` before Astro starts, naming every wrong variable with an example.
 * Astro's configuration (astro.config.mjs), the pages' context (site/lib/site-context.ts) and the
 * build command (scripts/build.ts) take their settings from here. Each variable is defined once in
 * content/schema/settings.ts, with the bot's and the scripts'.
 */
import { z } from 'zod';
import { ConfigError } from '../../content/schema/config-error.ts';
import { contentRootSchema, defaultContentRoot } from '../../content/schema/content-root.ts';
import {
  parseSettings,
  settingNames,
  settingsShape,
  type Env,
} from '../../content/schema/settings-read.ts';

/** Every setting the table says the site reads, so a wrong one stops the build at start. */
const shape = settingsShape(settingNames('site'));

/** The environment variables of the site build (content/schema/settings.ts defines each). */
export const siteEnvSchema = z.object({ ...shape, HONGHEI_CONTENT_ROOT: contentRootSchema });

const TITLE = "网站构建的环境变量有误 — the site build's environment is not valid:";

/** The site build's settings. */
export interface SiteSettings {
  /** Fixed publication date; undefined: today in China. */
  date?: string;
  /** The folder holding content/. */
  contentRoot: string;
  outDir?: string;
  cacheDir?: string;
  siteUrl?: string;
  buildHeapMb?: number;
  previousData?: string;
  searchShardSize?: number;
}

/** Thrown when the environment is wrong; the message names every wrong variable with an example. */
export class SiteSettingsError extends ConfigError {}

const error = (message: string) => new SiteSettingsError(message);

/** Parses the site build's environment; `cwd` is the project root the default content root is found in. */
export function loadSiteSettings(
  env: Env = process.env,
  cwd: string = process.cwd(),
): SiteSettings {
  const e = parseSettings(siteEnvSchema, env, TITLE, { error });
  return {
    date: e.HONGHEI_DATE,
    contentRoot: e.HONGHEI_CONTENT_ROOT ?? defaultContentRoot(cwd),
    outDir: e.HONGHEI_OUT_DIR,
    cacheDir: e.HONGHEI_CACHE_DIR,
    siteUrl: e.HONGHEI_SITE_URL,
    buildHeapMb: e.HONGHEI_BUILD_HEAP,
    previousData: e.HONGHEI_PREVIOUS_DATA,
    searchShardSize: e.HONGHEI_SEARCH_SHARD_SIZE,
  };
}
