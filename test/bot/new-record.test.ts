/**
 * /new end to end through bot.handleUpdate, with the local Bot API under the HTTP client: every
 * journey ends in a record that the repository's validator accepts, or in a clear refusal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import {
  completeUscc,
  regionFullName,
  validateRepository,
  type Problem,
} from '../../content/schema/index.ts';
import { fillForm, atSummary } from './support/drive.ts';
import {
  blackListAnswers,
  englishBlackListAnswers,
  JPEG,
  PDF,
  testCode,
} from './support/fixtures.ts';
import { harness, PUBLIC, SUBMITTER } from './support/harness.ts';
import type { MemorySink } from './support/memory-sink.ts';
import type { Submission } from '../../bot/forge/types.ts';

const TODAY = '2026-11-20';

/** Writes a submission's files into the content root, as merging its pull request would. */
function apply(root: string, s: Submission) {
  for (const f of s.files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.content);
  }
}

const STAGES = ['submission', 'publish'] as const;

/** What the validator says at each stage, once the submission is applied, that it did not say before. */
function newProblems(root: string, s: Submission): Record<(typeof STAGES)[number], string[]> {
  const key = (p: Problem) => `${p.file} ${p.field} ${p.what}`;
  const before = STAGES.map((stage) =>
    validateRepository(root, { date: TODAY, stage }).problems.map(key),
  );
  apply(root, s);
  const [submission, publish] = STAGES.map((stage, i) =>
    validateRepository(root, { date: TODAY, stage })
      .problems.filter((p) => !before[i]!.includes(key(p)))
      .map((p) => `${p.file === s.files[0]!.path ? '' : `${p.file} `}${p.field} ${p.severity}`),
  );
  return { submission: submission!, publish: publish! };
}

/** A good submission: valid, awaiting the reviewers' approvals, which publication needs. */
const AWAITING_APPROVALS = { submission: ['approvals notice'], publish: ['approvals error'] };

const recordOf = (sink: MemorySink, s: Submission) =>
  parse(sink.text(s, s.files[0]!.path)) as Record<string, any>;

