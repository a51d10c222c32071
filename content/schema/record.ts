/**
 * The record: one YAML file per published entry (content/records/<list>/<year>/<id>.yaml). This
 * module is the single definition of its fields, imported by the site, the validator, the bot and
 * the exporters. Every field carries its label and hint in Chinese and English (labelled,
 * field-meta.ts): read through field-labels.ts by every consumer, and the description the JSON
 * Schema and the validator show is derived from them.
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
import { DEFAULT_OBJECTION_WORKING_DAYS } from './config.ts';
import { labelled, type Texts } from './field-meta.ts';
import {
  APPROVAL_ROLE_NAMES,
  APPROVAL_ROLES,
  ATTACHMENT_KIND_NAMES,
  ATTACHMENT_KINDS,
  DEMO_LEVEL_NAMES,
  DEMO_LEVELS,
  KINDS_BY_LIST,
  LIST_NAMES,
  LISTS,
  PERSON_ROLE_NAMES,
  PERSON_ROLES,
  PRIVATE_ATTACHMENT_KINDS,
  STATUS_NAMES,
  STATUSES,
  SUBJECT_KIND_NAMES,
  SUBJECT_KINDS,
  type ListId,
} from './labels.ts';
import {
  authorityRule,
  controlCharacterRule,
  documentNumberRule,
  TEXT_BOUNDS,
} from './field-rules.ts';
import { crossFieldRules, MAX_PUBLICATION_YEARS, type RecordContext } from './record-rules.ts';
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

const ISO_HINT = { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' };

const isoDate = z.string().superRefine((value, ctx) => {
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

/** The bounds as a hint states them: "10 至 1000 字", "10 to 1000 characters". */
const length = (field: keyof typeof TEXT_BOUNDS) => ({
  zh: `${TEXT_BOUNDS[field][0]} 至 ${TEXT_BOUNDS[field][1]} 字`,
  en: `${TEXT_BOUNDS[field][0]} to ${TEXT_BOUNDS[field][1]} characters`,
});

/** Names of a vocabulary as a hint lists them: "red 守信红榜、black 失信黑名单…". */
const named = <K extends string>(keys: readonly K[], names: Record<K, Texts>, codes = true) => ({
  zh: keys.map((k) => (codes ? `${k} ${names[k].zh}` : names[k].zh)).join('、'),
  en: keys.map((k) => (codes ? `${k} (${names[k].en})` : names[k].en)).join(', '),
});

const kindsOf = (list: ListId) => KINDS_BY_LIST[list];
const demoOnlyKinds = kindsOf('demo').filter((k) => !kindsOf('red').includes(k));

// Run a refinement even when the object also has unknown keys: the rest is still well typed, and a
// reviewer should see every problem at once instead of one per round.
const despiteUnknownKeys = {
  when: (payload: { issues: readonly { code: string }[] }) =>
    payload.issues.every((i) => i.code === 'unrecognized_keys'),
};

const MASKED_ID = '110105********002X';

/** A person published with the entry, masked. */
const personSchema = z.strictObject({
  role: labelled(
    z.enum(PERSON_ROLES),
    { zh: '人员身份', en: 'Role' },
    named(PERSON_ROLES, PERSON_ROLE_NAMES, false),
  ),
  // The mask is the whole rule (it bounds the length too): "Zhang Wei" is told to mask, not to shorten.
  name: labelled(
    z.string().trim().superRefine(maskedNameRule),
    { zh: '人员姓名（已脱敏）', en: 'Name (masked)' },
    {
      zh: '只保留姓氏（复姓两字），名写作“某”或“某某”，如“张某某”“欧阳某”',
      en: 'the family name only (two characters for a compound one), the given name written 某 or 某某, e.g. 张某某, 欧阳某',
    },
  ),
  id_number: labelled(
    z.string().optional(),
    { zh: '人员身份证号码（已脱敏）', en: 'ID number (masked)' },
    { zh: `如 ${MASKED_ID}`, en: `e.g. ${MASKED_ID}` },
  ),
});

