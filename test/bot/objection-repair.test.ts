/**
 * /objection and /repair end to end: anyone names a public entry; the submission appends the
 * status event (with the deadline on the official calendar, or the repair application) to the
 * entry's history, and the repository still validates.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { validateRepository, type LoadedRecord } from '../../content/schema/index.ts';
import type { Submission } from '../../bot/forge/types.ts';
import { atSummary, fillForm } from './support/drive.ts';
import { JPEG, PDF } from './support/fixtures.ts';
import { harness, PUBLIC } from './support/harness.ts';
import { createAdminAlerts, onceStoreOf } from '../../bot/admin-alerts.ts';
import type { MemorySink } from './support/memory-sink.ts';

type H = ReturnType<typeof harness>;

/** A public entry of the sample content with no event after `date`, chosen by a condition. */
function publicEntry(h: H, date: string, where: (r: LoadedRecord) => boolean): LoadedRecord {
  const found = h.repo
    .records()
    .find(
      (r) =>
        where(r) &&
        r.record.subject.code &&
        r.record.history.every((e) => e.date <= date) &&
        h.repo.findPublic(r.record.subject.code, date).length === 1,
    );
  if (!found)
    throw new Error(
      `the sample content has no public entry on ${date} matching the test's condition`,
    );
  return found;
}

