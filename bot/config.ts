/**
 * The bot's configuration, from environment variables, parsed with a schema at start-up: a missing
 * or wrong setting stops the bot at once with the variable's name and an example. Secrets (the
 * bot token, the webhook secret) are only ever read here and are redacted from every log line.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../content/schema/config-error.ts';
import { defaultContentRoot } from '../content/schema/content-root.ts';
import {
  parseSettings,
  settingNames,
  settingsShape,
  type Env,
} from '../content/schema/settings-read.ts';

export { ConfigError };

const positive = (name: string, example: number) =>
  z.coerce
    .number({ error: `${name} must be a number, e.g. ${name}=${example}` })
    .positive(`${name} must be above 0, e.g. ${name}=${example}`);

const envSchema = z.object({
  BOT_TOKEN: z
    .string({
      error: 'BOT_TOKEN is not set: create a bot with @BotFather and set BOT_TOKEN=123456:ABC…',
    })
    .regex(
      /^\d+:[\w-]{20,}$/,
      'BOT_TOKEN does not look like a bot token: copy it from @BotFather, e.g. BOT_TOKEN=123456789:AAE…',
    ),
  // Every HONGHEI_* setting the bot reads (content/schema/settings.ts), the forge's and the
  // private store's too: a wrong one stops the bot at start, named with the others.
  ...settingsShape(settingNames('bot')),
  BOT_FORM_TTL_HOURS: positive('BOT_FORM_TTL_HOURS', 48).default(48),
  BOT_MAX_FILE_MB: positive('BOT_MAX_FILE_MB', 10)
    .max(
      20,
      'BOT_MAX_FILE_MB cannot exceed 20: the Bot API does not let bots download larger files',
    )
    .default(10),
  BOT_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, 'BOT_RATE_LIMIT is updates/seconds, e.g. BOT_RATE_LIMIT=30/60')
    .default('30/60'),
  TELEGRAM_API_ROOT: z
    .url('TELEGRAM_API_ROOT must be a URL, e.g. https://api.telegram.org')
    .default('https://api.telegram.org'),
  BOT_WEBHOOK_URL: z
    .url(
      'BOT_WEBHOOK_URL must be the public https URL Telegram posts to, e.g. https://bot.example.org/telegram',
    )
    .optional(),
  BOT_WEBHOOK_SECRET: z
    .string()
    .regex(
      /^[\w-]{16,256}$/,
      'BOT_WEBHOOK_SECRET must be 16–256 letters, digits, _ or -, e.g. from: openssl rand -hex 32',
    )
    .optional(),
  BOT_HOST: z.string().default('127.0.0.1'),
  BOT_PORT: z.coerce
    .number({ error: 'BOT_PORT must be a port number, e.g. BOT_PORT=8080' })
    .int('BOT_PORT must be a whole number, e.g. BOT_PORT=8080')
    .min(0, 'BOT_PORT must be 0–65535 (0: any free port), e.g. BOT_PORT=8080')
    .max(65535, 'BOT_PORT must be 0–65535, e.g. BOT_PORT=8080')
    .default(8080),
  BOT_STOP_TIMEOUT_SECONDS: positive('BOT_STOP_TIMEOUT_SECONDS', 20)
    .max(3600, 'BOT_STOP_TIMEOUT_SECONDS is at most 3600, e.g. BOT_STOP_TIMEOUT_SECONDS=20')
    .default(20),
  BOT_HEALTH_BACKLOG_MINUTES: positive('BOT_HEALTH_BACKLOG_MINUTES', 60).default(60),
  BOT_WEB_CHAT: z
    .enum(['on', 'off'], { error: 'BOT_WEB_CHAT is on or off, e.g. BOT_WEB_CHAT=on' })
    .default('off'),
  BOT_WEB_RATE_LIMIT: z
    .string()
    .regex(/^\d+\/\d+$/, 'BOT_WEB_RATE_LIMIT is requests/seconds, e.g. BOT_WEB_RATE_LIMIT=60/60')
    .default('60/60'),
  BOT_WEB_TRUST_PROXY: z
    .enum(['yes', 'no'], {
      error: 'BOT_WEB_TRUST_PROXY is yes or no, e.g. BOT_WEB_TRUST_PROXY=yes',
    })
    .default('no'),
});

/** Where sessions and conversations are kept. */
export type StorageConfig =
  { kind: 'sqlite'; path: string } | { kind: 'redis'; url: string } | { kind: 'memory' };

