/**
 * Polling mode as a service: a real `node scripts/bot.ts polling` process against the local Bot
 * API over HTTP. It serves the health endpoint on its own HTTP server, handles an update, and on
 * SIGTERM abandons its long poll at once (it does not wait for the poll's 30 s to run out),
 * confirms the offset of what it handled, and exits 0.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SUBMITTER, tempDir } from '../support/harness.ts';
import { blockingRepo, freePort, healthy, startBot, telegramServer, waitFor } from './support.ts';

let telegram: Awaited<ReturnType<typeof telegramServer>>;
beforeAll(async () => {
  telegram = await telegramServer();
});
afterAll(async () => {
  await telegram?.close();
});

test('polling: health on BOT_HOST:BOT_PORT, an update handled, SIGTERM ends the long poll and exits 0', async () => {
  const { root: repo } = blockingRepo();
  const state = tempDir('honghei-service-state-');
  const port = await freePort();
  const bot = startBot('polling', repo, {
    TELEGRAM_API_ROOT: telegram.url,
    BOT_HOST: '127.0.0.1',
    BOT_PORT: String(port),
    HONGHEI_CONTENT_ROOT: repo,
    HONGHEI_REPO: repo,
    HONGHEI_SUBMITTERS: join(repo, 'content/submitters.yaml'),
    HONGHEI_DATE: '2026-11-20',
    HONGHEI_BOT_DB: join(state, 'bot.sqlite'),
    HONGHEI_OUTBOX_DIR: join(state, 'outbox'),
    HONGHEI_PRIVATE_DIR: join(state, 'private'),
    HONGHEI_PRIVATE_SECRET: 'service-test-private-link-secret-0123456789',
  });
  const ready = await healthy(bot, `http://127.0.0.1:${port}`);
  expect(ready.status).toBe(200);
  expect(ready.body).toMatchObject({
    status: 'ok',
    mode: 'polling',
    storage: { kind: 'sqlite', reachable: true },
    outbox: { backlog: 0 },
  });

  const update = telegram.tg.text(SUBMITTER, '/help');
  telegram.queue.push(update);
  await waitFor('the answer to /help', () => telegram.tg.last(SUBMITTER.id)?.text.includes('/new'));
  // The bot is now in a long poll that would last its full timeout.
  await waitFor('the next long poll', () =>
    telegram.polls.some((p) => p.offset === update.update_id + 1 && p.timeout > 0),
  );
  bot.child.kill('SIGTERM');
  expect(await bot.exited, bot.output()).toEqual({ code: 0, signal: null });
  expect(bot.output()).toContain('SIGTERM: shutting down');
  expect(bot.output()).toMatch(/stopped in \d+\.\d s/);
  const long = telegram.polls.find((p) => p.offset === update.update_id + 1 && p.timeout > 0)!;
  expect(await waitFor('the long poll to end', () => long.ended)).toBe('abandoned');
  // grammY's stop() confirms the offset with a short call, so /help is not delivered again.
  expect(telegram.polls.at(-1)).toMatchObject({ offset: update.update_id + 1, timeout: 0 });
}, 120_000);
