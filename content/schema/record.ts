/**
 * The record: one YAML file per published entry (content/records/<list>/<year>/<id>.yaml). This
 * module is the single definition of its fields, imported by the site, the validator, the bot and
 * the exporters. Every field is described: the text is the bot's question help and the JSON
 * Schema's documentation.
 */
import { z } from 'zod';
import type { Categories } from './config.ts';
import { addYears, batchRange, batchOf, BATCH_PATTERN, isIsoDate } from './dates.ts';
import {
  APPROVAL_ROLES, ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS, DEMO_LEVELS, KINDS_BY_LIST, KINDS_WITH_CODE, LIST_NAMES,
  LISTS, PERSON_ROLES, STATUSES, SUBJECT_KIND_NAMES, SUBJECT_KINDS,
} from './labels.ts';
import { renderMessage, type MessageKey } from './messages.ts';
import { findPersonalData, isValidResidentId, maskPersonName, MASKED_ID_PATTERN, MASKED_NAME_PATTERN } from './personal-data.ts';
import { divisionName } from './region.ts';
import { checkUscc } from './uscc.ts';

/** The longest publication period without a cited legal basis (002, 发布期限). */
export const MAX_PUBLICATION_YEARS = 3;

/** A stable record id: lower-case letters, digits and hyphens; it is also the file name. */
export const RECORD_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Adds an issue whose text comes from the message catalogue; params keep the key for re-rendering. */
function report(ctx: z.core.$RefinementCtx, path: PropertyKey[], key: MessageKey, vars: Record<string, string | number> = {}) {
  const { what, fix } = renderMessage(key, vars, 'zh');
  ctx.addIssue({ code: 'custom', path, message: `${what} — ${fix}`, params: { key, vars } });
}

const isoDate = z
  .string()
  .describe('日期，YYYY-MM-DD')
  .superRefine((value, ctx) => {
    if (!isIsoDate(value)) report(ctx, [], 'invalid_date', { value });
  });

const text = (min = 1, max = 4000) => z.string().trim().min(min).max(max);

/** A person published with the entry, masked. */
const personSchema = z.strictObject({
  role: z.enum(PERSON_ROLES).describe('身份：法定代表人或直接责任人'),
  name: text(2, 8).describe('姓名，脱敏：只保留姓氏，如“张某某”'),
  id_number: z.string().optional().describe('身份证号，脱敏：如 110105********002X'),
});

const subjectSchema = z.strictObject({
  kind: z.enum(SUBJECT_KINDS).describe('主体类型：企业、事业单位、社会组织、个人；示范单位还可为工业园区、乡镇（街道）、行业'),
  name: text(2, 120).describe('名称：单位全称；个人为脱敏姓名，如“张某某”'),
  code: z.string().trim().toUpperCase().optional().describe('统一社会信用代码（18 位，按 GB 32100-2015 校验）'),
  code_override: z
    .strictObject({
      reason: text(10, 500).describe('不能通过校验而仍然采用的理由，如“标准施行前试点地区发放的代码”'),
      accepted_by: text(2, 60).describe('接受该代码的审核人'),
    })
    .optional()
    .describe('校验位不符时的明示例外，须写明理由'),
  id_number: z.string().optional().describe('个人的脱敏身份证号，如 110105********002X'),
  address: text(2, 200).optional().describe('住所（经营场所）'),
  persons: z.array(personSchema).max(10).optional().describe('同时公布的法定代表人、直接责任人（脱敏）'),
});

const approvalSchema = z.strictObject({
  role: z.enum(APPROVAL_ROLES).describe('审核（分管领导）或审定（主要领导）'),
  by: text(2, 60).describe('审批人职务和姓名，如“分管副主席 王某”'),
  date: isoDate,
});