/** The parsed configuration. */
export interface BotConfig {
  token: string;
  contentRoot: string;
  submittersFile: string;
  storage: StorageConfig;
  /** Abandoned forms expire after this long. */
  formTtlMs: number;
  maxFileBytes: number;
  rateLimit: { limit: number; windowMs: number };
  apiRoot: string;
  webhook?: { url: string; secret: string; host: string; port: number };
  /** The bot's HTTP server (health, webhook, file links), in polling and webhook mode. */
  http?: { host: string; port: number };
  /** Shutdown waits at most this long for the update and the delivery in flight. */
  stopTimeoutMs?: number;
  /** The health endpoint reports unhealthy when a submission waits longer than this for delivery. */
  maxBacklogAgeMs?: number;
  /** The web chat under /chat/ (docs/web-chat.md), when BOT_WEB_CHAT=on. */
  webChat?: { rateLimit: { limit: number; windowMs: number }; trustProxy: boolean };
}

/** Parses the environment; `mode` says whether webhook settings are required. */
export function loadBotConfig(
  env: Env = process.env,
  mode: 'polling' | 'webhook' = 'polling',
): BotConfig {
  const e = parseSettings(envSchema, env, "the bot's environment is not valid:");
  if (mode === 'webhook' && (!e.BOT_WEBHOOK_URL || !e.BOT_WEBHOOK_SECRET)) {
    throw new ConfigError(
      `webhook mode needs BOT_WEBHOOK_URL (e.g. https://bot.example.org/telegram) and BOT_WEBHOOK_SECRET (e.g. from: openssl rand -hex 32); missing: ${[!e.BOT_WEBHOOK_URL && 'BOT_WEBHOOK_URL', !e.BOT_WEBHOOK_SECRET && 'BOT_WEBHOOK_SECRET'].filter(Boolean).join(', ')}`,
    );
  }
  const contentRoot = e.HONGHEI_CONTENT_ROOT ?? defaultContentRoot(process.cwd());
  const [limit, seconds] = e.BOT_RATE_LIMIT.split('/').map(Number) as [number, number];
  return {
    token: e.BOT_TOKEN,
    contentRoot,
    submittersFile: e.HONGHEI_SUBMITTERS ?? join(contentRoot, 'content/submitters.yaml'),
    storage: storageOf(e),
    formTtlMs: e.BOT_FORM_TTL_HOURS * 3600_000,
    maxFileBytes: Math.round(e.BOT_MAX_FILE_MB * 1024 * 1024),
    rateLimit: { limit, windowMs: seconds * 1000 },
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/$/, ''),
    http: { host: e.BOT_HOST, port: e.BOT_PORT },
    stopTimeoutMs: e.BOT_STOP_TIMEOUT_SECONDS * 1000,
    maxBacklogAgeMs: e.BOT_HEALTH_BACKLOG_MINUTES * 60_000,
    ...(e.BOT_WEB_CHAT === 'on'
      ? {
          webChat: {
            rateLimit: perWindow(e.BOT_WEB_RATE_LIMIT),
            trustProxy: e.BOT_WEB_TRUST_PROXY === 'yes',
          },
        }
      : {}),
    ...(e.BOT_WEBHOOK_URL && e.BOT_WEBHOOK_SECRET
      ? {
          webhook: {
            url: e.BOT_WEBHOOK_URL,
            secret: e.BOT_WEBHOOK_SECRET,
            host: e.BOT_HOST,
            port: e.BOT_PORT,
          },
        }
      : {}),
  };
}

/** Where the bot keeps its state, from HONGHEI_REDIS_URL or HONGHEI_BOT_DB. */
function storageOf(e: {
  HONGHEI_REDIS_URL?: string | undefined;
  HONGHEI_BOT_DB: string;
}): StorageConfig {
  return e.HONGHEI_REDIS_URL
    ? { kind: 'redis', url: e.HONGHEI_REDIS_URL }
    : { kind: 'sqlite', path: e.HONGHEI_BOT_DB };
}

/**
 * The storage settings alone (scripts/users.ts, which needs no bot token): the bot's own
 * variables, checked by the same schema.
 */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const parsed = envSchema.pick({ HONGHEI_REDIS_URL: true, HONGHEI_BOT_DB: true }).safeParse(env);
  if (!parsed.success)
    throw new ConfigError(
      `the storage settings are not valid:\n${parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join('\n')}`,
    );
  return storageOf(parsed.data);
}

/** "limit/seconds" as a rate limit. */
function perWindow(setting: string): { limit: number; windowMs: number } {
  const [limit, seconds] = setting.split('/').map(Number) as [number, number];
  return { limit, windowMs: seconds * 1000 };
}

/** Replaces every secret of the configuration in a text (log lines, error messages) with ***. */
export function redactor(
  config: Pick<BotConfig, 'token' | 'webhook'> & Partial<Pick<BotConfig, 'storage'>>,
  extra: string[] = [],
): (text: string) => string {
  const redisPassword =
    config.storage?.kind === 'redis' ? URL.parse(config.storage.url)?.password : undefined;
  const secrets = [
    config.token,
    config.token.split(':')[1],
    config.webhook?.secret,
    redisPassword && decodeURIComponent(redisPassword),
    ...extra,
  ].filter((s): s is string => !!s && s.length >= 8);
  return (text) => secrets.reduce((t, s) => t.split(s).join('***'), text);
}
