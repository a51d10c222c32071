/** Messages about files and the rules that span records. */
import { APPROVAL_ROLE_NAMES, LIST_NAMES, type ApprovalRole, type ListId } from './labels.ts';
import { m, type Lang, type Message } from './message-text.ts';

const YAML_FIXES: Record<string, Record<Lang, string>> = {
  TAB_AS_INDENT: {
    zh: '把行首的 Tab 换成空格（每级两个空格）',
    en: 'replace the tab at the start of the line with spaces (two per level)',
  },
  DUPLICATE_KEY: { zh: '删除重复的字段，只保留一个', en: 'remove the repeated field and keep one' },
  BAD_ALIAS: {
    zh: '不用 & 和 * 别名，把值直接写出来',
    en: 'write the value out instead of using & and * aliases',
  },
  MULTIPLE_DOCS: {
    zh: '删除文件中间的 ---，一个文件只写一条记录',
    en: 'remove the --- inside the file: one record per file',
  },
};

const list = (id: unknown, lang: Lang) => LIST_NAMES[id as ListId]?.[lang] ?? String(id);

/** Approval roles named in the stage messages: 'review,approve' → 审核、审定 / reviewed and approved. */
const roleIds = (ids: unknown) => String(ids).split(',') as ApprovalRole[];
const roles = (ids: unknown, lang: Lang, joiner: string) =>
  roleIds(ids)
    .map((r) => APPROVAL_ROLE_NAMES[r]?.[lang] ?? r)
    .join(joiner);
/** English nouns: awaiting review and approval. */
const ROLE_NOUNS: Record<ApprovalRole, string> = { review: 'review', approve: 'approval' };
const awaited = (ids: unknown) =>
  roleIds(ids)
    .map((r) => ROLE_NOUNS[r] ?? r)
    .join(' and ');
const reviewers = (ids: unknown) =>
  roleIds(ids)
    .map((r) => `${APPROVAL_ROLE_NAMES[r]?.zh ?? r}人`)
    .join('、');

/** Chinese wording of the yaml library's commonest errors (its own messages are English). */
const YAML_ERRORS_ZH: Record<string, string> = {
  TAB_AS_INDENT: '用了 Tab 缩进',
  BAD_INDENT: '缩进不对齐',
  DUPLICATE_KEY: '同一字段写了两次',
  MISSING_CHAR: '缺少配对的引号或括号',
  MULTIPLE_DOCS: '一个文件里有多个文档（---）',
  BAD_ALIAS: '使用了别名（& 或 *）',
  ALIAS: '使用了别名（& 或 *）',
  BLOCK_AS_IMPLICIT_KEY: '冒号后缺少空格或缩进有误',
  MULTILINE_IMPLICIT_KEY: '字段名跨行（多半是冒号后缺少空格）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
};