const statusEventSchema = z.strictObject({
  status: z.enum(STATUSES).describe('状态：列入、异议处理中、维持、已更正、已申请信用修复、提前移出、撤销、期满移出'),
  date: isoDate,
  note: text(1, 2000).optional().describe('说明，如异议事由、更正内容、移出理由'),
  due: isoDate.optional().describe('办理时限（异议为收到后 3 个工作日）'),
  document_number: text(2, 80).optional().describe('相关文号'),
});

const attachmentSchema = z.strictObject({
  file: z.string().describe('文件路径，相对 content/，须在 media/ 下，如 media/2026/case-1.jpg'),
  kind: z.enum(ATTACHMENT_KINDS).describe('附件类型：图片、典型案例报告、决定文书、证据材料、信用承诺书'),
  caption: text(1, 200).optional().describe('说明文字（图片的替代文本）'),
  public: z.boolean().default(true).describe('是否在网站公开；证据材料通常不公开'),
});

/** The fields of a record, before the rules that tie fields together. */
export const recordShape = {
  id: z.string().regex(RECORD_ID_PATTERN, '只用小写字母、数字和连字符，如 2026q3-black-007').describe('稳定编号，与文件名相同'),
  list: z.enum(LISTS).describe('名单：red 守信红榜、black 失信黑名单、demo 和谐劳动关系示范单位'),
  batch: z.string().regex(BATCH_PATTERN, '写成 年份-Q季度，如 2026-Q3').describe('发布批次（每季一次），如 2026-Q3'),
  sample: z.boolean().default(false).describe('示例数据标记：为 true 时页面显示“示例数据”'),
  subject: subjectSchema.describe('被列入主体'),
  region: z.string().regex(/^\d{6}$/, '6 位数字').describe('所在地行政区划代码（GB/T 2260），如 210202'),
  category: z.string().describe('列入类别（依据标准），取自 content/categories.yaml'),
  facts: text(10, 4000).describe('事由：主要事实'),
  legal_basis: text(4, 2000).describe('依据：法律、法规或标准条款'),
  decision: z
    .strictObject({
      authority: text(2, 100).describe('认定（决定）机关'),
      document_number: text(2, 80).describe('文号，如 大工办发〔2016〕18号'),
      date: isoDate.describe('决定日期'),
    })
    .describe('认定决定'),
  submitted: z
    .strictObject({
      unit: text(2, 60).describe('报送单位（责任单位）'),
      date: isoDate.describe('报送日期'),
    })
    .describe('报送'),
  approvals: z.array(approvalSchema).min(1).max(5).describe('审批：审核与审定'),
  publication: z
    .strictObject({
      start: isoDate.describe('发布开始日期'),
      end: isoDate.describe('发布结束日期（最长 3 年）'),
      extension_basis: text(4, 500).optional().describe('超过 3 年时的法律依据'),
    })
    .describe('发布期限'),
  demonstration: z
    .strictObject({
      level: z.enum(DEMO_LEVELS).describe('命名级别：县级、市级、省级、全国'),
      named_by: text(2, 100).describe('命名机关，如 市协调劳动关系三方'),
    })
    .optional()
    .describe('示范单位的命名信息'),
  history: z.array(statusEventSchema).min(1).describe('状态记录，按时间顺序'),
  attachments: z.array(attachmentSchema).max(20).default([]).describe('附件：图片、典型案例报告等'),
  case: z.string().regex(RECORD_ID_PATTERN).optional().describe('典型案例（以案释法）文章，content/cases/<case>.mdx'),
  source_url: z.url().optional().describe('原始公告链接'),
};

/** What the cross-field rules need to know beyond the record itself. */
export interface RecordContext {
  categories: Categories;
}

const FREE_TEXT_SKIP = new Set(['code', 'id_number', 'id', 'file', 'source_url']);

/** Visits every string in a value with its path, for the personal-data scan. */
function eachString(value: unknown, path: PropertyKey[], visit: (s: string, path: PropertyKey[]) => void) {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => eachString(v, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!FREE_TEXT_SKIP.has(k)) eachString(v, [...path, k], visit);
  }
}

