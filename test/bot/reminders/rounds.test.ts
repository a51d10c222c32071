/**
 * The reminders (bot/reminders/) on real content in a temp git repository, with the date moved
 * (HONGHEI_DATE) across each trigger: each reminder goes out on its day, not before, once, to the
 * right chats, and is recorded in the bot's storage — on one machine (sqlite, surviving a restart)
 * and on two instances sharing Redis (BullMQ job scheduler; both run every round, still once).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { publicationDate } from '../../../content/schema/index.ts';
import { onceStoreOf } from '../../../bot/admin-alerts.ts';
import { LocalReview } from '../../../bot/forge/local-review.ts';
import { runReminders } from '../../../bot/reminders/send.ts';
import { startReminders, type ReminderScheduler } from '../../../bot/reminders/scheduler.ts';
import { createStorage, type BotStorage } from '../../../bot/storage/index.ts';
import { tempDir } from '../forge/fixtures.ts';
import { TestLog } from '../support/harness.ts';
import { CHATS, EXPIRING, OBJECTION, reminderContent, telegram } from './content.ts';

const redisUrl = inject('redisUrl');
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** The walk: each date, and the reminders first due on it (none on the days between). */
function expectedWalk(submission: string, objection: string) {
  return [
    ['2026-11-19', []],
    ['2026-11-20', [`expiry:${EXPIRING}:2026-12-20`]],
    ['2026-11-21', []],
    ['2026-11-22', []],
    ['2026-11-23', [`objection-due:${OBJECTION}:2026-11-19`]],
    ['2026-11-24', []],
    ['2026-11-27', []],
    ['2026-11-30', [`review-waiting:${submission}:review`]],
    ['2026-12-01', []], // the 审核 is given this day: the 审定 is awaited from now
    ['2026-12-03', []],
    ['2026-12-04', [`review-waiting:${submission}:approve`]],
    ['2026-12-08', []],
    ['2026-12-09', [`objection-due:${EXPIRING}:2026-12-07`]], // still a submission
    ['2026-12-10', [`review-waiting:${objection}:review`]],
    ['2026-12-20', []],
    ['2026-12-21', ['batch-cutoff:2026-Q4:women']],
    ['2026-12-31', []],
  ] as const;
}

/** Who each reminder reaches. */
const RECIPIENTS: Record<string, number[]> = {
  expiry: [CHATS.inspection],
  'objection-due': [CHATS.inspection, CHATS.reviewer],
  'review-waiting:review': [CHATS.reviewer],
  'review-waiting:approve': [CHATS.approver],
  'batch-cutoff': [CHATS.women],
};
const recipientsOf = (key: string) =>
  RECIPIENTS[
    key.startsWith('review-waiting')
      ? `review-waiting:${key.split(':').at(-1)}`
      : key.split(':')[0]!
  ]!;

async function setup() {
  const t = tempDir('honghei-reminders-');
  cleanup.push(t.remove);
  const content = await reminderContent(t.dir);
  const env: Record<string, string> = { HONGHEI_DATE: '2026-11-19' };
  const review = new LocalReview(content.forge);
  /** Moves the date; on 2026-12-01 the 审核人 approves the waiting submission. */
  const moveTo = async (date: string) => {
    env.HONGHEI_DATE = date;
    if (date === '2026-12-01')
      await review.approve(content.waiting.id, {
        by: '分管副主席 王某（示例）',
        role: 'review',
        date,
      });
  };
  return { ...content, dir: t.dir, env, today: () => publicationDate(env), moveTo };
}

