/** The record generator: deterministic, valid, varied, and its ground truth. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  isPublicOn,
  LISTS,
  loadCategories,
  loadPublisher,
  STATUSES,
  SUBJECT_KINDS,
  isValidUscc,
  usccDivision,
  validateRepository,
  visibilityOn,
} from '../../content/schema/index.ts';
import {
  expectedCodeMatches,
  expectedNameMatches,
  generateRecords,
  GENERATOR_TODAY,
  publicRecords,
} from '../../scripts/lib/generate.ts';
import { CODE_KINDS, organisationCheckChar } from '../../scripts/lib/generate-codes.ts';
import { ROOT } from '../content/record-fixture.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';
import { tempRepo } from '../content/temp-repo.ts';

const COUNT = 500;
// The sample's categories and units, never the project's content/ (test/fixtures/roots.ts).
const sample = { categories: loadCategories(ROOT), publisher: loadPublisher(ROOT) };
const generated = generateRecords({ count: COUNT, seed: 1, ...sample });

function generateCli(out: string, count: number, seed = 1) {
  const run = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'generate',
      '--',
      '--count',
      String(count),
      '--seed',
      String(seed),
      '--out',
      out,
      '--from',
      ROOT,
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(join(out, 'content/records'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

describe('the record generator', () => {
  it('prints its usage on --help, and the usage with the error for a wrong option', () => {
    const cli = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'generate', '--', ...args], {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      });
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--count N');
    const wrong = cli('--cuont', '5');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--cuont'");
    expect(wrong.stderr).toContain('--count N');
    expect(wrong.stderr).not.toContain('    at ');
  });

  it('writes a content root whose records all validate', () => {
    const out = tempRepo({});
    const files = generateCli(out, COUNT);
    expect(files).toHaveLength(COUNT);
    const report = validateRepository(out, { date: GENERATOR_TODAY, lang: 'en' });
    expect(report.problems).toEqual([]);
    expect(report.records).toHaveLength(COUNT);
  });

  it('is deterministic for a seed, and N + 1 records extend N by one file', () => {
    expect(generateRecords({ count: 40, seed: 1, ...sample }).map((g) => g.yaml)).toEqual(
      generated.slice(0, 40).map((g) => g.yaml),
    );
    expect(generateRecords({ count: 40, seed: 2, ...sample }).map((g) => g.yaml)).not.toEqual(
      generated.slice(0, 40).map((g) => g.yaml),
    );
    expect(generateRecords({ count: 5, seed: 1, from: 100, ...sample }).map((g) => g.yaml)).toEqual(
      generated.slice(100, 105).map((g) => g.yaml),
    );
    const a = generateCli(tempRepo({}), 30);
    const b = generateCli(tempRepo({}), 31);
    expect(b.filter((f) => !a.includes(f))).toHaveLength(1);
    expect(a.every((f) => b.includes(f))).toBe(true);
  });

  it('writes YAML that reads back as the record', () => {
    for (const g of generated) {
      const { attachments, ...rest } = g.record;
      expect(attachments).toEqual([]);
      expect(parse(g.yaml), g.file).toEqual(rest);
    }
  });

  it('gives unique ids and codes in no real division', () => {
    expect(new Set(generated.map((g) => g.record.id)).size).toBe(COUNT);
    const codes = generated.flatMap((g) => g.record.subject.code ?? []);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(usccDivision(code)).toBe('000000');
    // Positions 9–17 are an organisation code with its GB 11714 check character; position 18 is
    // right except on the few pilot codes accepted with a reason.
    for (const code of codes) expect(organisationCheckChar(code.slice(8, 16)), code).toBe(code[16]);
    for (const { record } of generated)
      if (record.subject.code)
        expect(isValidUscc(record.subject.code), record.id).toBe(!record.subject.code_override);
    expect(
      generated.every(
        (g) =>
          g.record.sample &&
          (g.record.subject.kind === 'individual' || g.record.subject.name.endsWith('（示例）')),
      ),
    ).toBe(true);
  });

  it('mixes lists, kinds, categories, statuses, batches and visibility', () => {
    const records = generated.map((g) => g.record);
    const categories = loadCategories(ROOT);
    for (const list of LISTS) {
      expect(new Set(records.filter((r) => r.list === list).map((r) => r.category)), list).toEqual(
        new Set(categories[list].map((c) => c.id)),
      );
    }
    expect(new Set(records.map((r) => r.subject.kind))).toEqual(new Set(SUBJECT_KINDS));
    expect(new Set(records.flatMap((r) => r.history.map((e) => e.status)))).toEqual(
      new Set(STATUSES),
    );
    expect(new Set(records.map((r) => r.batch)).size).toBe(12);
    const reasons = new Set(
      records.map((r) => {
        const v = visibilityOn(r, GENERATOR_TODAY);
        return v.public ? 'public' : v.reason;
      }),
    );
    expect(reasons).toEqual(new Set(['public', 'not-yet', 'ended', 'status']));
    const shown = publicRecords(generated, GENERATOR_TODAY).length;
    expect(shown / COUNT).toBeGreaterThan(0.6);
    expect(shown / COUNT).toBeLessThan(0.95);
  });

  it('makes names that share 2–4 character fragments, as real lists do', () => {
    const names = generated.map((g) => g.record.subject.name.replace('（示例）', ''));
    let tried = 0;
    let shared = 0;
    for (let i = 0; i < names.length; i += 5) {
      const name = [...names[i]!];
      for (const length of [2, 3, 4]) {
        const start = i % Math.max(1, name.length - length + 1);
        const fragment = name.slice(start, start + length).join('');
        tried++;
        if (names.filter((n) => n.includes(fragment)).length >= 2) shared++;
      }
    }
    // Even among 500 records most fragments have several answers (at 20,000 nearly nine in ten).
    expect(shared / tried).toBeGreaterThan(0.5);
  });

  it('spreads code prefixes and name beginnings as real lists do, at 20,000 records', () => {
    const records = generateRecords({ count: 20_000, seed: 1, ...sample }).map((g) => g.record);
    const codes = records.flatMap((r) => r.subject.code ?? []);
    expect(new Set(codes).size).toBe(codes.length);
    const kinds = new Set(codes.map((c) => c.slice(0, 2)));
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    const known = Object.values(CODE_KINDS).flatMap((ks) => ks.map((k) => k.prefix));
    expect([...kinds].sort()).toEqual([...new Set(known)].sort());
    // Enterprises (91) stay the bulk, as on real lists; new-style (M…) and converted codes both occur.
    expect(codes.filter((c) => c.startsWith('91')).length / codes.length).toBeGreaterThan(0.6);
    expect(codes.filter((c) => c[8] === 'M').length / codes.length).toBeGreaterThan(0.5);
    expect(codes.filter((c) => /^\d$/.test(c[8]!)).length / codes.length).toBeGreaterThan(0.1);
    expect(new Set(codes.map((c) => c.slice(0, 11))).size).toBeGreaterThan(1000);
    const starts = new Set(records.map((r) => [...r.subject.name].slice(0, 3).join('')));
    expect(starts.size).toBeGreaterThanOrEqual(1000);
  });

  it('answers searches with the public records only (ground truth for the benchmark)', () => {
    const all = generated.filter((g) => g.record.subject.name.includes('建设工程'));
    const expected = expectedNameMatches(generated, '建设工程', GENERATOR_TODAY);
    expect(expected).toEqual(
      all
        .filter((g) => isPublicOn(g.record, GENERATOR_TODAY))
        .map((g) => g.record.id)
        .sort(),
    );
    expect(all.length).toBeGreaterThan(expected.length);
    const withCode = publicRecords(generated, GENERATOR_TODAY).find((g) => g.record.subject.code)!;
    expect(expectedCodeMatches(generated, withCode.record.subject.code!, GENERATOR_TODAY)).toEqual([
      withCode.record.id,
    ]);
    expect(expectedCodeMatches(generated, '91000000', GENERATOR_TODAY).length).toBeGreaterThan(100);
  });
});
