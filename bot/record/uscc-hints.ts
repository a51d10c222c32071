/**
 * Where a credit code with a wrong check character was probably mistyped. A checksum cannot say
 * which character is wrong, but the usual slips can be tried: two neighbours swapped, or a
 * character confused with one that looks alike. Each candidate that makes the code valid is
 * offered as a hint; the check character itself is always a candidate.
 */
import { USCC_ALPHABET, usccCheckChar } from '../../content/schema/index.ts';

/** Characters people confuse when copying a licence (letters I, O, S, V, Z never occur). */
const LOOK_ALIKE: Record<string, string> = {
  '0': 'DQ', D: '0', Q: '0', '1': 'L7', L: '1', '7': '1', '8': 'B3', B: '8', '3': '8', '5': '6', '6': 'G5', G: '6', '2': 'Y', U: 'W', W: 'U', M: 'N', N: 'M',
};

/** A likely correction: the 1-based positions involved and the corrected code. */
export interface TypoHint { positions: number[]; code: string }

/** Corrections of one slip that make the code valid, check character last; at most `max`. */
export function likelyTypos(code: string, max = 3): TypoHint[] {
  if (code.length !== 18) return [];
  const hints: TypoHint[] = [];
  const valid = (c: string) => [...c.slice(0, 17)].every((ch) => USCC_ALPHABET.includes(ch)) && usccCheckChar(c.slice(0, 17)) === c[17];
  for (let i = 0; i < 16; i++) {
    if (code[i] === code[i + 1]) continue;
    const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    if (valid(swapped)) hints.push({ positions: [i + 1, i + 2], code: swapped });
  }
  for (let i = 0; i < 17; i++) {
    if (i >= 2 && i < 8) continue; // the division code is digits; a look-alike letter cannot be right there
    for (const alt of LOOK_ALIKE[code[i]!] ?? '') {
      const changed = code.slice(0, i) + alt + code.slice(i + 1);
      if (valid(changed)) hints.push({ positions: [i + 1], code: changed });
    }
  }
  const first17 = code.slice(0, 17);
  if ([...first17].every((ch) => USCC_ALPHABET.includes(ch))) hints.push({ positions: [18], code: first17 + usccCheckChar(first17) });
  const check = hints.pop();
  return [...hints.slice(0, max - 1), ...(check ? [check] : [])];
}

/** The code split into its four parts, for reading it against the licence. */
export function usccLayout(code: string): string {
  return [code.slice(0, 2), code.slice(2, 8), code.slice(8, 17), code.slice(17)].join(' ');
}
