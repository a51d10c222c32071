import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeUscc, validateRepository } from '../../../content/schema/index.ts';
import { recordWith, ROOT } from '../record-fixture.ts';
import { tempRepo } from '../temp-repo.ts';

const DATE = '2026-11-21';
const at = (id: string, list = 'black', year = '2026') => `content/records/${list}/${year}/${id}.yaml`;
const problems = (root: string) => validateRepository(root, { date: DATE, lang: 'zh' }).problems.map((p) => `${p.file} ${p.field} ${p.severity}`).sort();

describe('rules that span records', () => {
  it('finds duplicate ids, a file named unlike its id and a file in the wrong folder', () => {
    const root = tempRepo({
      [at('2026q3-black-901')]: recordWith({}),
      [at('2026q3-black-902')]: recordWith({ 'subject.code': completeUscc('91000000EX0000002') }),
      [at('2026q3-black-903', 'black', '2025')]: recordWith({ id: '2026q3-black-903', 'subject.code': completeUscc('91000000EX0000003') }),
    });
    // 902 holds the fixture's id 901: a duplicate id, and a file named unlike its id.
    expect(problems(root)).toEqual([
      `${at('2026q3-black-903', 'black', '2025')} list error`,
      `${at('2026q3-black-902')} id error`,
      `${at('2026q3-black-902')} id error`,
    ]);
  });

  it('refuses two entries of one code on one list whose public periods overlap, but accepts a renewal after the end', () => {
    const first = recordWith({ id: '2026q3-black-901' });
    const overlapping = recordWith({ id: '2026q4-black-902', batch: '2026-Q4', 'publication.start': '2026-10-15', 'history.0.date': '2026-10-15', 'publication.end': '2029-10-14' });
    expect(problems(tempRepo({ [at('2026q3-black-901')]: first, [at('2026q4-black-902')]: overlapping }))).toEqual([`${at('2026q4-black-902')} subject.code error`]);

    const removedFirst = recordWith({ id: '2026q3-black-901', history: [{ status: 'listed', date: '2026-07-15' }, { status: 'repair-applied', date: '2026-09-01' }, { status: 'removed', date: '2026-10-15' }] });
    expect(problems(tempRepo({ [at('2026q3-black-901')]: removedFirst, [at('2026q4-black-902')]: overlapping }))).toEqual([]);

    const onRed = recordWith({ id: '2026q4-red-903', list: 'red', category: 'commended', batch: '2026-Q4', 'publication.start': '2026-10-15', 'history.0.date': '2026-10-15', 'publication.end': '2029-10-14' });
    expect(problems(tempRepo({ [at('2026q3-black-901')]: first, [at('2026q4-red-903', 'red')]: onRed }))).toEqual([]);
  });

  it('requires attachments and case write-ups to exist, and case write-ups to name existing records', () => {
    const record = recordWith({ attachments: [{ file: 'media/cases/site.jpg', kind: 'picture' }], case: 'wage-case' });
    const caseText = '---\ntitle: 示例\nsummary: 示例\ndate: "2026-07-20"\nrecords:\n  - 2026q3-black-901\n  - 2026q3-black-999\nsample: true\n---\n正文\n';
    const root = tempRepo({ [at('2026q3-black-901')]: record, 'content/cases/wage-case.mdx': caseText });
    const found = validateRepository(root, { date: DATE, lang: 'zh' }).problems;
    const fileLine = record.split('\n').findIndex((l) => l.includes('file: media/cases/site.jpg')) + 1;
    expect(found.map((p) => `${p.file}:${p.line} ${p.field}`).sort()).toEqual([
      'content/cases/wage-case.mdx:7 records.1',
      `${at('2026q3-black-901')}:${fileLine} attachments.0.file`,
    ]);
  });

  it('wants the case date quoted, because the site reads front matter as YAML 1.1', () => {
    const caseText = '---\ntitle: 示例\nsummary: 示例\ndate: 2026-07-20\nrecords: []\nsample: true\n---\n正文\n';
    const [problem] = validateRepository(tempRepo({ 'content/cases/c.mdx': caseText }), { date: DATE, lang: 'zh' }).problems;
    expect(problem).toMatchObject({ file: 'content/cases/c.mdx', line: 4, field: 'date' });
    expect(problem?.fix).toBe('写成 date: "2026-07-20"');
  });

  it('requires a configured submitting unit and warns when the unit does not cover the category', () => {
    expect(problems(tempRepo({ [at('2026q3-black-901')]: recordWith({ 'submitted.unit': '宣传部' }) }))).toEqual([`${at('2026q3-black-901')} submitted.unit error`]);
    expect(problems(tempRepo({ [at('2026q3-black-901')]: recordWith({ 'submitted.unit': '女职工部' }) }))).toEqual([`${at('2026q3-black-901')} category warning`]);
  });

  it('requires a review and an approval, and as many approvals as the publisher configures', () => {
    const one = recordWith({ approvals: [{ role: 'review', by: '分管副主席 王某', date: '2026-07-06' }] });
    expect(problems(tempRepo({ [at('2026q3-black-901')]: one }))).toEqual([`${at('2026q3-black-901')} approvals error`]);
    const publisher = readFileSync(join(ROOT, 'content/publisher.yaml'), 'utf8').replace(/^approvals_required: \d+$/m, 'approvals_required: 3');
    expect(publisher).toContain('approvals_required: 3');
    const root = tempRepo({ [at('2026q3-black-901')]: recordWith({}), 'content/publisher.yaml': publisher });
    expect(problems(root)).toEqual([`${at('2026q3-black-901')} approvals error`]);
  });
});
