/**
 * The decision rules as a pure function (bot/approvals/rules.ts), one case per rule, plus the
 * English text of a role refusal (the role named in the reader's language).
 */
import { describe, expect, it } from 'vitest';
import { decide, type DecisionFacts } from '../../../bot/approvals/rules.ts';
import { createI18n } from '../../../bot/i18n.ts';

const reviewers = [
  { name: '分管副主席 王某', role: 'review', chatId: 1 },
  { name: '主席 李某', role: 'approve', chatId: 2 },
  { name: '副主席 赵某', role: 'review', chatId: 3 },
  { name: '副主席 赵某', role: 'approve', chatId: 3 },
  { name: '未填 ID 的审批人', role: 'review' },
] as const;
const open = { state: 'open', url: 'file://x', approvals: 0 } as const;
const facts = (f: Partial<DecisionFacts>): DecisionFacts => ({
  userId: 1,
  role: 'review',
  id: 's1',
  rejecting: false,
  reviewers,
  state: open,
  submitterUserId: 9,
  approvals: [],
  ...f,
});

describe('decide', () => {
  it.each([
    ['a reviewer of the role', {}, { name: '分管副主席 王某' }],
    ['not a reviewer', { userId: 7 }, { key: 'approval-refused-not-reviewer' }],
    [
      'a role not held',
      { userId: 2 },
      { key: 'approval-refused-role', roles: { held: 'approve', role: 'review' } },
    ],
    ['own submission', { submitterUserId: 1 }, { key: 'approval-refused-own', vars: { id: 's1' } }],
    [
      'both approvals',
      { userId: 3, role: 'approve', approvals: [{ role: 'review', by: '副主席 赵某' }] },
      { key: 'approval-refused-both', vars: { id: 's1' }, roles: { done: 'review' } },
    ],
    [
      '审定 before 审核',
      { userId: 2, role: 'approve' },
      { key: 'approval-not-reviewed', vars: { id: 's1' } },
    ],
    [
      '退回 before 审核 by the 审定人',
      { userId: 2, role: 'approve', rejecting: true },
      { name: '主席 李某' },
    ],
    [
      'a second press',
      { approvals: [{ role: 'review', by: '分管副主席 王某' }] },
      {
        key: 'approval-stale-done',
        vars: { id: 's1', by: '分管副主席 王某' },
        roles: { role: 'review' },
        done: true,
      },
    ],
    [
      'a press after a refused merge',
      {
        userId: 2,
        role: 'approve',
        approvals: [
          { role: 'review', by: '分管副主席 王某' },
          { role: 'approve', by: '主席 李某' },
        ],
      },
      { name: '主席 李某', mergeOnly: true },
    ],
    [
      'a stale message after the merge',
      { state: { state: 'merged', url: 'u', mergedAt: 't' } },
      { key: 'approval-stale-merged', vars: { id: 's1' }, done: true },
    ],
    [
      'a stale message after 退回',
      { state: { state: 'closed', url: 'u' } },
      { key: 'approval-stale-rejected', vars: { id: 's1' }, done: true },
    ],
    [
      'an unknown submission',
      { state: undefined },
      { key: 'approval-stale-unknown', vars: { id: 's1' }, done: true },
    ],
  ] as const)('%s', (_, f, expected) => {
    expect(decide(facts(f as Partial<DecisionFacts>))).toEqual(expected);
  });

  it('names the roles in the reader’s language', () => {
    const i18n = createI18n();
    const vars = {
      held: i18n.t('en', 'approval-role-approve'),
      role: i18n.t('en', 'approval-role-review'),
    };
    expect(i18n.t('en', 'approval-refused-role', vars)).toBe(
      '⛔ Your role in content/reviewers.yml is approval (审定); you cannot give the review (审核).',
    );
  });
});
