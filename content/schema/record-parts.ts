/**
 * The building blocks of the record's fields (record.ts, record-subject.ts, record-items.ts): a
 * date, bounded free text, and the phrases a hint is made of (bounds, a vocabulary's names), so
 * every hint states a rule from its constant.
 */
import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import type { Texts } from './field-meta.ts';
import { controlCharacterRule, TEXT_BOUNDS } from './field-rules.ts';
import { personalDataRule } from './record-subject-rules.ts';
import { report } from './report-issue.ts';

/** The hint of a date field. */
export const ISO_HINT = { zh: 'YYYY-MM-DD', en: 'YYYY-MM-DD' };

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) report(ctx, [], 'invalid_date', { value });
});

/** Free text: trimmed, bounded, and refused when it carries personal data or control characters. */
export const text = (min = 1, max = 4000) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .superRefine(controlCharacterRule)
    .superRefine(personalDataRule);

/** Free text bounded as TEXT_BOUNDS says for the field. */
export const bounded = (field: keyof typeof TEXT_BOUNDS) => text(...TEXT_BOUNDS[field]);

/** The bounds as a hint states them: "10 至 1000 字", "10 to 1000 characters". */
export const length = (field: keyof typeof TEXT_BOUNDS) => ({
  zh: `${TEXT_BOUNDS[field][0]} 至 ${TEXT_BOUNDS[field][1]} 字`,
  en: `${TEXT_BOUNDS[field][0]} to ${TEXT_BOUNDS[field][1]} characters`,
});

/** Names of a vocabulary as a hint lists them: "red 守信红榜、black 失信黑名单…". */
export const named = <K extends string>(
  keys: readonly K[],
  names: Record<K, Texts>,
  codes = true,
) => ({
  zh: keys.map((k) => (codes ? `${k} ${names[k].zh}` : names[k].zh)).join('、'),
  en: keys.map((k) => (codes ? `${k} (${names[k].en})` : names[k].en)).join(', '),
});

// Run a refinement even when the object also has unknown keys: the rest is still well typed, and a
// reviewer should see every problem at once instead of one per round.
export const despiteUnknownKeys = {
  when: (payload: { issues: readonly { code: string }[] }) =>
    payload.issues.every((i) => i.code === 'unrecognized_keys'),
};

/** A masked ID number, as hints show it. */
export const MASKED_ID = '110105********002X';
