/**
 * A Bot API on 127.0.0.1 for a bot process started from the command line: the third-party
 * emulator telegram-test-api behind a small front that records every method called and answers
 * the methods the emulator lacks (setMyCommands, called at every start) with Telegram's `true`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import TelegramServer from 'telegram-test-api';

/** One Bot API call the bot made. */
export interface BotApiCall {
  method: string;
  body: Record<string, unknown>;
}

/** The running fake: point TELEGRAM_API_ROOT at apiRoot. */
export interface FakeTelegram {
  apiRoot: string;
  emulator: InstanceType<typeof TelegramServer>;
  calls: BotApiCall[];
  /** The texts the bot sent to a chat. */
  sentTo(chatId: number): string[];
  close(): Promise<void>;
}

/** Methods telegram-test-api does not implement, answered here as Telegram answers them. */
const ANSWERED_HERE: Record<string, unknown> = { setMyCommands: true };

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** Starts the emulator and its front on free ports. */
export async function startFakeTelegram(): Promise<FakeTelegram> {
  const probe = createServer();
  const emulatorPort = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  const emulator = new TelegramServer({ port: emulatorPort, host: '127.0.0.1', storeTimeout: 600 });
  await emulator.start();
  const calls: BotApiCall[] = [];
  const front = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1] ?? '';
    let body: Record<string, unknown> = {};
    try {
      body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    } catch {
      body = { raw: raw.toString('utf8') };
    }
    calls.push({ method, body });
    if (method in ANSWERED_HERE) {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, result: ANSWERED_HERE[method] }));
      return;
    }
    const answer = await fetch(`${emulator.config.apiURL}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: raw }),
    });
    res
      .writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      })
      .end(Buffer.from(await answer.arrayBuffer()));
  });
  const port = await listen(front);
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    emulator,
    calls,
    sentTo: (chatId) =>
      emulator.storage.botMessages
        .filter((m) => Number(m.message.chat_id) === chatId)
        .map((m) => String(m.message.text ?? '')),
    async close() {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await emulator.stop();
    },
  };
}
