/** Messages about the listed subject: its credit code, its identity and personal data. */
import { LIST_NAMES, SUBJECT_KIND_NAMES, type ListId, type SubjectKind } from './labels.ts';
import { m, type Lang, type Message } from './message-text.ts';

const kind = (id: unknown, lang: Lang) =>
  SUBJECT_KIND_NAMES[id as SubjectKind]?.[lang] ?? String(id);
const kinds = (ids: unknown, lang: Lang) =>
  String(ids)
    .split(',')
    .map((k) => `${k}（${kind(k, lang)}）`)
    .join(lang === 'zh' ? '、' : ', ');
const list = (id: unknown, lang: Lang) => LIST_NAMES[id as ListId]?.[lang] ?? String(id);

const PERSONAL_DATA_NAMES: Record<string, Record<Lang, string>> = {
  'resident-id': { zh: '身份证号', en: 'ID number' },
  phone: { zh: '电话号码', en: 'phone number' },
  email: { zh: '电子邮箱', en: 'e-mail address' },
  'bank-card': { zh: '银行卡号', en: 'bank card number' },
};

export const SUBJECT_MESSAGES = {
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
    () =>
      'codes use digits and capital letters except I, O, S, V, Z; check that position (letter O is usually the digit 0)',
  ),
  uscc_division: m(
    (v) => `第 ${v.position} 位应为数字（第 3–8 位是登记管理机关行政区划码）`,
    (v) =>
      `position ${v.position} must be a digit (positions 3-8 are the registering authority's division code)`,
    () => '核对第 3–8 位',
    () => 'check positions 3-8',
  ),
  uscc_checksum: m(
    (v) =>
      `校验位不符：按 GB 32100-2015 由前 17 位算出的校验位是“${v.expected}”，第 18 位却是“${v.actual}”`,
    (v) =>
      `check character mismatch: by GB 32100-2015 the first 17 characters give "${v.expected}", but position 18 is "${v.actual}"`,
    () =>
      '多为前 17 位中某一位录错：请对照营业执照逐位核对，不要只改最后一位；若确为标准施行前试点地区发放的代码，增加 subject.code_override 写明理由和接受人',
    () =>
      'usually one of the first 17 characters is mistyped: compare every character with the licence rather than changing the last one; if it really is a pre-standard pilot code, add subject.code_override with a reason and who accepted it',
  ),
  override_unneeded: m(
    () => '代码校验通过，但记录带有 code_override',
    () => 'the code passes its check, yet the record carries code_override',
    () => '删除 code_override',
    () => 'remove code_override',
  ),
  override_without_code: m(
    () => '有 code_override 但没有统一社会信用代码',
    () => 'code_override is given but there is no credit code',
    () => '删除 code_override；它只用于校验位不符而仍须采用的代码',
    () => 'remove code_override: it only accepts a code whose check character fails',
  ),
  code_required: m(
    (v) => `${kind(v.kind, 'zh')}必须填写统一社会信用代码`,
    (v) => `a subject of kind ${kind(v.kind, 'en')} needs a credit code`,
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
    () =>
      'add subject.id_number keeping only the first 6 and last 4 characters, e.g. 110105********002X',
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
    () =>
      'keep the first 6 and last 4 characters and write the middle 8 as *, e.g. 110105********002X',
  ),
  masked_id: m(
    () => '身份证号应为脱敏形式',
    () => 'an ID number must be masked',
    () => '写成 6 位数字 + 8 个 * + 后 4 位，如 110105********002X',
    () => 'write 6 digits, 8 asterisks and the last 4 characters, e.g. 110105********002X',
  ),
  name_without_han: m(
    (v) => `${kind(v.kind, 'zh')}名称“${v.name}”中没有汉字`,
    (v) => `the ${kind(v.kind, 'en')} name "${v.name}" has no Chinese characters`,
    () =>
      '填写登记的中文全称，可含字母和数字，如“示例（大连）ABC科技有限公司”；外文名称不在这里填写',
    () =>
      'give the registered Chinese name, which may contain Latin letters and digits, e.g. 示例（大连）ABC科技有限公司; a foreign-language name does not belong here',
  ),
  masked_name: m(
    // The name itself is not repeated: the message may be posted on a pull request.
    () => '个人姓名未脱敏：依照《个人信息保护法》，公示时只保留姓氏，不公布全名',
    () =>
      'the personal name is not masked: under the Personal Information Protection Law only the surname is published, never the full name',
    (v) => `只保留姓氏（复姓保留两字），名字写成“某”或“某某”，如“${v.suggestion}”`,
    (v) =>
      `keep only the surname (two characters for a compound surname) and write the given name as 某 or 某某, e.g. "${v.suggestion}"`,
  ),
  personal_data: m(
    (v) =>
      `文本中含有不应公开的个人信息（${PERSONAL_DATA_NAMES[v.kind!]?.zh ?? v.kind}：${v.excerpt}）`,
    (v) =>
      `the text contains personal data that must not be published (${PERSONAL_DATA_NAMES[v.kind!]?.en ?? v.kind}: ${v.excerpt})`,
    () => '删除身份证号、手机号、邮箱、银行卡号等不必公开的个人信息',
    () =>
      'remove ID numbers, phone numbers, e-mail addresses and card numbers: they are not to be published',
  ),
  kind_not_in_list: m(
    (v) => `主体类型“${kind(v.kind, 'zh')}”不能列入${list(v.list, 'zh')}`,
    (v) =>
      `a subject of kind "${kind(v.kind, 'en')}" cannot be on the list "${list(v.list, 'en')}"`,
    (v) => `改用以下类型之一：${kinds(v.allowed, 'zh')}`,
    (v) => `use one of: ${kinds(v.allowed, 'en')}`,
  ),
  address_individual: m(
    () => '个人主体不公开住址',
    () => "an individual's address is not published",
    () => '删除 subject.address（个人住址属于不必公开的个人信息）',
    () => 'remove subject.address: a home address is personal data that is not to be published',
  ),
} satisfies Record<string, Message>;
