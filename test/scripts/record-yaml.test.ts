import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  editRecordYaml,
  orderRecord,
  recordToYaml,
  yamlString,
} from '../../content/schema/record-yaml.ts';

describe('record YAML writer', () => {
  it('quotes every string that would read back as something else', () => {
    const tricky = [
      '210202',
      '0411',
      '1e3',
      'yes',
      'no',
      'true',
      'null',
      '~',
      '',
      ' lead',
      'trail ',
      '- dash',
      'a: b',
      'a #b',
      '#c',
      '*x',
      '&y',
      '!t',
      '"q"',
      "'s'",
      '[1]',
      '{a}',
      '@at',
      '`bt`',
      '%p',
      '|',
      '>',
      'line\nbreak',
      'tab\there',
      '.inf',
      '0x1F',
      '0o17',
      '+1',
      '-2.5',
      'ok:',
      '?',
    ];
    for (const s of tricky) expect(parse(`v: ${yamlString(s)}`).v, JSON.stringify(s)).toBe(s);
  });

  it('writes plain what needs no quotes', () => {
    for (const s of [
      '2026-07-15',
      '91000000EX0000001H',
      '110105********002X',
      '示例市甲子重工装备有限公司（示例）',
      '《劳动合同法》第八十二条',
      'media/cases/a.jpg',
    ]) {
      expect(yamlString(s)).toBe(s);
    }
  });

  it('writes nested mappings and lists that read back equal, fields in schema order', () => {
    const record = {
      history: [{ status: 'listed', date: '2026-07-15', note: '注: 冒号' }],
      id: '2026q3-black-001',
      subject: {
        kind: 'enterprise',
        name: '甲（示例）',
        persons: [{ role: 'legal-representative', name: '张某某' }],
      },
      region: '210202',
      attachments: [],
      sample: true,
    };
    const text = recordToYaml(record);
    expect(parse(text)).toEqual(record);
    expect(text.split('\n')[0]).toBe('id: 2026q3-black-001');
    expect(text).toContain('  - status: listed\n    date: 2026-07-15\n');
  });
});

describe('the one record YAML writer', () => {
  const root = 'test/fixtures/sample/content/records';
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(root, f));

  it('writes every sample record back to the same bytes, its header comment included', () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // A comment inside the record belongs to the document, not to the data: a file carrying one
      // is edited as a document (editRecordYaml), never written anew from its data.
      if (/\n\s+#/.test(text)) continue;
      const header = /^(?:#.*\n)+/.exec(text)?.[0].replace(/^# ?/gm, '').trimEnd();
      expect(recordToYaml(parse(text), header), file).toBe(text);
    }
  });

  it('keeps every sample record byte for byte through an edit that changes nothing', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(
        editRecordYaml(
          text,
          () => {},
          () => new Error(file),
        ),
        file,
      ).toBe(text);
    }
  });

  it('quotes what an edit adds by the same rule as a new record', () => {
    const text =
      'id: 2026q3-black-001\nregion: "210202"\nhistory:\n  - status: listed\n    date: 2026-07-15\n';
    const edited = editRecordYaml(
      text,
      (doc) =>
        doc.addIn(
          ['history'],
          doc.createNode({ status: 'objection', date: '2026-08-01', note: 'yes' }),
        ),
      () => new Error('not a record'),
    );
    expect(edited).toBe(`${text}  - status: objection\n    date: 2026-08-01\n    note: "yes"\n`);
    expect(() =>
      editRecordYaml(
        '- a\n',
        () => {},
        () => new Error('not a record'),
      ),
    ).toThrow('not a record');
  });

  it('writes a text of several lines as a literal block, as the yaml library does', () => {
    for (const facts of [
      '第一行\n第二行',
      '一\n\n二（空行）',
      '尾部\n有空格 \n的行',
      ' 首空格\n行',
    ]) {
      const record = { id: 'x', facts, history: [{ status: 'listed', note: facts }] };
      const text = recordToYaml(record);
      expect(parse(text), JSON.stringify(facts)).toEqual(record);
      const viaLibrary = stringify(record, { lineWidth: 0 });
      if (/^\S[^]*\S$/.test(facts) && !/ \n/.test(facts)) expect(text).toBe(viaLibrary);
    }
  });

  it('writes empty mappings and lists so they read back as empty, not null', () => {
    const record = { id: 'x', subject: {}, attachments: [], history: [{}, []] };
    expect(parse(recordToYaml(record))).toEqual(record);
  });

  it('orders nested mappings by the schema and drops keys the schema does not know', () => {
    const ordered = orderRecord({
      subject: { name: '甲', kind: 'enterprise' },
      id: 'x',
      history: [{ date: '2026-07-15', status: 'listed' }],
      stray: 1,
    });
    expect(JSON.stringify(ordered)).toBe(
      JSON.stringify({
        id: 'x',
        subject: { kind: 'enterprise', name: '甲' },
        history: [{ status: 'listed', date: '2026-07-15' }],
      }),
    );
  });
});