/** The validator's problems that the applied submission adds. */
function newProblems(root: string, s: Submission, date: string) {
  const key = (p: { file: string; field: string; what: string }) =>
    `${p.file} ${p.field} ${p.what}`;
  const before = new Set(validateRepository(root, { date }).problems.map(key));
  for (const f of s.files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
  return validateRepository(root, { date }).problems.filter((p) => !before.has(key(p)));
}

describe('/objection', () => {
  test('anyone objects to a public entry; the deadline is 3 working days on the official calendar', async () => {
    // 2026-09-30 is the eve of the National Day holiday (1–7 October 2026); 10 October, a Saturday,
    // is a make-up working day (State Council notice on the 2026 holidays). Working days after
    // receipt: 8, 9 and 10 October.
    const today = '2026-09-30';
    const h = harness({ today });
    const entry = publicEntry(h, today, (r) => r.record.list === 'black');
    await h.act(PUBLIC, '/objection');
    expect(h.tg.sent.map((m) => m.text).join('\n')).toContain(
      '我们在收到后 3 个工作日内核查处理（按国务院公布的节假日安排计算，收到当日不计）',
    );
    await fillForm(h, PUBLIC, {
      '哪一条记录？': entry.record.subject.code!,
      异议事由:
        '该公司已于 2026 年 9 月足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
      证据材料: {
        files: (hh, u) => [
          hh.tg.document(u, PDF, '工资支付凭证.pdf', 'application/pdf'),
          hh.tg.photo(u, JPEG),
        ],
      },
    });
    expect(h.last(PUBLIC)).toContain('办理时限：今天确认提交的，最迟 2026-10-10（含当日）处理完毕');
    await h.send(h.tg.press(PUBLIC, '确认提交'));
    expect(h.last(PUBLIC)).toContain(
      '异议已收到（收到日期 2026-09-30），最迟 2026-10-10（含当日）核查处理完毕',
    );
    // The objector is told what happens to the objection, not the publisher's approval chain.
    expect(h.last(PUBLIC)).not.toMatch(/审核|审定/);
    const sink = h.sink as MemorySink;
    const s = sink.submissions[0]!;
    expect(s).toMatchObject({
      kind: 'objection',
      recordId: entry.record.id,
      submitter: { chatId: PUBLIC.id },
    });
    expect(s.submitter.unit).toBeUndefined();
    // The reviewers read the deadline the same way as the objector: the last day counts.
    expect(s.body).toContain('异议须于 2026-10-10（含当日）前核查处理');
    expect(s.body).not.toMatch(/\d{4}-\d{2}-\d{2} 前/);
    expect(s.files[0]!.path).toBe(entry.source.file);
    const record = parse(sink.text(s, entry.source.file));
    expect(record.history.at(-1)).toEqual({
      status: 'objection',
      date: today,
      note: '该公司已于 2026 年 9 月足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
      due: '2026-10-10',
    });
    const evidence = record.attachments.filter((a: { kind: string }) => a.kind === 'evidence');
    expect(evidence).toHaveLength(2);
    // Evidence is never public: only a reference into the private store, no file in the repository.
    for (const a of evidence)
      expect(a).toEqual({
        private: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
        kind: 'evidence',
        name: expect.stringMatching(/\.(pdf|jpg)$/),
        size: expect.any(Number),
        type: expect.stringMatching(/^(application\/pdf|image\/jpeg)$/),
      });
    expect(s.files.map((f) => f.path)).toEqual([entry.source.file]);
    // Everything else of the entry is unchanged.
    expect({
      ...record,
      history: record.history.slice(0, -1),
      attachments: record.attachments.filter((a: { kind: string }) => a.kind !== 'evidence'),
    }).toEqual({
      ...parse(entry.source.doc.toString()),
      attachments: entry.record.attachments.length
        ? parse(entry.source.doc.toString()).attachments
        : [],
    });
    expect(newProblems(h.root, s, today)).toEqual([]);
  });

  test('an entry is found by its id too; grounds with a phone number are refused', async () => {
    const today = '2026-11-20';
    const h = harness({ today });
    const entry = publicEntry(h, today, (r) => r.record.list === 'red');
    await h.act(PUBLIC, '/objection', 'no-such-entry-2026');
    expect(h.last(PUBLIC)).toMatch(/^⚠️ 没有找到“no-such-entry-2026”对应的公示记录/);
    await h.act(PUBLIC, entry.record.id.toUpperCase());
    expect(h.last(PUBLIC)).toContain('异议事由');
    await h.act(PUBLIC, '请与我联系：13912345678，我有证据。');
    expect(h.last(PUBLIC)).toMatch(/^⚠️ 文本中含有不应公开的个人信息（电话号码/);
  });

  test('a deadline beyond the official calendar is received as pending; with no administrator configured, nobody is said to be told', async () => {
    // 2026-12-29 + 3 working days reaches 2027, whose holidays no installed calendar has
    // (test/bot/objection-year-end.test.ts runs the whole journey with administrators).
    const today = '2026-12-29';
    const h = harness({ today });
    expect(h.repo.publisher.administrators).toEqual([]);
    h.services.alerts = createAdminAlerts({
      api: h.bot.api,
      publisher: h.repo.publisher,
      once: onceStoreOf(h.storage),
      log: h.log,
    });
    const entry = publicEntry(h, today, (r) => r.record.list === 'black');
    await h.act(PUBLIC, '/objection');
    await fillForm(h, PUBLIC, {
      '哪一条记录？': entry.record.subject.code!,
      异议事由: '公示所列欠薪金额有误，实际已于 11 月结清。（示例数据）',
      证据材料: { skip: true },
    });
    await h.send(h.tg.press(PUBLIC, '确认提交'));
    expect(h.last(PUBLIC)).toMatch(
      /^✅ 异议已收到（收到日期 2026-12-29）。办理时限：收到后 3 个工作日内，按国务院公布的节假日安排计算。2027 年的节假日安排尚未公布/,
    );
    const s = (h.sink as MemorySink).submissions[0]!;
    expect(parse((h.sink as MemorySink).text(s, entry.source.file)).history.at(-1)).toMatchObject({
      status: 'objection',
      date: today,
      due: 'pending',
    });
    expect(h.tg.sent.every((m) => m.chatId === PUBLIC.id)).toBe(true);
    expect(h.log.lines.join('\n')).toContain(
      'alert calendar-gap:2027 not sent: no administrators in content/publisher.yaml (administrators)',
    );
    expect(h.tg.sent.map((m) => m.text).join('\n')).not.toMatch(/已通知|管理员/);
  });
});

describe('/repair', () => {
  const today = '2026-11-20';
  const wageArrears = (h: H) =>
    publicEntry(
      h,
      today,
      (r) =>
        r.record.list === 'black' &&
        r.record.category === 'wage-arrears' &&
        r.record.history.at(-1)!.status === 'listed',
    );

  test('a black-listed employer applies for early removal with the conditions of its category', async () => {
    const h = harness({ today });
    const entry = wageArrears(h);
    const requirements = h.repo.categories.black.find((c) => c.id === 'wage-arrears')!.repair!
      .requirements;
    await h.act(PUBLIC, '/repair');
    const answers: Parameters<typeof fillForm>[2] = {
      '哪一条记录？': entry.record.subject.code!,
      整改完成日期: '2026-03-01',
      信用承诺书: {
        files: (hh, u) => [hh.tg.document(u, PDF, '信用承诺书.pdf', 'application/pdf')],
      },
      整改证明材料: { skip: true },
      整改情况说明: '已于 2026 年 3 月 1 日足额支付全部拖欠工资，此后按月足额发放。（示例数据）',
    };
    requirements.forEach((_, i) => (answers[`条件 ${i + 1}`] = { press: '已满足' }));
    const asked = await fillForm(h, PUBLIC, answers);
    expect(asked.filter((t) => t.startsWith('条件'))).toHaveLength(requirements.length);
    await h.send(h.tg.press(PUBLIC, '确认提交'));
    expect(h.last(PUBLIC)).toContain('信用修复申请已收到');
    const sink = h.sink as MemorySink;
    const s = sink.submissions[0]!;
    expect(s).toMatchObject({ kind: 'repair', recordId: entry.record.id });
    const record = parse(sink.text(s, entry.source.file));
    expect(record.history.at(-1)).toEqual({
      status: 'repair-applied',
      date: today,
      note: '申请信用修复：整改完成日期 2026-03-01。已于 2026 年 3 月 1 日足额支付全部拖欠工资，此后按月足额发放。（示例数据）',
    });
    expect(record.attachments.at(-1)).toEqual({
      private: `sha256:${createHash('sha256').update(PDF).digest('hex')}`,
      kind: 'pledge',
      name: expect.stringMatching(/\.pdf$/),
      size: PDF.byteLength,
      type: 'application/pdf',
    });
    expect(s.files.map((f) => f.path)).toEqual([entry.source.file]);
    expect(newProblems(h.root, s, today)).toEqual([]);
  });

  test('too early, an unmet condition, a category without repair rules and a red-list code are refused with the reason', async () => {
    const h = harness({ today });
    const entry = wageArrears(h);
    await h.act(PUBLIC, '/repair', entry.record.subject.code!, '2026-10-01');
    expect(h.last(PUBLIC)).toMatch(
      /^⚠️ 整改完成于 2026-10-01，须满 6 个月，最早 2027-04-01 才能申请/,
    );
    await h.act(PUBLIC, '2026-02-01', { press: '已满足' }, { press: '尚未满足' });
    // Said at once, with the condition, the category's waiting period from today, and the ways on.
    const requirement = h.repo.categories.black.find((c) => c.id === 'wage-arrears')!.repair!
      .requirements[1]!;
    expect(h.last(PUBLIC)).toMatch(
      new RegExp(`^⚠️ 条件“${requirement}”尚未满足：在满足之前，本次信用修复申请不能通过审核`),
    );
    expect(h.last(PUBLIC)).toContain('今天完成则最早 2027-05-20 可以申请');
    expect(h.last(PUBLIC)).toContain('点“⬅️ 上一步”可修改前面的回答');
    expect(h.last(PUBLIC)).toContain('请重新回答：条件 2');
    // Back changes the earlier answer; the condition is asked again.
    await h.act(PUBLIC, { press: '上一步' });
    expect(h.last(PUBLIC)).toContain('条件 1');
    await h.act(PUBLIC, { press: '已满足' }, { press: '已满足' }, { press: '已满足' });
    await fillForm(h, PUBLIC, {
      信用承诺书: { files: (hh, u) => [hh.tg.photo(u, JPEG)] },
      整改证明材料: { skip: true },
      整改情况说明: '已足额支付拖欠工资。（示例数据）',
    });
    expect(atSummary(h.last(PUBLIC))).toBe(true);
    await h.act(PUBLIC, '/cancel');

    const other = publicEntry(
      h,
      today,
      (r) =>
        r.record.list === 'black' &&
        !h.repo.categories.black.find((c) => c.id === r.record.category)?.repair,
    );
    await h.act(PUBLIC, '/repair', other.record.subject.code!);
    expect(h.last(PUBLIC)).toMatch(/^⚠️ 该记录的类别（.+）没有规定信用修复条件/);
    const red = publicEntry(h, today, (r) => r.record.list === 'red');
    await h.act(PUBLIC, red.record.subject.code!);
    // The entry is public: the reply says why it cannot be chosen here, and what its holder can do.
    expect(h.last(PUBLIC)).toContain(
      `⚠️ “${red.record.subject.name}”（${red.record.id}）是守信红榜的记录，不在失信黑名单上`,
    );
    expect(h.last(PUBLIC)).toContain('信用修复（提前移出）只适用于失信黑名单');
    expect(h.last(PUBLIC)).toContain('/objection');
    expect(h.last(PUBLIC)).not.toContain('没有找到');
    expect((h.sink as MemorySink).submissions).toHaveLength(0);
  });
});
