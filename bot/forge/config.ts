/**
 * Configuration of the forge layer: which forge, which outbox. Parsed with a schema at start-up
 * so a missing or wrong setting fails at once with the variable's name and an example.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../../content/schema/config-error.ts';
import { parseSettings, settingsShape, type Env } from '../../content/schema/settings-read.ts';
import { SETTINGS, type SettingName } from '../../content/schema/settings.ts';

const repoSlug = z
  .string()
  .regex(/^[\w.-]+\/[\w.-]+$/, 'write owner/name, e.g. example-union/honghei-content');

/** Which forge the submissions go to. */
export const forgeConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('local'),
    repo: z.string().min(1).describe('path of the content repository (bare or with a work tree)'),
    base: z.string().default('main'),
  }),
  z.strictObject({
    kind: z.literal('github'),
    repo: repoSlug,
    base: z.string().default('main'),
    /** API root; set for GitHub Enterprise Server or a test emulator. */
    apiUrl: z.url().default('https://api.github.com'),
    auth: z.union([
      z.strictObject({
        appId: z.union([z.string(), z.number()]),
        privateKey: z.string().min(1),
        installationId: z.union([z.string(), z.number()]),
      }),
      z.strictObject({ token: z.string().min(1) }),
    ]),
  }),
  z.strictObject({
    kind: z.literal('gitea'),
    url: z.url().describe('root of the Gitea/Forgejo server, e.g. https://git.example.org'),
    repo: repoSlug,
    base: z.string().default('main'),
    token: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('gitlab'),
    url: z.url().describe('root of the GitLab server, e.g. https://gitlab.example.org'),
    project: z
      .union([z.string().min(1), z.number()])
      .describe('project id or path, e.g. union/honghei-content'),
    base: z.string().default('main'),
    token: z.string().min(1),
  }),
]);
export type ForgeConfig = z.input<typeof forgeConfigSchema>;

/** Where submissions wait for delivery. */
export const outboxConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), dir: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('redis'),
    url: z.string().regex(/^rediss?:\/\//, 'write redis://host:port'),
    prefix: z.string().default('honghei'),
  }),
]);
export type OutboxConfig = z.input<typeof outboxConfigSchema>;

/** The forge's and the outbox's settings (content/schema/settings.ts defines each). */
const forgeEnvSchema = z.object(
  settingsShape([
    'HONGHEI_FORGE',
    'HONGHEI_BASE',
    'HONGHEI_REPO',
    'HONGHEI_GITHUB_REPO',
    'HONGHEI_GITHUB_TOKEN',
    'HONGHEI_GITHUB_APP_ID',
    'HONGHEI_GITHUB_PRIVATE_KEY_FILE',
    'HONGHEI_GITHUB_INSTALLATION_ID',
    'HONGHEI_GITHUB_API_URL',
    'HONGHEI_GITEA_URL',
    'HONGHEI_GITEA_REPO',
    'HONGHEI_GITEA_TOKEN',
    'HONGHEI_GITLAB_URL',
    'HONGHEI_GITLAB_PROJECT',
    'HONGHEI_GITLAB_TOKEN',
    'HONGHEI_REDIS_URL',
    'HONGHEI_OUTBOX_DIR',
  ]),
);
type ForgeEnv = z.output<typeof forgeEnvSchema>;

/** A setting the chosen forge requires, or an error naming it with an example. */
function need(e: ForgeEnv, name: keyof ForgeEnv & SettingName): string {
  const value = e[name];
  if (value === undefined || value === '')
    throw new ConfigError(
      `${name} is not set: HONGHEI_FORGE=${e.HONGHEI_FORGE} needs it, e.g. ${name}=${SETTINGS[name].example}`,
    );
  return String(value);
}

