/**
 * The administrators' alerts (bot/admin-alerts.ts): each event told once — also across two bot
 * instances sharing Redis — and only when it happened: a delivery failing for more than an hour
 * (embedded and Redis outbox), an error while handling an update (the error boundary).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { BotError } from 'grammy';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  createAdminAlerts,
  onceStoreOf,
  STUCK_AFTER_MS,
  watchWebhook,
  type StuckDelivery,
} from '../../bot/admin-alerts.ts';
import type { BotContext } from '../../bot/context.ts';
import { LocalGitForge } from '../../bot/forge/local-git.ts';
import { EmbeddedSink } from '../../bot/forge/outbox/embedded-sink.ts';
import { RedisSink } from '../../bot/forge/outbox/redis-sink.ts';
import type { Forge } from '../../bot/forge/types.ts';
import { LocalTelegram } from '../../bot/local-api/local-telegram.ts';
import { errorHandler } from '../../bot/middleware/errors.ts';
import { MemoryAdapter } from '../../bot/storage/index.ts';
import { sampleSubmission, tempDir } from './forge/fixtures.ts';
import { TestLog } from './support/harness.ts';

const redisUrl = inject('redisUrl');
const ADMINS = {
  language: 'zh' as const,
  administrators: [
    { chat_id: 900000001, name: '信息中心 甲（示例）' },
    { chat_id: 900000002, name: 'IT 乙（示例）', language: 'en' as const },
  ],
};

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** A Bot API that records what was sent (the local Telegram's own sendMessage). */
function telegram() {
  const tg = new LocalTelegram();
  const api = {
    sendMessage: async (chat_id: number, text: string) =>
      tg.fetch('http://local/bot1:x/sendMessage', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id, text }),
      }),
  } as never;
  return { tg, api };
}

/** A forge that is down. */
const down = (name = 'local'): Forge => ({
  name,
  openPullRequest: async () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:3000');
  },
  find: async () => undefined,
  state: async () => undefined,
  listOpen: async () => [],
});

