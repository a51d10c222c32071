/**
 * What the schema says when a record is wrong, in Chinese and English. Each message has two parts,
 * what is wrong and how to fix it, because the same text is read by a reviewer on a pull request
 * and by a submitter in the bot.
 */

/** The languages the validator and the bot speak. */
export type Lang = 'zh' | 'en';

type Vars = Record<string, string | number>;
type Text = (v: Vars) => string;
interface Message { what: Record<Lang, Text>; fix: Record<Lang, Text> }

const m = (whatZh: Text, whatEn: Text, fixZh: Text, fixEn: Text): Message => ({
  what: { zh: whatZh, en: whatEn },
  fix: { zh: fixZh, en: fixEn },
});

export const MESSAGES = {
  uscc_length: m(
    (v) => `统一社会信用代码应为 18 位，这里是 ${v.length} 位`,
    (v) => `a credit code has 18 characters, this one has ${v.length}`,
    () => '对照营业执照或登记证书重新填写完整的 18 位代码',
    () => 'copy all 18 characters again from the business licence or registration certificate',
  ),
  uscc_character: m(
    (v) => `第 ${v.position} 位的“${v.char}”不能出现在统一社会信用代码中`,
    (v) => `"${v.char}" at position ${v.position} cannot appear in a credit code`,
    () => '代码只用数字和大写字母，不用 I、O、S、V、Z；核对该位（常见错误：字母 O 应为数字 0）',
    () => 'codes use digits and capital letters except I, O, S, V, Z; check that position (letter O is usually the digit 0)',
  ),
  uscc_division: m(
    (v) => `第 ${v.position} 位应为数字（第 3–8 位是登记管理机关行政区划码）`,
    (v) => `position ${v.position} must be a digit (positions 3-8 are the registering authority's division code)`,
    () => '核对第 3–8 位',
    () => 'check positions 3-8',
  ),
  uscc_checksum: m(
    (v) => `校验位不符：按 GB 32100-2015 计算，第 18 位应为“${v.expected}”，实际为“${v.actual}”`,
    (v) => `check character mismatch: by GB 32100-2015 position 18 should be "${v.expected}", not "${v.actual}"`,
    () => '多为录入错误，请逐位核对营业执照；若确为标准施行前试点地区发放的代码，增加 code_override 并写明理由',
    () => 'this is nearly always a typing error: compare every character with the licence; if it really is a pre-standard pilot code, add code_override with a reason',
  ),
  override_unneeded: m(
    () => '代码校验通过，但记录带有 code_override',
    () => 'the code passes its check, yet the record carries code_override',
    () => '删除 code_override',
    () => 'remove code_override',
  ),
  code_required: m(
    (v) => `${v.kind}必须填写统一社会信用代码`,
    (v) => `a subject of kind ${v.kind} needs a credit code`,
    () => '在 subject 下增加 code: 后接 18 位代码',
    () => 'add code: with the 18-character code under subject',
  ),
  code_forbidden_individual: m(
    () => '个人不使用统一社会信用代码',
    () => 'an individual has no credit code',
    () => '删除 subject.code；如需标识个人，使用脱敏的 id_number（如 110105********002X）',
    () => 'remove subject.code; identify a person by a masked id_number such as 110105********002X',
  ),
  id_required_individual: m(
    () => '个人主体缺少脱敏身份证号',
    () => 'an individual subject needs a masked ID number',
    () => '增加 subject.id_number，只保留前 6 位和后 4 位，如 110105********002X',
    () => 'add subject.id_number keeping only the first 6 and last 4 characters, e.g. 110105********002X',
  ),
  id_for_individual_only: m(
    () => '只有个人主体才填写身份证号',
    () => 'only an individual subject has an ID number',
    () => '删除 subject.id_number',
    () => 'remove subject.id_number',
  ),
  full_id: m(
    () => '这里是完整的居民身份证号，不得公开',
    () => 'this is a full resident ID number, which must never be published',
    () => '只保留前 6 位和后 4 位，中间 8 位写成 *，如 110105********002X',
    () => 'keep the first 6 and last 4 characters and write the middle 8 as *, e.g. 110105********002X',
  ),
  masked_id: m(
    () => '身份证号应为脱敏形式',
    () => 'an ID number must be masked',
    () => '写成 6 位数字 + 8 个 * + 后 4 位，如 110105********002X',
    () => 'write 6 digits, 8 asterisks and the last 4 characters, e.g. 110105********002X',
  ),
  masked_name: m(
    (v) => `个人姓名“${v.name}”未脱敏`,
    (v) => `the personal name "${v.name}" is not masked`,
    (v) => `只保留姓氏，名字写成“某”，如“${v.suggestion}”`,
    (v) => `keep the surname and write the given name as 某, e.g. "${v.suggestion}"`,
  ),
  personal_data: m(
    (v) => `文本中含有个人信息（${v.kind}：${v.excerpt}）`,
    (v) => `the text contains personal data (${v.kind}: ${v.excerpt})`,
    () => '删除身份证号、手机号、邮箱、银行卡号等不必公开的个人信息',
    () => 'remove ID numbers, phone numbers, e-mail addresses and card numbers: they are not to be published',
  ),
  kind_not_in_list: m(
    (v) => `主体类型“${v.kind}”不能列入${v.list}`,
    (v) => `a subject of kind "${v.kind}" cannot be on the ${v.list} list`,
    (v) => `改用以下类型之一：${v.allowed}`,
    (v) => `use one of: ${v.allowed}`,
  ),
  unknown_category: m(
    (v) => `类别“${v.category}”不在${v.list}的类别清单中`,
    (v) => `category "${v.category}" is not configured for the ${v.list} list`,
    (v) => `改用 content/categories.yaml 中的类别：${v.allowed}`,
    (v) => `use a category from content/categories.yaml: ${v.allowed}`,
  ),
  demonstration_required: m(
    () => '示范单位缺少 demonstration（命名级别等）',
    () => 'a demonstration unit needs a demonstration block (naming level etc.)',
    () => '增加 demonstration: 并填写 level（county/city/province/national）',
    () => 'add demonstration: with level (county/city/province/national)',
  ),
  demonstration_forbidden: m(
    () => '只有示范单位名单的记录才有 demonstration',
    () => 'only demonstration-list records have a demonstration block',
    () => '删除 demonstration，或把 list 改为 demo',
    () => 'remove demonstration, or set list to demo',
  ),
  batch_start: m(
    (v) => `发布开始日期 ${v.start} 不在批次 ${v.batch}（${v.from} 至 ${v.to}）内`,
    (v) => `publication start ${v.start} is outside batch ${v.batch} (${v.from} to ${v.to})`,
    (v) => `把批次改为 ${v.suggestion}，或把发布开始日期改到该季度内`,
    (v) => `set the batch to ${v.suggestion}, or move the start into that quarter`,
  ),
  end_before_start: m(
    (v) => `发布结束日期 ${v.end} 早于开始日期 ${v.start}`,
    (v) => `publication end ${v.end} is before its start ${v.start}`,
    () => '核对两个日期',
    () => 'check both dates',
  ),
  period_too_long: m(
    (v) => `发布期限超过 3 年（开始 ${v.start}，结束 ${v.end}，最晚 ${v.max}）`,
    (v) => `the publication period is longer than 3 years (start ${v.start}, end ${v.end}, latest ${v.max})`,
    (v) => `把结束日期改为 ${v.max} 或更早；法律另有规定的，增加 publication.extension_basis 写明依据`,
    (v) => `set the end to ${v.max} or earlier; where a law allows longer, add publication.extension_basis citing it`,
  ),
  extension_unneeded: m(
    () => '发布期限未超过 3 年，不需要 extension_basis',
    () => 'the period is not longer than 3 years, so extension_basis is not needed',
    () => '删除 publication.extension_basis',
    () => 'remove publication.extension_basis',
  ),
  date_order: m(
    (v) => `${v.later}（${v.laterDate}）早于${v.earlier}（${v.earlierDate}）`,
    (v) => `${v.later} (${v.laterDate}) is before ${v.earlier} (${v.earlierDate})`,
    () => '按“决定 → 报送 → 审核 → 审定 → 发布”的顺序核对日期',
    () => 'dates must follow decision → submission → review → approval → publication',
  ),
  approvals_roles: m(
    () => '审批须包含一次“审核”（review）和一次“审定”（approve）',
    () => 'approvals need one review (审核) and one approval (审定)',
    () => '在 approvals 中各写一项，role 分别为 review 和 approve',
    () => 'list one approval with role review and one with role approve',
  ),
  history_first: m(
    () => '状态记录的第一项必须是“列入”（listed）',
    () => 'the first status event must be listed',
    (v) => `在 history 开头增加 - status: listed，date: ${v.start}`,
    (v) => `start history with - status: listed and date: ${v.start}`,
  ),
  history_order: m(
    (v) => `状态记录的日期倒序：${v.date} 早于上一项 ${v.previous}`,
    (v) => `status events are out of order: ${v.date} is before the previous ${v.previous}`,
    () => '按时间先后排列状态记录',
    () => 'list status events in date order',
  ),
  status_not_for_list: m(
    (v) => `状态“${v.status}”只适用于${v.lists}`,
    (v) => `status "${v.status}" only applies to ${v.lists}`,
    () => '改用适用于本名单的状态',
    () => 'use a status that applies to this list',
  ),
  attachment_type: m(
    (v) => `附件“${v.file}”的类型不允许`,
    (v) => `attachment "${v.file}" has a type that is not allowed`,
    (v) => `只接受 ${v.allowed}`,
    (v) => `only ${v.allowed} are accepted`,
  ),
  attachment_path: m(
    (v) => `附件路径“${v.file}”不在 content/media/ 下`,
    (v) => `attachment path "${v.file}" is not under content/media/`,
    () => '把文件放到 content/media/ 下，写相对 content/ 的路径，如 media/2026/case-1.jpg',
    () => 'put the file under content/media/ and give its path relative to content/, e.g. media/2026/case-1.jpg',
  ),
  invalid_date: m(
    (v) => `“${v.value}”不是有效日期`,
    (v) => `"${v.value}" is not a valid date`,
    () => '写成 YYYY-MM-DD，如 2026-07-15',
    () => 'write it as YYYY-MM-DD, e.g. 2026-07-15',
  ),
  unknown_region: m(
    (v) => `行政区划代码 ${v.code} 不在 GB/T 2260 区划表中`,
    (v) => `division code ${v.code} is not in the GB/T 2260 list`,
    () => '填写 6 位区划代码，如 210202（大连市中山区）；可在国家统计局区划代码表中查询',
    () => 'give a 6-digit division code such as 210202; look it up in the statistics bureau division list',
  ),
  yaml_syntax: m(
    (v) => `YAML 语法错误：${v.detail}`,
    (v) => `YAML syntax error: ${v.detail}`,
    () => '检查缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对',
    () => 'check the indentation (spaces, not tabs), the space after each colon and that quotes are paired',
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
    (v) => `代码 ${v.code} 在${v.list}中同时有两条有效记录（另见 ${v.other}）`,
    (v) => `code ${v.code} has two active entries on the ${v.list} list (see also ${v.other})`,
    () => '同一主体在同一名单只能有一条有效记录：更新原记录，或先让原记录移出',
    () => 'one subject has one active entry per list: update the existing record, or end it first',
  ),
  attachment_missing: m(
    (v) => `附件文件 content/${v.file} 不存在`,
    (v) => `attachment content/${v.file} does not exist`,
    () => '把文件加入仓库，或改正路径（区分大小写）',
    () => 'add the file to the repository or correct the path (it is case-sensitive)',
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
  approvals_count: m(
    (v) => `只有 ${v.count} 项审批，发布需要 ${v.required} 项`,
    (v) => `${v.count} approval(s), publication needs ${v.required}`,
    () => '补齐审核和审定记录后再合并',
    () => 'add the missing review or approval before merging',
  ),
  case_without_record: m(
    (v) => `典型案例引用的记录 ${v.id} 不存在`,
    (v) => `the case write-up refers to record ${v.id}, which does not exist`,
    () => '改正 records 中的编号',
    () => 'correct the id in records',
  ),
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

/** Renders a message as "what — how to fix" in one language. */
export function renderMessage(key: MessageKey, vars: Vars, lang: Lang): { what: string; fix: string } {
  const msg: Message = MESSAGES[key];
  return { what: msg.what[lang](vars), fix: msg.fix[lang](vars) };
}
