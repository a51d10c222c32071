/**
 * The validator's messages as a reviewer reads them: file:line:col, the field, what is wrong and
 * how to fix it, in Chinese and in English.
 */
import { describe, expect, it } from 'vitest';
import { formatProblems, type Lang } from '../../../content/schema/index.ts';
import { problemsOf, recordText, recordWith } from '../record-fixture.ts';

const report = (text: string, lang: Lang) => formatProblems(problemsOf(text, lang), lang);

/** The 1-based line of the first line of the fixture containing a string. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const FILE = 'content/records/black/2026/2026q3-black-901.yaml';
const LINE_SHAPE =
  /^content\/records\/black\/2026\/2026q3-black-901\.yaml:\d+:\d+ {2}\S+ {2}.+ — .+$/;

describe('validator messages', () => {
  const mistypedCode = recordText().replace('91000000EX0000001H', '91000000EX0000001J');
  const unknownKey = recordText().replace('legal_basis:', 'legal_bsis:');

  it('point at the line and column of the field', () => {
    const [code] = problemsOf(mistypedCode);
    expect(code).toMatchObject({
      file: FILE,
      line: lineOf(mistypedCode, '  code:'),
      col: 3,
      field: 'subject.code',
    });
    const [key] = problemsOf(unknownKey);
    expect(key).toMatchObject({
      file: FILE,
      line: lineOf(unknownKey, 'legal_bsis:'),
      col: 1,
      field: 'legal_bsis',
    });
  });

  it('read as file:line:col  field  what — fix, in both languages', () => {
    const texts = [
      mistypedCode,
      unknownKey,
      recordWith({ region: 210202, 'decision.date': '2026-6-20', list: 'blak' }),
    ];
    for (const lang of ['zh', 'en'] as const) {
      for (const text of texts)
        for (const line of report(text, lang).split('\n')) expect(line).toMatch(LINE_SHAPE);
    }
  });

  it('a mistyped credit code', () => {
    expect(report(mistypedCode, 'zh')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:9:3  subject.code  校验位不符：按 GB 32100-2015 由前 17 位算出的校验位是“H”，第 18 位却是“J” — 多为前 17 位中某一位录错：请对照营业执照逐位核对，不要只改最后一位；若确为标准施行前试点地区发放的代码，增加 subject.code_override 写明理由和接受人"`,
    );
    expect(report(mistypedCode, 'en')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:9:3  subject.code  check character mismatch: by GB 32100-2015 the first 17 characters give "H", but position 18 is "J" — usually one of the first 17 characters is mistyped: compare every character with the licence rather than changing the last one; if it really is a pre-standard pilot code, add subject.code_override with a reason and who accepted it"`,
    );
  });

  it('an unknown (misspelt) key', () => {
    expect(report(unknownKey, 'zh')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:18:1  legal_bsis  未知字段：legal_bsis — 是不是 legal_basis？改正拼写，或删除该字段"`,
    );
    expect(report(unknownKey, 'en')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:18:1  legal_bsis  unknown field: legal_bsis — did you mean legal_basis? correct the spelling or remove the field"`,
    );
  });

  it('a key that resembles nothing', () => {
    expect(report(recordWith({ 'subject.remark': '无' }), 'zh')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:15:3  subject.remark  未知字段：remark — 删除该字段；这里允许的字段有：kind, name, code, code_override, id_number, address, persons"`,
    );
    expect(report(recordWith({ 'subject.remark': '无' }), 'en')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:15:3  subject.remark  unknown field: remark — remove it; the fields allowed here are: kind, name, code, code_override, id_number, address, persons"`,
    );
  });

  it('a missing field, a wrong list, an unquoted region and a malformed date', () => {
    const text = recordWith({
      facts: undefined,
      list: 'blak',
      region: 210202,
      'decision.date': '2026-6-20',
    });
    expect(report(text, 'zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:2:1  facts  缺少必填字段 — 填写 facts：事由：主要事实（10 至 1000 字），如“2026年1月至6月拖欠12名劳动者工资共计18.6万元，经责令限期支付后逾期未付。”
      content/records/black/2026/2026q3-black-901.yaml:3:1  list  取值“blak”不在允许范围内 — 改用以下之一：red, black, demo
      content/records/black/2026/2026q3-black-901.yaml:15:1  region  类型不对：应为文字，实际是数字 — 改为文字；像数字的文字（区划代码、文号）请加引号，如 "210202"
      content/records/black/2026/2026q3-black-901.yaml:21:3  decision.date  “2026-6-20”不是有效日期 — 写成 YYYY-MM-DD，如 2026-07-15"
    `);
    expect(report(text, 'en')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:2:1  facts  a required field is missing — add facts (Facts: the main facts (10 to 1000 characters), e.g. wages of 12 workers unpaid from January to June 2026, not paid by the ordered deadline)
      content/records/black/2026/2026q3-black-901.yaml:3:1  list  value "blak" is not allowed — use one of: red, black, demo
      content/records/black/2026/2026q3-black-901.yaml:15:1  region  wrong type: expected string, got number — write a string; quote text that looks like a number (division codes), e.g. "210202"
      content/records/black/2026/2026q3-black-901.yaml:21:3  decision.date  "2026-6-20" is not a valid date — write it as YYYY-MM-DD, e.g. 2026-07-15"
    `);
  });

  it('personal data: a full ID number and a phone number', () => {
    const text = recordWith({
      'subject.persons.0.id_number': '11010519491231002X',
      facts: '该单位负责人（电话 13912345678）拒不支付 36 名劳动者工资。',
    });
    expect(report(text, 'zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:14:7  subject.persons.0.id_number  这里是完整的居民身份证号，不得公开 — 只保留前 6 位和后 4 位，中间 8 位写成 *，如 110105********002X
      content/records/black/2026/2026q3-black-901.yaml:17:1  facts  文本中含有不应公开的个人信息（电话号码：139…78） — 删除身份证号、手机号、邮箱、银行卡号等不必公开的个人信息"
    `);
    expect(report(text, 'en')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:14:7  subject.persons.0.id_number  this is a full resident ID number, which must never be published — keep the first 6 and last 4 characters and write the middle 8 as *, e.g. 110105********002X
      content/records/black/2026/2026q3-black-901.yaml:17:1  facts  the text contains personal data that must not be published (phone number: 139…78) — remove ID numbers, phone numbers, e-mail addresses and card numbers: they are not to be published"
    `);
  });

  it('a period longer than three years and a batch that disagrees with the start', () => {
    const text = recordWith({ batch: '2026-Q2', 'publication.end': '2029-12-31' });
    expect(report(text, 'zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:4:1  batch  发布开始日期 2026-07-15 不在批次 2026-Q2（2026-04-01 至 2026-06-30）内 — 把批次改为 2026-Q3，或把发布开始日期改到该季度内
      content/records/black/2026/2026q3-black-901.yaml:35:3  publication.end  发布期限超过 3 年（开始 2026-07-15，结束 2029-12-31，最晚可到 2029-07-14） — 把结束日期改为 2029-07-14 或更早；法律另有规定的，增加 publication.extension_basis 写明依据"
    `);
    expect(report(text, 'en')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:4:1  batch  publication start 2026-07-15 is outside batch 2026-Q2 (2026-04-01 to 2026-06-30) — set the batch to 2026-Q3, or move the start into that quarter
      content/records/black/2026/2026q3-black-901.yaml:35:3  publication.end  the publication period is longer than 3 years (start 2026-07-15, end 2029-12-31, latest allowed 2029-07-14) — set the end to 2029-07-14 or earlier; where a law allows longer, add publication.extension_basis citing it"
    `);
  });

  it('a YAML syntax error (tab indentation) and an alias', () => {
    const tab = recordText().replace('  kind: enterprise', '\tkind: enterprise');
    expect(report(tab, 'zh')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:7:1  -  YAML 语法错误：用了 Tab 缩进 — 把行首的 Tab 换成空格（每级两个空格）"`,
    );
    const alias = recordText()
      .replace('publication:\n  start: 2026-07-15', 'publication:\n  start: &start 2026-07-15')
      .replace('    date: 2026-07-15', '    date: *start');
    expect(report(alias, 'zh')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:38:11  -  YAML 语法错误：使用了别名（& 或 *） — 不用 & 和 * 别名，把值直接写出来"`,
    );
    expect(report(alias, 'en')).toMatchInlineSnapshot(
      `"content/records/black/2026/2026q3-black-901.yaml:38:11  -  YAML syntax error: Aliases are not allowed in a record — write the value out instead of using & and * aliases"`,
    );
  });
});
