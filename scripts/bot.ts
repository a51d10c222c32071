/**
 * The bot's command line.
 *
 *   node scripts/bot.ts polling            long polling (one machine)            npm run bot
 *   node scripts/bot.ts webhook            webhook server (production)           npm run bot:webhook
 *   node scripts/bot.ts console [--user ID] [--lang en]
 *                                          the same conversations in a terminal  npm run bot:console
 *
 * Configuration comes from the environment (bot/config.ts, bot/forge/config.ts); errors name
 * the variable to set. Polling and webhook mode serve GET /healthz on BOT_HOST:BOT_PORT and stop
 * gracefully on SIGTERM/SIGINT (bot/run/shutdown.ts); docs/deploy.md runs them under systemd.
 */
import { openApp, runPolling, runWebhook } from '../bot/run/app.ts';
import { runConsole } from '../bot/run/console.ts';
import { resolveContentRoot } from '../content/schema/content-root.ts';
import { readSetting } from '../content/schema/settings-read.ts';

const [mode = 'polling', ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};

try {
  if (mode === 'console') {
    const user = option('user');
    const submitters = readSetting('HONGHEI_SUBMITTERS', process.env);
    await runConsole({
      root: resolveContentRoot(),
      repo: readSetting('HONGHEI_REPO', process.env),
      base: readSetting('HONGHEI_BASE', process.env),
      input: process.stdin,
      output: process.stdout,
      ...(user ? { userId: Number(user) } : {}),
      ...(option('lang') ? { language: option('lang') } : {}),
      ...(submitters ? { submittersFile: submitters } : {}),
    });
  } else if (mode === 'polling' || mode === 'webhook') {
    const app = await openApp(mode);
    try {
      if (mode === 'polling') await runPolling(app);
      else await runWebhook(app);
    } catch (error) {
      app.log.error(`the bot could not start in ${mode} mode`, error);
      await app.close().catch(() => undefined);
      process.exit(1);
    }
  } else {
    console.error(
      `unknown mode "${mode}": use polling, webhook or console, e.g. node scripts/bot.ts console`,
    );
    process.exitCode = 2;
  }
} catch (error) {
  // Configuration errors: the message names every wrong variable with an example.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
