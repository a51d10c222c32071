/**
 * What each field can hold (issue 9 §4), as the validator reports it on a real record file:
 * names in Chinese characters, masked persons, an authority that is a name, a document number
 * (refused when it is none, flagged when unusual), bounded text, and dates of facts that cannot
 * lie after the day of validation while a scheduled publication may. Messages are snapshotted
 * in Chinese and English.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  formatProblems,
  recordFieldDescription,
  TEXT_BOUNDS,
  validateRepository,
  type Lang,
} from '../../../content/schema/index.ts';
import { problemsOf, recordText, recordWith } from '../record-fixture.ts';
import { tempRepo } from '../temp-repo.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';

const FILE = 'content/records/black/2026/2026q3-black-901.yaml';
const report = (text: string, lang: Lang) => formatProblems(problemsOf(text, lang), lang);
const both = (text: string) => ({ zh: report(text, 'zh'), en: report(text, 'en') });

describe('names', () => {
  it('an enterprise name without Chinese characters is refused; Latin letters and digits inside a Chinese name are fine', () => {
    expect(both(recordWith({ 'subject.name': 'Acme Trading Co., Ltd.' }))).toMatchInlineSnapshot(`
      {
        "en": "content/records/black/2026/2026q3-black-901.yaml:8:3  subject.name  the enterprise name "Acme Trading Co., Ltd." has no Chinese characters — give the registered Chinese name, which may contain Latin letters and digits, e.g. 示例（大连）ABC科技有限公司; a foreign-language name does not belong here",
        "zh": "content/records/black/2026/2026q3-black-901.yaml:8:3  subject.name  企业名称“Acme Trading Co., Ltd.”中没有汉字 — 填写登记的中文全称，可含字母和数字，如“示例（大连）ABC科技有限公司”；外文名称不在这里填写",
      }
    `);
    expect(problemsOf(recordWith({ 'subject.name': '示例（大连）ABC科技有限公司' }))).toEqual([]);
    expect(problemsOf(recordWith({ 'subject.name': '示例3D打印科技有限公司' }))).toEqual([]);
  });

  it('a person published with the entry must be masked: "Zhang Wei" is told to mask, not to shorten', () => {
    expect(both(recordWith({ 'subject.persons.0.name': 'Zhang Wei' }))).toMatchInlineSnapshot(`
      {
        "en": "content/records/black/2026/2026q3-black-901.yaml:13:7  subject.persons.0.name  the personal name is not masked: under the Personal Information Protection Law only the surname is published, never the full name — keep only the surname (two characters for a compound surname) and write the given name as 某 or 某某, e.g. "张某某"",
        "zh": "content/records/black/2026/2026q3-black-901.yaml:13:7  subject.persons.0.name  个人姓名未脱敏：依照《个人信息保护法》，公示时只保留姓氏，不公布全名 — 只保留姓氏（复姓保留两字），名字写成“某”或“某某”，如“张某某”",
      }
    `);
    expect(report(recordWith({ 'subject.persons.0.name': '张伟' }), 'zh')).toContain('如“张某”');
    expect(problemsOf(recordWith({ 'subject.persons.0.name': '欧阳某某' }))).toEqual([]);
  });
});

describe('the deciding authority and the document number', () => {
  it('an authority is a name in Chinese characters, not a date or a number', () => {
    expect(both(recordWith({ 'decision.authority': '2026-06-20' }))).toMatchInlineSnapshot(`
      {
        "en": "content/records/black/2026/2026q3-black-901.yaml:20:3  decision.authority  "2026-06-20" is not the name of an authority — give the full Chinese name of the body that decided (or named), e.g. 大连市人力资源和社会保障局; the date and the document number have their own fields",
        "zh": "content/records/black/2026/2026q3-black-901.yaml:20:3  decision.authority  “2026-06-20”不是机关名称 — 填写作出决定（命名）的机关全称，用汉字，如“大连市人力资源和社会保障局”；日期和文号各有字段",
      }
    `);
    for (const bad of ['2026年6月20日', '12345', 'HR Bureau'])
      expect(
        problemsOf(recordWith({ 'decision.authority': bad })).map((p) => p.field),
        bad,
      ).toEqual(['decision.authority']);
    expect(
      problemsOf(recordWith({ 'decision.authority': '大连市人力资源和社会保障局、大连市总工会' })),
    ).toEqual([]);
  });

  it('"abc" is not a document number', () => {
    expect(both(recordWith({ 'decision.document_number': 'abc' }))).toMatchInlineSnapshot(`
      {
        "en": "content/records/black/2026/2026q3-black-901.yaml:21:3  decision.document_number  "abc" is not a document number — copy the number from the decision: issuer code〔year〕serial 号, e.g. 大人社监罚字〔2026〕18号",
        "zh": "content/records/black/2026/2026q3-black-901.yaml:21:3  decision.document_number  “abc”不是文号 — 照决定书填写文号：机关代字〔年份〕序号号，如“大人社监罚字〔2026〕18号”",
      }
    `);
    expect(
      problemsOf(recordWith({ 'decision.document_number': '2026-18' })).map((p) => p.field),
    ).toEqual(['decision.document_number']);
  });
});

describe('text bounds', () => {
  it('5,000 characters of facts, and too long a legal basis, are refused with the bound the description states', () => {
    const facts = '该单位拖欠劳动者工资。'.repeat(455);
    expect(facts.length).toBeGreaterThan(5000);
    const problems = problemsOf(recordWith({ facts, legal_basis: '《条例》第一条'.repeat(80) }));
    expect(problems.map((p) => [p.field, p.what])).toEqual([
      ['facts', `太长：最多 ${TEXT_BOUNDS.facts[1]} 个字`],
      ['legal_basis', `太长：最多 ${TEXT_BOUNDS.legal_basis[1]} 个字`],
    ]);
    expect(problemsOf(recordWith({ facts: '事'.repeat(TEXT_BOUNDS.facts[1]) }))).toEqual([]);
  });

  it("each bounded field states its bounds in its description, which is the bot's help", () => {
    const fields: [PropertyKey[], keyof typeof TEXT_BOUNDS][] = [
      [['facts'], 'facts'],
      [['legal_basis'], 'legal_basis'],
      [['history', 0, 'note'], 'note'],
      [['subject', 'name'], 'name'],
      [['decision', 'authority'], 'authority'],
    ];
    for (const [path, bound] of fields)
      expect(recordFieldDescription(path), path.join('.')).toContain(
        `${TEXT_BOUNDS[bound][0]} 至 ${TEXT_BOUNDS[bound][1]} 字`,
      );
  });

  it('objection grounds (a status note) are bounded too', () => {
    const text = recordWith({
      history: [
        { status: 'listed', date: '2026-07-15' },
        { status: 'objection', date: '2026-07-20', note: '异议'.repeat(2500) },
      ],
    });
    expect(problemsOf(text).map((p) => [p.field, p.what])).toEqual([
      ['history.1.note', `太长：最多 ${TEXT_BOUNDS.note[1]} 个字`],
    ]);
  });

  it('a control character in text is refused', () => {
    expect(
      both(recordWith({ facts: '该单位拖欠工资\u0007，经责令限期支付后逾期未付。（示例数据）' })),
    ).toMatchInlineSnapshot(`
      {
        "en": "content/records/black/2026/2026q3-black-901.yaml:17:1  facts  the text contains an invisible control character (U+0007) — remove it: type the text again rather than pasting it from another system",
        "zh": "content/records/black/2026/2026q3-black-901.yaml:17:1  facts  文字中含有看不见的控制字符（U+0007） — 删除该字符：重新输入这段文字，不要从其他系统直接粘贴",
      }
    `);
  });
});

/** The validator's problems on one real record file, as of a day. */
function validated(text: string, date: string) {
  const root = tempRepo({ [FILE]: text });
  return validateRepository(root, { date, lang: 'zh' }).problems.filter(
    (p) => p.field !== 'approvals',
  );
}

