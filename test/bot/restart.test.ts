/**
 * Forms survive restarts: the embedded store (a node:sqlite file) and Redis (several instances
 * behind one webhook). A new bot process with the same storage resumes the form where it stopped;
 * abandoned forms expire.
 */
import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { LocalTelegram } from '../../bot/local-api/local-telegram.ts';
import { createStorage } from '../../bot/storage/index.ts';
import { checkRecordText, validateRepository } from '../../content/schema/index.ts';
import { atSummary, fillForm } from './support/drive.ts';
import { blackListAnswers, testCode } from './support/fixtures.ts';
import { sampleFile } from '../fixtures/roots.ts';
import { contentCopy, harness, ROOT, SUBMITTER, tempDir } from './support/harness.ts';
import { MemorySink } from './support/memory-sink.ts';

const TODAY = '2026-11-20';
const redisUrl = inject('redisUrl');
if (!redisUrl)
  console.warn(
    '\n!!! Redis tests SKIPPED: redis-server is not installed (apt-get install -y redis-server)\n',
  );

/** Answers the first questions of /new, up to the facts. */
const firstHalf = (code: string) =>
  Object.fromEntries(Object.entries(blackListAnswers(code)).slice(0, 8));

/** Runs the second half on a new bot and checks the record. */
async function finish(h: ReturnType<typeof harness>, code: string) {
  await fillForm(h, SUBMITTER, blackListAnswers(code));
  expect(atSummary(h.last())).toBe(true);
  await h.send(h.tg.press(SUBMITTER, '确认提交'));
  const sink = h.sink as MemorySink;
  expect(sink.submissions).toHaveLength(1);
  const s = sink.submissions[0]!;
  const yaml = sink.text(s, s.files[0]!.path);
  expect(
    checkRecordText(yaml, s.files[0]!.path, { categories: h.repo.categories, lang: 'zh' }).problems,
  ).toEqual([]);
  expect(parse(yaml).subject.code).toBe(code);
}

