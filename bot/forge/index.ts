/**
 * The forge layer: where the bot's confirmed submissions go.
 *
 * ```ts
 * import { createSubmissionSink, forgeSettingsFromEnv } from './forge/index.ts';
 * const sink = createSubmissionSink({ ...forgeSettingsFromEnv(), notify: async (n) => bot.api.sendMessage(n.submitter.chatId!, text(n)) });
 * await sink.submit(submission);   // resolves once stored on disk / in Redis; delivery follows
 * await sink.status(submission.id); // { delivered, pullRequest, review }
 * await sink.close();              // on shutdown
 * ```
 *
 * The forge is local git (default), GitHub, Gitea/Forgejo or GitLab; the outbox is a directory
 * (one machine) or Redis (several bot instances). `notify` is told once per submission when its
 * pull request is opened (outcome "delivered", with the link) and once when it is published
 * (merged) or rejected (closed, with the reviewer's comment).
 *
 * Outcomes arrive by the periodic poll, and sooner through the webhook endpoint:
 * ```ts
 * const webhook = webhookSettingsFromEnv(); // HONGHEI_WEBHOOK_SECRET, HONGHEI_WEBHOOK_PORT (settings.ts)
 * if (webhook) await startWebhookServer({ ...webhook, sink });
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  parseForgeConfig,
  parseOutboxConfig,
  type ForgeConfig,
  type OutboxConfig,
} from './config.ts';
import { createGitHubClient } from './github/client.ts';
import { GitHubForge } from './github/forge.ts';
import { GiteaForge } from './gitea.ts';
import { GitLabForge } from './gitlab.ts';
import { LocalGitForge } from './local-git.ts';
import { createPresenter } from './present.ts';
import { EmbeddedSink } from './outbox/embedded-sink.ts';
import { RedisSink } from './outbox/redis-sink.ts';
import type { Forge, Notifier, ReviewState, RunningSink } from './types.ts';
import type { OutboxHealth } from './outbox/entry.ts';
import type { StuckDelivery } from '../admin-alerts.ts';

export * from './types.ts';
export {
  forgeSettingsFromEnv,
  webhookSettingsFromEnv,
  type ForgeConfig,
  type OutboxConfig,
} from './config.ts';
export { LocalGitForge } from './local-git.ts';
export { GitHubForge } from './github/forge.ts';
export { createGitHubClient } from './github/client.ts';
export { GiteaForge } from './gitea.ts';
export { GitLabForge } from './gitlab.ts';
export { createPresenter, type Presenter } from './present.ts';
export {
  createWebhookHandler,
  startWebhookServer,
  memoryDeliveryLog,
  redisDeliveryLog,
  type WebhookOptions,
} from './webhooks.ts';
export { EmbeddedSink } from './outbox/embedded-sink.ts';
export { RedisSink } from './outbox/redis-sink.ts';
export type { OutboxHealth } from './outbox/entry.ts';

/** Everything createSubmissionSink needs. */
export interface SinkConfig {
  forge: ForgeConfig;
  outbox: OutboxConfig;
  /** The bot's "send a message" hook (see SubmissionNotice). */
  notify?: Notifier;
  /** How often open pull requests are polled for an outcome (default 5 min; local git 30 s). */
  pollIntervalMs?: number;
  /** How often pending deliveries are retried, embedded outbox only (default 5 s). */
  retryIntervalMs?: number;
  log?: (message: string) => void;
  /** Told of each failed attempt of a delivery failing for more than an hour (the administrators' alert). */
  stuck?: (delivery: StuckDelivery) => void;
  /** A local copy of the content repository (categories for pull request summaries); default the current directory. */
  contentRoot?: string;
}

/** A running sink with the forge it delivers to. */
export type ForgeSink = RunningSink & {
  readonly forge: Forge;
  /** Reads one submission's outcome now and notifies if it is final (used by the webhook endpoint). */
  refresh(submissionId: string): Promise<ReviewState | undefined>;
  /** Backlog and the last successful forge call (the bot's health endpoint). */
  health(): Promise<OutboxHealth>;
};

/** Extra settings of hosted forges (not part of the environment configuration). */
export interface ForgeExtras {
  /** A local copy of the content repository, for the categories in pull request summaries. */
  contentRoot?: string;
  log?: (message: string) => void;
}

/** Builds the forge client a configuration names. */
export function createForge(config: ForgeConfig, extras: ForgeExtras = {}): Forge {
  const parsed = parseForgeConfig(config);
  // Summaries carry the validator's verdict when the publisher's configuration is at hand.
  const root = extras.contentRoot;
  const configured =
    root &&
    ['categories.yaml', 'publisher.yaml'].every((f) => existsSync(join(root, 'content', f)));
  const presenter = () => createPresenter({ contentRoot: configured ? root : undefined });
  switch (parsed.kind) {
    case 'local':
      return new LocalGitForge({ repo: parsed.repo, base: parsed.base });
    case 'github':
      return new GitHubForge({
        octokit: createGitHubClient({ auth: parsed.auth, baseUrl: parsed.apiUrl, log: extras.log }),
        repo: parsed.repo,
        base: parsed.base,
        presenter: presenter(),
        webUrl:
          parsed.apiUrl === 'https://api.github.com'
            ? 'https://github.com'
            : parsed.apiUrl.replace(/\/api\/v3\/?$/, ''),
      });
    case 'gitea':
      return new GiteaForge({
        url: parsed.url,
        token: parsed.token,
        repo: parsed.repo,
        base: parsed.base,
        presenter: presenter(),
        http: { log: extras.log },
      });
    case 'gitlab':
      return new GitLabForge({
        url: parsed.url,
        token: parsed.token,
        project: parsed.project,
        base: parsed.base,
        presenter: presenter(),
      });
  }
}

/** Builds the outbox and its forge; delivery and polling start at once. */
export function createSubmissionSink(config: SinkConfig): ForgeSink {
  const forge = createForge(config.forge, {
    contentRoot: config.contentRoot ?? process.cwd(),
    log: config.log,
  });
  const outbox = parseOutboxConfig(config.outbox);
  // Reading a local repository costs nothing: poll it often; hosted forges every 5 minutes.
  const pollIntervalMs = config.pollIntervalMs ?? (forge.name === 'local' ? 30_000 : 5 * 60_000);
  const common = {
    forge,
    notify: config.notify,
    pollIntervalMs,
    log: config.log,
    stuck: config.stuck,
  };
  return outbox.kind === 'file'
    ? new EmbeddedSink({ ...common, dir: outbox.dir, retryIntervalMs: config.retryIntervalMs })
    : new RedisSink({ ...common, url: outbox.url, prefix: outbox.prefix });
}
