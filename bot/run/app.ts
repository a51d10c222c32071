/**
 * Running the bot for real: configuration from the environment, the content repository, the
 * allow-list, storage, the forge sink with its notices, then long polling or a webhook server.
 * Everything opened here is closed on SIGINT/SIGTERM.
 */
import { createServer, type Server } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import { publicationDate } from '../../content/schema/index.ts';
import { checkCalendar, createAdminAlerts, onceStoreOf, watchWebhook, type StuckDelivery } from '../admin-alerts.ts';
import { loadBotConfig, redactor, type BotConfig } from '../config.ts';
import type { BotContext } from '../context.ts';
import { createBot } from '../create-bot.ts';
import { botApiFiles } from '../files.ts';
import { COMMANDS } from '../flows/public.ts';
import { createSubmissionSink, forgeSettingsFromEnv, type Notifier } from '../forge/index.ts';
import { createI18n } from '../i18n.ts';
import { createNotifier } from '../notifier.ts';
import { ContentRepository } from '../record/repository.ts';
import type { BotServices, Logger } from '../services.ts';
import { createStorage } from '../storage/index.ts';
import { loadSubmitters } from '../submitters.ts';

/** A logger on stderr that redacts the configuration's secrets. */
export function consoleLogger(redact: (text: string) => string): Logger {
  const describe = (e: unknown): string => (e instanceof Error ? `${e.message}${e.cause ? ` (cause: ${describe(e.cause)})` : ''}\n${e.stack ?? ''}` : String(e));
  return {
    info: (message) => console.error(redact(`[bot] ${message}`)),
    error: (message, error) => console.error(redact(`[bot] ERROR ${message}${error === undefined ? '' : `: ${describe(error)}`}`)),
  };
}

/** Random lower-case letters and digits. */
export function randomId(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => alphabet[b % alphabet.length]).join('');
}

/** Everything a running bot holds. */
export interface App { bot: Bot<BotContext>; config: BotConfig; services: BotServices; close(): Promise<void> }

/** Builds the bot and its services from the environment. */
export async function openApp(mode: 'polling' | 'webhook', env: NodeJS.ProcessEnv = process.env): Promise<App> {
  const config = loadBotConfig(env, mode);
  const log = consoleLogger(redactor(config));
  const repo = new ContentRepository(config.contentRoot);
  const submitters = loadSubmitters(config.submittersFile, repo.publisher);
  const storage = createStorage(config.storage, config.formTtlMs);
  // The sink needs the notifier, the notifier the bot: bind it once the bot exists.
  let notify: Notifier = async () => { throw new Error('the bot is not ready to send notices yet'); };
  let stuck = (_: StuckDelivery) => undefined as void;
  const sink = createSubmissionSink({ ...forgeSettingsFromEnv(env), notify: (n) => notify(n), log: (m) => log.info(m), stuck: (d) => stuck(d) });
  const services: BotServices = {
    repo, sink, submitters, log,
    files: undefined as never,
    today: () => publicationDate(env),
    randomId,
    now: () => new Date().toISOString(),
  };
  const bot = createBot(config, { services, storage });
  services.files = botApiFiles(bot.api, { apiRoot: config.apiRoot });
  notify = createNotifier(bot.api);
  // The administrators' alerts: calendar gaps (now and twice a day), stuck deliveries, errors.
  const alerts = (services.alerts = createAdminAlerts({ api: bot.api, publisher: repo.publisher, once: onceStoreOf(storage), log }));
  stuck = (d) => void alerts.outboxStuck(d).catch((e) => log.error(`alerting the administrators of ${d.id} failed`, e));
  const checkDates = () => void checkCalendar(alerts, repo.root, repo.publisher, services.today()).catch((e) => log.error('checking the holiday calendar failed', e));
  checkDates();
  const calendarTimer = setInterval(checkDates, 12 * 3600_000).unref();
  const sweeper = setInterval(() => storage.sweep(), 3600_000).unref();
  log.info(`content ${repo.root}: ${repo.records().length} records; ${submitters.size} allow-listed submitters; ${storage.kind} storage; ${repo.publisher.administrators.length || 'no'} administrator(s) for alerts`);
  return {
    bot, config, services,
    async close() {
      clearInterval(sweeper);
      clearInterval(calendarTimer);
      await sink.close();
      await storage.close();
    },
  };
}

/** The command menu in both languages. */
export async function setCommands(bot: Bot<BotContext>): Promise<void> {
  const i18n = createI18n();
  for (const [locale, code] of [['zh-CN', undefined], ['en', 'en']] as const) {
    const commands = COMMANDS.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
    await bot.api.setMyCommands(commands, code ? { language_code: code } : {});
  }
}

/** Long polling, for one machine. */
export async function runPolling(app: App): Promise<void> {
  await app.bot.api.deleteWebhook();
  await setCommands(app.bot);
  const stop = async () => {
    await app.bot.stop();
    await app.close();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.bot.start({ onStart: (me) => console.error(`[bot] @${me.username} is polling; Ctrl-C stops it`) });
}

/**
 * The HTTP server of webhook mode: updates are POSTed to `path`; with a secret, a request without
 * Telegram's X-Telegram-Bot-Api-Secret-Token header is refused (401). GET /health answers ok.
 * Each request is answered once its update is handled, so Telegram sends a chat's next update only
 * after the previous one is stored: instances sharing Redis never handle one chat concurrently.
 */
export function webhookServer(bot: Bot<BotContext>, options: { path: string; secret?: string }): Server {
  const handle = webhookCallback(bot, 'http', { ...(options.secret ? { secretToken: options.secret } : {}) });
  return createServer((req, res) => {
    if (req.method === 'POST' && req.url?.split('?')[0] === options.path) return void handle(req, res);
    res.writeHead(req.url === '/health' ? 200 : 404).end(req.url === '/health' ? 'ok' : 'not found');
  });
}

/** A webhook server on BOT_HOST:BOT_PORT; Telegram posts to BOT_WEBHOOK_URL with the secret header. */
export async function runWebhook(app: App): Promise<Server> {
  const hook = app.config.webhook!;
  await app.bot.init();
  const path = new URL(hook.url).pathname;
  const server = webhookServer(app.bot, { path, secret: hook.secret });
  await new Promise<void>((resolve) => server.listen(hook.port, hook.host, resolve));
  await setCommands(app.bot);
  await app.bot.api.setWebhook(hook.url, { secret_token: hook.secret, allowed_updates: ['message', 'callback_query'] });
  // Telegram's own view of the webhook: delivery failures reach the administrators once per kind.
  const { alerts, log } = app.services;
  const stopWatch = alerts ? watchWebhook(app.bot.api, alerts, log) : () => undefined;
  const stop = () => {
    stopWatch();
    server.close(() => void app.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.error(`[bot] @${app.bot.botInfo.username} listens on http://${hook.host}:${hook.port}${path} for ${new URL(hook.url).origin}`);
  return server;
}
