/**
 * The listed subject of a record: who it is (kind, name, credit code or masked ID number), where,
 * and the persons published with it, each field with its label and hint (labelled).
 */
import { z } from 'zod';
import { labelled } from './field-meta.ts';
import {
  KINDS_BY_LIST,
  PERSON_ROLE_NAMES,
  PERSON_ROLES,
  SUBJECT_KIND_NAMES,
  SUBJECT_KINDS,
  type ListId,
} from './labels.ts';
import { bounded, despiteUnknownKeys, length, MASKED_ID, named, text } from './record-parts.ts';
import { maskedNameRule, subjectRules } from './record-subject-rules.ts';

const kindsOf = (list: ListId) => KINDS_BY_LIST[list];
const demoOnlyKinds = kindsOf('demo').filter((k) => !kindsOf('red').includes(k));

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

/** The subject with its own rules (kind, code, masked names). */
export const subjectSchema = subjectFields.superRefine(subjectRules, despiteUnknownKeys);
