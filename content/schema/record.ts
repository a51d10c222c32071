/**
 * The record: one YAML file per published entry (content/records/<list>/<year>/<id>.yaml). This
 * module is the single definition of its fields, imported by the site, the validator, the bot and
 * the exporters. Every field carries its label and hint in Chinese and English (labelled,
 * field-meta.ts): read through field-labels.ts by every consumer, and the description the JSON
 * Schema and the validator show is derived from them.
 */
import { z } from 'zod';
import { BATCH_PATTERN } from './dates.ts';
import { labelled } from './field-meta.ts';
import { authorityRule, documentNumberRule } from './field-rules.ts';
import { DEMO_LEVEL_NAMES, DEMO_LEVELS, LIST_NAMES, LISTS } from './labels.ts';
import { approvalSchema, attachmentSchema, statusEventSchema } from './record-items.ts';
import { bounded, despiteUnknownKeys, isoDate, length, named, text } from './record-parts.ts';
import { crossFieldRules, MAX_PUBLICATION_YEARS, type RecordContext } from './record-rules.ts';
import { subjectSchema } from './record-subject.ts';

export {
  latestPublicationEnd,
  MAX_PUBLICATION_YEARS,
  statusAppliesTo,
  type RecordContext,
} from './record-rules.ts';

/** A stable record id: lower-case letters, digits and hyphens; it is also the file name. */
export const RECORD_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type { SubjectInput } from './record-subject.ts';

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