function checkMaskedName(ctx: z.core.$RefinementCtx, path: PropertyKey[], name: string) {
  if (!MASKED_NAME_PATTERN.test(name)) report(ctx, path, 'masked_name', { name, suggestion: maskPersonName(name) });
}

function checkMaskedId(ctx: z.core.$RefinementCtx, path: PropertyKey[], id: string) {
  if (isValidResidentId(id.toUpperCase())) report(ctx, path, 'full_id');
  else if (!MASKED_ID_PATTERN.test(id)) report(ctx, path, 'masked_id');
}

/** Builds the record schema for a publisher's categories. */
export function createRecordSchema(context: RecordContext) {
  return z.strictObject(recordShape).superRefine(crossFieldRules(context), {
    // An unknown key leaves the rest of the record well typed: check it too, so a reviewer sees
    // every problem at once instead of one per round.
    when: (payload) => payload.issues.every((i) => i.code === 'unrecognized_keys'),
  });
}

type RecordInput = z.infer<z.ZodObject<typeof recordShape>>;

/** The rules that tie fields together; each problem names its field and its fix. */
function crossFieldRules(context: RecordContext) {
  return (r: RecordInput, ctx: z.core.$RefinementCtx): void => {
    const s = r.subject;
    const listName = LIST_NAMES[r.list].zh;

    // Subject kind, code and personal data.
    const allowedKinds = KINDS_BY_LIST[r.list];
    if (!allowedKinds.includes(s.kind)) {
      report(ctx, ['subject', 'kind'], 'kind_not_in_list', {
        kind: s.kind, list: listName, allowed: allowedKinds.join(', '),
      });
    }
    if (s.kind === 'individual') {
      if (s.code) report(ctx, ['subject', 'code'], 'code_forbidden_individual');
      if (!s.id_number) report(ctx, ['subject'], 'id_required_individual');
      checkMaskedName(ctx, ['subject', 'name'], s.name);
    } else if (s.id_number) {
      report(ctx, ['subject', 'id_number'], 'id_for_individual_only');
    }
    if (s.id_number) checkMaskedId(ctx, ['subject', 'id_number'], s.id_number);
    if (KINDS_WITH_CODE.includes(s.kind) && !s.code) {
      report(ctx, ['subject'], 'code_required', { kind: SUBJECT_KIND_NAMES[s.kind].zh });
    }
    if (s.code !== undefined) {
      const check = checkUscc(s.code);
      if (check.ok) {
        if (s.code_override) report(ctx, ['subject', 'code_override'], 'override_unneeded');
      } else if (check.problem === 'checksum') {
        if (!s.code_override) report(ctx, ['subject', 'code'], 'uscc_checksum', { expected: check.expected, actual: check.actual });
      } else if (check.problem === 'length') {
        report(ctx, ['subject', 'code'], 'uscc_length', { length: check.length });
      } else if (check.problem === 'character') {
        report(ctx, ['subject', 'code'], 'uscc_character', { position: check.position, char: check.char });
      } else {
        report(ctx, ['subject', 'code'], 'uscc_division', { position: check.position });
      }
    }
    s.persons?.forEach((p, i) => {
      checkMaskedName(ctx, ['subject', 'persons', i, 'name'], p.name);
      if (p.id_number) checkMaskedId(ctx, ['subject', 'persons', i, 'id_number'], p.id_number);
    });
    eachString(r, [], (value, path) => {
      for (const f of findPersonalData(value)) report(ctx, path, 'personal_data', { kind: f.kind, excerpt: f.excerpt });
    });

    // Region and category.
    if (/^\d{6}$/.test(r.region) && !divisionName(r.region)) report(ctx, ['region'], 'unknown_region', { code: r.region });
    const categories = context.categories[r.list];
    if (!categories.some((c) => c.id === r.category)) {
      report(ctx, ['category'], 'unknown_category', {
        category: r.category, list: listName, allowed: categories.map((c) => c.id).join(', '),
      });
    }

    // Demonstration units.
    if (r.list === 'demo' && !r.demonstration) report(ctx, [], 'demonstration_required');
    if (r.list !== 'demo' && r.demonstration) report(ctx, ['demonstration'], 'demonstration_forbidden');

    // Dates: decision → submission → approvals → publication; batch; three years.
    const dates = [r.decision.date, r.submitted.date, ...r.approvals.map((a) => a.date), r.publication.start, r.publication.end];
    if (!dates.every(isIsoDate)) return; // each bad date already has its own issue
    const chain: [PropertyKey[], string, string][] = [
      [['decision', 'date'], '决定日期', r.decision.date],
      [['submitted', 'date'], '报送日期', r.submitted.date],
      ...r.approvals.map((a, i): [PropertyKey[], string, string] => [['approvals', i, 'date'], a.role === 'review' ? '审核日期' : '审定日期', a.date]),
      [['publication', 'start'], '发布开始日期', r.publication.start],
    ];
    for (let i = 1; i < chain.length; i++) {
      const [, earlier, earlierDate] = chain[i - 1]!;
      const [path, later, laterDate] = chain[i]!;
      if (laterDate < earlierDate) report(ctx, path, 'date_order', { later, laterDate, earlier, earlierDate });
    }
    const roles = new Set(r.approvals.map((a) => a.role));
    if (!roles.has('review') || !roles.has('approve')) report(ctx, ['approvals'], 'approvals_roles');

    if (BATCH_PATTERN.test(r.batch)) {
      const { start, end } = batchRange(r.batch);
      if (r.publication.start < start || r.publication.start > end) {
        report(ctx, ['batch'], 'batch_start', {
          start: r.publication.start, batch: r.batch, from: start, to: end, suggestion: batchOf(r.publication.start),
        });
      }
    }
    const { start, end, extension_basis } = r.publication;
    const max = addYears(start, MAX_PUBLICATION_YEARS);
    if (end < start) report(ctx, ['publication', 'end'], 'end_before_start', { start, end });
    else if (end > max && !extension_basis) report(ctx, ['publication', 'end'], 'period_too_long', { start, end, max });
    else if (end <= max && extension_basis) report(ctx, ['publication', 'extension_basis'], 'extension_unneeded');

    // History: starts with listed, in date order, statuses that apply to this list.
    if (r.history[0]?.status !== 'listed') report(ctx, ['history', 0, 'status'], 'history_first', { start });
    r.history.forEach((e, i) => {
      const previous = r.history[i - 1];
      if (previous && isIsoDate(e.date) && e.date < previous.date) {
        report(ctx, ['history', i, 'date'], 'history_order', { date: e.date, previous: previous.date });
      }
      const lists = LISTS.filter((l) => statusAppliesTo(e.status, l));
      if (!lists.includes(r.list)) {
        report(ctx, ['history', i, 'status'], 'status_not_for_list', { status: e.status, lists: lists.map((l) => LIST_NAMES[l].zh).join('、') });
      }
    });

    // Attachments: under media/, with an allowed extension for their kind.
    r.attachments.forEach((a, i) => {
      if (!/^media\/(?!.*\.\.)[\w\-./\u4e00-\u9fff]+$/u.test(a.file)) report(ctx, ['attachments', i, 'file'], 'attachment_path', { file: a.file });
      const ext = a.file.split('.').pop()?.toLowerCase() ?? '';
      const allowed = ATTACHMENT_EXTENSIONS[a.kind];
      if (!allowed.includes(ext)) report(ctx, ['attachments', i, 'file'], 'attachment_type', { file: a.file, allowed: allowed.join(', ') });
    });
  };
}

/** Whether a status can occur on a list: only black-list entries can be repaired (信用修复). */
export function statusAppliesTo(status: (typeof STATUSES)[number], list: (typeof LISTS)[number]): boolean {
  if (status === 'repair-applied') return list === 'black';
  return true;
}

/** A record as parsed (defaults applied). */
export type HongheiRecord = z.infer<ReturnType<typeof createRecordSchema>>;