describe('reminders', () => {
  it('one machine (sqlite): each reminder on its day, once, to the right chats, recorded across a restart', async () => {
    const s = await setup();
    const { tg, api } = telegram();
    const log = new TestLog();
    const open = () => createStorage({ kind: 'sqlite', path: join(s.dir, 'bot.sqlite') }, 3600_000);
    let storage: BotStorage = open();
    cleanup.push(() => storage.close());
    const round = () =>
      runReminders({
        api,
        input: s.input,
        once: onceStoreOf(storage, 'honghei:reminder:'),
        today: s.today,
        log,
      });

    for (const [date, keys] of expectedWalk(s.waiting.id, s.objection.id)) {
      await s.moveTo(date);
      const before = tg.sent.length;
      const result = await round();
      expect(result.sent, date).toEqual(keys);
      expect(
        tg.sent.slice(before).map((m) => m.chatId),
        date,
      ).toEqual(keys.flatMap(recipientsOf));
      expect((await round()).sent, `${date} again`).toEqual([]);
    }
    // Units with nobody allow-listed are named in the log, not told.
    expect(log.lines.join('\n')).toContain('batch-cutoff:2026-Q4:legal');

    // The marks are in the sqlite file: after a restart nothing is sent again.
    await storage.close();
    storage = open();
    const once = onceStoreOf(storage, 'honghei:reminder:');
    for (const [, keys] of expectedWalk(s.waiting.id, s.objection.id))
      for (const key of keys) expect(await once.seen(key), key).toBe(true);
    const count = tg.sent.length;
    expect((await round()).sent).toEqual([]);
    expect(tg.sent).toHaveLength(count);

    // The texts name what to do and how, with the numbers as written by the publisher's settings.
    const texts = tg.sent.map((m) => m.text);
    expect(texts[0]).toBe(
      `📅 记录 ${EXPIRING}（示例市丙丁建筑工程有限公司2（示例））的发布期限将于 2026-12-20 届满，还有 30 天。需要续期的，请报送对 content/records/black/2023/${EXPIRING}.yaml 的修改，延长 publication.end 并在 publication.extension_basis 写明依据；不续期的无需操作，期满后自动移出公开名单。本提醒只发送一次。`,
    );
    expect(texts[1]).toContain(
      '2026-11-19 收到的异议，须在 2026-11-24 前办结（收到后 3 个工作日）',
    );
    expect(texts[3]).toContain(
      `npm run review -- approve ${s.waiting.id} --by "职务 姓名" --role review`,
    );
    expect(texts[4]).toContain('自 2026-12-01 起等待审定，已满 3 个工作日');
    expect(texts[5]).toContain(
      `记录 ${EXPIRING}（示例市丙丁建筑工程有限公司2（示例））2026-12-07 收到的异议，须在 2026-12-10 前办结`,
    );
    expect(texts.at(-1)).toBe(
      '📥 本季度批次 2026-Q4 将于 2026-12-31 截止，还有 10 天；女职工部 尚未报送本季度的记录。请在截止前用 /new 报送；本季度没有需要报送的，可忽略本提醒。本提醒只发送一次。',
    );
  });

  describe.skipIf(!redisUrl)('two instances sharing Redis', () => {
    it('BullMQ schedules the rounds; both instances run each round and each reminder still goes out once', async () => {
      const s = await setup();
      const { tg, api } = telegram();
      const prefix = `test-${randomBytes(4).toString('hex')}`;
      const instances: ReminderScheduler[] = [];
      let firstRound!: () => void;
      const ranOnce = new Promise<void>((resolve) => (firstRound = resolve));
      for (let i = 0; i < 2; i++) {
        const storage = createStorage({ kind: 'redis', url: redisUrl! }, 3600_000);
        cleanup.push(() => storage.close());
        const scheduler = await startReminders({
          round: {
            api,
            input: s.input,
            once: onceStoreOf(storage, `${prefix}:reminder:`),
            today: s.today,
            log: new TestLog(),
          },
          log: new TestLog(),
          redisUrl: redisUrl!,
          prefix,
          onRound: () => firstRound(),
        });
        cleanup.push(() => scheduler.close());
        instances.push(scheduler);
      }
      expect(instances.map((i) => i.kind)).toEqual(['bullmq', 'bullmq']);
      await ranOnce; // the job scheduler's first round, on one of the two workers
      expect(tg.sent).toEqual([]);

      for (const [date, keys] of expectedWalk(s.waiting.id, s.objection.id)) {
        await s.moveTo(date);
        const before = tg.sent.length;
        const results = await Promise.all(instances.map((i) => i.runNow()));
        expect(results.flatMap((r) => r.sent).sort(), date).toEqual([...keys].sort());
        expect(
          tg.sent
            .slice(before)
            .map((m) => m.chatId)
            .sort(),
          date,
        ).toEqual(keys.flatMap(recipientsOf).sort());
      }
    });
  });
});
