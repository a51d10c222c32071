/**
 * An objection is a right: on 30 December 2026, with no 2027 holiday calendar anywhere (chinese-days
 * 1.5.7 ends in 2026), /objection still receives it. It is recorded like any other (outbox entry,
 * branch in the local git forge) with its deadline pending; the objector is told the rule in their
 * language and no guessed date; the administrators are told once (a second gap in the same run, a
 * restart, tell no more). Then the publisher adds the 2027 calendar (a fictional test fixture):
 * `npm run validate` lists the pending deadline with its date, and `npm run review -- deadlines
 * --write` writes it into the record on the submission branch.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCalendar, createAdminAlerts, onceStoreOf } from '../../bot/admin-alerts.ts';
import { branchFor, createSubmissionSink } from '../../bot/forge/index.ts';
import { LocalTelegram } from '../../bot/local-api/local-telegram.ts';
import { createStorage } from '../../bot/storage/index.ts';
import type { LoadedRecord } from '../../content/schema/index.ts';
import { FICTIONAL_2027_PATH, fixtureDeadline } from '../content/calendar-fixture.ts';
import { fillForm } from './support/drive.ts';
import { contentCopy, harness, PUBLIC, tempDir } from './support/harness.ts';
import { sh } from './forge/fixtures.ts';

const projectRoot = new URL('../..', import.meta.url).pathname;
/** The administrator named in the test's publisher.yaml. */
const ADMIN_CHAT = 900000009;
/** A second objector, writing in English. */
const OTHER = LocalTelegram.user(200000003, 'en', 'Public B');

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Public black-list entries of the sample content with no event after the date. */
function publicEntries(h: ReturnType<typeof harness>, date: string): LoadedRecord[] {
  return h.repo
    .records()
    .filter(
      (r) =>
        r.record.list === 'black' &&
        r.record.subject.code &&
        r.record.history.every((e) => e.date <= date) &&
        h.repo.findPublic(r.record.subject.code, date).length === 1,
    );
}

