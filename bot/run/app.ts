/**
 * Running the bot for real: configuration from the environment, the content repository, the
 * allow-list, storage, the forge sink with its notices, the HTTP server (health endpoint, and the
 * Telegram webhook in webhook mode), then long polling or the webhook. SIGTERM and SIGINT shut it
 * down gracefully (shutdown.ts).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { webhookCallback, type Bot } from 'grammy';
import { publicationDate } from '../../content/schema/index.ts';
import {
  checkCalendar,
  createAdminAlerts,
  onceStoreOf,
  watchWebhook,
  type StuckDelivery,
} from '../admin-alerts.ts';
import { loadBotConfig, redactor, type BotConfig } from '../config.ts';
import type { BotContext } from '../context.ts';
import { ChatApprovals } from '../approvals/service.ts';
import { approvalStore } from '../approvals/store.ts';
import { createBot } from '../create-bot.ts';
import { botApiFiles } from '../files.ts';
import { COMMANDS } from '../flows/public.ts';
import {
  createSubmissionSink,
  forgeSettingsFromEnv,
  type ForgeSink,
  type Notifier,
} from '../forge/index.ts';
import { createI18n } from '../i18n.ts';
import { gitIgnoreWarning, openPrivateFiles, privateFilesConfig } from '../private-files/config.ts';
import { DirectoryStore } from '../private-files/directory-store.ts';
import { privateFileHandler } from '../private-files/http-handler.ts';
import { RedisStore } from '../private-files/redis-store.ts';
import { createNotifier } from '../notifier.ts';
import { ContentRepository } from '../record/repository.ts';
import { reminderInput } from '../reminders/input.ts';
import { startReminders, type ReminderScheduler } from '../reminders/scheduler.ts';
import type { BotServices, Logger } from '../services.ts';
import { createStorage, type BotStorage } from '../storage/index.ts';
import { loadSubmitters } from '../submitters.ts';
import { createWebChat, WebChannel } from '../webchat/index.ts';
import { webChatRoutes } from '../webchat/http.ts';
import { healthRoute, HEALTH_PATH } from './health.ts';
import { BotHttpServer, type HttpHandler } from './http-server.ts';
import { createLogger, secretValues } from './log.ts';
import { installShutdown, type Shutdown } from './shutdown.ts';

/** The bot's logger on stderr (one line per event, journald levels under systemd), secrets redacted. */
export function consoleLogger(redact: (text: string) => string): Logger {
  return createLogger(redact);
}

/** Random lower-case letters and digits. */
export function randomId(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(
    crypto.getRandomValues(new Uint8Array(length)),
    (b) => alphabet[b % alphabet.length],
  ).join('');
}

/** Everything a running bot holds. */
export interface App {
  bot: Bot<BotContext>;
  config: BotConfig;
  services: BotServices;
  mode: 'polling' | 'webhook';
  log: Required<Logger>;
  storage: BotStorage;
  sink: ForgeSink;
  /** The HTTP server's route table: register handlers before run* starts it. */
  http: BotHttpServer;
  /** The reminders (动态管理): a timer on one machine, a BullMQ job scheduler with Redis. */
  reminders: ReminderScheduler;
  /** Closes the outbox (the delivery in flight finishes) and then the storage. */
  close(): Promise<void>;
}