describe('dates of facts and the day of validation', () => {
  it('a decision, submission, approval or status event after the day of validation is an error', () => {
    const text = recordWith({
      'decision.date': '2026-06-20',
      'submitted.date': '2026-07-02',
      history: [
        { status: 'listed', date: '2026-07-15' },
        { status: 'objection', date: '2026-07-20', note: '异议事由（示例）' },
      ],
    });
    expect(validated(text, '2026-11-21')).toEqual([]);
    // The same file read on days before its facts: each fact that had not happened yet is named.
    const early = validated(text, '2026-06-15');
    expect(early.map((p) => p.field)).toEqual([
      'decision.date',
      'submitted.date',
      'approvals.0.date',
      'approvals.1.date',
      'history.1.date',
    ]);
    expect(formatProblems(early.slice(0, 2), 'zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:22:3  decision.date  决定日期 2026-06-20 晚于今天（2026-06-15） — 这里填已经发生的日期：今天 2026-06-15 或更早，照文书或登记簿填写；尚未发生的，发生后再填
      content/records/black/2026/2026q3-black-901.yaml:25:3  submitted.date  报送日期 2026-07-02 晚于今天（2026-06-15） — 这里填已经发生的日期：今天 2026-06-15 或更早，照文书或登记簿填写；尚未发生的，发生后再填"
    `);
    const en = validateRepository(tempRepo({ [FILE]: text }), {
      date: '2026-06-15',
      lang: 'en',
    }).problems.filter((p) => p.field === 'decision.date');
    expect(formatProblems(en, 'en')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:22:3  decision.date  the decision date 2026-06-20 is after today (2026-06-15) — this is the date something happened: today (2026-06-15) or earlier, as the document or register shows; if it has not happened yet, add it once it has"`,
    );
  });

  it('a scheduled publication (start and listing after today) is not a fact and passes', () => {
    const text = recordWith({
      batch: '2026-Q4',
      id: '2026q4-black-901',
      'decision.date': '2026-11-02',
      'submitted.date': '2026-11-05',
      approvals: [
        { role: 'review', by: '分管副主席 王某', date: '2026-11-10' },
        { role: 'approve', by: '主席 李某', date: '2026-11-13' },
      ],
      'publication.start': '2026-12-15',
      'publication.end': '2029-12-14',
      history: [{ status: 'listed', date: '2026-12-15' }],
    });
    const root = tempRepo({ 'content/records/black/2026/2026q4-black-901.yaml': text });
    expect(validateRepository(root, { date: '2026-11-21' }).problems).toEqual([]);
  });
});

describe('document numbers a reviewer should look at', () => {
  it('the usual forms pass without a word: 〔〕, [], ［］ and 【】 around the year, 第 before the serial', () => {
    for (const n of [
      '大工办发〔2016〕18号',
      '大人社监罚字[2026]第18号',
      '示人社监［2026］7号',
      '辽人社【2025】第3号',
      '国办发〔2020〕49号（示例）',
    ]) {
      expect(validated(recordWith({ 'decision.document_number': n }), '2026-11-21'), n).toEqual([]);
    }
  });

  it('an unusual form is a warning: `npm run validate` prints it and still exits 0', () => {
    const root = tempRepo({ [FILE]: recordWith({ 'decision.document_number': '人社部令第45号' }) });
    const run = (lang: Lang) =>
      spawnSync(
        'npm',
        [
          'run',
          '--silent',
          'validate',
          '--',
          '--root',
          root,
          '--date',
          '2026-11-21',
          '--lang',
          lang,
        ],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
    const zh = run('zh');
    expect(zh.status).toBe(0);
    expect(
      zh.stdout
        .split('\n')
        .filter((l) => l.includes('document_number'))
        .join('\n'),
    ).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:21:3  decision.document_number  [提示] 文号“人社部令第45号”不是常见的“机关代字〔年份〕序号号”格式 — 请对照决定书核对，如“大工办发〔2016〕18号”（年份可用〔〕、[]、［］括起，序号前可有“第”）；确实如此的无需修改"`,
    );
    const en = run('en');
    expect(
      en.stdout
        .split('\n')
        .filter((l) => l.includes('document_number'))
        .join('\n'),
    ).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:21:3  decision.document_number  [warning] document number "人社部令第45号" does not follow the usual form issuer code〔year〕serial 号 — check it against the decision, e.g. 大工办发〔2016〕18号 (the year in 〔〕, [] or ［］, 第 before the serial allowed); if it is right as it is, leave it"`,
    );
  }, 60_000);

  it('the fixture itself is valid', () => {
    expect(problemsOf(recordText())).toEqual([]);
  });
});
