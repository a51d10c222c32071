/**
 * The bot as a service, as systemd runs it: a real `node scripts/bot.ts webhook` process with a
 * sqlite state file and the file outbox, delivering to a real git repository; Telegram is the
 * local Bot API over HTTP, and updates are POSTed to the webhook with the secret header as
 * Telegram does. SIGTERM arrives while the delivery to the forge is in flight (git holds the new
 * branch's ref in a reference-transaction hook); after a restart the submission exists once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { atSummary, questionTitle } from '../support/drive.ts';
import { blackListAnswers, testCode } from '../support/fixtures.ts';
import { SUBMITTER, tempDir, TEST_TOKEN } from '../support/harness.ts';
import {
  blockingRepo,
  canSandbox,
  existsSync,
  freePort,
  git,
  health,
  healthy,
  sandboxed,
  startBot,
  telegramServer,
  waitFor,
  type BotProcess,
} from './support.ts';

const TODAY = '2026-11-20';
const redisUrl = inject('redisUrl');
if (!redisUrl)
  console.warn(
    '\n!!! Redis service test SKIPPED: redis-server is not installed (apt-get install -y redis-server)\n',
  );
if (!canSandbox)
  console.warn(
    "\n!!! the unit's read-only file system is NOT emulated: unshare -rm is not permitted here; the first webhook test runs without it\n",
  );
const SECRET = 'service-test-webhook-secret-0123456789';
let telegram: Awaited<ReturnType<typeof telegramServer>>;

beforeAll(async () => {
  telegram = await telegramServer();
});
afterAll(async () => {
  await telegram?.close();
});

/** Everything one bot deployment needs: its repository, state folder, port and environment. */
async function deployment(extra: Record<string, string> = {}, sandbox = false) {
  const { root, forge, control, entered, release } = blockingRepo();
  const state = tempDir('honghei-service-state-');
  // As the unit: the state directory and the local forge's repository writable, the checkout
  // read-only, /tmp private (and the test's hook folder, so git's hook can signal the test).
  const privateTmp = tempDir('honghei-service-tmp-');
  const writable = sandbox && canSandbox ? [state, forge, privateTmp, control] : undefined;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    TELEGRAM_API_ROOT: telegram.url,
    BOT_WEBHOOK_URL: `${base}/telegram`,
    BOT_WEBHOOK_SECRET: SECRET,
    BOT_HOST: '127.0.0.1',
    BOT_PORT: String(port),
    HONGHEI_CONTENT_ROOT: root,
    HONGHEI_REPO: forge,
    HONGHEI_SUBMITTERS: join(root, 'content/submitters.yaml'),
    HONGHEI_DATE: TODAY,
    HONGHEI_BOT_DB: join(state, 'bot.sqlite'),
    HONGHEI_OUTBOX_DIR: join(state, 'outbox'),
    HONGHEI_PRIVATE_DIR: join(state, 'private'),
    HONGHEI_PRIVATE_SECRET: 'service-test-private-link-secret-0123456789',
    ...(writable ? { TMPDIR: privateTmp } : {}),
    ...extra,
  };
  return {
    root,
    forge,
    entered,
    release,
    state,
    base,
    env,
    writable,
    start: () => startBot('webhook', root, env, writable),
  };
}

/** POSTs an update to the bot's webhook as Telegram does; resolves when the bot has handled it. */
async function post(base: string, update: Update, secret: string | null = SECRET): Promise<number> {
  const res = await fetch(`${base}/telegram`, {
    method: 'POST',
    body: JSON.stringify(update),
    headers: {
      'content-type': 'application/json',
      ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
    },
  });
  await res.arrayBuffer();
  return res.status;
}

