/**
 * The web chat in the running bot: a real `node scripts/bot.ts polling` process with
 * BOT_WEB_CHAT=on serves /chat/ on its HTTP server; a browser session's /help is answered into
 * its event stream; SIGTERM with that stream still open shuts the bot down and exits 0.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tempDir } from '../support/harness.ts';
import {
  blockingRepo,
  freePort,
  healthy,
  startBot,
  telegramServer,
  waitFor,
} from '../service/support.ts';

let telegram: Awaited<ReturnType<typeof telegramServer>>;
beforeAll(async () => {
  telegram = await telegramServer();
});
afterAll(async () => {
  await telegram?.close();
});

test('BOT_WEB_CHAT=on: /chat/ served by the bot, answered over SSE, SIGTERM exits 0', async () => {
  const { root: repo } = blockingRepo();
  const state = tempDir('honghei-webchat-state-');
  const port = await freePort();
  const bot = startBot('polling', repo, {
    TELEGRAM_API_ROOT: telegram.url,
    BOT_HOST: '127.0.0.1',
    BOT_PORT: String(port),
    BOT_WEB_CHAT: 'on',
    BOT_STOP_TIMEOUT_SECONDS: '20',
    HONGHEI_CONTENT_ROOT: repo,
    HONGHEI_REPO: repo,
    HONGHEI_SUBMITTERS: join(repo, 'content/submitters.yaml'),
    HONGHEI_DATE: '2026-11-20',
    HONGHEI_BOT_DB: join(state, 'bot.sqlite'),
    HONGHEI_OUTBOX_DIR: join(state, 'outbox'),
    HONGHEI_PRIVATE_DIR: join(state, 'private'),
    HONGHEI_PRIVATE_SECRET: 'service-test-private-link-secret-0123456789',
  });
  const base = `http://127.0.0.1:${port}`;
  await healthy(bot, base);
  const page = await fetch(`${base}/chat/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('在线办理');

  const opened = await fetch(`${base}/chat/api/session`, { method: 'POST' });
  const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf } = (await opened.json()) as { csrf: string };
  const sent = await fetch(`${base}/chat/api/send`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ text: '/help' }),
  });
  expect(sent.status).toBe(200);

  const events = await fetch(`${base}/chat/api/events`, { headers: { cookie } });
  const reader = events.body!.getReader();
  let stream = '';
  await waitFor('the answer to /help in the event stream', async () => {
    const { value } = await reader.read();
    stream += new TextDecoder().decode(value);
    return stream.includes('/objection') || undefined;
  });
  // Telegram saw nothing of the web chat.
  expect(telegram.tg.sent).toEqual([]);

  bot.child.kill('SIGTERM');
  expect(await bot.exited, bot.output()).toEqual({ code: 0, signal: null });
  expect(bot.output()).toMatch(/stopped in \d+\.\d s/);
  expect(bot.output()).not.toMatch(/shutdown: still at/);
  // The stream was ended by the server, not cut.
  for (;;) if ((await reader.read()).done) break;
}, 120_000);
