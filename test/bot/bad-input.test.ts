/**
 * Bad input at every step of /new: each gets a clear re-ask naming the question, never a crash,
 * and the record finally submitted is exactly the good answers (nothing bad leaked into it).
 */
import type { Update, User } from 'grammy/types';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { checkRecordText, TEXT_BOUNDS } from '../../content/schema/index.ts';
import { atSummary, fillForm } from './support/drive.ts';
import { blackListAnswers, PDF, testCode } from './support/fixtures.ts';
import { harness, PUBLIC, SUBMITTER } from './support/harness.ts';
import type { MemorySink } from './support/memory-sink.ts';

type H = ReturnType<typeof harness>;
type Bad = [name: string, make: (h: H, u: User) => Update];

const text = (name: string, value: string): Bad => [name, (h, u) => h.tg.text(u, value)];

/** Wrong at any question. */
const EVERYWHERE: Bad[] = [
  ['a sticker', (h, u) => h.tg.sticker(u)],
  text('10 KB of text', '劳动关系信用示例'.repeat(1280)),
  text('HTML and a script tag', '<b>示例</b><script>alert("x")</script>'),
  text('YAML key: value', 'key: value'),
  text('a YAML document marker', '---'),
  text('a YAML anchor', '&anchor'),
  text('emoji', '示例公司👍'),
  text('right-to-left text', 'شركة الاختبار'),
  text('a right-to-left override', '\u202E示例公司'),
];
/** Wrong where a date is asked. */
const DATES: Bad[] = [
  text('an impossible date', '2026-02-30'),
  text('a month 13', '2026-13-01'),
  text('not a date', '明天'),
];
/** Wrong where files are asked. */
const FILES: Bad[] = [
  [
    'a 50 MB file',
    (h, u) => h.tg.document(u, undefined, '扫描件.pdf', 'application/pdf', 50 * 1024 * 1024),
  ],
  [
    'a text file named .pdf',
    (h, u) =>
      h.tg.document(u, Buffer.from('这不是 PDF 文件，只是文字。'), '伪装.pdf', 'application/pdf'),
  ],
  [
    'an executable named .jpg',
    (h, u) =>
      h.tg.document(
        u,
        Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'),
        '照片.jpg',
        'image/jpeg',
      ),
  ],
];