export const REPOSITORY_MESSAGES = {
  yaml_syntax: m(
    (v) => `YAML 语法错误：${YAML_ERRORS_ZH[String(v.code)] ?? v.detail}`,
    (v) => `YAML syntax error: ${v.detail}`,
    (v) =>
      YAML_FIXES[String(v.code)]?.zh ??
      '检查这一行及上一行：缩进用空格、冒号后留一个空格、引号和括号成对',
    (v) =>
      YAML_FIXES[String(v.code)]?.en ??
      'check this line and the one above: indent with spaces, put a space after each colon, pair quotes and brackets',
  ),
  duplicate_id: m(
    (v) => `编号 ${v.id} 与 ${v.other} 重复`,
    (v) => `id ${v.id} is also used by ${v.other}`,
    () => '给其中一条记录换一个新编号，并同时修改文件名',
    () => 'give one of the records a new id and rename its file to match',
  ),
  id_filename: m(
    (v) => `编号 ${v.id} 与文件名 ${v.name} 不一致`,
    (v) => `id ${v.id} does not match the file name ${v.name}`,
    (v) => `把文件改名为 ${v.id}.yaml，或把 id 改为 ${v.stem}`,
    (v) => `rename the file to ${v.id}.yaml or set id to ${v.stem}`,
  ),
  file_location: m(
    (v) => `文件位置与内容不符：应在 ${v.expected}`,
    (v) => `the file is in the wrong folder: it belongs in ${v.expected}`,
    (v) => `把文件移到 ${v.expected}`,
    (v) => `move it to ${v.expected}`,
  ),
  code_active_twice: m(
    (v) => `代码 ${v.code} 在${list(v.list, 'zh')}中的两条记录公开期重叠（另见 ${v.other}）`,
    (v) =>
      `code ${v.code} has two entries on the list "${list(v.list, 'en')}" whose public periods overlap (see also ${v.other})`,
    () => '同一主体在同一名单同一时间只能有一条有效记录：更新原记录，或让新记录在原记录结束后开始',
    () =>
      'a subject has one entry per list at a time: update the existing record, or start the new one after the old one ends',
  ),
  attachment_missing: m(
    (v) => `附件文件 content/${v.file} 不存在`,
    (v) => `attachment content/${v.file} does not exist`,
    () => '把文件加入仓库，或改正路径（区分大小写）',
    () => 'add the file to the repository or correct the path (it is case-sensitive)',
  ),
  attachment_content: m(
    (v) => `附件 content/${v.file} 的内容不是 ${v.ext} 文件`,
    (v) => `attachment content/${v.file} is not really a ${v.ext} file`,
    () => '重新导出为扩展名所示的格式（如 JPG、PNG、PDF）后再上传，不要只改扩展名',
    () =>
      'export it again in the format its extension names (JPG, PNG, PDF) instead of renaming it',
  ),
  case_missing: m(
    (v) => `典型案例 content/cases/${v.slug}.mdx 不存在`,
    (v) => `case write-up content/cases/${v.slug}.mdx does not exist`,
    () => '增加该案例文章，或删除 case 字段',
    () => 'add the write-up or remove the case field',
  ),
  unknown_unit: m(
    (v) => `报送单位“${v.unit}”不在发布单位配置中`,
    (v) => `submitting unit "${v.unit}" is not in the publisher configuration`,
    (v) => `改用 content/publisher.yaml 中的单位：${v.allowed}`,
    (v) => `use a unit from content/publisher.yaml: ${v.allowed}`,
  ),
  unit_category: m(
    (v) => `报送单位“${v.unit}”不负责类别“${v.category}”`,
    (v) => `submitting unit "${v.unit}" is not responsible for category "${v.category}"`,
    (v) =>
      `核对类别，或改由负责该类别的单位报送（该单位负责：${v.allowed}）；分工见 content/publisher.yaml`,
    (v) =>
      `check the category, or have the responsible unit submit it (this unit covers: ${v.allowed}); see content/publisher.yaml`,
  ),
  objection_due: m(
    (v) =>
      `异议办理时限 ${v.due} 与规定不符：${v.date} 收到，${v.days} 个工作日后应为 ${v.expected}`,
    (v) =>
      `objection deadline ${v.due} is wrong: received ${v.date}, ${v.days} working days later is ${v.expected}`,
    (v) => `把 due 改为 ${v.expected}（按国务院公布的节假日和调休安排计算，收到当日不计）`,
    (v) =>
      `set due to ${v.expected} (official holidays and make-up workdays counted; the day of receipt does not count)`,
  ),
  calendar_gap: m(
    (v) => `无法核对办理时限：${v.year} 年的节假日安排尚未收录`,
    (v) => `the deadline cannot be checked: the holidays of ${v.year} are not known yet`,
    (v) =>
      `国务院公布该年节假日安排后添加 content/calendar/${v.year}.yaml（见 README“新一年的节假日”），或把 due 改为 pending`,
    (v) =>
      `add content/calendar/${v.year}.yaml once the State Council publishes that year's holidays (README, "The new year's holidays"), or set due to pending`,
  ),
  approvals_count: m(
    (v) => `只有 ${v.count} 项审批，发布需要 ${v.required} 项`,
    (v) => `${v.count} approval(s), publication needs ${v.required}`,
    (v) =>
      `合并前再由 ${Number(v.required) - Number(v.count)} 位审批人批准（npm run review -- approve，或在拉取请求上批准）`,
    (v) =>
      `${Number(v.required) - Number(v.count)} more reviewer(s) approve before the merge (npm run review -- approve, or approve the pull request)`,
  ),
  approvals_missing: m(
    (v) => `尚未${roles(v.roles, 'zh', '、')}：发布须经审核（分管领导）和审定（主要领导）`,
    (v) =>
      `not yet ${roles(v.roles, 'en', ' and ')}: publication needs a review (审核) and an approval (审定)`,
    (v) =>
      `合并前由${reviewers(v.roles)}批准，批准时写入 approvals（npm run review -- approve，或在拉取请求上批准）；报送的记录用 npm run validate -- --stage submission 校验`,
    () =>
      'the reviewers approve before the merge, which writes approvals (npm run review -- approve, or approve the pull request); check a submission with npm run validate -- --stage submission',
  ),
  approvals_awaited: m(
    (v) =>
      v.roles
        ? roleIds(v.roles)
            .map((r) => `待${APPROVAL_ROLE_NAMES[r]?.zh ?? r}`)
            .join('/')
        : `还需 ${Number(v.required) - Number(v.count)} 项审批`,
    (v) =>
      v.roles
        ? `awaiting ${awaited(v.roles)}`
        : `awaiting ${Number(v.required) - Number(v.count)} more approval(s)`,
    (v) => `合并前由${v.roles ? reviewers(v.roles) : '审批人'}批准`,
    () => 'the reviewers approve before the merge',
  ),
  case_without_record: m(
    (v) => `典型案例引用的记录 ${v.id} 不存在`,
    (v) => `the case write-up refers to record ${v.id}, which does not exist`,
    () => '改正 records 中的编号（即记录文件名，不含 .yaml）',
    () => 'correct the id in records (the record file name without .yaml)',
  ),
  case_date_unquoted: m(
    (v) => `典型案例的日期 ${v.date} 没有加引号，网站会把它读成时间而不是文字`,
    (v) =>
      `the case date ${v.date} is not quoted, so the site reads it as a timestamp rather than text`,
    (v) => `写成 date: "${v.date}"`,
    (v) => `write date: "${v.date}"`,
  ),
  case_frontmatter: m(
    (v) => `典型案例的文件头（--- 之间的 YAML）无法读取：${v.detail}`,
    (v) =>
      `the front matter (the YAML between ---) of the case write-up cannot be read: ${v.detail}`,
    () => '文件以 --- 开头，写 title、summary、date、records，再以 --- 结束',
    () => 'start the file with ---, give title, summary, date and records, and close with ---',
  ),
} satisfies Record<string, Message>;
