/**
 * Every HONGHEI_* environment variable, defined once: its name, schema, default, one-line help,
 * example and the programs that read it. The site build (site/build/settings.ts), the bot
 * (bot/config.ts, bot/forge/config.ts, bot/private-files/config.ts) and the scripts read their
 * settings through settings-read.ts from this table, and docs/settings.md is generated from it.
 * A setting that was renamed keeps its former name here: the old name still works, with a warning.
 * The forge's and the private store's entries are in settings-forge.ts and settings-private.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { z } from 'zod';
import { dateVariableError, isIsoDate } from './dates.ts';
import {
  ALL,
  BOT,
  BOT_SCRIPTS,
  httpUrl,
  optional,
  path,
  SITE,
  text,
  withDefault,
  type Setting,
} from './settings-define.ts';
import { FORGE_SETTINGS } from './settings-forge.ts';
import { PRIVATE_SETTINGS } from './settings-private.ts';

export type { Setting, SettingReader } from './settings-define.ts';

const isDirectory = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** The table: every HONGHEI_* variable, in the order the documentation lists them. */
export const SETTINGS = {
  HONGHEI_DATE: optional(
    z.string().refine(isIsoDate, { error: (i) => dateVariableError(String(i.input)) }),
    {
      help: 'the date the site, the validator and the bot take as today, YYYY-MM-DD (default: today in China)',
      example: '2026-11-21',
      readers: ALL,
    },
  ),
  HONGHEI_CONTENT_ROOT: optional(path, {
    help: 'the folder holding content/ (default: the project, once `npm run init` wrote content/publisher.yaml, else the sample test/fixtures/sample)',
    example: '/srv/honghei/app',
    readers: ALL,
    formerly: 'HONGHEI_ROOT',
  }),
  HONGHEI_OUT_DIR: optional(text, {
    help: 'the site build’s output folder (default: dist/)',
    example: '/srv/honghei/public',
    readers: SITE,
  }),
  HONGHEI_CACHE_DIR: optional(text, {
    help: 'Astro’s cache folder (default: node_modules/.astro)',
    example: '/var/cache/honghei',
    readers: SITE,
  }),
  HONGHEI_SITE_URL: optional(
    httpUrl('HONGHEI_SITE_URL', 'https://credit.example.gov.cn/', "the site's public address"),
    {
      help: 'the site’s public address (default: site_url in content/publisher.yaml)',
      example: 'https://credit.example.gov.cn/',
      readers: SITE,
    },
  ),
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
    {
      help: 'the build’s heap limit in MB, for more than 40,000 records (the build sets it itself when it restarts with a larger heap)',
      example: '8192',
      readers: SITE,
    },
  ),
  HONGHEI_SEARCH_SHARD_SIZE: optional(
    z
      .string()
      .regex(/^[1-9]\d*$/, {
        error: (i) =>
          `HONGHEI_SEARCH_SHARD_SIZE="${String(i.input)}" is not a whole number of entries above 0, e.g. HONGHEI_SEARCH_SHARD_SIZE=2500`,
      })
      .transform(Number),
    {
      help: 'entries per shard of the full-text index the build aims at (default 2500; tests set it small to build several shards)',
      example: '2500',
      readers: SITE,
    },
  ),
  HONGHEI_PREVIOUS_DATA: optional(
    z.string().refine((p) => /^https?:\/\//.test(p) || isDirectory(p), {
      error: (i) =>
        `HONGHEI_PREVIOUS_DATA="${String(i.input)}" is neither a folder nor an http(s) address: name the data/ folder of the previous build or its address, e.g. HONGHEI_PREVIOUS_DATA=https://credit.example.gov.cn/data/, or unset it`,
    }),
    {
      help: 'the data/ folder or address of the previous build, the base of changes/latest.json',
      example: 'https://credit.example.gov.cn/data/',
      readers: SITE,
    },
  ),
  HONGHEI_SUBMITTERS: optional(path, {
    help: 'the bot’s allow-list of submitters (default: content/submitters.yaml of the content root)',
    example: '/srv/honghei/app/content/submitters.yaml',
    readers: BOT,
  }),
  HONGHEI_REDIS_URL: optional(
    z.string().regex(/^rediss?:\/\//, {
      error: 'HONGHEI_REDIS_URL must start with redis://, e.g. redis://127.0.0.1:6379',
    }),
    {
      help: 'Redis for the bot’s forms, sessions, outbox and private files (several instances); unset: files on this machine',
      example: 'redis://127.0.0.1:6379/0',
      readers: BOT_SCRIPTS,
    },
  ),
  HONGHEI_BOT_DB: withDefault(text, '.honghei/bot.sqlite', {
    help: 'the bot’s sqlite file for forms and sessions, without Redis',
    example: '/var/lib/honghei/bot.sqlite',
    readers: BOT,
  }),
  ...FORGE_SETTINGS,
  ...PRIVATE_SETTINGS,
  HONGHEI_CHROMIUM: withDefault(text, '/usr/bin/chromium', {
    help: 'the Chromium the benchmarks and browser tests drive',
    example: '/usr/bin/chromium',
    readers: ['scripts'],
  }),
} satisfies Record<string, Setting>;

/** The name of a setting. */
export type SettingName = keyof typeof SETTINGS;
/** The parsed value of a setting. */
export type SettingValue<N extends SettingName> = z.output<(typeof SETTINGS)[N]['schema']>;
