/** Messages about a record's own fields: category, dates, batch, history, attachments, region. */
import { LIST_NAMES, STATUS_NAMES, type ListId, type Status } from './labels.ts';
import { m, type Lang, type Message } from './message-text.ts';

const list = (id: unknown, lang: Lang) => LIST_NAMES[id as ListId]?.[lang] ?? String(id);
const lists = (ids: unknown, lang: Lang) =>
  String(ids)
    .split(',')
    .map((l) => list(l, lang))
    .join(lang === 'zh' ? '、' : ', ');
const status = (id: unknown, lang: Lang) =>
  `${STATUS_NAMES[id as Status]?.[lang] ?? String(id)}（${String(id)}）`;

/** Names of the dated steps, for the date-order message. */
const STEP_NAMES: Record<string, Record<Lang, string>> = {
  decision: { zh: '决定日期', en: 'the decision date' },
  submitted: { zh: '报送日期', en: 'the submission date' },
  review: { zh: '审核日期', en: 'the review date' },
  approve: { zh: '审定日期', en: 'the approval date' },
  start: { zh: '发布开始日期', en: 'the publication start' },
  history: { zh: '状态记录的日期', en: 'the status event date' },
};
const step = (id: unknown, lang: Lang) => STEP_NAMES[String(id)]?.[lang] ?? String(id);

