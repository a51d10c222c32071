import { describe, expect, it } from 'vitest';
import { loadCategories, latestPublicationEnd } from '../../../content/schema/index.ts';
import { checkRecordText } from '../../../content/schema/validate.ts';
import { SAMPLE_ROOT } from '../../fixtures/roots.ts';
import { addApproval, alignStart, checkApprovals } from '../../../bot/forge/approvals.ts';
import { recordYaml } from './fixtures.ts';

const root = SAMPLE_ROOT;

describe('addApproval', () => {
  it('puts approvals after submitted, one block item per approval, and the record then validates', () => {
    const once = addApproval(
      recordYaml(1),
      { role: 'review', by: '分管副主席 王某', date: '2026-10-05' },
      'r.yaml',
    );
    const twice = addApproval(
      once,
      { role: 'approve', by: '主席 李某', date: '2026-10-06' },
      'r.yaml',
    );
    expect(twice).toContain(
      '  date: 2026-10-02\napprovals:\n  - role: review\n    by: 分管副主席 王某\n    date: 2026-10-05\n  - role: approve\n    by: 主席 李某\n    date: 2026-10-06\npublication:',
    );
    const check = checkRecordText(twice, 'content/records/black/2026/2026q4-black-101.yaml', {
      categories: loadCategories(root),
      lang: 'zh',
    });
    expect(check.problems).toEqual([]);
  });

  it('turns `approvals: []` into a block list', () => {
    const text = recordYaml(2).replace('publication:', 'approvals: []\npublication:');
    expect(
      addApproval(text, { role: 'review', by: '分管副主席 王某', date: '2026-10-05' }, 'r.yaml'),
    ).toContain('approvals:\n  - role: review\n');
  });
});

describe('checkApprovals', () => {
  const one = [{ role: 'review' as const, by: '分管副主席 王某', commit: 'a' }];
  it('refuses fewer approvals than the publisher requires, and a missing role', () => {
    expect(() =>
      checkApprovals('s-1', one, { approvals_required: 2 }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: 提交 s-1 只有 1 个批准，发布单位要求 2 个（content/publisher.yaml 的 approvals_required）：先用 npm run review -- approve s-1 --by "…" 完成审核与审定]`,
    );
    expect(() =>
      checkApprovals('s-1', [...one, { role: 'review', by: '副主席 赵某', commit: 'b' }], {
        approvals_required: 2,
      }),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: 提交 s-1 缺少审定：用 npm run review -- approve s-1 --role approve --by "…" 补上]`,
    );
    expect(() =>
      checkApprovals('s-1', [...one, { role: 'approve', by: '主席 李某', commit: 'b' }], {
        approvals_required: 2,
      }),
    ).not.toThrow();
    expect(() =>
      checkApprovals('s-1', [...one, { role: 'approve', by: '主席 李某', commit: 'b' }], {
        approvals_required: 3,
      }),
    ).toThrow(/要求 3 个/);
  });
});

describe('alignStart', () => {
  const file = 'content/records/black/2026/2026q4-black-103.yaml';
  const check = (text: string) =>
    checkRecordText(text, file, { categories: loadCategories(root), lang: 'zh' }).problems.map(
      (p) => `${p.field} ${p.what}`,
    );
  // The fixture proposes publication from 2026-10-15 (batch 2026-Q4), listed the same day.
  const approved = (date: string) =>
    addApproval(
      addApproval(recordYaml(3), { role: 'review', by: '分管副主席 王某', date }, file),
      { role: 'approve', by: '主席 李某', date },
      file,
    );

  it('leaves a start on or after the approval alone', () => {
    expect(alignStart(approved('2026-10-15'), '2026-10-15', file)).toEqual({
      text: approved('2026-10-15'),
    });
    expect(check(approved('2026-10-15'))).toEqual([]);
  });

  it('moves a proposed start before the approval, and the listed event with it, to the approval day', () => {
    const late = approved('2026-11-25');
    expect(check(late)).toEqual([
      'publication.start 发布开始日期（2026-10-15）早于审定日期（2026-11-25）',
    ]);
    const { text, moved } = alignStart(late, '2026-11-25', file);
    expect(moved).toEqual({ from: '2026-10-15', to: '2026-11-25' });
    expect(text).toContain(
      'publication:\n  start: 2026-11-25\n  end: 2029-10-14\nhistory:\n  - status: listed\n    date: 2026-11-25\n',
    );
    expect(latestPublicationEnd('2026-11-25') > '2029-10-14').toBe(true);
    expect(check(text)).toEqual([]);
  });

  it("refuses to move the start out of the record's batch: the record is submitted again for the new batch", () => {
    expect(() =>
      alignStart(approved('2027-01-04'), '2027-01-04', file),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/records/black/2026/2026q4-black-103.yaml：拟定的发布开始日期 2026-10-15 早于批准日期 2027-01-04，而顺延到 2027-01-04 会超出批次 2026-Q4（2026-10-01 至 2026-12-31）：请退回（npm run review -- reject … --comment "请按 2027-Q1 批次重新报送"），由报送单位重新报送]`,
    );
  });
});
