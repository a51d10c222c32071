/**
 * A fictional publisher (示例, no real organisation) as `npm run init` is given it, and records of
 * its own: what the repository tests put in a publisher's repository.
 */
import { completeUscc } from '../../../content/schema/index.ts';
import { recordWith } from '../../content/record-fixture.ts';

/** The fictional publisher's name and its one submitting unit. */
export const PUBLISHER = {
  name: '示例县人力资源和社会保障局（示例）',
  short: '示例县人社局',
  unit: '劳动保障监察大队（示例）',
};

/** The flags of `npm run init` for the fictional publisher. */
export const INIT_FLAGS = [
  '--name',
  PUBLISHER.name,
  '--short-name',
  PUBLISHER.short,
  '--region',
  '210281',
  '--site-url',
  'https://credit.example.org/',
  '--contact-department',
  '劳动关系科（示例）',
  '--contact-address',
  '示例县示例路 1 号（示例地址）',
  '--contact-phone',
  '0000-00000000',
  '--unit',
  `inspection=${PUBLISHER.unit}`,
  '--unit',
  '劳动关系科（示例）',
  '--reviewer',
  '审核:zhang-example:副局长 张某（示例）',
  '--reviewer',
  '审定:zhao-example:局长 赵某（示例）',
];

/** The date the publisher's site is checked as of: the records below are public then. */
export const PUBLISHER_DATE = '2026-11-21';

/** `count` valid, approved black-list records of the publisher, as files under content/records. */
export function publisherRecords(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const id = `2026q3-black-${String(900 + i)}`;
    files[`content/records/black/2026/${id}.yaml`] = recordWith({
      id,
      'subject.name': `示例县第${i}号机械制造有限公司（示例）`,
      'subject.code': completeUscc(`91000000EX000${String(100 + i).padStart(4, '0')}`),
      region: '210281',
      'submitted.unit': PUBLISHER.unit,
      'approvals.0.by': '副局长 张某（示例）',
      'approvals.1.by': '局长 赵某（示例）',
    });
  }
  return files;
}

/**
 * A submission as the bot sends it: a record of the current batch, not yet reviewed or approved
 * (no approvals), public from the day the reviewers approve it.
 */
export function submissionRecord(id = '2026q4-black-911'): { file: string; text: string } {
  return {
    file: `content/records/black/2026/${id}.yaml`,
    text: recordWith({
      id,
      batch: '2026-Q4',
      'subject.name': '示例县报送测试机械制造有限公司（示例）',
      'subject.code': completeUscc('91000000EX0000911'),
      region: '210281',
      'decision.date': '2026-10-20',
      'submitted.unit': PUBLISHER.unit,
      'submitted.date': '2026-11-02',
      approvals: undefined,
      'publication.start': PUBLISHER_DATE,
      'publication.end': '2029-11-20',
      'history.0.date': PUBLISHER_DATE,
    }),
  };
}