describe('/new', () => {
  test('a black-list entry with persons and attachments becomes a record that npm run validate accepts', async () => {
    const h = harness({ today: TODAY });
    const sink = h.sink as MemorySink;
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(
      h,
      SUBMITTER,
      blackListAnswers(testCode(1), {
        同时公布的人员: [{ press: '法定代表人' }, { press: /完成/ }],
        '人员姓名（已脱敏）': '张某某',
        '人员身份证号码（已脱敏）': '110105********002X',
        典型案例报告: {
          files: (hh, u) => [hh.tg.document(u, PDF, '案例报告.pdf', 'application/pdf')],
        },
        图片: { files: (hh, u) => [hh.tg.photo(u, JPEG, '现场照片（示例）')] },
      }),
    );
    expect(h.last()).toContain('确认提交');
    // The summary says the approvals are still to come, and does not ask for them.
    expect(h.last()).toContain('⏳ 审批：待审核/待审定 — 合并前由审核人、审定人批准');
    expect(h.last()).not.toContain('提交前还需要修改');
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    expect(h.last()).toMatch(/已提交审核，编号 2026q4-black-\w+。审核链接：memory:\/\/pull\//);

    expect(sink.submissions).toHaveLength(1);
    const s = sink.submissions[0]!;
    expect(s.kind).toBe('new');
    expect(s.submitter).toEqual({
      unit: '劳动保障监察支队',
      userId: SUBMITTER.id,
      chatId: SUBMITTER.id,
      language: 'zh',
    });
    const record = recordOf(sink, s);
    expect(s.files[0]!.path).toBe(`content/records/black/2026/${record.id}.yaml`);
    expect(record).toMatchObject({
      list: 'black',
      batch: '2026-Q4',
      category: 'wage-arrears',
      region: '210200',
      subject: {
        kind: 'enterprise',
        code: testCode(1),
        persons: [
          { role: 'legal-representative', name: '张某某', id_number: '110105********002X' },
        ],
      },
      submitted: { unit: '劳动保障监察支队', date: TODAY },
      publication: { start: TODAY, end: '2029-11-19' },
      history: [{ status: 'listed', date: TODAY }],
    });
    const report = record.attachments.find((a: { kind: string }) => a.kind === 'case-report');
    const picture = record.attachments.find((a: { kind: string }) => a.kind === 'picture');
    expect(record.attachments).toHaveLength(2);
    expect(report).toEqual({
      file: expect.stringMatching(new RegExp(`^media/2026/${record.id}-\\d\\.pdf$`)),
      kind: 'case-report',
    });
    expect(picture).toEqual({
      file: expect.stringMatching(new RegExp(`^media/2026/${record.id}-\\d\\.jpg$`)),
      kind: 'picture',
      caption: '现场照片（示例）',
    });
    const bytes = (file: string) =>
      Buffer.from(s.files.find((f) => f.path === `content/${file}`)!.content as Uint8Array);
    expect(bytes(report.file).equals(PDF)).toBe(true);
    expect(bytes(picture.file).equals(JPEG)).toBe(true);
    expect(record).not.toHaveProperty('approvals');
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);

    await h.send(h.tg.text(SUBMITTER, '/status'));
    expect(h.last()).toContain(
      `新增失信黑名单记录：示例市某某建筑劳务有限公司（示例）（${record.id}）`,
    );
    expect(h.last()).toContain(`memory://pull/${record.id}`);
  });

  test('a mistyped credit code: the likely slip is named, and an override needs a reason and a reviewer', async () => {
    const h = harness({ today: TODAY });
    const good = testCode(2);
    // Swap two different neighbouring characters (positions 11 and 12, 1-based): the usual slip.
    const i = [...good].findIndex((c, k) => k >= 10 && k < 16 && good[k + 1] !== c);
    const typo = good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2);
    await h.act(
      SUBMITTER,
      '/new',
      { press: '失信黑名单' },
      { press: '企业' },
      '示例市某某物流有限公司（示例）',
    );
    await h.send(h.tg.text(SUBMITTER, typo));
    const reply = h.last();
    expect(reply).toMatch(/^⚠️ 校验位不符/);
    expect(reply).toContain(
      `第 ${i + 1}、${i + 2} 位前后颠倒？应为 ${good.slice(0, 2)} ${good.slice(2, 8)} ${good.slice(8, 17)} ${good[17]}`,
    );
    expect(reply).toContain('请重新回答：统一社会信用代码');
    await h.send(h.tg.press(SUBMITTER, '仍然采用此代码'));
    const asked = await fillForm(
      h,
      SUBMITTER,
      blackListAnswers(typo, {
        代码例外理由: '该代码为标准施行前试点地区发放，营业执照原件核对无误（示例）',
        代码例外接受人: '法规科 赵某',
      }),
    );
    expect(asked.slice(0, 2)).toEqual(['代码例外理由', '代码例外接受人']);
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const s = (h.sink as MemorySink).submissions[0]!;
    const record = recordOf(h.sink as MemorySink, s);
    expect(record.subject.code).toBe(typo);
    expect(record.subject.code_override).toEqual({
      reason: '该代码为标准施行前试点地区发放，营业执照原件核对无误（示例）',
      accepted_by: '法规科 赵某',
    });
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);
  });

  test('the region is proposed from positions 3–8 of the code and can be confirmed', async () => {
    const h = harness({ today: TODAY });
    // A code registered in 210202 whose check character is wrong (so no real organisation holds it).
    const valid = completeUscc('91210202BT0000001');
    const code = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    await h.act(
      SUBMITTER,
      '/new',
      { press: '失信黑名单' },
      { press: '企业' },
      '示例市某某物流有限公司（示例）',
      code,
    );
    await h.act(
      SUBMITTER,
      { press: '仍然采用此代码' },
      '该代码为标准施行前试点地区发放，核对无误（示例）',
      '法规科 赵某',
    );
    await h.act(SUBMITTER, { press: /跳过/ }, { press: /跳过/ });
    const question = h.tg.last(SUBMITTER.id)!;
    expect(question.text).toContain('所在地区');
    expect(question.text).toContain('代码第 3–8 位是 210202');
    expect(question.buttons[0]![0]!.text).toBe(`210202 ${regionFullName('210202')}`);
    await h.send(h.tg.press(SUBMITTER, '210202'));
    expect(h.last()).toContain('列入类别');
  });

  test('an individual on the red list: the name and ID number must be masked, no credit code is asked', async () => {
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new', { press: '守信红榜' }, { press: '个人' }, '张小明');
    expect(h.last()).toMatch(/^⚠️ 个人姓名未脱敏：依照《个人信息保护法》/);
    expect(h.last()).toContain('张某某');
    await h.send(h.tg.text(SUBMITTER, '张某某'));
    expect(h.last()).toContain('身份证号码（已脱敏）');
    // A full resident ID (valid check digit, GB 11643) is refused.
    await h.send(h.tg.text(SUBMITTER, '11010519491231002X'));
    expect(h.last()).toMatch(/^⚠️ 这里是完整的居民身份证号，不得公开/);
    await h.act(SUBMITTER, '110105********002X');
    const asked = await fillForm(
      h,
      SUBMITTER,
      blackListAnswers('', {
        列入类别: { press: '诚信等级 A 级' },
        事由: '连续两年劳动保障守法诚信等级评为 A 级。（示例数据）',
        依据: '人社系统信用“红黑名单”发布制度',
      }),
    );
    expect(asked).not.toContain('统一社会信用代码');
    expect(asked).not.toContain('住所（经营场所）');
    expect(asked).not.toContain('同时公布的人员');
    expect(asked).not.toContain('典型案例报告');
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const s = (h.sink as MemorySink).submissions[0]!;
    expect(recordOf(h.sink as MemorySink, s).subject).toEqual({
      kind: 'individual',
      name: '张某某',
      id_number: '110105********002X',
    });
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);
  });

  test('a demonstration unit: a park needs no code, the naming level and body are asked', async () => {
    const h = harness({ today: TODAY });
    await h.send(h.tg.text(SUBMITTER, '/new'));
    const asked = await fillForm(
      h,
      SUBMITTER,
      blackListAnswers('', {
        名单: { press: '示范单位' },
        主体类型: { press: '工业园区' },
        主体名称: '示例市某某工业园区（示例）',
        统一社会信用代码: { skip: true },
        所在地区: '210202',
        列入类别: { press: '创建示范单位' },
        事由: '园区内企业劳动合同签订率 100%，集体合同全覆盖。（示例数据）',
        依据: '和谐劳动关系创建示范活动评价标准',
        命名级别: { press: '市级' },
        命名机关: '示例市协调劳动关系三方',
      }),
    );
    expect(asked).toEqual(expect.arrayContaining(['命名级别', '命名机关']));
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const s = (h.sink as MemorySink).submissions[0]!;
    const record = recordOf(h.sink as MemorySink, s);
    expect(record).toMatchObject({
      list: 'demo',
      region: '210202',
      subject: { kind: 'park' },
      demonstration: { level: 'city', named_by: '示例市协调劳动关系三方' },
    });
    expect(record.subject.code).toBeUndefined();
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);
  });

  test('Back returns to the previous question at every step, keeping its answer', async () => {
    const h = harness({ today: TODAY });
    const answers = blackListAnswers(testCode(3));
    await h.send(h.tg.text(SUBMITTER, '/new'));
    let previous: string | undefined;
    for (let n = 0; n < 40 && !atSummary(h.last()); n++) {
      const title = /^\([\d/]+\)\s*(.+?)(?:（选填）)?$/m.exec(h.last().split('\n')[0]!)![1]!;
      if (previous) {
        await h.send(h.tg.press(SUBMITTER, '上一步'));
        expect(h.last().split('\n')[0], `Back from "${title}"`).toContain(previous);
        // Forward again: keep the previous answer (lists and files are simply finished).
        await h.send(h.tg.press(SUBMITTER, /保持不变|跳过|完成/));
        expect(h.last().split('\n')[0]).toContain(title);
      }
      await fillForm(h, SUBMITTER, { [title]: answers[title]! }, 1).catch(() => undefined);
      previous = title;
    }
    expect(atSummary(h.last())).toBe(true);
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const s = (h.sink as MemorySink).submissions[0]!;
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);
  });

  test('editing the list from the summary asks only what the change needs', async () => {
    const h = harness({ today: TODAY });
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(h, SUBMITTER, blackListAnswers(testCode(4)));
    await h.send(h.tg.press(SUBMITTER, '✏️ 名单'));
    await h.send(h.tg.press(SUBMITTER, '示范单位'));
    const asked = await fillForm(h, SUBMITTER, {
      列入类别: { press: '创建示范单位' },
      命名级别: { press: '省级' },
      命名机关: '示例省协调劳动关系三方',
    });
    // The kind (企业) stays valid on the demonstration list; the category does not; the naming is new.
    expect(asked).toEqual(['列入类别', '命名级别', '命名机关']);
    expect(h.last()).not.toContain('典型案例报告');
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const s = (h.sink as MemorySink).submissions[0]!;
    const record = recordOf(h.sink as MemorySink, s);
    expect(record).toMatchObject({
      list: 'demo',
      category: 'demonstration',
      demonstration: { level: 'province' },
    });
    expect(s.files[0]!.path).toMatch(/^content\/records\/demo\/2026\/2026q4-demo-/);
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);
  });

  test('a code already active on the same list is flagged before confirmation', async () => {
    const h = harness({ today: TODAY });
    const active = h.repo
      .records()
      .find(
        (r) =>
          r.record.list === 'black' &&
          r.record.subject.code &&
          h.repo.findPublic(r.record.subject.code, TODAY, ['black']).length === 1,
      )!;
    const code = active.record.subject.code!;
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(h, SUBMITTER, blackListAnswers(code));
    const summary = h.tg.last(SUBMITTER.id)!;
    expect(summary.text).toContain('提交前还需要修改');
    expect(summary.text).toContain(
      `代码 ${code} 在失信黑名单中的两条记录公开期重叠（另见 ${active.source.file}）`,
    );
    expect(summary.buttons.flat().map((b) => b.text)).not.toContain('✅ 确认提交');
  });

  test('only allow-listed submitters may use /new; others learn their user id', async () => {
    const h = harness({ today: TODAY });
    await h.send(h.tg.text(PUBLIC, '/new'));
    expect(h.last(PUBLIC)).toContain(`您的 Telegram 用户 ID 是 ${PUBLIC.id}`);
    expect(h.last(PUBLIC)).toContain('content/submitters.yaml');
  });

  test('/cancel and the cancel button end the form at any step', async () => {
    const h = harness({ today: TODAY });
    await h.act(SUBMITTER, '/new', { press: '失信黑名单' });
    await h.send(h.tg.text(SUBMITTER, '/cancel'));
    expect(h.last()).toBe('已取消，填写的内容没有提交。');
    await h.send(h.tg.text(SUBMITTER, '示例市某某公司'));
    expect(h.last()).toContain('没有理解这条消息');
    const calls = h.tg.calls.length;
    await h.send(h.tg.press(SUBMITTER, '企业'));
    expect(h.tg.calls.slice(calls)).toContainEqual({
      method: 'answerCallbackQuery',
      payload: expect.objectContaining({ text: '这个按钮已失效，请使用最新消息中的按钮。' }),
    });
    await h.act(SUBMITTER, '/new', { press: '失信黑名单' }, { press: '取消' });
    expect(h.last()).toBe('已取消，填写的内容没有提交。');
    expect((h.sink as MemorySink).submissions).toHaveLength(0);
  });

  test('auto-retry covers calls made inside the conversation and outside it', async () => {
    const h = harness({ today: TODAY });
    await h.send(h.tg.text(SUBMITTER, '/new'));
    // Inside the conversation: answering the button press. Outside: the next question.
    h.tg.failNext('answerCallbackQuery', 429, 'Too Many Requests: retry after 1', 1);
    h.tg.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', 1);
    const calls = h.tg.calls.length;
    await h.send(h.tg.press(SUBMITTER, '失信黑名单'));
    const methods = h.tg.calls.slice(calls).map((c) => c.method);
    expect(methods).toEqual([
      'answerCallbackQuery',
      'answerCallbackQuery',
      'sendMessage',
      'sendMessage',
    ]);
    expect(h.last()).toContain('主体类型');
    expect(h.log.lines).toEqual([]);
  });

  test('a submission that cannot be stored keeps the form for another Confirm', async () => {
    const h = harness({ today: TODAY });
    const sink = h.sink as MemorySink;
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(h, SUBMITTER, blackListAnswers(testCode(5)));
    sink.failNext = new Error('the outbox directory is full (ENOSPC)');
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const texts = h.tg.sent.slice(-2).map((m) => m.text);
    expect(texts[0]).toContain('提交没有成功：the outbox directory is full (ENOSPC)');
    expect(atSummary(texts[1]!)).toBe(true);
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    expect(sink.submissions).toHaveLength(1);
    expect(h.last()).toContain('已提交审核');
  });

  test('English speakers get the English texts, with the same questions', async () => {
    const h = harness({ today: TODAY });
    const en = { ...SUBMITTER, language_code: 'en-GB' };
    await h.send(h.tg.text(en, '/new'));
    expect(h.tg.sent.map((m) => m.text).join('\n')).toContain(
      'Adding an entry for 劳动保障监察支队',
    );
    await h.send(h.tg.press(en, 'Black list'));
    expect(h.last(en)).toContain('Kind of subject');
    expect(
      h.tg
        .last(en.id)!
        .buttons.flat()
        .map((b) => b.text),
    ).toEqual(expect.arrayContaining(['enterprise', '⬅️ Back', '✖️ Cancel']));
  });

  test('the publication start is proposed, not the approvals: today (moved to the 审定 day if later) or the next batch', async () => {
    const h = harness({ today: TODAY });
    await h.send(h.tg.text(SUBMITTER, '/new'));
    let startButtons: string[] = [];
    const asked = await fillForm(
      h,
      SUBMITTER,
      blackListAnswers(testCode(6), {
        发布开始日期: { press: '下一批次' },
        发布结束日期: { press: /2029|2030/ },
      }),
      80,
      async (title) => {
        if (title === '发布开始日期')
          startButtons = h.tg
            .last(SUBMITTER.id)!
            .buttons.flat()
            .map((b) => b.text);
      },
    );
    expect(asked.filter((q) => /审核|审定|审批/.test(q))).toEqual([]);
    expect(startButtons.slice(0, 2)).toEqual([TODAY, '2027-01-01（下一批次 2027-Q1）']);
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const s = (h.sink as MemorySink).submissions[0]!;
    const record = recordOf(h.sink as MemorySink, s);
    // The next batch's record belongs to that batch and year.
    expect(record).toMatchObject({
      batch: '2027-Q1',
      publication: { start: '2027-01-01', end: '2029-12-31' },
      history: [{ status: 'listed', date: '2027-01-01' }],
    });
    expect(s.files[0]!.path).toMatch(/^content\/records\/black\/2027\/2027q1-black-/);
    expect(newProblems(h.root, s)).toEqual(AWAITING_APPROVALS);
  });

  test('an English-speaking submitter’s submission carries the language, for the notices', async () => {
    const h = harness({ today: TODAY });
    const en = { ...SUBMITTER, language_code: 'en' };
    await h.send(h.tg.text(en, '/new'));
    await fillForm(h, en, englishBlackListAnswers(testCode(7)));
    expect(h.last(en)).toContain(
      '⏳ Approvals：awaiting review and approval — the reviewers approve before the merge',
    );
    await h.send(h.tg.press(en, /Confirm/));
    const s = (h.sink as MemorySink).submissions[0]!;
    expect(s.submitter.language).toBe('en');
  });
});
