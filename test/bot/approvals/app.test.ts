/**
 * The running bot (openApp, as `npm run bot` wires it) against a third-party Bot API emulator
 * (telegram-test-api): a submission delivered by the outbox reaches the 审核人 with its buttons,
 * the 审核人's 通过 reaches the 审定人, whose 通过 merges it on main; the submitter is told.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Update, User } from 'grammy/types';
import TelegramServer from 'telegram-test-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../bot/run/app.ts';
import { sampleSubmission, sh, tempDir } from '../forge/fixtures.ts';
import { TEST_TOKEN } from '../support/harness.ts';
import { LI, NAMES, reviewedRepo, WANG } from './setup.ts';

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
let app: App | undefined;
const t = tempDir('honghei-approvals-app-');
beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
});
afterAll(async () => {
  await app?.close();
  await emulator?.stop();
  t.remove();
});

/** What the bot sent to a chat, oldest first. */
const sentTo = (chatId: number) =>
  emulator.storage.botMessages
    .filter((m) => m.botToken === TEST_TOKEN && Number(m.message.chat_id) === chatId)
    .map((m) => m.message as { text: string; reply_markup?: { inline_keyboard?: unknown[][] } });

/** A press of a button of the bot's last message to the user. */
function press(user: User, label: string, updateId: number): Update {
  const message = sentTo(user.id).at(-1)!;
  const buttons = (message.reply_markup?.inline_keyboard ?? []).flat() as {
    text: string;
    callback_data: string;
  }[];
  const button = buttons.find((b) => b.text.includes(label));
  if (!button) throw new Error(`no button "${label}" under: ${message.text}`);
  return {
    update_id: updateId,
    callback_query: {
      id: `cq${updateId}`,
      from: user,
      chat_instance: `ci${user.id}`,
      data: button.callback_data,
      message: {
        message_id: updateId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user.id, type: 'private', first_name: user.first_name },
        text: message.text,
      },
    } as Update['callback_query'],
  };
}

describe('the running bot', () => {
  it('asks the 审核人, then the 审定人, and merges', async () => {
    const repo = reviewedRepo(t.dir);
    writeFileSync(
      join(repo, 'content', 'submitters.yaml'),
      'submitters:\n  - telegram_id: 1001\n    unit: labour-inspection\n',
    );
    sh(repo, 'add', '.');
    sh(repo, 'commit', '-q', '-m', '报送人名单（示例）');
    app = await openApp('polling', {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: emulator.config.apiURL,
      HONGHEI_DATE: '2026-11-20',
      HONGHEI_CONTENT_ROOT: repo,
      HONGHEI_REPO: repo,
      HONGHEI_BOT_DB: join(t.dir, 'bot.sqlite'),
      HONGHEI_OUTBOX_DIR: join(t.dir, 'outbox'),
      HONGHEI_PRIVATE_DIR: join(t.dir, 'private'),
    });
    await app.bot.init();
    const s = sampleSubmission(1);
    await app.sink.submit(s);
    await app.sink.reconcile();
    expect(sentTo(WANG.id).at(-1)?.text).toContain('📋 请审核：');
    expect(sentTo(1001).at(-1)?.text).toContain('已送审');

    await app.bot.handleUpdate(press(WANG, '通过', 1));
    expect(sentTo(WANG.id).at(-1)?.text).toContain(`✅ 已记录审核：${NAMES.wang}`);
    expect(sentTo(LI.id).at(-1)?.text).toContain('📋 请审定：');
    await app.bot.handleUpdate(press(LI, '通过', 2));
    expect(sentTo(LI.id).at(-1)?.text).toContain(`✅ 已审定并合并发布：提交 ${s.id}`);
    expect(sh(repo, 'log', '-1', '--format=%(trailers:key=Merged-by,valueonly)', 'main')).toBe(
      NAMES.li,
    );
    await app.sink.reconcile();
    expect(sentTo(1001).at(-1)?.text).toMatch(/^✅ /);
  }, 60_000);
});
