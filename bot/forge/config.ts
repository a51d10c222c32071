/**
 * Configuration of the forge layer: which forge, which outbox. Parsed with a schema at start-up
 * so a missing or wrong setting fails at once with the variable's name and an example.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

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

/** A required environment variable, or an error naming it with an example. */
function need(env: NodeJS.ProcessEnv, name: string, example: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: set it, e.g. ${name}=${example}`);
  return value;
}

/**
 * Reads the forge and outbox from environment variables:
 * HONGHEI_FORGE=local|github|gitea|gitlab (default local), HONGHEI_BASE (default main);
 * local: HONGHEI_REPO (default the current directory);
 * github: HONGHEI_GITHUB_REPO, HONGHEI_GITHUB_TOKEN or HONGHEI_GITHUB_APP_ID +
 * HONGHEI_GITHUB_PRIVATE_KEY_FILE + HONGHEI_GITHUB_INSTALLATION_ID, HONGHEI_GITHUB_API_URL;
 * gitea: HONGHEI_GITEA_URL, HONGHEI_GITEA_REPO, HONGHEI_GITEA_TOKEN;
 * gitlab: HONGHEI_GITLAB_URL, HONGHEI_GITLAB_PROJECT, HONGHEI_GITLAB_TOKEN;
 * outbox: HONGHEI_REDIS_URL (then Redis) else HONGHEI_OUTBOX_DIR (default .honghei/outbox).
 */
export function forgeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): {
  forge: ForgeConfig;
  outbox: OutboxConfig;
} {
  const kind = env.HONGHEI_FORGE ?? 'local';
  const base = env.HONGHEI_BASE ?? 'main';
  let forge: ForgeConfig;
  if (kind === 'local') forge = { kind, repo: env.HONGHEI_REPO ?? process.cwd(), base };
  else if (kind === 'github') {
    const privateKeyFile = env.HONGHEI_GITHUB_PRIVATE_KEY_FILE;
    const auth = env.HONGHEI_GITHUB_APP_ID
      ? {
          appId: env.HONGHEI_GITHUB_APP_ID,
          privateKey: privateKeyFile
            ? readFileSync(privateKeyFile, 'utf8')
            : need(env, 'HONGHEI_GITHUB_PRIVATE_KEY_FILE', '/run/secrets/github-app.pem'),
          installationId: need(env, 'HONGHEI_GITHUB_INSTALLATION_ID', '12345678'),
        }
      : {
          token: need(
            env,
            'HONGHEI_GITHUB_TOKEN',
            'github_pat_… (or set HONGHEI_GITHUB_APP_ID for a GitHub App)',
          ),
        };
    forge = {
      kind,
      repo: need(env, 'HONGHEI_GITHUB_REPO', 'example-union/honghei-content'),
      base,
      auth,
      ...(env.HONGHEI_GITHUB_API_URL ? { apiUrl: env.HONGHEI_GITHUB_API_URL } : {}),
    };
  } else if (kind === 'gitea') {
    forge = {
      kind,
      url: need(env, 'HONGHEI_GITEA_URL', 'https://git.example.org'),
      repo: need(env, 'HONGHEI_GITEA_REPO', 'union/honghei-content'),
      base,
      token: need(env, 'HONGHEI_GITEA_TOKEN', '…'),
    };
  } else if (kind === 'gitlab') {
    forge = {
      kind,
      url: need(env, 'HONGHEI_GITLAB_URL', 'https://gitlab.example.org'),
      project: need(env, 'HONGHEI_GITLAB_PROJECT', 'union/honghei-content'),
      base,
      token: need(env, 'HONGHEI_GITLAB_TOKEN', 'glpat-…'),
    };
  } else
    throw new Error(`HONGHEI_FORGE=${kind} is not a forge: choose local, github, gitea or gitlab`);
  const outbox: OutboxConfig = env.HONGHEI_REDIS_URL
    ? { kind: 'redis', url: env.HONGHEI_REDIS_URL }
    : { kind: 'file', dir: env.HONGHEI_OUTBOX_DIR ?? '.honghei/outbox' };
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
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const secret = env.HONGHEI_WEBHOOK_SECRET;
  if (!secret) return undefined;
  const port = Number(env.HONGHEI_WEBHOOK_PORT ?? 8787);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(
      `HONGHEI_WEBHOOK_PORT=${env.HONGHEI_WEBHOOK_PORT} is not a port: write a number such as 8787`,
    );
  return { port, github: { secret }, gitea: { secret }, gitlab: { token: secret } };
}