const subjectFields = z.strictObject({
  kind: labelled(
    z.enum(SUBJECT_KINDS),
    { zh: '主体类型', en: 'Kind of subject' },
    {
      zh: `${named(kindsOf('red'), SUBJECT_KIND_NAMES, false).zh}；示范单位还可为${named(demoOnlyKinds, SUBJECT_KIND_NAMES, false).zh}`,
      en: `${named(kindsOf('red'), SUBJECT_KIND_NAMES, false).en}; a demonstration unit may also be a ${named(demoOnlyKinds, SUBJECT_KIND_NAMES, false).en}`,
    },
  ),
  name: labelled(
    bounded('name'),
    { zh: '主体名称', en: 'Name' },
    {
      zh: `单位登记的中文全称（${length('name').zh}，可含字母数字，如“示例（大连）ABC科技有限公司”）；个人为脱敏姓名，如“张某某”`,
      en: `the organisation's registered Chinese name (${length('name').en}, letters and digits allowed, e.g. 示例（大连）ABC科技有限公司); for an individual the masked name, e.g. 张某某`,
    },
  ),
  code: labelled(
    z.string().trim().toUpperCase().optional(),
    { zh: '统一社会信用代码', en: 'Unified social credit code' },
    { zh: '18 位，按 GB 32100-2015 校验', en: '18 characters, checked as GB 32100-2015 says' },
  ),
  code_override: labelled(
    z
      .strictObject({
        reason: labelled(
          text(10, 500),
          { zh: '代码例外理由', en: 'Reason to accept the code anyway' },
          {
            zh: '不能通过校验而仍然采用的理由，如“标准施行前试点地区发放的代码”',
            en: 'why a code that fails the check is used all the same, e.g. a code issued in a pilot area before the standard',
          },
        ),
        accepted_by: labelled(
          text(2, 60),
          { zh: '代码例外接受人', en: 'Reviewer accepting the code' },
          { zh: '接受该代码的审核人', en: 'the reviewer who accepts the code' },
        ),
      })
      .optional(),
    { zh: '代码例外', en: 'Code exception' },
    {
      zh: '校验位不符时的明示例外，须写明理由',
      en: 'an explicit exception when the check character does not match, with its reason',
    },
  ),
  id_number: labelled(
    z.string().optional(),
    { zh: '身份证号码（已脱敏）', en: 'ID number (masked)' },
    {
      zh: `个人的脱敏身份证号，如 ${MASKED_ID}`,
      en: `an individual's masked ID number, e.g. ${MASKED_ID}`,
    },
  ),
  address: labelled(text(2, 200).optional(), { zh: '住所（经营场所）', en: 'Address' }),
  persons: labelled(
    z.array(personSchema).max(10).optional(),
    { zh: '同时公布的人员', en: 'Persons published with the entry' },
    {
      zh: `${named(PERSON_ROLES, PERSON_ROLE_NAMES, false).zh}（脱敏）`,
      en: `${named(PERSON_ROLES, PERSON_ROLE_NAMES, false).en} (masked)`,
    },
  ),
});

/** The subject's fields as its own rules see them. */
export type SubjectInput = z.infer<typeof subjectFields>;

const subjectSchema = subjectFields.superRefine(subjectRules, despiteUnknownKeys);

const approvalSchema = z.strictObject({
  role: labelled(
    z.enum(APPROVAL_ROLES),
    { zh: '审批类型', en: 'Approval role' },
    {
      zh: '审核（分管领导）或审定（主要领导）',
      en: 'review (the deputy head) or approval (the head)',
    },
  ),
  by: labelled(
    text(2, 60),
    { zh: '审批人', en: 'Approved by' },
    { zh: '审批人职务和姓名，如“分管副主席 王某”', en: 'post and name, e.g. 分管副主席 王某' },
  ),
  date: labelled(isoDate, { zh: '审批日期', en: 'Approval date' }, ISO_HINT),
});