describe('an objection across the year end, before the new year’s calendar is published', () => {
  const storageDir = tempDir('honghei-year-end-');
  const sinks: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const s of sinks) await s.close();
  });

  it('is received, recorded with its deadline pending, told to the administrators once, and dated once the calendar is added', async () => {
    // The content repository: the sample content with an administrator, committed on main.
    const root = contentCopy();
    appendFileSync(
      join(root, 'content/publisher.yaml'),
      `administrators:\n  - chat_id: ${ADMIN_CHAT}\n    name: 信息中心 测试管理员（示例）\n`,
    );
    sh(root, 'init', '-q', '-b', 'main');
    sh(root, 'add', '.');
    sh(root, 'commit', '-q', '-m', 'Content repository (示例)');
    const sink = createSubmissionSink({
      forge: { kind: 'local', repo: root },
      outbox: { kind: 'file', dir: join(storageDir, 'outbox') },
      pollIntervalMs: 0,
      retryIntervalMs: 0,
    });
    sinks.push(sink);
    const dbPath = join(storageDir, 'bot.sqlite');
    const storage = createStorage({ kind: 'sqlite', path: dbPath }, 48 * 3600_000);
    // The form starts on 29 December; it is confirmed after midnight, on the 30th: that is the day of receipt.
    const h = harness({ root, sink, storage, today: '2026-12-29' });
    h.services.alerts = createAdminAlerts({
      api: h.bot.api,
      publisher: h.repo.publisher,
      once: onceStoreOf(storage),
      log: h.log,
    });
    const days = h.repo.publisher.objection_working_days;
    const rule = `收到后 ${days} 个工作日内，按国务院公布的节假日安排计算`;
    const [entry, second] = publicEntries(h, '2026-12-30');
    expect(second, 'the sample content needs two public black-list entries').toBeDefined();

    const sentBefore = h.tg.sent.length;
    await h.act(PUBLIC, '/objection');
    await fillForm(h, PUBLIC, {
      '哪一条记录？': entry!.record.subject.code!,
      异议事由:
        '该公司已于 2026 年 12 月足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
      证据材料: { skip: true },
    });
    expect(h.last(PUBLIC)).toContain(rule); // the summary says the rule, not a date
    h.services.today = () => '2026-12-30';
    await h.send(h.tg.press(PUBLIC, '确认提交'));

    // The objector: received, the day of receipt, the rule, no guessed date, nothing but Chinese.
    const toObjector = h.tg.since(sentBefore, PUBLIC.id).map((m) => m.text);
    const receipt = h.last(PUBLIC).split('\n')[0]!;
    expect(receipt).toMatch(/^✅ 异议已收到（收到日期 2026-12-30）/);
    expect(receipt).toContain(rule);
    expect(receipt).toContain('具体日期在公布后确定');
    expect([...receipt.matchAll(/\d{4}-\d{2}-\d{2}/g)].map((m) => m[0])).toEqual(['2026-12-30']);
    expect(receipt).not.toMatch(/[A-Za-z]/);
    for (const text of toObjector)
      expect(text).not.toMatch(/calendar|chinese-days|not known|content\/|暂时无法受理|已通知/);

    // Recorded like any other objection: an outbox entry delivered as a branch of the local forge.
    const id = `${entry!.record.id}-objection-`;
    await sink.reconcile();
    const branches = sh(root, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/submission/')
      .split('\n')
      .filter(Boolean);
    expect(branches).toHaveLength(1);
    expect(branches[0]).toMatch(new RegExp(`^${branchFor(id)}`));
    const submissionId = branches[0]!.slice('submission/'.length);
    expect(await sink.status(submissionId)).toMatchObject({ delivered: true });
    const onBranch = () =>
      parse(sh(root, 'show', `${branches[0]}:${entry!.source.file}`)) as {
        history: Record<string, string>[];
      };
    expect(onBranch().history.at(-1)).toMatchObject({
      status: 'objection',
      date: '2026-12-30',
      due: 'pending',
    });

    // The administrators: exactly one message, saying what to do.
    const toAdmin = () => h.tg.sent.filter((m) => m.chatId === ADMIN_CHAT).map((m) => m.text);
    expect(toAdmin()).toHaveLength(1);
    expect(toAdmin()[0]).toContain('content/calendar/2027.yaml');
    expect(toAdmin()[0]).toContain('npm run review -- deadlines --write');

    // A second gap in the same run (another objector, in English, another entry) tells them no more …
    await h.act(OTHER, '/objection');
    await fillForm(h, OTHER, {
      'Which entry?': second!.record.subject.code!,
      'Grounds of the objection': '公示所列欠薪金额有误，实际已于 11 月结清。（示例数据）',
      evidence: { skip: true },
    });
    await h.send(h.tg.press(OTHER, /Confirm/));
    const english = h.last(OTHER).split('\n')[0]!;
    const told = `✅ Objection received (2026-12-30). Deadline: within ${days} working days of receipt, counted on the holidays published by the State Council. The 2027 holidays are not published yet`;
    expect(english.slice(0, told.length)).toBe(told);
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
    expect(toAdmin()).toHaveLength(1);
    // … nor does the start-up check of the same year, nor a restart over the same storage.
    await storage.close();
    const reopened = createStorage({ kind: 'sqlite', path: dbPath }, 48 * 3600_000);
    const afterRestart = createAdminAlerts({
      api: h.bot.api,
      publisher: h.repo.publisher,
      once: onceStoreOf(reopened),
      log: h.log,
    });
    expect(await afterRestart.calendarGap(2027, second!.record.id)).toBe(0);
    expect(await checkCalendar(afterRestart, root, h.repo.publisher, '2026-12-30')).toBe(1); // a different event: "2027 is missing"
    expect(await checkCalendar(afterRestart, root, h.repo.publisher, '2026-12-31')).toBe(0);
    await reopened.close();
    expect(toAdmin()).toHaveLength(2);

    // npm run validate on the submission's content: the pending deadline, and the missing year as a warning.
    const tree = join(storageDir, 'branch');
    sh(root, 'worktree', 'add', '-q', '--detach', tree, branches[0]!);
    const before = run('validate', ['--root', tree, '--date', '2026-12-30']);
    expect(before.code, before.out).toBe(0);
    expect(before.out).toContain(
      `${entry!.source.file}  history.${onBranch().history.length - 1}.due  ${entry!.record.id}  2026-12-30 收到  → 待定（等待 content/calendar/2027.yaml）`,
    );
    expect(before.out).toContain('[提示] 尚未收录 2027 年的节假日安排');
    expect(
      run('validate', ['--root', tree, '--date', '2026-12-30'], { GITHUB_ACTIONS: 'true' }).out,
    ).toMatch(
      /^::warning file=content\/calendar\/2027\.yaml,line=1,col=1,.*::尚未收录 2027 年的节假日安排/m,
    );

    // The publisher adds the 2027 calendar (here the fictional test fixture): validate gives the date.
    const due = fixtureDeadline('2026-12-30', days);
    expect(due).toBe('2027-01-05'); // 1 January off, 2–3 January a weekend
    mkdirSync(join(tree, 'content/calendar'), { recursive: true });
    copyFileSync(FICTIONAL_2027_PATH, join(tree, 'content/calendar/2027.yaml'));
    const after = run('validate', ['--root', tree, '--date', '2026-12-30']);
    expect(after.code, after.out).toBe(0);
    expect(after.out).toContain(`2026-12-30 收到  → ${due}`);
    expect(after.out).not.toContain('尚未收录 2027 年');

    // On main, where the publisher commits it, the review CLI fills the deadline in on the branch.
    mkdirSync(join(root, 'content/calendar'), { recursive: true });
    copyFileSync(FICTIONAL_2027_PATH, join(root, 'content/calendar/2027.yaml'));
    sh(root, 'add', 'content/calendar/2027.yaml');
    sh(root, 'commit', '-q', '-m', '2027 年节假日安排（测试用虚构数据）');
    const listed = run('review', ['deadlines', '--repo', root, '--date', '2027-01-04']);
    expect(listed.code, listed.out).toBe(0);
    expect(listed.out).toContain(`提交 ${submissionId}\t${entry!.source.file}`);
    expect(listed.out).toContain('加 --write 写入');
    const written = run('review', [
      'deadlines',
      '--write',
      '--repo',
      root,
      '--date',
      '2027-01-04',
      '--by',
      '法律部 王某（示例）',
    ]);
    expect(written.code, written.out).toBe(0);
    expect(written.out).toContain(`已写入 1 项办理时限：${branches[0]}`);
    expect(onBranch().history.at(-1)).toEqual({
      status: 'objection',
      date: '2026-12-30',
      note: '该公司已于 2026 年 12 月足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
      due,
    });
    expect(sh(root, 'log', '-1', '--format=%B', branches[0]!)).toContain(
      `Submission-Id: ${submissionId}`,
    );
    // Only the deadline changed in the record.
    expect(
      sh(root, 'diff', `${branches[0]}~1`, branches[0]!, '--', entry!.source.file)
        .split('\n')
        .filter((l) => /^[-+][^-+]/.test(l)),
    ).toEqual(['-    due: pending', `+    due: ${due}`]);
    expect(readFileSync(join(root, 'content/calendar/2027.yaml'), 'utf8')).toContain(
      '测试用虚构数据',
    );
  }, 120_000);
});