/** Builds the bot and its services from the environment. */
export async function openApp(
  mode: 'polling' | 'webhook',
  env: NodeJS.ProcessEnv = process.env,
): Promise<App> {
  const config = loadBotConfig(env, mode);
  const log = createLogger(redactor(config, secretValues(env)));
  const repo = new ContentRepository(config.contentRoot);
  const submitters = loadSubmitters(config.submittersFile, repo.publisher);
  const storage = createStorage(config.storage, config.formTtlMs);
  const privateFiles = openPrivateFiles(privateFilesConfig(env), {
    contentRoot: config.contentRoot,
    redis: storage.redis,
  });
  const warning =
    privateFiles.store instanceof RedisStore
      ? await privateFiles.store.persistenceWarning()
      : privateFiles.store instanceof DirectoryStore
        ? gitIgnoreWarning(privateFiles.store.dir, config.contentRoot)
        : undefined;
  if (warning) log.error(warning);
  // The sink needs the notifier, the notifier the bot: bind it once the bot exists.
  let notify: Notifier = async () => {
    throw new Error('the bot is not ready to send notices yet');
  };
  let stuck = (_: StuckDelivery) => undefined as void;
  const sink = createSubmissionSink({
    ...forgeSettingsFromEnv(env),
    notify: (n) => notify(n),
    log: (m) => log.warn(m),
    stuck: (d) => stuck(d),
    contentRoot: config.contentRoot,
  });
  const services: BotServices = {
    repo,
    sink,
    submitters,
    log,
    privateFiles,
    files: undefined as never,
    today: () => publicationDate(env),
    randomId,
    now: () => new Date().toISOString(),
  };
  // The web chat is a second channel of the same bot: its transformer answers calls to web chats.
  const web = createWebChat(storage, config.formTtlMs);
  const bot = createBot(config, { services, storage, transformers: [web.transformer] });
  services.files = web.files.service(botApiFiles(bot.api, { apiRoot: config.apiRoot }));
  // 审核 and 审定 in chat: a delivered submission also goes to the 审核人 (bot/approvals/).
  services.approvals = new ChatApprovals({
    api: bot.api,
    forge: sink.forge,
    reviewersFile: join(repo.root, 'content', 'reviewers.yml'),
    store: approvalStore(storage),
    links: privateFiles.links,
    today: services.today,
    log,
  });
  notify = services.approvals.notifier(createNotifier(bot.api));
  // The administrators' alerts: calendar gaps (now and twice a day), stuck deliveries, errors.
  const alerts = (services.alerts = createAdminAlerts({
    api: bot.api,
    publisher: repo.publisher,
    once: onceStoreOf(storage),
    log,
  }));
  stuck = (d) =>
    void alerts
      .outboxStuck(d)
      .catch((e) => log.error(`alerting the administrators of ${d.id} failed`, e));
  const checkDates = () =>
    void checkCalendar(alerts, repo.root, repo.publisher, services.today()).catch((e) =>
      log.error('checking the holiday calendar failed', e),
    );
  checkDates();
  const calendarTimer = setInterval(checkDates, 12 * 3600_000).unref();
  const sweeper = setInterval(() => storage.sweep(), 3600_000).unref();
  // Reminders to units and reviewers, each sent once (marks in the same storage as the alerts).
  const reminders = await startReminders({
    round: {
      api: bot.api,
      input: reminderInput({ repo, submitters, forge: sink.forge }),
      once: onceStoreOf(storage, 'honghei:reminder:'),
      today: services.today,
      log,
    },
    log,
    ...(config.storage.kind === 'redis' ? { redisUrl: config.storage.url } : {}),
  });
  // Signed links to non-public attachments, for reviewers (docs/private-files.md), in every mode.
  const http = new BotHttpServer({ onError: (m, e) => log.error(m, e) }).route(
    privateFileHandler({
      ...privateFiles,
      log: (m, e) => log.warn(`${m}${e ? `: ${String(e)}` : ''}`),
    }),
  );
  if (config.webChat)
    http.route(
      webChatRoutes({
        channel: new WebChannel({ bot, services, ...web }),
        maxFileBytes: config.maxFileBytes,
        ...config.webChat,
        stopping: () => http.stopping,
        log: (m, e) => (e ? log.error(m, e) : log.info(m)),
      }),
    );
  log.info(
    `content ${repo.root}: ${repo.records().length} records; ${submitters.size} allow-listed submitters; ${storage.kind} storage; forge ${sink.forge.name}; ${repo.publisher.administrators.length || 'no'} administrator(s) for alerts`,
  );
  return {
    bot,
    config,
    services,
    mode,
    log,
    storage,
    sink,
    http,
    reminders,
    async close() {
      clearInterval(sweeper);
      clearInterval(calendarTimer);
      await reminders.close();
      await sink.close();
      await privateFiles.store.close();
      await storage.close();
    },
  };
}

/** The command menu in both languages. */
export async function setCommands(bot: Bot<BotContext>): Promise<void> {
  const i18n = createI18n();
  for (const [locale, code] of [
    ['zh-CN', undefined],
    ['en', 'en'],
  ] as const) {
    const commands = COMMANDS.map((command) => ({
      command,
      description: i18n.t(locale, `command-${command}`),
    }));
    await bot.api.setMyCommands(commands, code ? { language_code: code } : {});
  }
}

/**
 * The Telegram webhook as a route: updates are POSTed to `path`; with a secret, a request without
 * Telegram's X-Telegram-Bot-Api-Secret-Token header (or with another value) is refused (401).
 * Each request is answered once its update is handled, so Telegram sends a chat's next update only
 * after the previous one is stored: instances sharing Redis never handle one chat concurrently.
 */
