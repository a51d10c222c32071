/**
 * Where the private store is and how links to it are signed, from the environment (parsed at
 * start-up; a wrong setting stops the bot with the variable's name):
 *
 *   HONGHEI_PRIVATE_STORE      dir (default on one machine) or redis (default when HONGHEI_REDIS_URL is set)
 *   HONGHEI_PRIVATE_DIR        the directory store, default .honghei/private (never inside content/)
 *   HONGHEI_PRIVATE_PREFIX     the Redis store's key prefix, default honghei:private:
 *   HONGHEI_PRIVATE_SECRET     the links' HMAC secret, at least 32 characters (openssl rand -hex 32);
 *                              required with redis; on one machine a generated one is kept in the directory
 *   HONGHEI_PRIVATE_URL        the bot's address as reviewers reach it (default: BOT_WEBHOOK_URL's
 *                              origin, else http://BOT_HOST:BOT_PORT)
 *   HONGHEI_PRIVATE_LINK_DAYS  how long a link is valid, default 14
 *   HONGHEI_PRIVATE_PR_LINKS   yes (default) or no: whether pull request bodies carry the links; say no
 *                              when the forge's pull requests are public and the bot's address is too
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ConfigError } from '../../content/schema/config-error.ts';
import { parseSettings, settingsShape, type Env } from '../../content/schema/settings-read.ts';
import { DirectoryStore } from './directory-store.ts';
import { LinkSigner, MIN_SECRET_LENGTH } from './links.ts';
import { RedisStore } from './redis-store.ts';
import type { PrivateStore } from './store.ts';

const envSchema = z.object({
  // The HONGHEI_* settings are defined in content/schema/settings.ts.
  ...settingsShape([
    'HONGHEI_PRIVATE_STORE',
    'HONGHEI_PRIVATE_DIR',
    'HONGHEI_PRIVATE_PREFIX',
    'HONGHEI_PRIVATE_URL',
    'HONGHEI_PRIVATE_LINK_DAYS',
    'HONGHEI_PRIVATE_PR_LINKS',
  ]),
  // Checked here for its length, which the link signer sets.
  HONGHEI_PRIVATE_SECRET: settingsShape(['HONGHEI_PRIVATE_SECRET']).HONGHEI_PRIVATE_SECRET.refine(
    (s) => s === undefined || s.length >= MIN_SECRET_LENGTH,
    `HONGHEI_PRIVATE_SECRET must have at least ${MIN_SECRET_LENGTH} characters, e.g. from: openssl rand -hex 32`,
  ),
  HONGHEI_REDIS_URL: z.string().optional(), // checked by the bot's configuration
  BOT_WEBHOOK_URL: z.string().optional(),
  BOT_HOST: z.string().default('127.0.0.1'),
  BOT_PORT: z.coerce.number().int().default(8080),
});

/** The private store's settings. */
export interface PrivateFilesConfig {
  store: { kind: 'dir'; dir: string } | { kind: 'redis'; url: string; prefix?: string };
  /** From the environment; absent on one machine, where one is generated into the directory. */
  secret?: string;
  baseUrl: string;
  ttlMs: number;
  /** Whether pull request bodies carry signed links (default true). */
  linksInBody?: boolean;
}

/** Thrown when the environment's private-store settings are wrong. */
export class PrivateFilesConfigError extends ConfigError {}