describe('restart in the middle of a form', () => {
  test('embedded store (node:sqlite file): a new bot resumes the form', async () => {
    const root = contentCopy();
    const db = join(tempDir(), 'bot.sqlite');
    const tg = new LocalTelegram();
    const first = harness({
      root,
      tg,
      today: TODAY,
      storage: createStorage({ kind: 'sqlite', path: db }, 3600_000),
    });
    await first.act(SUBMITTER, '/new');
    await fillForm(first, SUBMITTER, firstHalf(testCode(60)), 8).catch(() => undefined);
    expect(first.last()).toContain('事由');
    // No close: the process is simply gone. A new one opens the same file.
    const second = harness({
      root,
      tg,
      today: TODAY,
      sink: new MemorySink(),
      storage: createStorage({ kind: 'sqlite', path: db }, 3600_000),
    });
    await finish(second, testCode(60));
  });

  test('the console bot killed with SIGKILL mid-form resumes after a restart and ends with a valid record on a branch', async () => {
    const repo = tempDir('honghei-console-');
    cpSync(join(contentCopy(), 'content'), join(repo, 'content'), { recursive: true });
    const git = (...args: string[]) =>
      new Promise<string>((resolve, reject) => {
        const p = spawn('git', args, { cwd: repo });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('close', (c) =>
          c === 0 ? resolve(out) : reject(new Error(`git ${args.join(' ')} failed`)),
        );
      });
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git(
      '-c',
      'user.name=test',
      '-c',
      'user.email=test@example.invalid',
      'commit',
      '-qm',
      'sample content',
    );
    const run = (lines: string[], kill?: (output: string) => boolean) =>
      new Promise<string>((resolve) => {
        const child = spawn(
          join(ROOT, 'node_modules/.bin/node'),
          [join(ROOT, 'scripts/bot.ts'), 'console'],
          {
            cwd: repo,
            env: { ...process.env, HONGHEI_CONTENT_ROOT: repo, HONGHEI_DATE: TODAY },
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        let output = '';
        let killing = false;
        child.stdout.on('data', (d) => {
          output += d;
          // Killed between two updates (the last answer's state is written right after its reply);
          // an update cut off mid-way is redelivered by Telegram, but a console line would be lost.
          if (!killing && kill?.(output)) {
            killing = true;
            setTimeout(() => child.kill('SIGKILL'), 300);
          }
        });
        child.stderr.on('data', (d) => (output += d));
        child.on('close', () => resolve(output));
        for (const line of lines) child.stdin.write(`${line}\n`);
        if (!kill) child.stdin.end();
      });
    const code = testCode(61);
    const a = blackListAnswers(code) as Record<string, string | { press: string | RegExp }>;
    const typed = (k: string) => {
      const v = a[k]!;
      return typeof v === 'string' ? v : String((v as { press: string }).press);
    };
    // Killed as soon as the facts question is shown: the answers so far are in the state file.
    const before = await run(
      [
        '/new',
        '失信黑名单',
        '企业',
        typed('主体名称'),
        code,
        typed('住所（经营场所）'),
        '跳过',
        '1',
        '拖欠工资、违法用工',
      ],
      (out) => out.includes('(9/20) 事由'),
    );
    expect(before).toContain('(9/20) 事由');
    const after = await run([
      typed('事由'),
      typed('依据'),
      typed('认定机关'),
      typed('决定文号'),
      typed('决定日期'),
      TODAY,
      TODAY,
      '1',
      `/file ${sampleFile('media/cases/wage-arrears-site.jpg')}`,
      '完成',
      '跳过',
      '跳过',
      '跳过',
      '确认提交',
    ]);
    expect(after, after.slice(-3000)).toMatch(/已提交审核，编号 (2026q4-black-\w+)/);
    const id = /已提交审核，编号 (2026q4-black-\w+)/.exec(after)![1]!;
    expect(await git('branch', '--list', `submission/${id}`)).toContain(`submission/${id}`);
    const worktree = join(tempDir(), 'wt');
    await git('worktree', 'add', '-q', worktree, `submission/${id}`);
    // A submission: valid, awaiting its approvals (the reviewers add them).
    const report = validateRepository(worktree, { date: TODAY, stage: 'submission' });
    expect(
      report.problems.filter((p) => p.file.includes(id)).map((p) => `${p.field} ${p.severity}`),
    ).toEqual(['approvals notice']);
    const record = report.records.find((r) => r.record.id === id)?.record;
    expect(record?.subject.code).toBe(code);
    expect(record?.attachments).toEqual([{ file: `media/2026/${id}-1.jpg`, kind: 'case-report' }]);
  }, 120_000);

  test.skipIf(!redisUrl)(
    'Redis: two instances share the form, and a restarted instance resumes it',
    async () => {
      const root = contentCopy();
      const tg = new LocalTelegram();
      const sink = new MemorySink();
      const open = () =>
        harness({
          root,
          tg,
          sink,
          today: TODAY,
          storage: createStorage({ kind: 'redis', url: redisUrl }, 3600_000),
        });
      const a = open();
      const b = open();
      await a.act(SUBMITTER, '/new');
      // Updates alternate between the instances, as a load balancer would send them.
      const answers = firstHalf(testCode(62));
      let n = 0;
      for (let i = 0; i < 8; i++) {
        const title = /^\([\d/]+\)\s*(.+?)(?:（选填）)?$/m.exec(a.last().split('\n')[0]!)![1]!;
        const h = n++ % 2 ? a : b;
        const answer = answers[title]!;
        await h.send(
          typeof answer === 'string'
            ? tg.text(SUBMITTER, answer)
            : tg.press(SUBMITTER, 'press' in answer ? answer.press : /跳过/),
        );
      }
      expect(a.last()).toContain('事由');
      await a.storage.close();
      const restarted = open();
      await finish(restarted, testCode(62));
      // The form's state is deleted once it is finished; the session with /status stays.
      const redis = new Redis(redisUrl);
      expect(await redis.exists(`form:${SUBMITTER.id}`)).toBe(0);
      expect(JSON.parse((await redis.get(`session:${SUBMITTER.id}`))!).submissions).toHaveLength(1);
      await redis.del(`session:${SUBMITTER.id}`);
      await redis.quit();
      await b.storage.close();
      await restarted.storage.close();
    },
  );
});

describe('abandoned forms expire', () => {
  test('embedded store: after the time to live, the form is gone and the user is told how to start again', async () => {
    let now = Date.parse('2026-11-20T02:00:00Z');
    const storage = createStorage(
      { kind: 'sqlite', path: join(tempDir(), 'bot.sqlite') },
      48 * 3600_000,
    );
    // The same store, with a clock the test moves.
    const { SqliteAdapter, openDatabase } = await import('../../bot/storage/sqlite-adapter.ts');
    const db = openDatabase(join(tempDir(), 'clock.sqlite'));
    storage.conversations = new SqliteAdapter(db, 'conversations', 48 * 3600_000, () => now);
    const h = harness({ today: TODAY, storage });
    await h.act(SUBMITTER, '/new', { press: '失信黑名单' });
    expect(h.last()).toContain('主体类型');
    now += 47 * 3600_000;
    await h.act(SUBMITTER, { press: '企业' });
    expect(h.last()).toContain('主体名称');
    now += 49 * 3600_000;
    await h.act(SUBMITTER, '示例市某某公司（示例）');
    expect(h.last()).toContain('没有理解这条消息');
    expect((storage.conversations as InstanceType<typeof SqliteAdapter>).sweep()).toBe(0);
  });

  test.skipIf(!redisUrl)(
    'Redis: form keys carry the time to live, renewed by each answer',
    async () => {
      const storage = createStorage({ kind: 'redis', url: redisUrl }, 2 * 3600_000);
      const user = LocalTelegram.user(100000001);
      const h = harness({ today: TODAY, storage });
      await h.act(user, '/new');
      const redis = new Redis(redisUrl);
      const ttl = await redis.ttl(`form:${user.id}`);
      expect(ttl).toBeGreaterThan(2 * 3600 - 10);
      expect(ttl).toBeLessThanOrEqual(2 * 3600);
      await h.act(user, '/cancel');
      expect(await redis.exists(`form:${user.id}`)).toBe(0);
      await redis.quit();
      await storage.close();
    },
  );
});
