/**
 * Rules about the listed subject: the credit code and its reasoned override, and personal data (个人信息保护法): persons only masked, no ID numbers, phone numbers,
 * e-mail addresses or card numbers anywhere in the record.
 */
import { HAN } from './field-rules.ts';
import { KINDS_WITH_CODE } from './labels.ts';
import {
  findPersonalData,
  isValidResidentId,
  MASKED_ID_PATTERN,
  MASKED_NAME_PATTERN,
  maskPersonName,
} from './personal-data.ts';
import type { SubjectInput } from './record.ts';
import { report, type Ctx } from './report-issue.ts';
import { checkUscc } from './uscc.ts';

function checkMaskedName(ctx: Ctx, path: PropertyKey[], name: string) {
  // A name without Chinese characters ("Zhang Wei") has no surname to keep: show the form instead.
  if (!MASKED_NAME_PATTERN.test(name))
    report(ctx, path, 'masked_name', {
      suggestion: HAN.test(name) ? maskPersonName(name) : '张某某',
    });
}

/** A person's name field: masked, or refused with the masked form to use. */
export function maskedNameRule(name: string, ctx: Ctx) {
  checkMaskedName(ctx, [], name);
}

function checkMaskedId(ctx: Ctx, path: PropertyKey[], id: string) {
  if (isValidResidentId(id.toUpperCase())) report(ctx, path, 'full_id');
  else if (!MASKED_ID_PATTERN.test(id)) report(ctx, path, 'masked_id');
}

/**
 * Code, override and masked identity. Runs on the subject alone (paths are relative to it), so
 * these problems show even when another part of the record is wrong.
 */
export function subjectRules(s: SubjectInput, ctx: Ctx) {
  if (s.kind === 'individual') {
    if (s.code) report(ctx, ['code'], 'code_forbidden_individual');
    if (!s.id_number) report(ctx, [], 'id_required_individual');
    if (s.address) report(ctx, ['address'], 'address_individual');
    checkMaskedName(ctx, ['name'], s.name);
  } else {
    if (s.id_number) report(ctx, ['id_number'], 'id_for_individual_only');
    // A registered name (企业、事业单位、社会组织, a park, a township, an industry) is Chinese.
    if (!HAN.test(s.name))
      report(ctx, ['name'], 'name_without_han', { kind: s.kind, name: s.name });
  }
  if (s.id_number) checkMaskedId(ctx, ['id_number'], s.id_number);
  if (KINDS_WITH_CODE.includes(s.kind) && !s.code)
    report(ctx, [], 'code_required', { kind: s.kind });

  if (s.code === undefined) {
    if (s.code_override) report(ctx, ['code_override'], 'override_without_code');
  } else {
    const check = checkUscc(s.code);
    if (check.ok) {
      if (s.code_override) report(ctx, ['code_override'], 'override_unneeded');
    } else if (check.problem === 'checksum') {
      // The one failure a reviewer may accept, with a reason (pilot codes issued before the standard).
      if (!s.code_override)
        report(ctx, ['code'], 'uscc_checksum', { expected: check.expected, actual: check.actual });
    } else if (check.problem === 'length') {
      report(ctx, ['code'], 'uscc_length', { length: check.length });
    } else if (check.problem === 'character') {
      report(ctx, ['code'], 'uscc_character', { position: check.position, char: check.char });
    } else {
      report(ctx, ['code'], 'uscc_division', { position: check.position });
    }
  }
  // Each person's name is checked by its own field (maskedNameRule).
  s.persons?.forEach((p, i) => {
    if (p.id_number) checkMaskedId(ctx, ['persons', i, 'id_number'], p.id_number);
  });
}

/** Free text must not carry personal data; each text field runs this on its own value. */
export function personalDataRule(value: string, ctx: Ctx) {
  for (const f of findPersonalData(value))
    report(ctx, [], 'personal_data', { kind: f.kind, excerpt: f.excerpt });
}
