import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordYaml, parseYaml, positionOf } from '../../../content/schema/index.ts';
import { recordText, ROOT } from '../record-fixture.ts';

describe('reading record files', () => {
  it('reads every sample record to the same data on the fast path as with the yaml library', () => {
    const dir = join(ROOT, 'content/records');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.yaml'),
    );
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(parseRecordYaml(text, f).data, f).toEqual(parseYaml(text, f).data);
    }
  });

  it('agrees on the scalars where YAML versions differ', () => {
    const text =
      'a: 2026-07-15\nb: yes\nc: "210202"\nd: 210202\ne: 0o12\nf: ~\ng: 1e3\nh: no\ni: 0411\n';
    expect(parseRecordYaml(text, 'x.yaml').data).toEqual(parseYaml(text, 'x.yaml').data);
    expect(parseRecordYaml(text, 'x.yaml').data).toMatchObject({
      a: '2026-07-15',
      b: 'yes',
      c: '210202',
      d: 210202,
      h: 'no',
    });
  });

  it('hands aliases, duplicate keys, unknown tags and syntax errors to the yaml library, with positions', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: 1\na: 2\n', 'a: !foo x\n', 'a:\n\tb: 1\n']) {
      const source = parseRecordYaml(text, 'x.yaml');
      const viaLibrary = parseYaml(text, 'x.yaml');
      expect(
        source.doc.errors.map((e) => e.code),
        JSON.stringify(text),
      ).toEqual(viaLibrary.doc.errors.map((e) => e.code));
    }
    expect(parseRecordYaml('a: &x 1\nb: *x\n', 'x.yaml').doc.errors[0]?.code).toBe('BAD_ALIAS');
  });

  it('finds positions in a fast-path source when asked', () => {
    const source = parseRecordYaml(recordText(), 'r.yaml');
    const line =
      recordText()
        .split('\n')
        .findIndex((l) => l.startsWith('legal_basis:')) + 1;
    expect(positionOf(source, ['legal_basis'])).toEqual({ line, col: 1 });
  });
});
