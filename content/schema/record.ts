/**
 * The record: one YAML file per published entry (content/records/<list>/<year>/<id>.yaml). This
 * module is the single definition of its fields, imported by the site, the validator, the bot and
 * the exporters. Every field is described: the text is the bot's question help and the JSON
 * Schema's documentation.
 */
import { z } from 'zod';
import {
  attachmentRule,
  MAX_PRIVATE_FILE_BYTES,
  PRIVATE_MEDIA_TYPES,
  PRIVATE_NAME_PATTERN,
  PRIVATE_REF_PATTERN,
} from './attachments.ts';
import { BATCH_PATTERN, isIsoDate } from './dates.ts';
import {
  APPROVAL_ROLES,
  ATTACHMENT_KINDS,
  DEMO_LEVELS,
  LISTS,
  PERSON_ROLES,
  STATUSES,
  SUBJECT_KINDS,
} from './labels.ts';
import {
  authorityRule,
  controlCharacterRule,
  documentNumberRule,
  TEXT_BOUNDS,
} from './field-rules.ts';
import { crossFieldRules, type RecordContext } from './record-rules.ts';
import { maskedNameRule, personalDataRule, subjectRules } from './record-subject-rules.ts';
import { report } from './report-issue.ts';

export {
  latestPublicationEnd,
  MAX_PUBLICATION_YEARS,
  statusAppliesTo,
  type RecordContext,
} from './record-rules.ts';

/** A stable record id: lower-case letters, digits and hyphens; it is also the file name. */
export const RECORD_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const isoDate = z
  .string()
  .describe('日期，YYYY-MM-DD')
  .superRefine((value, ctx) => {
    if (!isIsoDate(value)) report(ctx, [], 'invalid_date', { value });
  });

/** Free text: trimmed, bounded, and refused when it carries personal data or control characters. */
const text = (min = 1, max = 4000) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .superRefine(controlCharacterRule)
    .superRefine(personalDataRule);

/** Free text bounded as TEXT_BOUNDS says for the field. */
const bounded = (field: keyof typeof TEXT_BOUNDS) => text(...TEXT_BOUNDS[field]);

/** The bounds as a description states them: "10 至 1000 字". */
const length = (field: keyof typeof TEXT_BOUNDS) =>
  `${TEXT_BOUNDS[field][0]} 至 ${TEXT_BOUNDS[field][1]} 字`;

// Run a refinement even when the object also has unknown keys: the rest is still well typed, and a
// reviewer should see every problem at once instead of one per round.
const despiteUnknownKeys = {
  when: (payload: { issues: readonly { code: string }[] }) =>
    payload.issues.every((i) => i.code === 'unrecognized_keys'),
};

/** A person published with the entry, masked. */
const personSchema = z.strictObject({
  role: z.enum(PERSON_ROLES).describe('身份：法定代表人或直接责任人'),
  // The mask is the whole rule (it bounds the length too): "Zhang Wei" is told to mask, not to shorten.
  name: z
    .string()
    .trim()
    .superRefine(maskedNameRule)
    .describe('姓名，脱敏：只保留姓氏（复姓两字），名写作“某”或“某某”，如“张某某”“欧阳某”'),
  id_number: z.string().optional().describe('身份证号，脱敏：如 110105********002X'),
});

const subjectFields = z.strictObject({
  kind: z
    .enum(SUBJECT_KINDS)
    .describe(
      '主体类型：企业、事业单位、社会组织、个人；示范单位还可为工业园区、乡镇（街道）、行业',
    ),
  name: bounded('name').describe(
    `名称：单位登记的中文全称（${length('name')}，可含字母数字，如“示例（大连）ABC科技有限公司”）；个人为脱敏姓名，如“张某某”`,
  ),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .describe('统一社会信用代码（18 位，按 GB 32100-2015 校验）'),
  code_override: z
    .strictObject({
      reason: text(10, 500).describe(
        '不能通过校验而仍然采用的理由，如“标准施行前试点地区发放的代码”',
      ),
      accepted_by: text(2, 60).describe('接受该代码的审核人'),
    })
    .optional()
    .describe('校验位不符时的明示例外，须写明理由'),
  id_number: z.string().optional().describe('个人的脱敏身份证号，如 110105********002X'),
  address: text(2, 200).optional().describe('住所（经营场所）'),
  persons: z
    .array(personSchema)
    .max(10)
    .optional()
    .describe('同时公布的法定代表人、直接责任人（脱敏）'),
});

