/**
 * The commands outside forms, the error boundary (polite answer, update id logged, no secret in
 * the log), the per-user rate limit and the notices of the forge layer.
 */
import { describe, expect, test, vi } from 'vitest';
import { redactor } from '../../bot/config.ts';
import type { SubmissionSink } from '../../bot/forge/types.ts';
import { LocalTelegram } from '../../bot/local-api/local-telegram.ts';
import { createNotifier } from '../../bot/notifier.ts';
import { consoleLogger } from '../../bot/run/app.ts';
import { harness, PUBLIC, SUBMITTER, TEST_TOKEN, testConfig } from './support/harness.ts';

describe('commands outside forms', () => {
  test('/start and /help speak to submitters and to the public differently', async () => {
    const h = harness();
    await h.act(SUBMITTER, '/start');
    expect(h.last(SUBMITTER)).toContain('劳动保障监察支队的报送人员');
    expect(h.last(SUBMITTER)).toContain('/new');
    await h.act(PUBLIC, '/start');
    expect(h.last(PUBLIC)).toContain(h.repo.publisher.name);
    expect(h.last(PUBLIC)).not.toContain('/new');
    await h.act(PUBLIC, '/help');
    expect(h.last(PUBLIC)).toContain(
      `收到后 ${h.repo.publisher.objection_working_days} 个工作日内`,
    );
  });

  test('/status shows where each submission stands', async () => {
    const states: Record<string, Awaited<ReturnType<SubmissionSink['status']>>> = {
      a: { delivered: false },
      b: {
        delivered: true,
        pullRequest: {
          submissionId: 'b',
          branch: 'submission/b',
          url: 'https://forge.example/pr/2',
        },
        review: { state: 'open', url: 'https://forge.example/pr/2', approvals: 1 },
      },
      c: {
        delivered: true,
        review: { state: 'merged', url: 'https://forge.example/pr/3', mergedAt: '2026-11-19' },
      },
      d: {
        delivered: true,
        review: { state: 'closed', url: 'https://forge.example/pr/4', comment: '事实依据不足' },
      },
    };
    const sink: SubmissionSink = {
      submit: async () => ({ stored: true, receipt: '' }),
      status: async (id) => states[id]!,
    };
    const h = harness({ sink });
    await h.act(PUBLIC, '/status');
    expect(h.last(PUBLIC)).toBe('您还没有提交过。');
    await h.storage.sessions.write(`session:${PUBLIC.id}`, {
      submissions: ['a', 'b', 'c', 'd'].map((id) => ({
        id,
        kind: 'objection' as const,
        recordId: 'r',
        title: `异议 ${id}`,
        createdAt: '2026-11-18T10:00:00Z',
      })),
    });
    await h.act(PUBLIC, '/status');
    const text = h.last(PUBLIC);
    // Stored as UTC instants (10:00Z), shown in China time (18:00).
    expect(text).toContain('异议 a\n  2026-11-18 18:00 · 已保存，排队送审中');
    expect(text).toContain('异议 b\n  2026-11-18 18:00 · 正在核查处理：https://forge.example/pr/2');
    expect(text).toContain('异议 c\n  2026-11-18 18:00 · ✅ 已发布：https://forge.example/pr/3');
    expect(text).toContain(
      '异议 d\n  2026-11-18 18:00 · ✖️ 未通过：事实依据不足 https://forge.example/pr/4',
    );
  });

  test('in a group the bot asks for a private chat', async () => {
    const h = harness();
    const update = h.tg.text(PUBLIC, '/objection');
    const message = update.message as unknown as { chat: Record<string, unknown> };
    message.chat = { id: -100123, type: 'supergroup', title: '示例群' };
    await h.send(update);
    expect(h.tg.last(-100123)?.text).toBe('为保护信息安全，请私聊本机器人使用这些命令。');
  });
});

