/**
 * Checking one answer against the schema field it fills, with the schema's own messages: the
 * field's zod schema, and, for the subject's fields, the subject's rules (masked names, masked ID
 * numbers, the credit code) on the subject answered so far. Every problem found is weighed, and
 * the most meaningful one is reported: "the name is not masked" says more than "too long", so a
 * rule about what kind of value belongs there wins over a bound on its size.
 */
import type { z } from 'zod';
import { describeIssue, PERSON_ROLES, recordShape, type Lang } from '../../content/schema/index.ts';
import { subjectRules } from '../../content/schema/record-subject-rules.ts';
import type { SubjectInput } from '../../content/schema/record.ts';
import type { Leaf } from '../form/schema-walk.ts';
import type { Answers, Check } from '../form/step.ts';

type Issue = z.core.$ZodIssue;

/** An answer as a message may repeat it: long text cut (a 10 KB answer must not push the question out of the reply). */
export const echo = (value: unknown) =>
  typeof value === 'string' && value.length > 40 ? `${value.slice(0, 39)}…` : value;

/** A leaf's path with '*' as item 0, as the schema's helpers expect it. */
export const concretePath = (path: readonly string[]): PropertyKey[] =>
  path.map((p) => (p === '*' ? 0 : p));

/**
 * How much an issue says about the answer, lowest first: a rule of the domain (masked name,
 * personal data, a real date), then a wrong kind or form of value, then a size bound.
 */
function weight(issue: Issue): number {
  switch (issue.code) {
    case 'custom':
      return 0;
    case 'invalid_format':
    case 'invalid_value':
    case 'invalid_type':
      return 1;
    case 'too_small':
    case 'too_big':
      return 2;
    default:
      return 1;
  }
}

/** An issue and the path, in the record, of the field it is about. */
export interface FieldIssue {
  issue: Issue;
  path: PropertyKey[];
}

/** The most meaningful of several issues (the first of the lightest weight). */
export function mostMeaningful(issues: readonly FieldIssue[]): FieldIssue | undefined {
  return [...issues].sort((a, b) => weight(a.issue) - weight(b.issue))[0];
}

/**
 * Checks a value against one field's schema, and against `related` rules (the subject's, for a
 * subject field) whatever the schema said; the parsed value (trimmed, upper-cased…) is returned.
 */
export function checkLeaf(
  leaf: Leaf,
  value: unknown,
  lang: Lang,
  related?: (value: unknown) => FieldIssue[],
): Check<unknown> {
  const parsed = leaf.schema.safeParse(value);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        issue,
        path: [...concretePath(leaf.path), ...issue.path],
      }));
  const candidate = parsed.success ? parsed.data : typeof value === 'string' ? value.trim() : value;
  if (related) issues.push(...related(candidate));
  const worst = mostMeaningful(issues);
  if (!worst) return { ok: true, value: candidate };
  return { ok: false, ...describeIssue(worst.issue, lang, echo(value), worst.path) };
}

/** The subject as answered so far, with one field replaced by a candidate value. */
export function subjectOf(
  answers: Answers,
  field?: string,
  value?: unknown,
): Record<string, unknown> {
  const subject: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(answers)) {
    const m = /^subject\.([a-z_]+)$/.exec(key);
    if (m && v !== undefined) subject[m[1]!] = v;
  }
  const override = {
    reason: answers['subject.code_override.reason'],
    accepted_by: answers['subject.code_override.accepted_by'],
  };
  if (override.reason !== undefined && override.accepted_by !== undefined)
    subject.code_override = override;
  if (field) subject[field] = value;
  return subject;
}

/**
 * The subject's own rules run on a subject directly, so they speak even when a field's own
 * schema fails (a too-long unmasked name is still an unmasked name).
 */
function subjectRuleIssues(subject: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const ctx = {
    value: subject,
    issues,
    addIssue: (i: Issue) => issues.push({ ...i, path: i.path ?? [] } as Issue),
  };
  try {
    subjectRules(subject as unknown as SubjectInput, ctx as unknown as z.core.$RefinementCtx);
    return issues;
  } catch {
    // A subject too incomplete for its rules (a field they read is not answered yet): its schema speaks instead.
    const parsed = recordShape.subject.safeParse(subject);
    return parsed.success ? [] : parsed.error.issues;
  }
}

/**
 * The subject's rules on the subject answered so far, as issues of one of its fields (the other
 * fields' problems belong to their own questions).
 */
export function subjectFieldIssues(answers: Answers, field: string, value: unknown): FieldIssue[] {
  return subjectRuleIssues(subjectOf(answers, field, value))
    .filter((i) => i.path[0] === field)
    .map((issue) => ({ issue, path: ['subject', ...issue.path] }));
}

/** The subject's rules on one person published with the entry (masked name, masked ID number). */
export function personFieldIssues(person: Answers, field: string, value: unknown): FieldIssue[] {
  // A park needs no credit code, so only the person's own problems can appear.
  // The person's other fields may not be answered yet: stand-ins let the rules run (only `field`'s issues are kept).
  return subjectRuleIssues({
    kind: 'park',
    name: 'placeholder',
    persons: [{ role: PERSON_ROLES[0], name: '张某', ...person, [field]: value }],
  })
    .filter((i) => i.path[0] === 'persons' && i.path[2] === field)
    .map((issue) => ({ issue, path: ['subject', ...issue.path] }));
}

/** Reads the ways people write a date (2026-7-5, 2026/07/05, 2026年7月5日, full-width digits) as ISO. */
export function parseDateInput(text: string): string {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}
