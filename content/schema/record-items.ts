/**
 * The items of a record's lists: an approval, a status event and an attachment, each field with
 * its label and hint (labelled).
 */
import { z } from 'zod';
import {
  attachmentRule,
  MAX_PRIVATE_FILE_BYTES,
  PRIVATE_MEDIA_TYPES,
  PRIVATE_NAME_PATTERN,
  PRIVATE_REF_PATTERN,
} from './attachments.ts';
import { DEFAULT_OBJECTION_WORKING_DAYS } from './config.ts';
import { isIsoDate } from './dates.ts';
import { labelled } from './field-meta.ts';
import { documentNumberRule } from './field-rules.ts';
import {
  APPROVAL_ROLES,
  ATTACHMENT_KIND_NAMES,
  ATTACHMENT_KINDS,
  PRIVATE_ATTACHMENT_KINDS,
  STATUS_NAMES,
  STATUSES,
} from './labels.ts';
import { bounded, ISO_HINT, isoDate, length, named, text } from './record-parts.ts';
import { report } from './report-issue.ts';

/** One approval (审核 or 审定). */
export const approvalSchema = z.strictObject({
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

/** One event of the status history. */
export const statusEventSchema = z.strictObject({
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
export const attachmentSchema = z
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
