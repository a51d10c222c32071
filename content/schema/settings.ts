/**
 * Every HONGHEI_* environment variable, defined once: its name, schema, default, one-line help,
 * example and the programs that read it. The site build (site/build/settings.ts), the bot
 * (bot/config.ts, bot/forge/config.ts, bot/private-files/config.ts) and the scripts read their
 * settings through settings-read.ts from this table, and docs/settings.md is generated from it.
 * A setting that was renamed keeps its former name here: the old name still works, with a warning.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { dateVariableError, isIsoDate } from './dates.ts';

/** The programs that read settings. */
export type SettingReader = 'site' | 'bot' | 'scripts';

interface Doc {
  /** What the setting does, one line (English). */
  help: string;
  /** A valid value, shown in the documentation and in error messages. */
  example: string;
  readers: readonly SettingReader[];
  /** The setting's former name, still read with a deprecation warning. */
  formerly?: string;
}

/** One setting: its schema takes the trimmed value, undefined when unset or empty. */
export interface Setting<S extends z.ZodType = z.ZodType> extends Doc {
  schema: S;
  /** The default as written in the documentation, when there is one. */
  default?: string;
}

const optional = <S extends z.ZodType>(schema: S, doc: Doc): Setting<z.ZodOptional<S>> => ({
  ...doc,
  schema: schema.optional(),
});

const withDefault = <S extends z.ZodType>(
  schema: S,
  value: z.output<S> & {},
  doc: Doc,
): Setting<z.ZodDefault<S>> => ({
  ...doc,
  schema: schema.default(value as never),
  default: String(value),
});

const isDirectory = (p: string) => existsSync(p) && statSync(p).isDirectory();
const path = z.string().transform((p) => resolve(p));
const text = z.string();
const port = (name: string, example: number) =>
  z.coerce
    .number({ error: `${name} must be a port number, e.g. ${name}=${example}` })
    .int(`${name} must be a whole number, e.g. ${name}=${example}`)
    .min(1, `${name} must be 1–65535, e.g. ${name}=${example}`)
    .max(65535, `${name} must be 1–65535, e.g. ${name}=${example}`);
const repoSlug = (name: string, example: string) =>
  z.string().regex(/^[\w.-]+\/[\w.-]+$/, `${name} is owner/name, e.g. ${name}=${example}`);
const httpUrl = (name: string, example: string, what: string) =>
  z.url({
    protocol: /^https?$/,
    error: (i) =>
      `${name}="${String(i.input)}" is not an http(s) address: write ${what}, e.g. ${name}=${example}`,
  });