/** Parses the private store's settings from the environment. */
export function privateFilesConfig(env: Env = process.env): PrivateFilesConfig {
  const e = parseSettings(envSchema, env, "the private store's settings are not valid:", {
    error: (m) => new PrivateFilesConfigError(m),
  });
  const kind = e.HONGHEI_PRIVATE_STORE ?? (e.HONGHEI_REDIS_URL ? 'redis' : 'dir');
  if (kind === 'redis' && !e.HONGHEI_REDIS_URL)
    throw new PrivateFilesConfigError(
      'HONGHEI_PRIVATE_STORE=redis needs HONGHEI_REDIS_URL, e.g. redis://127.0.0.1:6379',
    );
  // Instances sharing a store must sign alike, and a generated secret would differ per machine.
  if (kind === 'redis' && !e.HONGHEI_PRIVATE_SECRET) {
    throw new PrivateFilesConfigError(
      'the shared private store (redis) needs HONGHEI_PRIVATE_SECRET, the same on every bot instance: at least 32 characters, e.g. from: openssl rand -hex 32',
    );
  }
  const webhookOrigin =
    e.BOT_WEBHOOK_URL && URL.canParse(e.BOT_WEBHOOK_URL)
      ? new URL(e.BOT_WEBHOOK_URL).origin
      : undefined;
  return {
    store:
      kind === 'redis'
        ? { kind, url: e.HONGHEI_REDIS_URL!, prefix: e.HONGHEI_PRIVATE_PREFIX }
        : { kind, dir: e.HONGHEI_PRIVATE_DIR },
    ...(e.HONGHEI_PRIVATE_SECRET ? { secret: e.HONGHEI_PRIVATE_SECRET } : {}),
    baseUrl: e.HONGHEI_PRIVATE_URL ?? webhookOrigin ?? `http://${e.BOT_HOST}:${e.BOT_PORT}`,
    ttlMs: e.HONGHEI_PRIVATE_LINK_DAYS * 24 * 3600_000,
    linksInBody: e.HONGHEI_PRIVATE_PR_LINKS === 'yes',
  };
}

/** The private store and its link signer, as the bot, its HTTP server and the review CLI use them. */
export interface PrivateFiles {
  store: PrivateStore;
  links: LinkSigner;
  /** Whether pull request bodies carry signed links (false: they tell reviewers to use the review CLI). */
  linksInBody: boolean;
}

/** Refuses a directory store inside the content folder, which is published. */
export function assertOutsideContent(dir: string, contentRoot: string): void {
  if (isInside(resolve(dir), join(resolve(contentRoot), 'content'))) {
    throw new PrivateFilesConfigError(
      `HONGHEI_PRIVATE_DIR ${dir} is inside content/, which is published: choose a folder outside it, e.g. .honghei/private`,
    );
  }
}

/** A warning when the directory store lies inside the content repository without git ignoring it (one `git add -A` would publish it). */
export function gitIgnoreWarning(dir: string, contentRoot: string): string | undefined {
  const root = resolve(contentRoot);
  if (!isInside(resolve(dir), root) || !existsSync(join(root, '.git'))) return undefined;
  const ignored = spawnSync('git', ['check-ignore', '-q', resolve(dir)], { cwd: root });
  return ignored.status === 1
    ? `HONGHEI_PRIVATE_DIR ${dir} is inside the content repository and git does not ignore it: add it to .gitignore (e.g. .honghei/) or choose a folder outside the repository`
    : undefined;
}

const isInside = (path: string, parent: string) => {
  const rel = relative(parent, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** The one-machine secret: generated once, kept beside the files, readable by the bot's user only. */
function directorySecret(dir: string): string {
  const file = join(dir, 'link-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** Opens the private store a configuration names. redis: a client to share (the bot's storage client). */
export function openPrivateFiles(
  config: PrivateFilesConfig,
  options: { contentRoot?: string; redis?: Redis; now?: () => number } = {},
): PrivateFiles {
  let store: PrivateStore;
  let secret = config.secret;
  if (config.store.kind === 'dir') {
    if (options.contentRoot) assertOutsideContent(config.store.dir, options.contentRoot);
    store = new DirectoryStore(config.store.dir);
    secret ??= directorySecret(config.store.dir);
  } else {
    store = new RedisStore({
      redis: options.redis ?? config.store.url,
      ...(config.store.prefix ? { prefix: config.store.prefix } : {}),
    });
  }
  const links = new LinkSigner({
    secret: secret!,
    baseUrl: config.baseUrl,
    ttlMs: config.ttlMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return { store, links, linksInBody: config.linksInBody ?? true };
}