/**
 * Reads the forge and outbox from the environment:
 * HONGHEI_FORGE=local|github|gitea|gitlab (default local), HONGHEI_BASE (default main);
 * local: HONGHEI_REPO (default the current directory);
 * github: HONGHEI_GITHUB_REPO, HONGHEI_GITHUB_TOKEN or HONGHEI_GITHUB_APP_ID +
 * HONGHEI_GITHUB_PRIVATE_KEY_FILE + HONGHEI_GITHUB_INSTALLATION_ID, HONGHEI_GITHUB_API_URL;
 * gitea: HONGHEI_GITEA_URL, HONGHEI_GITEA_REPO, HONGHEI_GITEA_TOKEN;
 * gitlab: HONGHEI_GITLAB_URL, HONGHEI_GITLAB_PROJECT, HONGHEI_GITLAB_TOKEN;
 * outbox: HONGHEI_REDIS_URL (then Redis) else HONGHEI_OUTBOX_DIR (default .honghei/outbox).
 */
export function forgeSettingsFromEnv(env: Env = process.env): {
  forge: ForgeConfig;
  outbox: OutboxConfig;
} {
  const e = parseSettings(forgeEnvSchema, env, "the forge's settings are not valid:");
  const kind = e.HONGHEI_FORGE;
  const base = e.HONGHEI_BASE;
  let forge: ForgeConfig;
  if (kind === 'local') forge = { kind, repo: e.HONGHEI_REPO ?? process.cwd(), base };
  else if (kind === 'github') {
    const auth = e.HONGHEI_GITHUB_APP_ID
      ? {
          appId: e.HONGHEI_GITHUB_APP_ID,
          privateKey: readFileSync(need(e, 'HONGHEI_GITHUB_PRIVATE_KEY_FILE'), 'utf8'),
          installationId: need(e, 'HONGHEI_GITHUB_INSTALLATION_ID'),
        }
      : { token: need(e, 'HONGHEI_GITHUB_TOKEN') };
    forge = {
      kind,
      repo: need(e, 'HONGHEI_GITHUB_REPO'),
      base,
      auth,
      ...(e.HONGHEI_GITHUB_API_URL ? { apiUrl: e.HONGHEI_GITHUB_API_URL } : {}),
    };
  } else if (kind === 'gitea') {
    forge = {
      kind,
      url: need(e, 'HONGHEI_GITEA_URL'),
      repo: need(e, 'HONGHEI_GITEA_REPO'),
      base,
      token: need(e, 'HONGHEI_GITEA_TOKEN'),
    };
  } else {
    forge = {
      kind,
      url: need(e, 'HONGHEI_GITLAB_URL'),
      project: need(e, 'HONGHEI_GITLAB_PROJECT'),
      base,
      token: need(e, 'HONGHEI_GITLAB_TOKEN'),
    };
  }
  const outbox: OutboxConfig = e.HONGHEI_REDIS_URL
    ? { kind: 'redis', url: e.HONGHEI_REDIS_URL }
    : { kind: 'file', dir: e.HONGHEI_OUTBOX_DIR };
  return { forge, outbox };
}

/** Parses a forge configuration, failing with each wrong field named. */
export function parseForgeConfig(config: ForgeConfig) {
  return parseWith(forgeConfigSchema, config, 'forge');
}

/** Parses an outbox configuration, failing with each wrong field named. */
export function parseOutboxConfig(config: OutboxConfig) {
  return parseWith(outboxConfigSchema, config, 'outbox');
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (i) => `  ${what}.${i.path.join('.') || '(root)'}: ${i.message}`,
  );
  throw new Error(`the ${what} configuration is not valid:\n${lines.join('\n')}`);
}

/**
 * The webhook endpoint's settings: HONGHEI_WEBHOOK_SECRET (GitHub and Gitea sign with it; GitLab
 * sends it as its token) and HONGHEI_WEBHOOK_PORT (default 8787). Undefined when no secret is set:
 * then outcomes come from the periodic poll alone.
 */
export function webhookSettingsFromEnv(env: Env = process.env) {
  const e = parseSettings(
    z.object(settingsShape(['HONGHEI_WEBHOOK_SECRET', 'HONGHEI_WEBHOOK_PORT'])),
    env,
    "the forge webhook's settings are not valid:",
  );
  const secret = e.HONGHEI_WEBHOOK_SECRET;
  if (!secret) return undefined;
  const port = e.HONGHEI_WEBHOOK_PORT;
  return { port, github: { secret }, gitea: { secret }, gitlab: { token: secret } };
}
