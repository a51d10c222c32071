/**
 * Names shown for fields and vocabulary values. Field names come from the locale files
 * (`field-<path>`), falling back to the schema's description, so a new schema field is asked with
 * its description until someone names it. Vocabulary names come from the schema's labels.
 */
import {
  APPROVAL_ROLE_NAMES,
  ATTACHMENT_KIND_NAMES,
  DEMO_LEVEL_NAMES,
  LIST_NAMES,
  PERSON_ROLE_NAMES,
  STATUS_NAMES,
  SUBJECT_KIND_NAMES,
  type Lang,
} from '../../content/schema/index.ts';
import type { Translate } from '../i18n.ts';

/** Names of the enum values of each enum field, by the field's path ('*' for list items). */
export const ENUM_NAMES: Record<string, Record<string, Record<Lang, string>>> = {
  list: LIST_NAMES,
  'subject.kind': SUBJECT_KIND_NAMES,
  'subject.persons.*.role': PERSON_ROLE_NAMES,
  'approvals.*.role': APPROVAL_ROLE_NAMES,
  'demonstration.level': DEMO_LEVEL_NAMES,
  'history.*.status': STATUS_NAMES,
  'attachments.*.kind': ATTACHMENT_KIND_NAMES,
};

/** The locale key of a field's name: field-subject-code for subject.code. */
export const fieldKey = (path: string) =>
  `field-${path.replace(/\.\*?\.?/g, '-').replace(/-+/g, '-')}`;

/** A field's name in the user's language; the schema's description when the locale has none. */
export function fieldLabel(path: string, t: Translate, description?: string): string {
  const key = fieldKey(path);
  const text = t(key);
  return text !== key ? text : (description ?? path);
}

/** The name of an enum value. */
export function enumLabel(path: string, value: string, lang: Lang): string {
  return ENUM_NAMES[path]?.[value]?.[lang] ?? value;
}
