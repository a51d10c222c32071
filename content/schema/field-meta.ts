/**
 * The human texts of a record field, attached to the field's schema once (record.ts): its label
 * and a short hint, each in Chinese and English. Every reader of a field's name — the bot's
 * questions, the site's pages, the CSV/JSON exports, the pull-request table, the validator's
 * messages and the README — gets it from here through field-labels.ts.
 */
import { z } from 'zod';
import type { Lang } from './message-text.ts';

/** A text in each language. */
export type Texts = Record<Lang, string>;

/** A field's label (reads alone, so a nested field names its group: 代码例外理由) and hint. */
export interface FieldTexts {
  label: Texts;
  hint?: Texts;
}

/** The registry of field texts (zod 4 metadata, kept apart from the JSON Schema's own keys). */
export const FIELD_TEXTS = z.registry<FieldTexts>();

/** The description a field's texts give (label：hint), for the JSON Schema and the validator. */
export const describeTexts = (texts: FieldTexts, lang: Lang = 'zh'): string =>
  texts.hint
    ? `${texts.label[lang]}${lang === 'zh' ? '：' : ': '}${texts.hint[lang]}`
    : texts.label[lang];

/**
 * A field schema carrying its texts: a described clone (so a shared base such as a date keeps
 * none of another field's texts) registered in FIELD_TEXTS.
 */
export function labelled<T extends z.ZodType>(schema: T, label: Texts, hint?: Texts): T {
  const texts: FieldTexts = hint ? { label, hint } : { label };
  const described = schema.describe(describeTexts(texts)) as T;
  FIELD_TEXTS.add(described, texts);
  return described;
}
