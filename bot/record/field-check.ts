/**
 * Checking one answer against the schema field it fills, with the schema's own messages: the
 * field's zod schema first, then, for the subject's fields, the subject's rules (masked names,
 * masked ID numbers, the credit code) on the subject answered so far.
 */
import { describeIssue, recordShape, type Lang } from '../../content/schema/index.ts';
import type { Leaf } from '../form/schema-walk.ts';
import type { Answers, Check } from '../form/step.ts';

/** An answer as a message may repeat it: long text cut (a 10 KB answer must not push the question out of the reply). */
export const echo = (value: unknown) => (typeof value === 'string' && value.length > 40 ? `${value.slice(0, 39)}…` : value);

/** A leaf's path with '*' as item 0, as the schema's helpers expect it. */
export const concretePath = (path: readonly string[]): PropertyKey[] => path.map((p) => (p === '*' ? 0 : p));

/** Checks a value against one field's schema; the parsed value (trimmed, upper-cased…) is returned. */
export function checkLeaf(leaf: Leaf, value: unknown, lang: Lang): Check<unknown> {
  const parsed = leaf.schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, ...describeIssue(issue, lang, echo(value), [...concretePath(leaf.path), ...issue.path]) };
}

/** The subject as answered so far, with one field replaced by a candidate value. */
export function subjectOf(answers: Answers, field?: string, value?: unknown): Record<string, unknown> {
  const subject: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(answers)) {
    const m = /^subject\.([a-z_]+)$/.exec(key);
    if (m && v !== undefined) subject[m[1]!] = v;
  }
  const override = { reason: answers['subject.code_override.reason'], accepted_by: answers['subject.code_override.accepted_by'] };
  if (override.reason !== undefined && override.accepted_by !== undefined) subject.code_override = override;
  if (field) subject[field] = value;
  return subject;
}

/**
 * Runs the subject's own rules on the subject answered so far and returns the first problem at
 * one of its fields (the other fields' problems belong to their own questions).
 */
export function checkSubjectField(answers: Answers, field: string, value: unknown, lang: Lang): Check<unknown> {
  const subject = subjectOf(answers, field, value);
  const parsed = recordShape.subject.safeParse(subject);
  if (parsed.success) return { ok: true, value };
  const issue = parsed.error.issues.find((i) => i.path[0] === field);
  if (!issue) return { ok: true, value };
  return { ok: false, ...describeIssue(issue, lang, echo(value), ['subject', ...issue.path]) };
}

/** Reads the ways people write a date (2026-7-5, 2026/07/05, 2026年7月5日, full-width digits) as ISO. */
export function parseDateInput(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}

/** Runs the subject's rules on one person published with the entry (masked name, masked ID number). */
export function checkPersonField(person: Answers, field: string, value: unknown, lang: Lang): Check<unknown> {
  // A park needs no credit code, so only the person's own problems can appear.
  const subject = { kind: 'park', name: 'placeholder', persons: [{ ...person, [field]: value }] };
  const parsed = recordShape.subject.safeParse(subject);
  const issue = parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === 'persons' && i.path[2] === field);
  if (!issue) return { ok: true, value };
  return { ok: false, ...describeIssue(issue, lang, echo(value), ['subject', ...issue.path]) };
}
