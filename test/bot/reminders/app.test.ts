/**
 * The running bot (openApp, as `npm run bot` starts it) against a third-party Bot API emulator
 * (telegram-test-api): on 2026-11-23 its first reminders round tells the labour-inspection unit of
 * an entry ending soon and of an objection due tomorrow, and the 审核人 of the objection, once;
 * after a restart over the same sqlite storage, no more. /healthz reports the last round.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import TelegramServer from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../bot/run/app.ts';
import { checkHealth } from '../../../bot/run/health.ts';
import { tempDir } from '../forge/fixtures.ts';
import { TEST_TOKEN } from '../support/harness.ts';
import { CHATS, reminderContent } from './content.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() =>
        a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no free port')),
      );
    });
  });
}

let emulator: InstanceType<typeof TelegramServer>;
const apps: App[] = [];
const t = tempDir('honghei-reminders-app-');
beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await emulator?.stop();
  t.remove();
});

describe('the running bot', () => {
  it('sends the day’s reminders once at start-up, not again after a restart', async () => {
    const { root } = await reminderContent(t.dir);
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      HONGHEI_DATE: '2026-11-23',
      HONGHEI_CONTENT_ROOT: root,
      HONGHEI_REPO: root,
      HONGHEI_BOT_DB: join(t.dir, 'bot.sqlite'),
      HONGHEI_OUTBOX_DIR: join(t.dir, 'outbox'),
      HONGHEI_PRIVATE_DIR: join(t.dir, 'private'),
    };
    const told = () =>
      emulator.storage.botMessages
        .filter((m) => m.botToken === TEST_TOKEN)
        .map((m) => `${Number(m.message.chat_id)} ${[...String(m.message.text)][0]}`)
        .sort();

    const first = await openApp('polling', env);
    apps.push(first);
    for (let i = 0; i < 500 && told().length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(told()).toEqual(
      [`${CHATS.inspection} 📅`, `${CHATS.inspection} ⏰`, `${CHATS.reviewer} ⏰`].sort(),
    );
    await first.close();
    apps.pop();

    const second = await openApp('polling', env);
    apps.push(second);
    const again = await second.reminders.runNow();
    expect(again.sent).toEqual([]);
    expect(told()).toHaveLength(3);
    const health = await checkHealth({
      mode: 'polling',
      storage: second.storage,
      sink: second.sink,
      maxBacklogAgeMs: 3600_000,
      reminders: second.reminders,
    });
    expect(health.reminders).toMatchObject({ scheduler: 'timer', lastSent: 0 });
    expect(health.status).toBe('ok');
  }, 60_000);
});
