import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { recordToYaml, yamlString } from '../../scripts/lib/record-yaml.ts';

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