/** Fills /new to the summary and confirms it; returns the submission id the bot announces. */
async function submit(base: string, code: string): Promise<string> {
  const tg = telegram.tg;
  const last = () => tg.last(SUBMITTER.id)?.text ?? '';
  expect(await post(base, tg.text(SUBMITTER, '/new'))).toBe(200);
  const answers = blackListAnswers(code);
  for (let i = 0; i < 40 && !atSummary(last()); i++) {
    const title = questionTitle(last());
    const answer = title ? answers[title] : undefined;
    if (!answer || Array.isArray(answer) || (typeof answer === 'object' && 'files' in answer))
      throw new Error(`no answer for: ${last()}`);
    const update =
      typeof answer === 'string'
        ? tg.text(SUBMITTER, answer)
        : tg.press(SUBMITTER, 'press' in answer ? answer.press : /跳过|完成/);
    expect(await post(base, update)).toBe(200);
    expect(last(), `after answering "${title}"`).not.toMatch(/^⚠️/);
  }
  expect(atSummary(last()), last()).toBe(true);
  expect(await post(base, tg.press(SUBMITTER, '确认提交'))).toBe(200);
  const id = /编号 (2026q4-black-[\w-]+)/.exec(last())?.[1];
  if (!id) throw new Error(`no submission id in: ${last()}`);
  return id;
}