/** The subject's fields as its own rules see them. */
export type SubjectInput = z.infer<typeof subjectFields>;

const subjectSchema = subjectFields.superRefine(subjectRules, despiteUnknownKeys);

const approvalSchema = z.strictObject({
  role: z.enum(APPROVAL_ROLES).describe('审核（分管领导）或审定（主要领导）'),
  by: text(2, 60).describe('审批人职务和姓名，如“分管副主席 王某”'),
  date: isoDate,
});

const statusEventSchema = z.strictObject({
  status: z
    .enum(STATUSES)
    .describe('状态：列入、异议处理中、维持、已更正、已申请信用修复、提前移出、撤销、期满移出'),
  date: isoDate,
  note: bounded('note')
    .optional()
    .describe(`说明（${length('note')}），如异议事由、更正内容、移出理由`),
  // "pending" while the official calendar of the deadline's year is not published (calendar-checks.ts).
  due: z
    .string()
    .superRefine((value, ctx) => {
      if (value !== 'pending' && !isIsoDate(value)) report(ctx, [], 'invalid_due', { value });
    })
    .optional()
    .describe('办理时限（异议为收到后 3 个工作日）；该年节假日安排尚未公布时为 pending'),
  document_number: bounded('document_number')
    .superRefine(documentNumberRule)
    .optional()
    .describe('相关文号，如 大人社监罚字〔2026〕18号'),
});

/**
 * An attachment: a public file in content/media/, or a reference to a file kept in the publisher's
 * private store (pledges, evidence, non-public decisions: never in content/, whose history is
 * public). Which fields go with which is checked by attachmentRule (attachments.ts).
 */