const statusEventSchema = z.strictObject({
  status: labelled(
    z.enum(STATUSES),
    { zh: '状态', en: 'Status' },
    named(STATUSES, STATUS_NAMES, false),
  ),
  date: labelled(isoDate, { zh: '状态日期', en: 'Status date' }, ISO_HINT),
  note: labelled(
    bounded('note').optional(),
    { zh: '状态说明', en: 'Note' },
    {
      zh: `${length('note').zh}，如异议事由、更正内容、移出理由`,
      en: `${length('note').en}, e.g. the grounds of an objection, the correction, the reason for removal`,
    },
  ),
  // "pending" while the official calendar of the deadline's year is not published (calendar-checks.ts).
  due: labelled(
    z
      .string()
      .superRefine((value, ctx) => {
        if (value !== 'pending' && !isIsoDate(value)) report(ctx, [], 'invalid_due', { value });
      })
      .optional(),
    { zh: '办理时限', en: 'Due by' },
    {
      zh: `异议默认为收到后 ${DEFAULT_OBJECTION_WORKING_DAYS} 个工作日（发布单位可另行规定）；该年节假日安排尚未公布时为 pending`,
      en: `for an objection ${DEFAULT_OBJECTION_WORKING_DAYS} working days after receipt unless the publisher sets otherwise; pending while that year's holiday calendar is not published`,
    },
  ),
  document_number: labelled(
    bounded('document_number').superRefine(documentNumberRule).optional(),
    { zh: '相关文号', en: 'Related document number' },
    {
      zh: '相关文号，如 大人社监罚字〔2026〕18号',
      en: 'the related document number, e.g. 大人社监罚字〔2026〕18号',
    },
  ),
});

/**
 * An attachment: a public file in content/media/, or a reference to a file kept in the publisher's
 * private store (pledges, evidence, non-public decisions: never in content/, whose history is
 * public). Which fields go with which is checked by attachmentRule (attachments.ts).
 */
