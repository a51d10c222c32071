/**
 * A small content folder of the tests' own, for what the sample does not show: a record whose
 * text is hostile, an expired record with a case write-up and pictures, a public record with one
 * public and one private attachment, and a case about it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { completeUscc } from '../../../content/schema/index.ts';
import { contentRootWith } from './build-site.ts';
import { solidPng } from './png.ts';

/** The date the fixture is built as of. */
export const FIXTURE_DATE = '2026-11-21';

/** A name that would run a script if it became markup. */
export const HOSTILE_NAME = '<script>window.__pwned="name"</script>示例恶意测试有限公司';

const HOSTILE = `id: 2026q3-black-900
list: black
batch: 2026-Q3
sample: true
subject:
  kind: enterprise
  name: '${HOSTILE_NAME}'
  code: ${completeUscc('91000000HX0000009')}
  address: '"><img src=x onerror="window.__pwned=1">示例地址'
  persons:
    - role: legal-representative
      name: 张某某
region: "210202"
category: wage-arrears
facts: '示例事由：<script>window.__pwned=2</script> "><img src=x onerror="window.__pwned=3"> 另见 javascript:window.__pwned=4'
legal_basis: '<a href="javascript:window.__pwned=5">依据条款</a>'
decision:
  authority: '</title><script>window.__pwned=6</script>示例机关'
  document_number: 示工发〔2026〕90号
  date: 2026-07-01
submitted:
  unit: 法律部
  date: 2026-07-02
approvals:
  - role: review
    by: '<b onmouseover="window.__pwned=7">王某</b>'
    date: 2026-07-03
  - role: approve
    by: 主席 李某
    date: 2026-07-04
publication:
  start: 2026-07-15
  end: 2029-07-14
history:
  - status: listed
    date: 2026-07-15
    note: '<img src=x onerror="window.__pwned=8">'
source_url: 'https://example.org/notice?x="><img src=x onerror="window.__pwned=9">'
`;

/** A plain black-list record; `end` decides whether it is public on FIXTURE_DATE. */
function record(
  id: string,
  name: string,
  code17: string,
  start: string,
  end: string,
  attachments: string,
): string {
  return `id: ${id}
list: black
batch: ${start.slice(0, 4)}-Q${Math.ceil(Number(start.slice(5, 7)) / 3)}
sample: true
subject:
  kind: enterprise
  name: ${name}
  code: ${completeUscc(code17)}
region: "210203"
category: wage-arrears
facts: 拖欠劳动者工资，经责令限期支付后逾期未付。（示例数据）
legal_basis: 《保障农民工工资支付条例》第五十四条
decision:
  authority: 示例市人力资源和社会保障局
  document_number: 示人社监〔2026〕${id.length}号
  date: ${start.slice(0, 8)}01
submitted:
  unit: 劳动保障监察支队
  date: ${start.slice(0, 8)}02
approvals:
  - role: review
    by: 分管副主席 王某
    date: ${start.slice(0, 8)}03
  - role: approve
    by: 主席 李某
    date: ${start.slice(0, 8)}04
publication:
  start: ${start}
  end: ${end}
history:
  - status: listed
    date: ${start}
${attachments}`;
}

const caseMdx = (title: string, recordId: string, picture: string) => `---
title: ${title}
summary: ${title}的示例案例。
date: "2026-01-20"
records:
  - ${recordId}
sample: true
---

本文为示例数据。${title}。

![${title}的示例图片](../media/cases/${picture})
`;

/** The address of the evidence in the private store: the file itself is never in content/. */
export const PRIVATE_SHA256 = 'c0ffee'.padEnd(64, '0');

/** Names and files the tests look for. */
export const FIXTURE = {
  hostileId: '2026q3-black-900',
  expired: {
    id: '2023q1-black-901',
    name: '示例市已过期测试有限公司（示例）',
    caseId: 'expired-case',
    picture: 'expired-case-photo.png',
    attachment: 'media/2023/expired-attachment.png',
  },
  current: {
    id: '2026q1-black-902',
    name: '示例市公示中测试有限公司（示例）',
    caseId: 'current-case',
    picture: 'current-case-photo.png',
    publicFile: 'media/2026/public-photo.png',
    privateName: '2026q1-black-902-objection-1.png',
  },
};

/** Writes the fixture's content folder and returns its root. */
export function fixtureContentRoot(): string {
  const { expired, current } = FIXTURE;
  const root = contentRootWith({
    'content/records/black/2026/2026q3-black-900.yaml': HOSTILE,
    [`content/records/black/2023/${expired.id}.yaml`]: record(
      expired.id,
      expired.name,
      '91000000HX0000901',
      '2023-01-16',
      '2026-01-15',
      `attachments:
  - file: ${expired.attachment}
    kind: picture
    caption: 已过期条目的图片
case: ${expired.caseId}
`,
    ),
    [`content/records/black/2026/${current.id}.yaml`]: record(
      current.id,
      current.name,
      '91000000HX0000902',
      '2026-01-16',
      '2029-01-15',
      `attachments:
  - file: ${current.publicFile}
    kind: picture
    caption: 公开的现场图片
  - private: sha256:${PRIVATE_SHA256}
    kind: evidence
    name: ${current.privateName}
    size: 4321
    type: image/png
    caption: 不公开的证据材料
case: ${current.caseId}
`,
    ),
    [`content/cases/${expired.caseId}.mdx`]: caseMdx(
      '已过期条目的案例',
      expired.id,
      expired.picture,
    ),
    [`content/cases/${current.caseId}.mdx`]: caseMdx(
      '公示中条目的案例',
      current.id,
      current.picture,
    ),
  });
  const picture = (file: string, colour: [number, number, number]) => {
    mkdirSync(dirname(join(root, 'content', file)), { recursive: true });
    writeFileSync(join(root, 'content', file), solidPng(40, 30, colour));
  };
  picture(`media/cases/${expired.picture}`, [200, 30, 30]);
  picture(`media/cases/${current.picture}`, [30, 160, 60]);
  picture(expired.attachment, [40, 40, 200]);
  picture(current.publicFile, [220, 200, 40]);
  return root;
}
