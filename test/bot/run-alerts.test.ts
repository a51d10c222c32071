/**
 * The running bot (openApp, as `npm run bot` starts it) against a third-party Bot API emulator
 * (telegram-test-api): on 30 December with no 2027 holiday calendar, the start-up check tells the
 * administrator named in publisher.yaml, once; after a restart over the same storage, no more.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import TelegramServer from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../bot/run/app.ts';
import { contentCopy, TEST_TOKEN, tempDir } from './support/harness.ts';

const ADMIN_CHAT = 900000011;

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
beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await emulator?.stop();
});

describe('the running bot', () => {
  it('tells its administrator at start-up that next year’s holiday calendar is missing, once across a restart', async () => {
    const root = contentCopy();
    appendFileSync(
      join(root, 'content/publisher.yaml'),
      `administrators:\n  - chat_id: ${ADMIN_CHAT}\n    name: 信息中心 测试管理员（示例）\n`,
    );
    const state = tempDir('honghei-run-');
    writeFileSync(join(state, 'submitters.yaml'), 'submitters: []\n');
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      HONGHEI_DATE: '2026-12-30',
      HONGHEI_CONTENT_ROOT: root,
      HONGHEI_REPO: root,
      HONGHEI_SUBMITTERS: join(state, 'submitters.yaml'),
      HONGHEI_BOT_DB: join(state, 'bot.sqlite'),
      HONGHEI_OUTBOX_DIR: join(state, 'outbox'),
      HONGHEI_PRIVATE_DIR: join(state, 'private'),
    };
    const toAdmin = () =>
      emulator.storage.botMessages
        .filter((m) => m.botToken === TEST_TOKEN && Number(m.message.chat_id) === ADMIN_CHAT)
        .map((m) => String(m.message.text));

    const first = await openApp('polling', env);
    apps.push(first);
    for (let i = 0; i < 500 && !toAdmin().length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(toAdmin()).toHaveLength(1);
    expect(toAdmin()[0]).toMatch(
      /^⚠️ 尚未收录 2027 年的节假日安排。.*content\/calendar\/2027\.yaml/,
    );
    await first.close();
    apps.pop();

    const second = await openApp('polling', env);
    apps.push(second);
    expect(await second.services.alerts!.calendarMissing(2027)).toBe(0);
    expect(toAdmin()).toHaveLength(1);
  }, 60_000);
});
