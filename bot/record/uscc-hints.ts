/**
 * Where a credit code with a wrong check character was probably mistyped. A checksum cannot say
 * which character is wrong — at every one of the first 17 positions exactly one other character
 * would make the code valid — so only the usual slips are tried, at every position alike: two
 * neighbours swapped (the check character included), or a character confused with one that looks
 * alike. The check character itself is never offered as "the" slip: the code's own rule is that a
 * wrong check character nearly always means a mistyped earlier one, so it is named only as what
 * the check character would be if the first 17 are right.
 */
import { checkUscc, USCC_ALPHABET, usccCheckChar } from '../../content/schema/index.ts';

/** Characters people confuse when copying a licence (letters I, O, S, V, Z never occur). */
const LOOK_ALIKE: Record<string, string> = {
  '0': 'DQ8',
  D: '0',
  Q: '0',
  '1': 'L7',
  L: '1',
  '7': '1',
  '8': 'B30',
  B: '8',
  '3': '8',
  '5': '6',
  '6': 'G5',
  G: '6',
  '2': 'Y',
  U: 'W',
  W: 'U',
  M: 'N',
  N: 'M',
};

/** A likely correction: the 1-based positions involved and the corrected code. */
export interface TypoHint {
  positions: number[];
  code: string;
}

/** What can be said about a code whose check character does not match. */
export interface ChecksumHints {
  /** Corrections of one usual slip that make the code valid, swaps first, by position; at most `max`. */
  slips: TypoHint[];
  /** The check character the first 17 characters give, when they are all allowed characters. */
  check?: string;
}

/** The usual slips of a code and its check character; `max` bounds the slips listed. */
export function likelyTypos(code: string, max = 5): ChecksumHints {
  if (code.length !== 18) return { slips: [] };
  const swaps: TypoHint[] = [];
  const chars: TypoHint[] = [];
  const valid = (c: string) => checkUscc(c).ok;
  for (let i = 0; i < 17; i++) {
    if (code[i] === code[i + 1]) continue;
    const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    if (valid(swapped)) swaps.push({ positions: [i + 1, i + 2], code: swapped });
  }
  for (let i = 0; i < 17; i++) {
    for (const alt of LOOK_ALIKE[code[i]!] ?? '') {
      const changed = code.slice(0, i) + alt + code.slice(i + 1);
      if (valid(changed)) chars.push({ positions: [i + 1], code: changed });
    }
  }
  const first17 = code.slice(0, 17);
  const check = [...first17].every((ch) => USCC_ALPHABET.includes(ch))
    ? usccCheckChar(first17)
    : undefined;
  return { slips: [...swaps, ...chars].slice(0, max), ...(check ? { check } : {}) };
}

/** The code split into its four parts, for reading it against the licence. */
export function usccLayout(code: string): string {
  return [code.slice(0, 2), code.slice(2, 8), code.slice(8, 17), code.slice(17)].join(' ');
}
