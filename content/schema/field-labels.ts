/**
 * The one answer to "what is this field called, in this language": the label and hint each field
 * carries in the schema (record.ts, field-meta.ts), the names of coded values, and the fields in
 * schema order. The bot's questions, the site's pages, the CSV/JSON exports, the pull-request
 * table, the validator's messages and the README all read field names from here.
 */
import { describeTexts, type FieldTexts } from './field-meta.ts';
import { recordFieldAt, recordKeysAt, textsOf } from './fields.ts';
import {
  APPROVAL_ROLE_NAMES,
  ATTACHMENT_KIND_NAMES,
  DEMO_LEVEL_NAMES,
  LIST_NAMES,
  PERSON_ROLE_NAMES,
  STATUS_NAMES,
  SUBJECT_KIND_NAMES,
} from './labels.ts';
import type { Lang } from './message-text.ts';

/** A field path: 'subject.name', ['subject', 'persons', 0, 'role'] or 'subject.persons.*.role'. */
export type FieldPath = string | readonly PropertyKey[];

/** A path in its one written form: dotted, list items as '*' (subject.persons.*.role). */
export function fieldPathKey(path: FieldPath): string {
  const keys = typeof path === 'string' ? path.split('.') : path.map(String);
  return keys.map((k) => (/^\d+$/.test(k) ? '*' : k)).join('.');
}

const keysOf = (path: FieldPath) => fieldPathKey(path).split('.').filter(Boolean);

/** The texts a field carries in the schema, or undefined for a path the record does not have. */
export function fieldTexts(path: FieldPath): FieldTexts | undefined {
  const field = recordFieldAt(keysOf(path));
  return field && textsOf(field);
}

/** A field's label in a language (主体名称 / Name); the path itself for a field without one. */
export function fieldLabel(path: FieldPath, lang: Lang = 'zh'): string {
  return fieldTexts(path)?.label[lang] ?? fieldPathKey(path);
}

/** A field's short hint in a language, if it has one. */
export function fieldHint(path: FieldPath, lang: Lang = 'zh'): string | undefined {
  return fieldTexts(path)?.hint?.[lang];
}

/** A field's description in a language: "label：hint" (what the validator says a field holds). */
export function fieldDescription(path: FieldPath, lang: Lang = 'zh'): string | undefined {
  const texts = fieldTexts(path);
  return texts && describeTexts(texts, lang);
}

/** Names of the coded values of each coded field, by its path. */
export const VALUE_NAMES: Record<string, Record<string, Record<Lang, string>>> = {
  list: LIST_NAMES,
  'subject.kind': SUBJECT_KIND_NAMES,
  'subject.persons.*.role': PERSON_ROLE_NAMES,
  'approvals.*.role': APPROVAL_ROLE_NAMES,
  'demonstration.level': DEMO_LEVEL_NAMES,
  'history.*.status': STATUS_NAMES,
  'attachments.*.kind': ATTACHMENT_KIND_NAMES,
};

/** The name of a coded value (enterprise → 企业); the value itself when it has none. */
export function valueName(path: FieldPath, value: unknown, lang: Lang = 'zh'): string {
  const text = String(value);
  return VALUE_NAMES[fieldPathKey(path)]?.[text]?.[lang] ?? text;
}

/**
 * Every field path in schema order, groups before their fields and list items as '*'
 * (…, 'subject', 'subject.kind', …, 'subject.persons', 'subject.persons.*.role', …): the order of
 * pages, exports and tables.
 */
export function fieldOrder(prefix: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const key of recordKeysAt(prefix)) {
    const path = [...prefix, key];
    out.push(path.join('.'));
    const item = recordKeysAt([...path, '*']).length ? [...path, '*'] : path;
    if (recordKeysAt(item).length) out.push(...fieldOrder(item));
  }
  return out;
}
