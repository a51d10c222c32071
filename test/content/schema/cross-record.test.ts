import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeUscc, validateRepository } from '../../../content/schema/index.ts';
import { recordWith, ROOT } from '../record-fixture.ts';
import { tempRepo } from '../temp-repo.ts';

const DATE = '2026-11-21';
const at = (id: string, list = 'black', year = '2026') =>
  `content/records/${list}/${year}/${id}.yaml`;
const problems = (root: string) =>
  validateRepository(root, { date: DATE, lang: 'zh' })
    .problems.map((p) => `${p.file} ${p.field} ${p.severity}`)
    .sort();

describe('rules that span records', () => {
  it('finds duplicate ids, a file named unlike its id and a file in the wrong folder', () => {
    const root = tempRepo({
      [at('2026q3-black-901')]: recordWith({}),
      [at('2026q3-black-902')]: recordWith({ 'subject.code': completeUscc('91000000EX0000002') }),
      [at('2026q3-black-903', 'black', '2025')]: recordWith({
        id: '2026q3-black-903',
        'subject.code': completeUscc('91000000EX0000003'),
      }),
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
    const overlapping = recordWith({
      id: '2026q4-black-902',
      batch: '2026-Q4',
      'publication.start': '2026-10-15',
      'history.0.date': '2026-10-15',
      'publication.end': '2029-10-14',
    });
    expect(
      problems(
        tempRepo({ [at('2026q3-black-901')]: first, [at('2026q4-black-902')]: overlapping }),
      ),
    ).toEqual([`${at('2026q4-black-902')} subject.code error`]);

    const removedFirst = recordWith({
      id: '2026q3-black-901',
      history: [
        { status: 'listed', date: '2026-07-15' },
        { status: 'repair-applied', date: '2026-09-01' },
        { status: 'removed', date: '2026-10-15' },
      ],
    });
    expect(
      problems(
        tempRepo({ [at('2026q3-black-901')]: removedFirst, [at('2026q4-black-902')]: overlapping }),
      ),
    ).toEqual([]);

    const onRed = recordWith({
      id: '2026q4-red-903',
      list: 'red',
      category: 'commended',
      batch: '2026-Q4',
      'publication.start': '2026-10-15',
      'history.0.date': '2026-10-15',
      'publication.end': '2029-10-14',
    });
    expect(
      problems(tempRepo({ [at('2026q3-black-901')]: first, [at('2026q4-red-903', 'red')]: onRed })),
    ).toEqual([]);
  });

  it('requires attachments and case write-ups to exist, and case write-ups to name existing records', () => {
    const record = recordWith({
      attachments: [{ file: 'media/cases/site.jpg', kind: 'picture' }],
      case: 'wage-case',
    });
    const caseText =
      '---\ntitle: 示例\nsummary: 示例\ndate: "2026-07-20"\nrecords:\n  - 2026q3-black-901\n  - 2026q3-black-999\nsample: true\n---\n正文\n';
    const root = tempRepo({
      [at('2026q3-black-901')]: record,
      'content/cases/wage-case.mdx': caseText,
    });
    const found = validateRepository(root, { date: DATE, lang: 'zh' }).problems;
    const fileLine =
      record.split('\n').findIndex((l) => l.includes('file: media/cases/site.jpg')) + 1;
    expect(found.map((p) => `${p.file}:${p.line} ${p.field}`).sort()).toEqual([
      'content/cases/wage-case.mdx:7 records.1',
      `${at('2026q3-black-901')}:${fileLine} attachments.0.file`,
    ]);
  });

  it('checks that an attachment is what its extension says', () => {
    const record = recordWith({
      attachments: [
        { file: 'media/cases/a.jpg', kind: 'picture' },
        { file: 'media/cases/b.png', kind: 'picture' },
      ],
    });
    const png = readFileSync(join(ROOT, 'content/media/cases/female-workers-rights.png'));
    const root = tempRepo({
      [at('2026q3-black-901')]: record,
      'content/media/cases/a.jpg': png,
      'content/media/cases/b.png': png,
    });
    expect(
      validateRepository(root, { date: DATE, lang: 'zh' }).problems.map(
        (p) => `${p.field} ${p.what}`,
      ),
    ).toEqual(['attachments.0.file 附件 content/media/cases/a.jpg 的内容不是 JPG 文件']);
  });

  it('wants the case date quoted, because the site reads front matter as YAML 1.1', () => {
    const caseText =
      '---\ntitle: 示例\nsummary: 示例\ndate: 2026-07-20\nrecords: []\nsample: true\n---\n正文\n';
    const [problem] = validateRepository(tempRepo({ 'content/cases/c.mdx': caseText }), {
      date: DATE,
      lang: 'zh',
    }).problems;
    expect(problem).toMatchObject({ file: 'content/cases/c.mdx', line: 4, field: 'date' });
    expect(problem?.fix).toBe('写成 date: "2026-07-20"');
  });

  it('requires a configured submitting unit and warns when the unit does not cover the category', () => {
    expect(
      problems(tempRepo({ [at('2026q3-black-901')]: recordWith({ 'submitted.unit': '宣传部' }) })),
    ).toEqual([`${at('2026q3-black-901')} submitted.unit error`]);
    expect(
      problems(
        tempRepo({ [at('2026q3-black-901')]: recordWith({ 'submitted.unit': '女职工部' }) }),
      ),
    ).toEqual([`${at('2026q3-black-901')} category warning`]);
  });

  it('requires a review and an approval, and as many approvals as the publisher configures, for publication', () => {
    const none = tempRepo({ [at('2026q3-black-901')]: recordWith({ approvals: undefined }) });
    expect(problems(none)).toEqual([`${at('2026q3-black-901')} approvals error`]);
    const one = recordWith({
      approvals: [{ role: 'review', by: '分管副主席 王某', date: '2026-07-06' }],
    });
    expect(problems(tempRepo({ [at('2026q3-black-901')]: one }))).toEqual([
      `${at('2026q3-black-901')} approvals error`,
    ]);
    const publisher = readFileSync(join(ROOT, 'content/publisher.yaml'), 'utf8').replace(
      /^approvals_required: \d+$/m,
      'approvals_required: 3',
    );
    expect(publisher).toContain('approvals_required: 3');
    const root = tempRepo({
      [at('2026q3-black-901')]: recordWith({}),
      'content/publisher.yaml': publisher,
    });
    expect(problems(root)).toEqual([`${at('2026q3-black-901')} approvals error`]);
    expect(problems(tempRepo({ [at('2026q3-black-901')]: recordWith({}) }))).toEqual([]);
  });

  it('accepts a submission awaiting its approvals, with a notice, and still reports its errors', () => {
    const submission = (root: string) =>
      validateRepository(root, { date: DATE, lang: 'zh', stage: 'submission' });
    const none = submission(
      tempRepo({ [at('2026q3-black-901')]: recordWith({ approvals: undefined }) }),
    );
    expect(none.stage).toBe('submission');
    expect(none.problems.map((p) => `${p.field} ${p.severity} ${p.what}`)).toEqual([
      'approvals notice 待审核/待审定',
    ]);
    const reviewed = submission(
      tempRepo({ [at('2026q3-black-901')]: recordWith({ 'approvals.1': undefined }) }),
    );
    expect(reviewed.problems.map((p) => `${p.field} ${p.severity} ${p.what}`)).toEqual([
      'approvals notice 待审定',
    ]);
    const broken = submission(
      tempRepo({
        [at('2026q3-black-901')]: recordWith({ approvals: undefined, 'submitted.unit': '宣传部' }),
      }),
    );
    expect(broken.problems.map((p) => `${p.field} ${p.severity}`).sort()).toEqual([
      'approvals notice',
      'submitted.unit error',
    ]);
    // A complete record has nothing to await, and the default stage is publication.
    expect(submission(tempRepo({ [at('2026q3-black-901')]: recordWith({}) })).problems).toEqual([]);
    expect(validateRepository(tempRepo({}), { date: DATE }).stage).toBe('publish');
  });
});

describe('messages of the approvals at each stage', () => {
  it('point at where the approvals go, and read well in Chinese and English', async () => {
    const { formatProblems } = await import('../../../content/schema/index.ts');
    const none = recordWith({ approvals: undefined });
    const root = tempRepo({
      [at('2026q3-black-901')]: none,
      [at('2026q3-black-902')]: recordWith({
        id: '2026q3-black-902',
        'subject.code': completeUscc('91000000EX0000002'),
        'approvals.1': undefined,
      }),
    });
    const text = (stage: 'publish' | 'submission', lang: 'zh' | 'en') =>
      formatProblems(validateRepository(root, { date: DATE, lang, stage }).problems, lang);
    expect(none.split('\n')[22]).toBe('submitted:');
    expect(text('publish', 'zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:23:1  approvals  尚未审核、审定：发布须经审核（分管领导）和审定（主要领导） — 合并前由审核人、审定人批准，批准时写入 approvals（npm run review -- approve，或在拉取请求上批准）；报送的记录用 npm run validate -- --stage submission 校验
      content/records/black/2026/2026q3-black-902.yaml:26:1  approvals  尚未审定：发布须经审核（分管领导）和审定（主要领导） — 合并前由审定人批准，批准时写入 approvals（npm run review -- approve，或在拉取请求上批准）；报送的记录用 npm run validate -- --stage submission 校验"
    `);
    expect(text('publish', 'en')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:23:1  approvals  not yet reviewed and approved: publication needs a review (审核) and an approval (审定) — the reviewers approve before the merge, which writes approvals (npm run review -- approve, or approve the pull request); check a submission with npm run validate -- --stage submission
      content/records/black/2026/2026q3-black-902.yaml:26:1  approvals  not yet approved: publication needs a review (审核) and an approval (审定) — the reviewers approve before the merge, which writes approvals (npm run review -- approve, or approve the pull request); check a submission with npm run validate -- --stage submission"
    `);
    expect(text('submission', 'zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:23:1  approvals  [说明] 待审核/待审定 — 合并前由审核人、审定人批准
      content/records/black/2026/2026q3-black-902.yaml:26:1  approvals  [说明] 待审定 — 合并前由审定人批准"
    `);
    expect(text('submission', 'en')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q3-black-901.yaml:23:1  approvals  [notice] awaiting review and approval — the reviewers approve before the merge
      content/records/black/2026/2026q3-black-902.yaml:26:1  approvals  [notice] awaiting approval — the reviewers approve before the merge"
    `);
  });
});

describe('messages of the rules that span records', () => {
  it('read well in Chinese and English', async () => {
    const { formatProblems } = await import('../../../content/schema/index.ts');
    const first = recordWith({});
    const second = recordWith({
      id: '2026q4-black-902',
      batch: '2026-Q4',
      'publication.start': '2026-10-15',
      'history.0.date': '2026-10-15',
      'publication.end': '2029-10-14',
      'submitted.unit': '宣传部',
      attachments: [{ file: 'media/x.jpg', kind: 'picture' }],
    });
    const root = tempRepo({ [at('2026q3-black-901')]: first, [at('2026q4-black-902')]: second });
    const text = (lang: 'zh' | 'en') =>
      formatProblems(validateRepository(root, { date: DATE, lang }).problems, lang);
    expect(text('zh')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q4-black-902.yaml:9:3  subject.code  代码 91000000EX0000001H 在失信黑名单中的两条记录公开期重叠（另见 content/records/black/2026/2026q3-black-901.yaml） — 同一主体在同一名单同一时间只能有一条有效记录：更新原记录，或让新记录在原记录结束后开始
      content/records/black/2026/2026q4-black-902.yaml:24:3  submitted.unit  报送单位“宣传部”不在发布单位配置中 — 改用 content/publisher.yaml 中的单位：法律部、女职工部、基层工作部、劳动保障监察支队、劳动关系部
      content/records/black/2026/2026q4-black-902.yaml:40:5  attachments.0.file  附件文件 content/media/x.jpg 不存在 — 把文件加入仓库，或改正路径（区分大小写）"
    `);
    expect(text('en')).toMatchInlineSnapshot(`
      "content/records/black/2026/2026q4-black-902.yaml:9:3  subject.code  code 91000000EX0000001H has two entries on the list "Black list (serious labour-law violations)" whose public periods overlap (see also content/records/black/2026/2026q3-black-901.yaml) — a subject has one entry per list at a time: update the existing record, or start the new one after the old one ends
      content/records/black/2026/2026q4-black-902.yaml:24:3  submitted.unit  submitting unit "宣传部" is not in the publisher configuration — use a unit from content/publisher.yaml: 法律部、女职工部、基层工作部、劳动保障监察支队、劳动关系部
      content/records/black/2026/2026q4-black-902.yaml:40:5  attachments.0.file  attachment content/media/x.jpg does not exist — add the file to the repository or correct the path (it is case-sensitive)"
    `);
  });
});