describe('bad input at every step of /new', () => {
  test('every wrong answer is refused with the reason and the question, and the record stays exact', async () => {
    const h = harness({ today: '2026-11-20' });
    const code = testCode(40);
    // A mistyped code: two different neighbouring characters swapped.
    const i = [...code].findIndex((c, k) => k >= 8 && k < 16 && code[k + 1] !== c);
    const mistyped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    const answers = blackListAnswers(code, {
      图片: { files: (hh, u) => [hh.tg.document(u, PDF, '决定书.pdf', 'application/pdf')] },
    });
    delete answers['图片'];
    answers['决定文书'] = {
      files: (hh, u) => [hh.tg.document(u, PDF, '决定书.pdf', 'application/pdf')],
    };
    answers['图片'] = { skip: true };
    const refusals: string[] = [];
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(h, SUBMITTER, answers, 80, async (title, question) => {
      const bad = [...EVERYWHERE];
      if (title.includes('日期')) bad.push(...DATES);
      if (title === '统一社会信用代码')
        bad.push(
          text('a mistyped code', mistyped),
          text('letter O for zero', code.slice(0, 10) + code.slice(10).replace('0', 'O')),
        );
      if (/请发送照片或 PDF 文件/.test(question)) bad.push(...FILES);
      else bad.push(['a photo', (hh, u) => hh.tg.photo(u, PDF)]);
      for (const [name, make] of bad) {
        const before = h.tg.sent.length;
        await h.send(make(h, SUBMITTER));
        const replies = h.tg.since(before, SUBMITTER.id);
        expect(replies, `${name} at "${title}": one reply`).toHaveLength(1);
        expect(replies[0]!.text, `${name} at "${title}"`).toMatch(
          new RegExp(`^⚠️ .+\\n[^]*请重新回答：${title.replace(/[()（）]/g, '.')}`),
        );
        refusals.push(`${title} ← ${name}: ${replies[0]!.text.split('\n')[0]}`);
      }
    });
    // The summary too answers anything but its buttons with a hint.
    for (const [name, make] of EVERYWHERE) {
      await h.send(make(h, SUBMITTER));
      expect(h.last(), `${name} at the summary`).toContain('请用汇总消息下方的按钮');
    }
    expect(h.log.lines, 'nothing was logged as an error').toEqual([]);
    expect(refusals.length).toBeGreaterThan(24 * EVERYWHERE.length);
    // Each kind of refusal says what was wrong, not a generic error.
    expect(refusals.find((r) => r.startsWith('主体名称 ← HTML'))).toContain('HTML 标签');
    expect(refusals.find((r) => r.startsWith('主体名称 ← YAML key'))).toContain('记录文件的片段');
    expect(refusals.find((r) => r.startsWith('事由 ← 10 KB'))).toContain(
      `太长：最多 ${TEXT_BOUNDS.facts[1]} 个字`,
    );
    expect(refusals.find((r) => r.startsWith('决定日期 ← an impossible date'))).toContain(
      '“2026-02-30”不是有效日期',
    );
    expect(refusals.find((r) => r.startsWith('统一社会信用代码 ← a mistyped code'))).toContain(
      '校验位不符',
    );
    expect(refusals.find((r) => r.startsWith('统一社会信用代码 ← letter O'))).toMatch(
      /第 \d+ 位的“O”不能出现在统一社会信用代码中/,
    );
    expect(refusals.find((r) => r.startsWith('决定文书 ← a 50 MB file'))).toContain(
      '文件大小 50.0 MB，超过了 10.0 MB 的上限',
    );
    expect(refusals.find((r) => r.startsWith('决定文书 ← a text file'))).toContain(
      '文件内容不是允许的类型',
    );
    expect(refusals.find((r) => r.startsWith('列入类别 ← 10 KB'))).toContain('这里需要点选按钮');

    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const sink = h.sink as MemorySink;
    expect(sink.submissions).toHaveLength(1);
    const s = sink.submissions[0]!;
    const yaml = sink.text(s, s.files[0]!.path);
    expect(
      checkRecordText(yaml, s.files[0]!.path, { categories: h.repo.categories, lang: 'zh' })
        .problems,
    ).toEqual([]);
    const record = parse(yaml);
    expect(record.subject).toEqual({
      kind: 'enterprise',
      name: answers['主体名称'],
      code,
      address: answers['住所（经营场所）'],
    });
    expect(record.facts).toBe(answers['事由']);
    expect(record.attachments).toEqual([
      { file: expect.stringMatching(/\.pdf$/), kind: 'decision' },
    ]);
    expect(s.files).toHaveLength(2);
  });

  test('text that only looks like YAML to a parser is stored exactly as typed', async () => {
    const h = harness({ today: '2026-11-20' });
    const facts =
      '拖欠工资: 共 8.6 万元 # 这不是注释 "双引号" \'单引号\' [方括号] {花括号} | > @ ` % ! * & ? 等（示例数据）\n第二行：- 列表符号 ---';
    const name = '示例市 #1 "甲乙" 公司: 有限公司（示例）';
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(h, SUBMITTER, blackListAnswers(testCode(41), { 主体名称: name, 事由: facts }));
    expect(atSummary(h.last())).toBe(true);
    await h.send(h.tg.press(SUBMITTER, '确认提交'));
    const sink = h.sink as MemorySink;
    const s = sink.submissions[0]!;
    const yaml = sink.text(s, s.files[0]!.path);
    const record = parse(yaml);
    expect(record.facts).toBe(facts);
    expect(record.subject.name).toBe(name);
    expect(
      checkRecordText(yaml, s.files[0]!.path, { categories: h.repo.categories, lang: 'zh' })
        .problems,
    ).toEqual([]);
  });

  test('answers a real entry cannot hold are re-asked with the reason (issue 9 §4), and an unusual 文号 is flagged at Confirm', async () => {
    const today = '2026-11-20';
    const h = harness({ today });
    // Each observed bad answer, at its question, with the reason the re-ask must give.
    const BAD: Record<string, [answer: string, reason: string][]> = {
      主体名称: [['Acme Trading Co., Ltd.', '中没有汉字']],
      事由: [['该单位拖欠劳动者工资。'.repeat(455), `太长：最多 ${TEXT_BOUNDS.facts[1]} 个字`]],
      认定机关: [
        ['2026-10-15', '不是机关名称'],
        ['12345', '不是机关名称'],
      ],
      决定文号: [['abc', '“abc”不是文号']],
      决定日期: [['2026-11-21', '决定日期 2026-11-21 晚于今天（2026-11-20）']],
      报送日期: [['2026-12-01', '报送日期 2026-12-01 晚于今天（2026-11-20）']],
    };
    const seen: string[] = [];
    await h.send(h.tg.text(SUBMITTER, '/new'));
    await fillForm(
      h,
      SUBMITTER,
      blackListAnswers(testCode(42), { 决定文号: '人社部令第45号' }),
      80,
      async (title) => {
        for (const [answer, reason] of BAD[title] ?? []) {
          const before = h.tg.sent.length;
          await h.send(h.tg.text(SUBMITTER, answer));
          const replies = h.tg.since(before, SUBMITTER.id);
          expect(replies, `${answer.slice(0, 20)} at "${title}": one reply`).toHaveLength(1);
          expect(replies[0]!.text, `${answer.slice(0, 20)} at "${title}"`).toMatch(
            new RegExp(
              `^⚠️ [^]*${reason.replace(/[()（）]/g, '.')}[^]*请重新回答：${title.replace(/[()（）]/g, '.')}`,
            ),
          );
          seen.push(title);
        }
      },
    );
    expect(seen.sort()).toEqual(
      Object.entries(BAD)
        .flatMap(([title, bad]) => bad.map(() => title))
        .sort(),
    );
    // A 文号 in an unusual form is not refused: the reviewer is asked to look, at Confirm.
    expect(atSummary(h.last())).toBe(true);
    expect(h.last()).toMatch(/ℹ️ .*文号“人社部令第45号”不是常见的“机关代字〔年份〕序号号”格式/);
  });

  test('objection grounds of 5,000 characters are re-asked with the bound', async () => {
    const today = '2026-11-20';
    const h = harness({ today });
    const entry = h.repo
      .records()
      .find(
        (r) =>
          r.record.list === 'black' &&
          r.record.subject.code &&
          h.repo.findPublic(r.record.subject.code, today).length === 1,
      )!;
    await h.act(PUBLIC, '/objection');
    let refused = '';
    await fillForm(
      h,
      PUBLIC,
      {
        '哪一条记录？': entry.record.subject.code!,
        异议事由: '该公司已足额支付全部工资，公示所列事实与实际不符。（示例数据）',
        证据材料: { skip: true },
      },
      20,
      async (title) => {
        if (title !== '异议事由') return;
        const before = h.tg.sent.length;
        await h.send(h.tg.text(PUBLIC, '公示所列事实与实际不符。'.repeat(420)));
        refused = h.tg
          .since(before, PUBLIC.id)
          .map((m) => m.text)
          .join('\n');
      },
    );
    expect(refused).toMatch(
      new RegExp(`^⚠️ [^]*太长：最多 ${TEXT_BOUNDS.note[1]} 个字[^]*请重新回答：异议事由`),
    );
  });
});