const attachmentSchema = z
  .strictObject({
    file: z
      .string()
      .optional()
      .describe(
        '公开文件的路径，相对 content/，须在 media/ 下，如 media/2026/case-1.jpg；不公开的文件不得放入 content/，改写 private',
      ),
    private: z
      .string()
      .regex(
        PRIVATE_REF_PATTERN,
        '写成 sha256: 加 64 位小写十六进制，如 sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      )
      .optional()
      .describe(
        '不公开文件在发布单位不公开存储中的引用：sha256:<64 位十六进制>；文件本身不进入本仓库（docs/private-files.md）',
      ),
    kind: z
      .enum(ATTACHMENT_KINDS)
      .describe(
        '附件类型：图片、典型案例报告、决定文书、证据材料、信用承诺书（证据材料、信用承诺书只能不公开）',
      ),
    name: z
      .string()
      .regex(
        PRIVATE_NAME_PATTERN,
        '小写字母、数字和连字符加扩展名，如 2026q3-black-007-repair-k3f9-1.pdf',
      )
      .optional()
      .describe('不公开文件的文件名，由机器人生成，不含个人信息'),
    size: z
      .number()
      .int()
      .min(1)
      .max(MAX_PRIVATE_FILE_BYTES)
      .optional()
      .describe('不公开文件的字节数'),
    type: z
      .enum(PRIVATE_MEDIA_TYPES)
      .optional()
      .describe('不公开文件的类型：image/jpeg、image/png、image/webp 或 application/pdf'),
    caption: text(1, 200).optional().describe('说明文字（图片的替代文本）'),
    public: z
      .boolean()
      .optional()
      .describe('公开文件可省略（即公开）；不公开的文件不写 file 和 public，改写 private'),
  })
  .superRefine(attachmentRule);

/** The fields of a record, before the rules that tie fields together. */
export const recordShape = {
  id: z
    .string()
    .regex(RECORD_ID_PATTERN, '只用小写字母、数字和连字符，如 2026q3-black-007')
    .describe('稳定编号，与文件名相同'),
  list: z.enum(LISTS).describe('名单：red 守信红榜、black 失信黑名单、demo 和谐劳动关系示范单位'),
  batch: z
    .string()
    .regex(BATCH_PATTERN, '写成 年份-Q季度，如 2026-Q3')
    .describe('发布批次（每季一次），如 2026-Q3'),
  sample: z.boolean().default(false).describe('示例数据标记：为 true 时页面显示“示例数据”'),
  subject: subjectSchema.describe('被列入主体'),
  region: z
    .string()
    .regex(/^\d{6}$/, '6 位数字')
    .describe('所在地行政区划代码（GB/T 2260），如 210202'),
  category: z.string().describe('列入类别（依据标准），取自 content/categories.yaml'),
  facts: bounded('facts').describe(
    `事由：主要事实（${length('facts')}），如“2026年1月至6月拖欠12名劳动者工资共计18.6万元，经责令限期支付后逾期未付。”`,
  ),
  legal_basis: bounded('legal_basis').describe(
    `依据：法律、法规或标准条款（${length('legal_basis')}），如“《保障农民工工资支付条例》第五十四条”`,
  ),
  decision: z
    .strictObject({
      authority: bounded('authority')
        .superRefine(authorityRule)
        .describe(
          `认定（决定）机关：机关全称（${length('authority')}），如“大连市人力资源和社会保障局”`,
        ),
      document_number: bounded('document_number')
        .superRefine(documentNumberRule)
        .describe('文号：机关代字〔年份〕序号号，如 大工办发〔2016〕18号'),
      date: isoDate.describe('决定日期：决定书落款日期，不晚于今天'),
    })
    .describe('认定决定'),
  submitted: z
    .strictObject({
      unit: text(2, 60).describe('报送单位（责任单位）'),
      date: isoDate.describe('报送日期：不晚于今天'),
    })
    .describe('报送'),
  // Written by the reviewers when they approve (review CLI, forge approval), never by the submitter:
  // a submission has none, and publication requires them (stages.ts).
  approvals: z
    .array(approvalSchema)
    .max(5)
    .default([])
    .describe('审批：审核与审定，由审批人批准时写入，报送时不填'),
  publication: z
    .strictObject({
      start: isoDate.describe(
        '发布开始日期（不早于审定日期；审定晚于报送时拟定的日期的，批准时顺延到审定之日）',
      ),
      end: isoDate.describe('发布结束日期（最长 3 年）'),
      extension_basis: text(4, 500).optional().describe('超过 3 年时的法律依据'),
    })
    .describe('发布期限'),
  demonstration: z
    .strictObject({
      level: z.enum(DEMO_LEVELS).describe('命名级别：县级、市级、省级、全国'),
      named_by: bounded('authority')
        .superRefine(authorityRule)
        .describe('命名机关，如 市协调劳动关系三方'),
    })
    .optional()
    .describe('示范单位的命名信息'),
  history: z.array(statusEventSchema).min(1).describe('状态记录，按时间顺序'),
  attachments: z
    .array(attachmentSchema)
    .max(20)
    .default([])
    .describe(
      '附件：公开的图片、典型案例报告等（content/media/），不公开的承诺书、证据材料等只写引用（private）',
    ),
  case: z
    .string()
    .regex(RECORD_ID_PATTERN)
    .optional()
    .describe('典型案例（以案释法）文章，content/cases/<case>.mdx'),
  // http(s) only: a javascript: or data: address must never become a link on the site.
  source_url: z
    .url({ protocol: /^https?$/, error: '只接受 http:// 或 https:// 开头的网址' })
    .optional()
    .describe('原始公告链接（http:// 或 https://）'),
};

/** Builds the record schema for a publisher's categories. */
export function createRecordSchema(context: RecordContext) {
  return z.strictObject(recordShape).superRefine(crossFieldRules(context), despiteUnknownKeys);
}

/** A record's fields as the cross-field rules see them (after each field's own schema). */
export type RecordInput = z.infer<z.ZodObject<typeof recordShape>>;

/** A record as parsed (defaults applied). */
export type HongheiRecord = z.infer<ReturnType<typeof createRecordSchema>>;