describe('error boundary', () => {
  const capture = () => {
    const lines: string[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((line: string) => void lines.push(line));
    return { lines, restore: () => spy.mockRestore() };
  };

  test('an error in a handler is logged with the update id and without secrets; the user gets a polite answer', async () => {
    const h = harness();
    h.services.log = consoleLogger(redactor(testConfig()));
    Object.defineProperty(h.repo, 'publisher', {
      get: () => {
        throw new Error(`request to https://api.telegram.org/bot${TEST_TOKEN}/getMe failed`);
      },
    });
    const log = capture();
    try {
      await h.act(PUBLIC, '/help');
    } finally {
      log.restore();
    }
    expect(h.last(PUBLIC)).toMatch(/^抱歉，处理时出现内部错误（编号 \d+），已记录。/);
    const text = log.lines.join('\n');
    expect(text).toMatch(
      /ERROR update \d+ failed: request to https:\/\/api\.telegram\.org\/bot\*\*\*\/getMe failed/,
    );
    expect(text).not.toContain(TEST_TOKEN.split(':')[1]);
  });

  test('a failure while checking an answer is logged once and re-asks; the form goes on', async () => {
    const h = harness();
    h.services.log = consoleLogger(redactor(testConfig()));
    const findPublic = h.repo.findPublic.bind(h.repo);
    let broken = true;
    h.repo.findPublic = (...args) => {
      if (broken) throw new Error(`EIO reading the repository (token ${TEST_TOKEN})`);
      return findPublic(...args);
    };
    const log = capture();
    try {
      await h.act(PUBLIC, '/objection', 'no-such-entry');
    } finally {
      log.restore();
    }
    expect(h.last(PUBLIC)).toMatch(/^⚠️ 核对时出现内部错误，已记录\n请稍后再回答一次/);
    expect(
      log.lines.filter((l) => l.includes('checking the answer to target failed')),
    ).toHaveLength(1);
    expect(log.lines.join('\n')).not.toContain(TEST_TOKEN.split(':')[1]);
    broken = false;
    await h.act(PUBLIC, 'no-such-entry');
    expect(h.last(PUBLIC)).toMatch(/^⚠️ 没有找到“no-such-entry”/);
  });
});

describe('rate limit', () => {
  test('a flood from one user is cut off with one notice; other users are not affected', async () => {
    const h = harness({ config: { rateLimit: { limit: 5, windowMs: 60_000 } } });
    for (let i = 0; i < 12; i++) await h.act(PUBLIC, '/help');
    const replies = h.tg.sent.filter((m) => m.chatId === PUBLIC.id).map((m) => m.text);
    expect(replies.filter((t) => t.startsWith('使用说明'))).toHaveLength(5);
    expect(replies.filter((t) => t === '消息太频繁了，请 60 秒后再试。')).toHaveLength(1);
    expect(replies).toHaveLength(6);
    await h.act(SUBMITTER, '/help');
    expect(h.last(SUBMITTER)).toMatch(/^使用说明/);
  });
});

describe('notices from the forge layer', () => {
  test('published and rejected submissions are announced to the submitter', async () => {
    const tg = new LocalTelegram();
    const h = harness({ tg });
    const notify = createNotifier(h.bot.api);
    await notify({
      submissionId: 's1',
      recordId: 'r1',
      title: '新增失信黑名单记录：示例公司',
      submitter: { chatId: SUBMITTER.id },
      outcome: 'published',
      url: 'https://forge.example/pr/1',
    });
    expect(tg.last(SUBMITTER.id)?.text).toBe(
      '✅ 您的提交“新增失信黑名单记录：示例公司”已审核通过并发布：https://forge.example/pr/1',
    );
    await notify({
      submissionId: 's2',
      recordId: 'r2',
      title: '异议：示例公司',
      submitter: { chatId: PUBLIC.id },
      outcome: 'rejected',
      url: 'https://forge.example/pr/2',
      comment: '证据不足',
    });
    expect(tg.last(PUBLIC.id)?.text).toBe(
      '✖️ 您的提交“异议：示例公司”未通过审核。审核意见：证据不足\nhttps://forge.example/pr/2',
    );
  });

  test('in the language the submitter used: English when the submission says so', async () => {
    const tg = new LocalTelegram();
    const h = harness({ tg });
    const notify = createNotifier(h.bot.api);
    await notify({
      submissionId: 's3',
      recordId: 'r3',
      title: 'Objection: 示例公司',
      submitter: { chatId: PUBLIC.id, language: 'en' },
      outcome: 'rejected',
      url: 'https://forge.example/pr/3',
      comment: '证据不足',
    });
    expect(tg.last(PUBLIC.id)?.text).toBe(
      `✖️ Your submission "Objection: 示例公司" was not accepted. Reviewer's comment: 证据不足\nhttps://forge.example/pr/3`,
    );
    await notify({
      submissionId: 's4',
      recordId: 'r4',
      title: 'New entry: 示例公司',
      submitter: { chatId: SUBMITTER.id, language: 'en' },
      outcome: 'published',
      url: 'https://forge.example/pr/4',
    });
    expect(tg.last(SUBMITTER.id)?.text).toBe(
      '✅ Your submission "New entry: 示例公司" was approved and published: https://forge.example/pr/4',
    );
    await notify({
      submissionId: 's5',
      recordId: 'r5',
      title: '新增：示例公司',
      submitter: { chatId: SUBMITTER.id, language: 'zh' },
      outcome: 'published',
      url: 'https://forge.example/pr/5',
    });
    expect(tg.last(SUBMITTER.id)?.text).toBe(
      '✅ 您的提交“新增：示例公司”已审核通过并发布：https://forge.example/pr/5',
    );
  });
});