export function webhookRoute(
  bot: Bot<BotContext>,
  options: { path: string; secret?: string },
): HttpHandler {
  const handle = webhookCallback(bot, 'http', {
    ...(options.secret ? { secretToken: options.secret } : {}),
  });
  return async (req, res) => {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== options.path) return false;
    await handle(req, res);
    return true;
  };
}

/** GET /health: "ok" while the process runs (liveness); /healthz says whether it can work. */
const liveness: HttpHandler = async (req: IncomingMessage, res: ServerResponse) => {
  if (req.url !== '/health') return false;
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('ok');
  return true;
};

/** A server with the webhook route and /health (tests drive a bot through it). */
export function webhookServer(
  bot: Bot<BotContext>,
  options: { path: string; secret?: string },
): Server {
  return new BotHttpServer().route(webhookRoute(bot, options)).route(liveness).server;
}

/** Starts the HTTP server on BOT_HOST:BOT_PORT with the health routes and the routes already registered. */
async function startHttp(app: App, shutdown: Shutdown): Promise<string> {
  const { host, port } = app.config.http ?? { host: '127.0.0.1', port: 8080 };
  app.http.route(liveness).route(
    healthRoute({
      mode: app.mode,
      storage: app.storage,
      sink: app.sink,
      stopping: shutdown.stopping,
      maxBacklogAgeMs: app.config.maxBacklogAgeMs ?? 3600_000,
      reminders: app.reminders,
    }),
  );
  try {
    const address = await app.http.listen(host, port);
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  } catch (error) {
    throw new Error(
      `cannot listen on ${host}:${port} (${(error as Error).message}): set BOT_PORT to a free port (e.g. BOT_PORT=8081) or BOT_HOST to an address of this machine`,
      { cause: error },
    );
  }
}

/** Shutdown for both modes: stop taking updates, drain HTTP, close the outbox and the storage. */
function shutdownFor(app: App, stopUpdates: (deadline: number) => Promise<unknown>): Shutdown {
  return installShutdown({
    log: app.log,
    timeoutMs: app.config.stopTimeoutMs ?? 20_000,
    steps: [
      { name: 'stop taking updates and finish the one in flight', run: stopUpdates },
      { name: 'close the HTTP server', run: (deadline) => app.http.drain(deadline) },
      {
        name: 'close the outbox (finish the delivery in flight) and the storage',
        run: () => app.close(),
      },
    ],
  });
}

/** Long polling, for one machine; the HTTP server serves the health endpoint. */
export async function runPolling(app: App): Promise<void> {
  let polling: Promise<void> | undefined;
  const shutdown = shutdownFor(app, async () => {
    // stop() ends the long poll and confirms the offset; start() resolves once the update being
    // handled is finished.
    await app.bot.stop();
    await polling;
  });
  const origin = await startHttp(app, shutdown);
  await app.bot.api.deleteWebhook();
  await setCommands(app.bot);
  if (shutdown.stopping()) return;
  polling = app.bot.start({
    onStart: (me) =>
      app.log.info(
        `@${me.username} is polling; health at ${origin}${HEALTH_PATH}; SIGTERM or Ctrl-C stops it`,
      ),
  });
  await polling;
}

/** The webhook: Telegram posts to BOT_WEBHOOK_URL with the secret header; the server listens on BOT_HOST:BOT_PORT. */
export async function runWebhook(app: App): Promise<void> {
  const hook = app.config.webhook!;
  await app.bot.init();
  const path = new URL(hook.url).pathname;
  // Webhook mode has no loop to stop: the HTTP server's drain answers new requests 503 (Telegram
  // sends them again later) and waits for the updates being handled.
  let stopWatch = () => undefined as void;
  const shutdown = shutdownFor(app, (deadline) => {
    stopWatch();
    return app.http.drain(deadline);
  });
  app.http.route(webhookRoute(app.bot, { path, secret: hook.secret }));
  const origin = await startHttp(app, shutdown);
  await setCommands(app.bot);
  await app.bot.api.setWebhook(hook.url, {
    secret_token: hook.secret,
    allowed_updates: ['message', 'callback_query'],
  });
  // Telegram's own view of the webhook: delivery failures reach the administrators once per kind.
  const { alerts, log } = app.services;
  stopWatch = alerts ? watchWebhook(app.bot.api, alerts, log) : () => undefined;
  app.log.info(
    `@${app.bot.botInfo.username} listens on ${origin}${path} for ${new URL(hook.url).origin}; health at ${origin}${HEALTH_PATH}`,
  );
}
