/**
 * Over HTTP against a third-party Bot API emulator (telegram-test-api): the bot runs its webhook
 * server, the emulator delivers the user's messages and button presses to it and records what the
 * bot sends. A full /new, from the command to the submitted record.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import TelegramServer from 'telegram-test-api';
import { webhookServer } from '../../bot/run/app.ts';
import { checkRecordText } from '../../content/schema/index.ts';
import { blackListAnswers, testCode } from './support/fixtures.ts';
import { harness, SUBMITTER, TEST_TOKEN } from './support/harness.ts';
import type { MemorySink } from './support/memory-sink.ts';
import { questionTitle, atSummary } from './support/drive.ts';

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

type Emulator = InstanceType<typeof TelegramServer>;
let emulator: Emulator;
let hook: Server;
let handled = 0;

const h = { current: undefined as unknown as ReturnType<typeof harness> };

beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
  h.current = harness({
    network: true,
    today: '2026-11-20',
    config: { apiRoot: emulator.config.apiURL },
  });
  hook = webhookServer(h.current.bot, { path: '/telegram' });
  hook.on('request', (_req, res) => res.on('finish', () => handled++));
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  const address = hook.address();
  if (!address || typeof address !== 'object') throw new Error('webhook server has no port');
  await h.current.bot.api.setWebhook(`http://127.0.0.1:${address.port}/telegram`);
});

afterAll(async () => {
  await new Promise<void>((resolve) => hook?.close(() => resolve()));
  await emulator?.stop();
});

describe('telegram-test-api emulator', () => {
  test('a full /new over HTTP: webhook in, Bot API calls out, a valid record submitted', async () => {
    const client = emulator.getClient(TEST_TOKEN, {
      userId: SUBMITTER.id,
      chatId: SUBMITTER.id,
      type: 'private',
      firstName: '示例',
      timeout: 5000,
    });
    const botMessages = () =>
      emulator.storage.botMessages.filter(
        (m) => m.botToken === TEST_TOKEN && Number(m.message.chat_id) === SUBMITTER.id,
      );
    const last = () => String(botMessages().at(-1)?.message.text ?? '');
    // The emulator answers the client before the webhook call ends: wait for the bot's answer.
    const deliver = async (send: () => Promise<unknown>) => {
      const before = handled;
      await send();
      for (let i = 0; i < 500 && handled === before; i++)
        await new Promise((r) => setTimeout(r, 10));
      if (handled === before) throw new Error(`the bot did not answer; last message: ${last()}`);
    };
    const type = (text: string) =>
      deliver(() =>
        text.startsWith('/')
          ? client.sendCommand(client.makeCommand(text))
          : client.sendMessage(client.makeMessage(text)),
      );
    const press = (label: string | RegExp) =>
      deliver(async () => {
        const match = (t: string) =>
          typeof label === 'string' ? t.includes(label) : label.test(t);
        const m = botMessages()
          .reverse()
          .find((b) =>
            (
              b.message.reply_markup as
                { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined
            )?.inline_keyboard
              ?.flat()
              .some((k) => match(k.text)),
          );
        if (!m) throw new Error(`no button "${String(label)}"; last message: ${last()}`);
        const button = (
          m.message.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
        ).inline_keyboard
          .flat()
          .find((k) => match(k.text))!;
        await client.sendCallback(
          client.makeCallbackQuery(button.callback_data, { message: { message_id: m.messageId } }),
        );
      });

    await type('/new');
    expect(last()).toContain('名单');
    await type('随便写点什么');
    expect(last()).toMatch(/^⚠️ 这里需要点选按钮/);
    await press('失信黑名单');
    const answers = blackListAnswers(testCode(80));
    for (let i = 0; i < 40 && !atSummary(last()); i++) {
      const title = questionTitle(last());
      const answer = title ? answers[title] : undefined;
      if (!answer || Array.isArray(answer) || (typeof answer === 'object' && 'files' in answer))
        throw new Error(`no answer for: ${last()}`);
      if (typeof answer === 'string') await type(answer);
      else await press('press' in answer ? answer.press : /跳过|完成/);
      expect(last(), `after answering "${title}"`).not.toMatch(/^⚠️/);
    }
    expect(atSummary(last())).toBe(true);
    await press('确认提交');
    expect(last()).toMatch(/已提交审核，编号 2026q4-black-\w+/);
    const sink = h.current.sink as MemorySink;
    expect(sink.submissions).toHaveLength(1);
    const s = sink.submissions[0]!;
    expect(
      checkRecordText(sink.text(s, s.files[0]!.path), s.files[0]!.path, {
        categories: h.current.repo.categories,
        lang: 'zh',
      }).problems,
    ).toEqual([]);
    expect(h.current.log.lines).toEqual([]);
  });

  test('the webhook refuses a request without the secret header when a secret is set', async () => {
    const server = webhookServer(h.current.bot, {
      path: '/telegram',
      secret: 'a-long-webhook-secret-0123456789',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const update = JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 1, type: 'private' },
        from: { id: 1, is_bot: false, first_name: 'x' },
        text: '/help',
      },
    });
    const denied = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST',
      body: update,
      headers: { 'content-type': 'application/json' },
    });
    expect(denied.status).toBe(401);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await health.text()).toBe('ok');
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