const attachmentSchema = z
  .strictObject({
    file: labelled(
      z.string().optional(),
      { zh: '附件文件', en: 'File' },
      {
        zh: '公开文件的路径，相对 content/，须在 media/ 下，如 media/2026/case-1.jpg；不公开的文件不得放入 content/，改写 private',
        en: 'the path of a public file, relative to content/ and under media/, e.g. media/2026/case-1.jpg; a file that is not public never goes into content/: write private instead',
      },
    ),
    private: labelled(
      z
        .string()
        .regex(
          PRIVATE_REF_PATTERN,
          '写成 sha256: 加 64 位小写十六进制，如 sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        )
        .optional(),
      { zh: '不公开文件引用', en: 'Private file reference' },
      {
        zh: '不公开文件在发布单位不公开存储中的引用：sha256:<64 位十六进制>；文件本身不进入本仓库（docs/private-files.md）',
        en: "the reference of a file in the publisher's private store: sha256:<64 hex digits>; the file itself never enters this repository (docs/private-files.md)",
      },
    ),
    kind: labelled(
      z.enum(ATTACHMENT_KINDS),
      { zh: '附件类型', en: 'Kind of attachment' },
      {
        zh: `${named(ATTACHMENT_KINDS, ATTACHMENT_KIND_NAMES, false).zh}（${named(PRIVATE_ATTACHMENT_KINDS, ATTACHMENT_KIND_NAMES, false).zh}只能不公开）`,
        en: `${named(ATTACHMENT_KINDS, ATTACHMENT_KIND_NAMES, false).en} (${named(PRIVATE_ATTACHMENT_KINDS, ATTACHMENT_KIND_NAMES, false).en} are never public)`,
      },
    ),
    name: labelled(
      z
        .string()
        .regex(
          PRIVATE_NAME_PATTERN,
          '小写字母、数字和连字符加扩展名，如 2026q3-black-007-repair-k3f9-1.pdf',
        )
        .optional(),
      { zh: '不公开文件名', en: 'Private file name' },
      {
        zh: '由机器人生成，不含个人信息',
        en: 'made by the bot, without personal data',
      },
    ),
    size: labelled(
      z.number().int().min(1).max(MAX_PRIVATE_FILE_BYTES).optional(),
      { zh: '不公开文件大小', en: 'Private file size' },
      { zh: '字节数', en: 'in bytes' },
    ),
    type: labelled(
      z.enum(PRIVATE_MEDIA_TYPES).optional(),
      { zh: '不公开文件类型', en: 'Private file type' },
      { zh: PRIVATE_MEDIA_TYPES.join('、'), en: PRIVATE_MEDIA_TYPES.join(', ') },
    ),
    caption: labelled(
      text(1, 200).optional(),
      { zh: '附件说明', en: 'Caption' },
      { zh: '说明文字（图片的替代文本）', en: "a caption (a picture's alternative text)" },
    ),
    public: labelled(
      z.boolean().optional(),
      { zh: '公开', en: 'Public' },
      {
        zh: '公开文件可省略（即公开）；不公开的文件不写 file 和 public，改写 private',
        en: 'may be left out for a public file; a file that is not public has neither file nor public, but private',
      },
    ),
  })
  .superRefine(attachmentRule);

/** The fields of a record, before the rules that tie fields together. */
export const recordShape = {
  id: labelled(
    z.string().regex(RECORD_ID_PATTERN, '只用小写字母、数字和连字符，如 2026q3-black-007'),
    { zh: '编号', en: 'Id' },
    {
      zh: '稳定编号，与文件名相同',
      en: 'lower-case letters, digits and hyphens, the same as the file name, e.g. 2026q3-black-007',
    },
  ),
  list: labelled(z.enum(LISTS), { zh: '名单', en: 'List' }, named(LISTS, LIST_NAMES)),
  batch: labelled(
    z.string().regex(BATCH_PATTERN, '写成 年份-Q季度，如 2026-Q3'),
    { zh: '发布批次', en: 'Batch' },
    { zh: '每季一次，如 2026-Q3', en: 'year and quarter (one a quarter), e.g. 2026-Q3' },
  ),
  sample: labelled(
    z.boolean().default(false),
    { zh: '示例数据', en: 'Sample data' },
    { zh: '为 true 时页面显示“示例数据”', en: 'true marks the entry as sample data on its page' },
  ),
  subject: labelled(subjectSchema, { zh: '被列入主体', en: 'Subject' }),
  region: labelled(
    z.string().regex(/^\d{6}$/, '6 位数字'),
    { zh: '所在地区', en: 'Region' },
    {
      zh: '行政区划代码（GB/T 2260，6 位数字），如 210202',
      en: 'a 6-digit division code (GB/T 2260) in quotes, e.g. "210202"',
    },
  ),
  category: labelled(
    z.string(),
    { zh: '列入类别', en: 'Category' },
    {
      zh: '依据标准，取自 content/categories.yaml',
      en: 'the basis for listing, from content/categories.yaml',
    },
  ),
  facts: labelled(
    bounded('facts'),
    { zh: '事由', en: 'Facts' },
    {
      zh: `主要事实（${length('facts').zh}），如“2026年1月至6月拖欠12名劳动者工资共计18.6万元，经责令限期支付后逾期未付。”`,
      en: `the main facts (${length('facts').en}), e.g. wages of 12 workers unpaid from January to June 2026, not paid by the ordered deadline`,
    },
  ),
  legal_basis: labelled(
    bounded('legal_basis'),
    { zh: '依据', en: 'Legal basis' },
    {
      zh: `法律、法规或标准条款（${length('legal_basis').zh}），如“《保障农民工工资支付条例》第五十四条”`,
      en: `the article of a law, regulation or standard (${length('legal_basis').en}), e.g. 《保障农民工工资支付条例》第五十四条`,
    },
  ),
  decision: labelled(
    z.strictObject({
      authority: labelled(
        bounded('authority').superRefine(authorityRule),
        { zh: '认定机关', en: 'Deciding authority' },
        {
          zh: `机关全称（${length('authority').zh}），如“大连市人力资源和社会保障局”`,
          en: `the authority's full name (${length('authority').en}), e.g. 大连市人力资源和社会保障局`,
        },
      ),
      document_number: labelled(
        bounded('document_number').superRefine(documentNumberRule),
        { zh: '决定文号', en: 'Document number' },
        {
          zh: '机关代字〔年份〕序号号，如 大工办发〔2016〕18号',
          en: 'agency code〔year〕number, e.g. 大工办发〔2016〕18号',
        },
      ),
      date: labelled(
        isoDate,
        { zh: '决定日期', en: 'Date of decision' },
        {
          zh: '决定书落款日期，不晚于今天',
          en: 'the date the decision is signed, not after today',
        },
      ),
    }),
    { zh: '认定决定', en: 'Decision' },
  ),
  submitted: labelled(
    z.strictObject({
      unit: labelled(
        text(2, 60),
        { zh: '报送单位', en: 'Submitted by' },
        { zh: '责任单位', en: 'the responsible unit' },
      ),
      date: labelled(
        isoDate,
        { zh: '报送日期', en: 'Submission date' },
        { zh: '不晚于今天', en: 'not after today' },
      ),
    }),
    { zh: '报送', en: 'Submission' },
  ),
  // Written by the reviewers when they approve (review CLI, forge approval), never by the submitter:
  // a submission has none, and publication requires them (stages.ts).
  approvals: labelled(
    z.array(approvalSchema).max(5).default([]),
    { zh: '审批', en: 'Approvals' },
    {
      zh: '审核与审定，由审批人批准时写入，报送时不填',
      en: 'review and approval, written when the reviewers approve, never by the submitter',
    },
  ),
  publication: labelled(
    z.strictObject({
      start: labelled(
        isoDate,
        { zh: '发布开始日期', en: 'Publication start' },
        {
          zh: '不早于审定日期；审定晚于报送时拟定的日期的，批准时顺延到审定之日',
          en: 'not before the approval; an approval after the planned date moves it to the day of approval',
        },
      ),
      end: labelled(
        isoDate,
        { zh: '发布结束日期', en: 'Publication end' },
        {
          zh: `最长 ${MAX_PUBLICATION_YEARS} 年`,
          en: `at most ${MAX_PUBLICATION_YEARS} years after the start`,
        },
      ),
      extension_basis: labelled(
        text(4, 500).optional(),
        { zh: '延长公示的法律依据', en: 'Legal basis of a longer period' },
        {
          zh: `公示期限超过 ${MAX_PUBLICATION_YEARS} 年时必填`,
          en: `required when the period exceeds ${MAX_PUBLICATION_YEARS} years`,
        },
      ),
    }),
    { zh: '公示期限', en: 'Publication period' },
  ),
  demonstration: labelled(
    z
      .strictObject({
        level: labelled(
          z.enum(DEMO_LEVELS),
          { zh: '命名级别', en: 'Naming level' },
          named(DEMO_LEVELS, DEMO_LEVEL_NAMES, false),
        ),
        named_by: labelled(
          bounded('authority').superRefine(authorityRule),
          { zh: '命名机关', en: 'Named by' },
          { zh: '如 市协调劳动关系三方', en: 'e.g. 市协调劳动关系三方' },
        ),
      })
      .optional(),
    { zh: '命名', en: 'Title' },
    { zh: '示范单位的命名信息', en: 'how a demonstration unit was named' },
  ),
  history: labelled(
    z.array(statusEventSchema).min(1),
    { zh: '状态记录', en: 'Status history' },
    { zh: '按时间顺序', en: 'in order of time' },
  ),
  attachments: labelled(
    z.array(attachmentSchema).max(20).default([]),
    { zh: '附件', en: 'Attachments' },
    {
      zh: '公开的图片、典型案例报告等（content/media/），不公开的承诺书、证据材料等只写引用（private）',
      en: 'public pictures, case reports and the like (content/media/); pledges, evidence and other private files only by reference (private)',
    },
  ),
  case: labelled(
    z.string().regex(RECORD_ID_PATTERN).optional(),
    { zh: '典型案例', en: 'Case write-up' },
    {
      zh: '以案释法文章，content/cases/<case>.mdx',
      en: 'the file name of a case write-up (content/cases/<case>.mdx) without .mdx, e.g. wage-arrears-2026',
    },
  ),
  // http(s) only: a javascript: or data: address must never become a link on the site.
  source_url: labelled(
    z.url({ protocol: /^https?$/, error: '只接受 http:// 或 https:// 开头的网址' }).optional(),
    { zh: '原始公告链接', en: 'Link to the original notice' },
    { zh: 'http:// 或 https:// 开头的网址', en: 'a full http:// or https:// address' },
  ),
};

/** Builds the record schema for a publisher's categories. */
export function createRecordSchema(context: RecordContext) {
  return z.strictObject(recordShape).superRefine(crossFieldRules(context), despiteUnknownKeys);
}

/** A record's fields as the cross-field rules see them (after each field's own schema). */
export type RecordInput = z.infer<z.ZodObject<typeof recordShape>>;

/** A record as parsed (defaults applied). */
export type HongheiRecord = z.infer<ReturnType<typeof createRecordSchema>>;