describe('admin alerts', () => {
  it('tell every administrator once, in their language; with none configured, the log says nobody was told', async () => {
    const { tg, api } = telegram();
    const log = new TestLog();
    const alerts = createAdminAlerts({
      api,
      publisher: ADMINS,
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never),
      log,
    });
    expect(
      (await Promise.all([alerts.calendarMissing(2027), alerts.calendarMissing(2027)])).sort(),
    ).toEqual([0, 2]);
    expect(await alerts.calendarMissing(2027)).toBe(0);
    expect(tg.sent.map((m) => m.chatId)).toEqual([900000001, 900000002]);
    expect(tg.sent[0]!.text).toMatch(
      /^⚠️ 尚未收录 2027 年的节假日安排。.*添加 content\/calendar\/2027\.yaml/,
    );
    expect(tg.sent[1]!.text).toMatch(
      /^⚠️ The 2027 holiday calendar is not in place yet\. .*add content\/calendar\/2027\.yaml/,
    );

    const none = createAdminAlerts({
      api,
      publisher: { language: 'zh', administrators: [] },
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never),
      log,
    });
    expect(await none.calendarGap(2027, '2026q4-black-001')).toBe(0);
    expect(tg.sent).toHaveLength(2);
    expect(log.lines.at(-1)).toMatch(
      /^alert calendar-gap:2027 not sent: no administrators in content\/publisher.yaml/,
    );
  });

  it('a failed send is not marked as told: the next event tries again', async () => {
    const log = new TestLog();
    let fail = true;
    const sent: number[] = [];
    const api = {
      sendMessage: async (chat: number) => {
        if (fail) throw new Error('Bad Gateway');
        sent.push(chat);
      },
    } as never;
    const alerts = createAdminAlerts({
      api,
      publisher: { language: 'zh', administrators: [ADMINS.administrators[0]!] },
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never),
      log,
    });
    expect(await alerts.calendarMissing(2027)).toBe(0);
    fail = false;
    expect(await alerts.calendarMissing(2027)).toBe(1);
    expect(sent).toEqual([900000001]);
  });

  it('an error while handling updates reaches them once per kind of error', async () => {
    const { tg, api } = telegram();
    const log = new TestLog();
    const alerts = createAdminAlerts({
      api,
      publisher: ADMINS,
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never),
      log,
    });
    const handle = errorHandler({ log, alerts });
    const fail = (update: number, message: string) =>
      handle({
        ctx: { update: { update_id: update }, chatId: undefined },
        error: new Error(message),
      } as unknown as BotError<BotContext>);
    await fail(101, 'Redis connection lost after 3 retries');
    await fail(102, 'Redis connection lost after 4 retries');
    await fail(103, 'template failed');
    expect(tg.sent.filter((m) => m.chatId === 900000001).map((m) => m.text)).toEqual([
      '⚠️ 机器人处理消息时出错（更新编号 101）：Redis connection lost after 3 retries。详情见机器人日志。同类错误只通知这一次。',
      '⚠️ 机器人处理消息时出错（更新编号 103）：template failed。详情见机器人日志。同类错误只通知这一次。',
    ]);
  });

  it("Telegram's webhook delivery errors (getWebhookInfo) reach them once per kind, only those after start", async () => {
    const { tg, api } = telegram();
    const log = new TestLog();
    const alerts = createAdminAlerts({
      api,
      publisher: ADMINS,
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never),
      log,
    });
    const since = new Date('2026-12-30T02:00:00Z');
    // getWebhookInfo's answers, in the Bot API's shape: an error from before the start, then a new one twice.
    const answers = [
      {
        url: 'https://bot.example.org/telegram',
        has_custom_certificate: false,
        pending_update_count: 3,
        last_error_date: since.getTime() / 1000 - 60,
        last_error_message: 'Connection timed out',
      },
      {
        url: 'https://bot.example.org/telegram',
        has_custom_certificate: false,
        pending_update_count: 5,
        last_error_date: since.getTime() / 1000 + 60,
        last_error_message: 'Wrong response from the webhook: 502 Bad Gateway',
      },
      {
        url: 'https://bot.example.org/telegram',
        has_custom_certificate: false,
        pending_update_count: 9,
        last_error_date: since.getTime() / 1000 + 120,
        last_error_message: 'Wrong response from the webhook: 502 Bad Gateway',
      },
    ];
    const stop = watchWebhook(
      { getWebhookInfo: async () => answers.shift() ?? answers.at(-1)! } as never,
      alerts,
      log,
      20,
      since,
    );
    const end = Date.now() + 5000;
    while (answers.length && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 60));
    stop();
    const told = tg.sent.filter((m) => m.chatId === 900000001).map((m) => m.text);
    expect(told).toEqual([
      '⚠️ Telegram 自 2026-12-30 10:01（北京时间）起无法把消息送到机器人的 webhook：Wrong response from the webhook: 502 Bad Gateway。请检查 BOT_WEBHOOK_URL 的地址、HTTPS 证书和反向代理是否正常，机器人进程是否在运行（详情见机器人日志）。同类错误只通知这一次。',
    ]);
    expect(log.lines.join('\n')).not.toContain('Connection timed out');
  });

  it('the embedded outbox reports a delivery failing for more than an hour, and the administrators hear of it once', async () => {
    const t = tempDir();
    cleanup.push(t.remove);
    const { tg, api } = telegram();
    const alerts = createAdminAlerts({
      api,
      publisher: ADMINS,
      once: onceStoreOf({ sessions: new MemoryAdapter() } as never),
      log: new TestLog(),
    });
    let now = new Date('2026-12-30T02:00:00Z');
    const stuck: StuckDelivery[] = [];
    const sink = new EmbeddedSink({
      forge: down(),
      dir: join(t.dir, 'outbox'),
      now: () => now,
      retryIntervalMs: 0,
      pollIntervalMs: 0,
      log: () => undefined,
      stuck: (d) => {
        stuck.push(d);
        void alerts.outboxStuck(d);
      },
    });
    cleanup.push(() => sink.close());
    const s = sampleSubmission(41);
    await sink.submit(s);
    await sink.deliverPending();
    expect(stuck).toEqual([]); // failing, but not for an hour yet
    now = new Date(now.getTime() + STUCK_AFTER_MS + 60_000);
    await sink.deliverPending();
    now = new Date(now.getTime() + 10 * 60_000);
    await sink.deliverPending();
    expect(stuck.map((d) => [d.id, d.storedAt])).toEqual([
      [s.id, '2026-12-30T02:00:00.000Z'],
      [s.id, '2026-12-30T02:00:00.000Z'],
    ]);
    await new Promise((r) => setTimeout(r, 50));
    const told = tg.sent.filter((m) => m.chatId === 900000001).map((m) => m.text);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`提交 ${s.id} 自 2026-12-30 10:00（北京时间）起一直未能送达 local`);
    expect(told[0]).toContain('ECONNREFUSED');
  });

  describe.skipIf(!redisUrl)('with Redis shared by two instances', () => {
    it('one of them tells the administrators; a stuck Redis delivery is reported too', async () => {
      const { tg, api } = telegram();
      const prefix = `t${randomBytes(4).toString('hex')}`;
      const clients = [new Redis(redisUrl!), new Redis(redisUrl!)];
      cleanup.push(async () => {
        for (const c of clients) await c.quit();
      });
      const [one, two] = clients.map((redis) =>
        createAdminAlerts({
          api,
          publisher: ADMINS,
          once: onceStoreOf({ redis, sessions: new MemoryAdapter() } as never, `${prefix}:alert:`),
          log: new TestLog(),
        }),
      );
      const results = await Promise.all([
        one!.calendarGap(2027, 'a'),
        two!.calendarGap(2027, 'b'),
        one!.calendarGap(2027, 'c'),
      ]);
      expect(results.sort()).toEqual([0, 0, 2]);
      expect(tg.sent).toHaveLength(2);

      const stuck: StuckDelivery[] = [];
      // Stored two hours ago (the clock's first reading): the first failed attempt is already "more than an hour".
      let readings = 0;
      const now = () => (readings++ === 0 ? new Date(Date.now() - 2 * STUCK_AFTER_MS) : new Date());
      const sink = new RedisSink({
        forge: down(),
        url: redisUrl!,
        prefix,
        pollIntervalMs: 0,
        log: () => undefined,
        now,
        stuck: (d) => stuck.push(d),
      });
      cleanup.push(() => sink.close());
      const s = sampleSubmission(42);
      await sink.submit(s);
      const end = Date.now() + 20_000;
      while (!stuck.length && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(stuck[0]).toMatchObject({ id: s.id, forge: 'local', attempts: 1 });
    }, 60_000);
  });
});