export const RECORD_MESSAGES = {
  unknown_category: m(
    (v) => `类别“${v.category}”不在${list(v.list, 'zh')}的类别清单中`,
    (v) => `category "${v.category}" is not configured for the list "${list(v.list, 'en')}"`,
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
    (v) => `发布期限超过 ${v.years} 年（开始 ${v.start}，结束 ${v.end}，最晚可到 ${v.max}）`,
    (v) =>
      `the publication period is longer than ${v.years} years (start ${v.start}, end ${v.end}, latest allowed ${v.max})`,
    (v) =>
      `把结束日期改为 ${v.max} 或更早；法律另有规定的，增加 publication.extension_basis 写明依据`,
    (v) =>
      `set the end to ${v.max} or earlier; where a law allows longer, add publication.extension_basis citing it`,
  ),
  extension_unneeded: m(
    (v) => `发布期限未超过 ${v.years} 年，不需要 extension_basis`,
    (v) => `the period is not longer than ${v.years} years, so extension_basis is not needed`,
    () => '删除 publication.extension_basis',
    () => 'remove publication.extension_basis',
  ),
  date_order: m(
    (v) =>
      `${step(v.later, 'zh')}（${v.laterDate}）早于${step(v.earlier, 'zh')}（${v.earlierDate}）`,
    (v) =>
      `${step(v.later, 'en')} (${v.laterDate}) is before ${step(v.earlier, 'en')} (${v.earlierDate})`,
    () => '按“决定 → 报送 → 审核 → 审定 → 发布”的顺序核对日期',
    () => 'dates must follow decision → submission → review → approval → publication',
  ),
  history_first: m(
    () => '状态记录的第一项必须是“列入”（listed）',
    () => 'the first status event must be listed',
    (v) => `在 history 开头增加 - status: listed，date: ${v.start}`,
    (v) => `start history with - status: listed and date: ${v.start}`,
  ),
  history_listed_date: m(
    (v) => `“列入”的日期 ${v.date} 与发布开始日期 ${v.start} 不同`,
    (v) => `the listed event is dated ${v.date}, but publication starts ${v.start}`,
    (v) => `把“列入”的日期改为 ${v.start}（列入之日即开始公开）`,
    (v) => `date the listed event ${v.start}: an entry is listed on the day its publication starts`,
  ),
  history_after_end: m(
    (v) => `“${status(v.previous, 'zh')}”之后不能再有状态记录（这里是“${status(v.status, 'zh')}”）`,
    (v) => `no status can follow "${status(v.previous, 'en')}" (found "${status(v.status, 'en')}")`,
    () => '该条目已结束；删除这一项，如需重新列入，另建一条新记录',
    () =>
      'the entry has ended: remove this event, and create a new record to list the subject again',
  ),
  maintained_without_objection: m(
    () => '“异议不成立，维持”前面没有“异议处理中”',
    () => '"maintained" follows no objection',
    () => '先增加 - status: objection（收到异议的日期），或删除这一项',
    () => 'add - status: objection (the day the objection arrived) before it, or remove it',
  ),
  expired_too_early: m(
    (v) => `“期满移出”的日期 ${v.date} 不晚于发布结束日期 ${v.end}`,
    (v) => `"expired" is dated ${v.date}, not after the publication end ${v.end}`,
    (v) => `改为 ${v.after} 或更晚；期满前移出请用 removed（提前移出）或 revoked（撤销）`,
    (v) => `date it ${v.after} or later; to end an entry early use removed or revoked`,
  ),
  due_before_date: m(
    (v) => `办理时限 ${v.due} 早于事件日期 ${v.date}`,
    (v) => `the deadline ${v.due} is before the event date ${v.date}`,
    () =>
      '核对日期：办理时限是收到异议之日后的第几个工作日，天数见 content/publisher.yaml 的 objection_working_days',
    () =>
      'check the dates: the deadline is the working day objection_working_days (content/publisher.yaml) after receipt',
  ),
  history_order: m(
    (v) => `状态记录的日期倒序：${v.date} 早于上一项 ${v.previous}`,
    (v) => `status events are out of order: ${v.date} is before the previous ${v.previous}`,
    () => '按时间先后排列状态记录',
    () => 'list status events in date order',
  ),
  status_not_for_list: m(
    (v) => `状态“${status(v.status, 'zh')}”只适用于${lists(v.lists, 'zh')}`,
    (v) => `status "${status(v.status, 'en')}" only applies to ${lists(v.lists, 'en')}`,
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
    () =>
      'put the file under content/media/ and give its path relative to content/, e.g. media/2026/case-1.jpg',
  ),
  invalid_date: m(
    (v) => `“${v.value}”不是有效日期`,
    (v) => `"${v.value}" is not a valid date`,
    () => '写成 YYYY-MM-DD，如 2026-07-15',
    () => 'write it as YYYY-MM-DD, e.g. 2026-07-15',
  ),
  date_in_future: m(
    (v) => `${step(v.field, 'zh')} ${v.date} 晚于今天（${v.today}）`,
    (v) => `${step(v.field, 'en')} ${v.date} is after today (${v.today})`,
    (v) =>
      `这里填已经发生的日期：今天 ${v.today} 或更早，照文书或登记簿填写；尚未发生的，发生后再填`,
    (v) =>
      `this is the date something happened: today (${v.today}) or earlier, as the document or register shows; if it has not happened yet, add it once it has`,
  ),
  authority_format: m(
    (v) => `“${v.value}”不是机关名称`,
    (v) => `"${v.value}" is not the name of an authority`,
    () =>
      '填写作出决定（命名）的机关全称，用汉字，如“大连市人力资源和社会保障局”；日期和文号各有字段',
    () =>
      'give the full Chinese name of the body that decided (or named), e.g. 大连市人力资源和社会保障局; the date and the document number have their own fields',
  ),
  document_number_format: m(
    (v) => `“${v.value}”不是文号`,
    (v) => `"${v.value}" is not a document number`,
    () => '照决定书填写文号：机关代字〔年份〕序号号，如“大人社监罚字〔2026〕18号”',
    () =>
      'copy the number from the decision: issuer code〔year〕serial 号, e.g. 大人社监罚字〔2026〕18号',
  ),
  document_number_unusual: m(
    (v) => `文号“${v.value}”不是常见的“机关代字〔年份〕序号号”格式`,
    (v) =>
      `document number "${v.value}" does not follow the usual form issuer code〔year〕serial 号`,
    () =>
      '请对照决定书核对，如“大工办发〔2016〕18号”（年份可用〔〕、[]、［］括起，序号前可有“第”）；确实如此的无需修改',
    () =>
      'check it against the decision, e.g. 大工办发〔2016〕18号 (the year in 〔〕, [] or ［］, 第 before the serial allowed); if it is right as it is, leave it',
  ),
  control_character: m(
    (v) => `文字中含有看不见的控制字符（${v.code}）`,
    (v) => `the text contains an invisible control character (${v.code})`,
    () => '删除该字符：重新输入这段文字，不要从其他系统直接粘贴',
    () => 'remove it: type the text again rather than pasting it from another system',
  ),
  unknown_region: m(
    (v) => `行政区划代码 ${v.code} 不在 GB/T 2260 区划表中`,
    (v) => `division code ${v.code} is not in the GB/T 2260 list`,
    () => '填写 6 位区划代码，如 210202（大连市中山区）；可在国家统计局区划代码表中查询',
    () =>
      'give a 6-digit division code such as 210202; look it up in the statistics bureau division list',
  ),
} satisfies Record<string, Message>;