const SITE = ['site'] as const;
const BOT = ['bot'] as const;
const BOT_SCRIPTS = ['bot', 'scripts'] as const;
const ALL = ['site', 'bot', 'scripts'] as const;

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
  HONGHEI_OUTBOX_DIR: withDefault(text, '.honghei/outbox', {
    help: 'the outbox folder of submissions waiting for delivery, without Redis',
    example: '/var/lib/honghei/outbox',
    readers: BOT,
  }),
  HONGHEI_FORGE: withDefault(
    z.enum(['local', 'github', 'gitea', 'gitlab'], {
      error: (i) =>
        `HONGHEI_FORGE=${String(i.input)} is not a forge: choose local, github, gitea or gitlab, e.g. HONGHEI_FORGE=gitea`,
    }),
    'local',
    {
      help: 'where submissions go: local (a git repository), github, gitea (also Forgejo) or gitlab',
      example: 'gitea',
      readers: BOT,
    },
  ),
  HONGHEI_REPO: optional(text, {
    help: 'local forge and `npm run review`: the content repository, bare or with a work tree (default: the working directory)',
    example: '/srv/honghei/content.git',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_BASE: withDefault(text, 'main', {
    help: 'the publication branch submissions are proposed to',
    example: 'main',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_GITHUB_REPO: optional(repoSlug('HONGHEI_GITHUB_REPO', 'example-union/honghei-content'), {
    help: 'github: the content repository',
    example: 'example-union/honghei-content',
    readers: BOT,
  }),
  HONGHEI_GITHUB_APP_ID: optional(text, {
    help: 'github: the GitHub App’s id (recommended; else HONGHEI_GITHUB_TOKEN)',
    example: '123456',
    readers: BOT,
  }),
  HONGHEI_GITHUB_PRIVATE_KEY_FILE: optional(path, {
    help: 'github: the GitHub App’s private key file',
    example: '/run/secrets/github-app.pem',
    readers: BOT,
  }),
  HONGHEI_GITHUB_INSTALLATION_ID: optional(text, {
    help: 'github: the GitHub App’s installation id',
    example: '12345678',
    readers: BOT,
  }),
  HONGHEI_GITHUB_TOKEN: optional(text, {
    help: 'github: a fine-grained personal token instead of an App (pilots only)',
    example: 'github_pat_…',
    readers: BOT,
  }),
  HONGHEI_GITHUB_API_URL: optional(
    httpUrl('HONGHEI_GITHUB_API_URL', 'https://github.example.org/api/v3', 'the API root'),
    {
      help: 'github: the API root of GitHub Enterprise Server (default: https://api.github.com)',
      example: 'https://github.example.org/api/v3',
      readers: BOT,
    },
  ),
  HONGHEI_GITEA_URL: optional(
    httpUrl('HONGHEI_GITEA_URL', 'https://git.example.org', "the server's root"),
    {
      help: 'gitea: the Gitea or Forgejo server',
      example: 'https://git.example.org',
      readers: BOT,
    },
  ),
  HONGHEI_GITEA_REPO: optional(repoSlug('HONGHEI_GITEA_REPO', 'union/honghei-content'), {
    help: 'gitea: the content repository',
    example: 'union/honghei-content',
    readers: BOT,
  }),
  HONGHEI_GITEA_TOKEN: optional(text, {
    help: 'gitea: an access token',
    example: '…',
    readers: BOT,
  }),
  HONGHEI_GITLAB_URL: optional(
    httpUrl('HONGHEI_GITLAB_URL', 'https://gitlab.example.org', "the server's root"),
    { help: 'gitlab: the GitLab server', example: 'https://gitlab.example.org', readers: BOT },
  ),
  HONGHEI_GITLAB_PROJECT: optional(text, {
    help: 'gitlab: the project, by id or path',
    example: 'union/honghei-content',
    readers: BOT,
  }),
  HONGHEI_GITLAB_TOKEN: optional(text, {
    help: 'gitlab: an access token',
    example: 'glpat-…',
    readers: BOT,
  }),
  HONGHEI_WEBHOOK_SECRET: optional(text, {
    help: 'the forge webhook’s secret (GitHub and Gitea sign with it, GitLab sends it); unset: outcomes come from polling alone',
    example: '(openssl rand -hex 32)',
    readers: BOT,
  }),
  HONGHEI_WEBHOOK_PORT: withDefault(port('HONGHEI_WEBHOOK_PORT', 8787), 8787, {
    help: 'the forge webhook endpoint’s port',
    example: '8787',
    readers: BOT,
  }),
  HONGHEI_PRIVATE_STORE: optional(
    z.enum(['dir', 'redis'], {
      error: 'HONGHEI_PRIVATE_STORE must be dir or redis, e.g. HONGHEI_PRIVATE_STORE=dir',
    }),
    {
      help: 'the store of non-public attachments: dir or redis (default: redis when HONGHEI_REDIS_URL is set, else dir)',
      example: 'dir',
      readers: BOT_SCRIPTS,
    },
  ),
  HONGHEI_PRIVATE_DIR: withDefault(text, '.honghei/private', {
    help: 'the directory store of non-public attachments, never inside content/',
    example: '/var/lib/honghei/private',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_PRIVATE_PREFIX: withDefault(
    z
      .string()
      .regex(
        /^[\w:.-]{1,100}$/,
        'HONGHEI_PRIVATE_PREFIX is letters, digits, :, ., _ or -, e.g. honghei:private:',
      ),
    'honghei:private:',
    { help: 'the Redis store’s key prefix', example: 'honghei:private:', readers: BOT_SCRIPTS },
  ),
  HONGHEI_PRIVATE_SECRET: optional(text, {
    help: 'the HMAC secret of the reviewers’ links, at least 32 characters, the same on every instance (required with redis; on one machine one is generated)',
    example: '(openssl rand -hex 32)',
    readers: BOT_SCRIPTS,
  }),
  HONGHEI_PRIVATE_URL: optional(
    z.url(
      "HONGHEI_PRIVATE_URL must be the bot's address as reviewers reach it, e.g. https://bot.example.org",
    ),
    {
      help: 'the bot’s address as reviewers reach it (default: the origin of BOT_WEBHOOK_URL, else http://BOT_HOST:BOT_PORT)',
      example: 'https://bot.example.org',
      readers: BOT_SCRIPTS,
    },
  ),
  HONGHEI_PRIVATE_LINK_DAYS: withDefault(
    z.coerce
      .number({ error: 'HONGHEI_PRIVATE_LINK_DAYS must be a number of days, e.g. 14' })
      .positive('HONGHEI_PRIVATE_LINK_DAYS must be above 0, e.g. 14')
      .max(366, 'HONGHEI_PRIVATE_LINK_DAYS is at most 366, e.g. 14'),
    14,
    { help: 'how many days a reviewer’s link stays valid', example: '14', readers: BOT_SCRIPTS },
  ),
  HONGHEI_PRIVATE_PR_LINKS: withDefault(
    z.enum(['yes', 'no'], {
      error: 'HONGHEI_PRIVATE_PR_LINKS must be yes or no, e.g. HONGHEI_PRIVATE_PR_LINKS=no',
    }),
    'yes',
    {
      help: 'whether pull request bodies carry the signed links; no when the forge’s pull requests are public',
      example: 'no',
      readers: BOT,
    },
  ),
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
