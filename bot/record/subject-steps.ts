/**
 * The subject's two special questions: the credit code (checked by GB 32100-2015, the likely
 * mistyped position named, an override only with a reason) and the region (proposed from the
 * code's positions 3–8, confirmed or changed by code or by name).
 */
import {
  checkUscc,
  divisionName,
  divisionsUnder,
  regionFullName,
  renderMessage,
  usccDivision,
} from '../../content/schema/index.ts';
import { shorten } from '../form/ask.ts';
import type { Answers, Choice, FormEnv, TextStep } from '../form/step.ts';
import { likelyTypos, usccLayout } from './uscc-hints.ts';

/** True when the answered code fails only its check character: the override questions follow. */
export function codeNeedsOverride(a: Answers): boolean {
  const code = a['subject.code'];
  if (typeof code !== 'string') return false;
  const check = checkUscc(code);
  return !check.ok && check.problem === 'checksum';
}

/** How people type codes: full-width characters, spaces or hyphens between groups, lower case. */
export function normaliseCode(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\-–—]/g, '')
    .toUpperCase();
}

const OVERRIDE_KEYS = ['subject.code_override.reason', 'subject.code_override.accepted_by'];

/** The credit-code question built on the field's own step. */
export function codeStep<D>(
  base: TextStep<D>,
  optional: (a: Answers, env: FormEnv<D>) => boolean,
): TextStep<D> {
  return {
    ...base,
    raw: true,
    optional,
    display: (value) => usccLayout(String(value)),
    check(text, answers, env) {
      const code = normaliseCode(text);
      // A code accepted earlier with an override stays accepted until it is changed.
      if (code === answers['subject.code'] && codeNeedsOverride(answers))
        return { ok: true, value: code };
      const plain = Object.fromEntries(
        Object.entries(answers).filter(([k]) => !OVERRIDE_KEYS.includes(k)),
      );
      const checked = base.check(code, plain, env);
      if (checked.ok) return checked;
      const check = checkUscc(code);
      if (check.ok || check.problem !== 'checksum') return checked;
      const { slips, check: checkChar } = likelyTypos(code);
      const hints = slips.map((h) =>
        env.t(h.positions.length === 2 ? 'code-hint-swap' : 'code-hint-char', {
          a: h.positions[0]!,
          b: h.positions[1] ?? '',
          code: usccLayout(h.code),
        }),
      );
      return {
        ...checked,
        // The catalogue's fix speaks of the YAML field; in the chat the override is a button.
        fix: [
          env.t('code-layout', { layout: usccLayout(code) }),
          hints.length
            ? env.t('code-hints', { hints: hints.join('\n') })
            : env.t('code-hints-none'),
          ...(checkChar ? [env.t('code-hint-check', { check: checkChar })] : []),
          env.t('code-checksum-fix'),
        ].join('\n'),
        options: [{ value: code, label: env.t('button-override'), force: true }],
      };
    },
  };
}

/** The division a code was registered in, when it is a known division. */
function divisionFromCode(a: Answers): string | undefined {
  const code = a['subject.code'];
  if (typeof code !== 'string' || code.length !== 18) return undefined;
  const division = usccDivision(code);
  return divisionName(division) ? division : undefined;
}

const regionChoice = (code: string): Choice => ({
  value: code,
  label: `${code} ${regionFullName(code) ?? ''}`.trim(),
});

/** The region question: the code's division proposed first, then the publisher's own region. */
export function regionStep<D extends { publisher: { region: string } }>(
  base: TextStep<D>,
): TextStep<D> {
  return {
    ...base,
    raw: true,
    display: (value) => regionChoice(String(value)).label,
    help(a, env) {
      const code = a['subject.code'];
      const note =
        typeof code === 'string' && code.length === 18
          ? env.t(divisionFromCode(a) ? 'region-from-code' : 'region-code-unknown', {
              division: usccDivision(code),
            })
          : undefined;
      return [base.help?.(a, env), note, env.t('region-how')].filter(Boolean).join('\n');
    },
    suggestions(a, env) {
      const codes = [divisionFromCode(a), env.data.publisher.region].filter(
        (c): c is string => !!c && !!divisionName(c),
      );
      return [...new Set(codes)].map(regionChoice);
    },
    check(text, answers, env) {
      const typed = text.normalize('NFKC').trim();
      if (/^\d+$/.test(typed)) {
        const checked = base.check(typed, answers, env);
        if (!checked.ok) return checked;
        if (!divisionName(typed))
          return { ok: false, ...renderMessage('unknown_region', { code: typed }, env.lang) };
        return checked;
      }
      const matches = divisionsUnder('').filter(
        (d) => d.name.includes(typed) && d.name !== '市辖区',
      );
      if (matches.length === 1) return { ok: true, value: matches[0]!.code };
      if (!matches.length)
        return {
          ok: false,
          what: env.t('region-not-found', { name: shorten(typed, 20) }),
          fix: env.t('region-not-found-fix'),
        };
      return {
        ok: false,
        what: env.t('region-several', { name: shorten(typed, 20), count: matches.length }),
        fix: env.t('region-several-fix'),
        options: matches.slice(0, 8).map((d) => regionChoice(d.code)),
      };
    },
  };
}
