import { describe, expect, it } from 'vitest';
import { loadCategories } from '../../../content/schema/index.ts';
import { checkRecordText } from '../../../content/schema/validate.ts';
import { addApproval, checkApprovals } from '../../../bot/forge/approvals.ts';
import { recordYaml } from './fixtures.ts';

const root = new URL('../../..', import.meta.url).pathname;

describe('addApproval', () => {
  it('puts approvals after submitted, one block item per approval, and the record then validates', () => {
    const once = addApproval(recordYaml(1), { role: 'review', by: '分管副主席 王某', date: '2026-10-05' }, 'r.yaml');
    const twice = addApproval(once, { role: 'approve', by: '主席 李某', date: '2026-10-06' }, 'r.yaml');
    expect(twice).toContain('  date: 2026-10-02\napprovals:\n  - role: review\n    by: 分管副主席 王某\n    date: 2026-10-05\n  - role: approve\n    by: 主席 李某\n    date: 2026-10-06\npublication:');
    const check = checkRecordText(twice, 'content/records/black/2026/2026q4-black-101.yaml', { categories: loadCategories(root), lang: 'zh' });
    expect(check.problems).toEqual([]);
  });

  it('turns `approvals: []` into a block list', () => {
    const text = recordYaml(2).replace('publication:', 'approvals: []\npublication:');
    expect(addApproval(text, { role: 'review', by: '分管副主席 王某', date: '2026-10-05' }, 'r.yaml')).toContain('approvals:\n  - role: review\n');
  });
});

describe('checkApprovals', () => {
  const one = [{ role: 'review' as const, by: '分管副主席 王某', commit: 'a' }];
  it('refuses fewer approvals than the publisher requires, and a missing role', () => {
    expect(() => checkApprovals('s-1', one, { approvals_required: 2 })).toThrowErrorMatchingInlineSnapshot(`[Error: 提交 s-1 只有 1 个批准，发布单位要求 2 个（content/publisher.yaml 的 approvals_required）：先用 npm run review -- approve s-1 --by "…" 完成审核与审定]`);
    expect(() => checkApprovals('s-1', [...one, { role: 'review', by: '副主席 赵某', commit: 'b' }], { approvals_required: 2 })).toThrowErrorMatchingInlineSnapshot(`[Error: 提交 s-1 缺少审定：用 npm run review -- approve s-1 --role approve --by "…" 补上]`);
    expect(() => checkApprovals('s-1', [...one, { role: 'approve', by: '主席 李某', commit: 'b' }], { approvals_required: 2 })).not.toThrow();
    expect(() => checkApprovals('s-1', [...one, { role: 'approve', by: '主席 李某', commit: 'b' }], { approvals_required: 3 })).toThrow(/要求 3 个/);
  });
});
