/**
 * The credit-office mapping (site/lib/credit-office/mapping.ts): the default gives the columns the
 * issue names; a publisher's content/credit-office.yaml replaces it; every mistake is reported
 * with file:line:col, the field path and the fix.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../content/schema/index.ts';
import {
  DEFAULT_MAPPING_FILE,
  loadMapping,
  MAPPING_FILE,
  parseMapping,
} from '../../../../site/lib/credit-office/mapping.ts';
import { RECORD_PATHS } from '../../../../site/lib/credit-office/record-paths.ts';

const FILE = MAPPING_FILE;
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A content root holding only content/credit-office.yaml. */
function rootWith(text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'honghei-credit-office-'));
  roots.push(root);
  mkdirSync(join(root, 'content'));
  writeFileSync(join(root, FILE), text);
  return root;
}

/** The message of the ConfigError a mapping text throws. */
function errorOf(text: string): string {
  try {
    parseMapping(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('the mapping was accepted');
}

const OBJECTIONS =
  'objections:\n  sheet: 异议\n  columns:\n    - title: 结果\n      field: objection.outcome\n';

describe('the default mapping', () => {
  it('is used when the content root has no content/credit-office.yaml', () => {
    const root = mkdtempSync(join(tmpdir(), 'honghei-credit-office-'));
    roots.push(root);
    const mapping = loadMapping(root);
    expect(mapping.file).toBe(DEFAULT_MAPPING_FILE);
    expect(mapping.lists).toEqual(['red', 'black']);
    // The template of issue 12, in its order.
    expect(mapping.columns.map((c) => c.title).join(',')).toBe(
      '名单类型,主体名称,统一社会信用代码,主体类别,法定代表人（负责人）,列入事由,列入依据,认定部门,认定文书号,认定日期,列入（公示）日期,公示截止日期,数据来源单位,备注',
    );
    expect(mapping.objections.columns.length).toBeGreaterThan(0);
  });

  it('finds the record paths in the record schema itself', () => {
    expect(RECORD_PATHS).toContain('subject.name');
    expect(RECORD_PATHS).toContain('decision.document_number');
    expect(RECORD_PATHS).not.toContain('history'); // lists of objects are derived values instead
  });
});

describe('a publisher mapping', () => {
  it('replaces the default: its lists, sheet names and columns', () => {
    const mapping = loadMapping(
      rootWith(
        `lists: [red, black, demo]\nsheet: 名单\ncolumns:\n  - title: 单位\n    field: subject.name\n  - title: 来源\n    value: 示例市总工会\n${OBJECTIONS}`,
      ),
    );
    expect(mapping.lists).toEqual(['red', 'black', 'demo']);
    expect(mapping.sheet).toBe('名单');
    expect(mapping.columns).toEqual([
      { title: '单位', field: 'subject.name' },
      { title: '来源', value: '示例市总工会' },
    ]);
  });

  it('names an unknown record path with file:line:col and lists the valid paths', () => {
    const message = errorOf(
      `sheet: 名单\ncolumns:\n  - title: 主体名称\n    field: subject.nam\n${OBJECTIONS}`,
    );
    expect(message).toContain(`${FILE}:4:5  columns.0.field  未知的字段路径 "subject.nam"`);
    expect(message).toContain(`可用的路径：${RECORD_PATHS.join('、')}`);
  });

  it('refuses an objection path outside the objection sheet', () => {
    expect(
      errorOf(
        `sheet: 名单\ncolumns:\n  - title: 结果\n    field: objection.outcome\n${OBJECTIONS}`,
      ),
    ).toContain(`${FILE}:4:5  columns.0.field  "objection.outcome" 只能用于异议处理结果表`);
  });

  it('names a duplicate column and the column it repeats', () => {
    expect(
      errorOf(
        `sheet: 名单\ncolumns:\n  - title: 主体名称\n    field: subject.name\n  - title: 主体名称\n    value: x\n${OBJECTIONS}`,
      ),
    ).toContain(`${FILE}:5:5  columns.1.title  列名“主体名称”重复（第 1 列已用）`);
  });

  it('refuses a sheet without columns, and an empty file', () => {
    expect(errorOf(`sheet: 名单\ncolumns: []\n${OBJECTIONS}`)).toContain(
      `${FILE}:2:1  columns  至少需要一列`,
    );
    expect(errorOf('')).toContain(`${FILE}:1:1  sheet  缺少这一项`);
  });

  it('asks for exactly one source per column, and names the allowed values of a closed set', () => {
    const message = errorOf(
      `sheet: 名单\ncolumns:\n  - title: 甲\n    field: subject.name\n    value: x\n  - title: 乙\n  - title: 丙\n    name_of: lsit\n${OBJECTIONS}`,
    );
    expect(message).toContain(
      `${FILE}:5:5  columns.0.value  列“甲”须写 field、name_of、value、derived 中的恰好一项（现有 2 项：field、value）`,
    );
    expect(message).toContain(
      `${FILE}:6:5  columns.1  列“乙”须写 field、name_of、value、derived 中的恰好一项（现有 0 项：无）`,
    );
    expect(message).toContain(
      `${FILE}:8:5  columns.2.name_of  name_of 不能是 "lsit" — 可用：list、subject.kind`,
    );
  });

  it('names a misspelt key and a YAML syntax error with their line', () => {
    expect(errorOf(`sheet: 名单\ncolums: []\n${OBJECTIONS}`)).toContain(
      `${FILE}:2:1  (文件)  未知的键 colums — 可用的键：lists、sheet、columns、objections`,
    );
    expect(errorOf(`sheet: 名单\ncolumns:\n - title: a\n   field: [\n`)).toMatch(
      new RegExp(`^${FILE}:\\d+:\\d+  `),
    );
  });
});
