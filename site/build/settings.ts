/**
 * The site build's settings, read from the environment once, at start, with one schema: a wrong
 * value stops `npm run build` before Astro starts, naming every wrong variable with an example.
 * Astro's configuration (astro.config.mjs), the pages' context (site/lib/site-context.ts) and the
 * build command (scripts/build.ts) take their settings from here. The variable names are the ones
 * the build has always read; the bot's are in bot/config.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { resolveContentRoot } from '../../content/schema/content-root.ts';
import { DATE_VARIABLE, dateVariableError, isIsoDate } from '../../content/schema/dates.ts';

/** A variable set to an empty string counts as unset, as it always has. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v,
    schema.optional(),
  );

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The environment variables of the site build. */
export const siteEnvSchema = z.object({
  [DATE_VARIABLE]: optional(
    z.string().refine(isIsoDate, { error: (i) => dateVariableError(String(i.input)) }),
  ).describe('the date the site is published as of (default: today in China)'),
  HONGHEI_CONTENT_ROOT: optional(
    z.string().refine((p) => existsSync(join(resolve(p), 'content', 'publisher.yaml')), {
      error: (i) =>
        `HONGHEI_CONTENT_ROOT="${String(i.input)}" has no content/publisher.yaml: name the folder that holds content/, e.g. HONGHEI_CONTENT_ROOT=/srv/honghei/app`,
    }),
  ).describe(
    'the folder holding content/ (default: content/ of the working directory once npm run init wrote it, else the sample; HONGHEI_ROOT too)',
  ),
  HONGHEI_OUT_DIR: optional(z.string()).describe('the output folder (default: dist/)'),
  HONGHEI_CACHE_DIR: optional(z.string()).describe(
    "Astro's cache folder (default: node_modules/.astro)",
  ),
  HONGHEI_SITE_URL: optional(
    z.url({
      protocol: /^https?$/,
      error: (i) =>
        `HONGHEI_SITE_URL="${String(i.input)}" is not an http(s) address: write the site's public address, e.g. HONGHEI_SITE_URL=https://credit.example.gov.cn/`,
    }),
  ).describe("the site's public address (default: site_url in content/publisher.yaml)"),
  HONGHEI_BUILD_HEAP: optional(
    z
      .string()
      .regex(/^\d+$/, {
        error: (i) =>
          `HONGHEI_BUILD_HEAP="${String(i.input)}" is not a number of megabytes, e.g. HONGHEI_BUILD_HEAP=8192`,
      })
      .transform(Number)
      .pipe(
        z
          .number()
          .positive('HONGHEI_BUILD_HEAP must be above 0 (megabytes), e.g. HONGHEI_BUILD_HEAP=8192'),
      ),
  ).describe(
    "the build's heap limit in MB, for builds of more than 40,000 records (set by the build itself when it restarts with a larger heap)",
  ),
  HONGHEI_PREVIOUS_DATA: optional(
    z.string().refine((p) => /^https?:\/\//.test(p) || isDirectory(p), {
      error: (i) =>
        `HONGHEI_PREVIOUS_DATA="${String(i.input)}" is neither a folder nor an http(s) address: name the data/ folder of the previous build or its address, e.g. HONGHEI_PREVIOUS_DATA=https://credit.example.gov.cn/data/, or unset it`,
    }),
  ).describe("the previous build's data/ folder or address, the base of changes/latest.json"),
});

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
}

/** Thrown when the environment is wrong; the message names every wrong variable with an example. */
export class SiteSettingsError extends Error {}

/** Parses the site build's environment; `cwd` is the project root the default content root is found in. */
export function loadSiteSettings(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): SiteSettings {
  const parsed = siteEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new SiteSettingsError(
      `网站构建的环境变量有误 — the site build's environment is not valid:\n${lines.join('\n')}`,
    );
  }
  const e = parsed.data;
  return {
    date: e.HONGHEI_DATE,
    contentRoot: resolveContentRoot({ root: e.HONGHEI_CONTENT_ROOT, env, projectRoot: cwd }),
    outDir: e.HONGHEI_OUT_DIR,
    cacheDir: e.HONGHEI_CACHE_DIR,
    siteUrl: e.HONGHEI_SITE_URL,
    buildHeapMb: e.HONGHEI_BUILD_HEAP,
    previousData: e.HONGHEI_PREVIOUS_DATA,
  };
}

/**
 * The content root alone (pages ask for it often during a build; the whole environment was
 * checked when the build started).
 */
export function contentRootSetting(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): string {
  const parsed = siteEnvSchema.shape.HONGHEI_CONTENT_ROOT.safeParse(env.HONGHEI_CONTENT_ROOT);
  if (!parsed.success) throw new SiteSettingsError(parsed.error.issues[0]!.message);
  return resolveContentRoot({ root: parsed.data, env, projectRoot: cwd });
}