/** The submission branches of a repository, and the commits each adds to main. */
function branches(repo: string): Record<string, number> {
  const refs = git(repo, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/submission/')
    .split('\n')
    .filter(Boolean);
  return Object.fromEntries(
    refs.map((r) => [r, Number(git(repo, 'rev-list', '--count', `main..${r}`))]),
  );
}

async function stop(bot: BotProcess) {
  bot.child.kill('SIGTERM');
  return bot.exited;
}

describe('webhook mode under a service manager', () => {
  test("health, a /new over the webhook, SIGTERM while the forge delivery is in flight: the bot finishes it, exits 0, and after a restart the submission exists once (file system read-only but for the unit's writable paths)", async () => {
    const d = await deployment({}, true);
    if (d.writable) {
      // The sandbox holds: outside the writable paths nothing can be written.
      const [command, ...args] = sandboxed(d.writable, ['touch', join(d.root, 'outside')]);
      expect(execFileSync.bind(null, command!, args, { stdio: 'pipe' })).toThrow(
        /Read-only file system/,
      );
    }
    const first = d.start();
    const ready = await healthy(first, d.base);
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      mode: 'webhook',
      problems: [],
      storage: { kind: 'sqlite', reachable: true },
      outbox: { readable: true, backlog: 0 },
      forge: { lastSuccessAt: null },
    });
    // The secret check still guards the webhook on the shared server.
    expect(await post(d.base, telegram.tg.text(SUBMITTER, '/help'), null)).toBe(401);
    expect(
      await post(d.base, telegram.tg.text(SUBMITTER, '/help'), 'a-wrong-secret-of-enough-length'),
    ).toBe(401);

    const id = await submit(d.base, testCode(90));
    // git is now holding the new branch: the delivery has begun and not ended.
    await waitFor('the delivery to reach git', () => existsSync(d.entered));
    const during = await health(d.base);
    expect(during?.body.outbox).toMatchObject({ backlog: 1 });
    expect(during?.body.outbox.oldestStoredAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    first.child.kill('SIGTERM');
    // The bot stops taking requests (its HTTP server closes) but waits for the delivery.
    await waitFor('the HTTP server to close', async () => (await health(d.base)) === undefined);
    expect(first.child.exitCode).toBe(null);
    expect(branches(d.forge)).toEqual({});
    d.release();
    expect(await first.exited, first.output()).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain('SIGTERM: shutting down');
    expect(first.output()).toMatch(/stopped in \d+\.\d s/);
    expect(first.output()).not.toContain(TEST_TOKEN.split(':')[1]);
    expect(first.output()).not.toContain(SECRET);
    // Delivered before the exit, and recorded as delivered in the outbox.
    expect(branches(d.forge)).toEqual({ [`submission/${id}`]: 1 });
    const entry = JSON.parse(readFileSync(join(d.state, 'outbox', `${id}.json`), 'utf8'));
    expect(entry.delivered.branch).toBe(`submission/${id}`);
    expect(entry.started).toBe(1);

    const second = d.start();
    const after = await healthy(second, d.base);
    expect(after.body).toMatchObject({ status: 'ok', outbox: { backlog: 0 } });
    // The submitter's /status still knows the submission (sqlite state survived).
    expect(await post(d.base, telegram.tg.text(SUBMITTER, '/status'))).toBe(200);
    expect(telegram.tg.last(SUBMITTER.id)?.text).toContain(id);
    // A round of the outbox later, still one branch with one commit.
    await waitFor(
      'the forge to be read after the restart',
      async () => (await health(d.base))?.body.forge.lastSuccessAt,
      1200,
    );
    expect(branches(d.forge)).toEqual({ [`submission/${id}`]: 1 });
    expect(await stop(second)).toEqual({ code: 0, signal: null });
  }, 180_000);

  test('a delivery that outlasts the stop timeout is cut off, stays in the outbox, and is delivered once after the restart', async () => {
    const d = await deployment({ BOT_STOP_TIMEOUT_SECONDS: '1' });
    const first = d.start();
    await healthy(first, d.base);
    const id = await submit(d.base, testCode(91));
    await waitFor('the delivery to reach git', () => existsSync(d.entered));
    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toEqual({ code: 0, signal: null });
    expect(first.output()).toMatch(/still at "close the outbox[^"]*" after 1 s; exiting now/);
    // The bot is gone, its git is still held: nothing is delivered, the outbox still has it.
    expect(branches(d.forge)).toEqual({});
    const entry = JSON.parse(readFileSync(join(d.state, 'outbox', `${id}.json`), 'utf8'));
    expect(entry.delivered).toBeUndefined();
    // The git the bot left behind finishes; the restarted bot finds the branch instead of making another.
    d.release();
    await waitFor('the orphaned git to finish', () => Object.keys(branches(d.forge)).length === 1);
    const second = d.start();
    await healthy(second, d.base);
    await waitFor(
      'the restarted bot to record the delivery',
      async () => (await health(d.base))?.body.outbox.backlog === 0,
    );
    expect(branches(d.forge)).toEqual({ [`submission/${id}`]: 1 });
    const delivered = JSON.parse(readFileSync(join(d.state, 'outbox', `${id}.json`), 'utf8'));
    expect(delivered.delivered.branch).toBe(`submission/${id}`);
    expect(delivered.started).toBe(2);
    expect(await stop(second)).toEqual({ code: 0, signal: null });
  }, 180_000);

  test.skipIf(!redisUrl)(
    'Redis (sessions and the BullMQ outbox): SIGTERM while the delivery job runs; the worker finishes it, the bot exits 0, and after a restart the submission exists once',
    async () => {
      // A database of its own: the bot's keys (session:<user>, honghei:outbox:…) are fixed names.
      const url = `${redisUrl}/9`;
      const redis = new Redis(url);
      await redis.flushdb();
      const d = await deployment({ HONGHEI_REDIS_URL: url });
      const first = d.start();
      const ready = await healthy(first, d.base);
      expect(ready.body).toMatchObject({
        status: 'ok',
        mode: 'webhook',
        storage: { kind: 'redis', reachable: true },
        outbox: { readable: true, backlog: 0 },
      });
      const id = await submit(d.base, testCode(92));
      await waitFor('the delivery to reach git', () => existsSync(d.entered));
      expect((await health(d.base))?.body.outbox).toMatchObject({ backlog: 1 });
      first.child.kill('SIGTERM');
      await waitFor('the HTTP server to close', async () => (await health(d.base)) === undefined);
      expect(first.child.exitCode).toBe(null);
      d.release();
      expect(await first.exited, first.output()).toEqual({ code: 0, signal: null });
      expect(branches(d.forge)).toEqual({ [`submission/${id}`]: 1 });
      expect(JSON.parse((await redis.hget(`honghei:outbox:${id}`, 'delivered'))!).branch).toBe(
        `submission/${id}`,
      );

      const second = d.start();
      const after = await healthy(second, d.base);
      expect(after.body).toMatchObject({
        status: 'ok',
        storage: { kind: 'redis' },
        outbox: { backlog: 0 },
      });
      expect(after.body.forge.lastSuccessAt).toMatch(/^\d{4}-/);
      expect(await post(d.base, telegram.tg.text(SUBMITTER, '/status'))).toBe(200);
      expect(telegram.tg.last(SUBMITTER.id)?.text).toContain(id);
      expect(branches(d.forge)).toEqual({ [`submission/${id}`]: 1 });
      expect(await stop(second)).toEqual({ code: 0, signal: null });
      await redis.flushdb();
      await redis.quit();
    },
    180_000,
  );
});
