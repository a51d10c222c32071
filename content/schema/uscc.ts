/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration department (1), organisation type (1), GB/T 2260 division of the
 * registering authority at the time of issue (6), GB 11714 organisation code (9), check (1).
 * The check character is computed modulo 31 over the first 17 characters.
 */

/** The 31 characters a code may contain; I, O, S, V and Z are never used. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weight of position i (0-based) is 3^i mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The shape of a code, before its check character is tested. */
export const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Registration departments (first character) and what they register. */
export const USCC_DEPARTMENTS: Record<string, string> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
};

/** The check character for the first 17 characters of a code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0)
      throw new Error(
        `character ${JSON.stringify(first17[i])} at position ${i + 1} is not allowed in a credit code`,
      );
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? '0';
}

/** The outcome of checking a code: ok, or the first problem found with its 1-based position. */
export type UsccCheck =
  | { ok: true }
  | { ok: false; problem: 'length'; length: number }
  | { ok: false; problem: 'character'; position: number; char: string }
  | { ok: false; problem: 'division'; position: number }
  | { ok: false; problem: 'checksum'; expected: string; actual: string };

/**
 * Checks a code's length, characters and check character. Positions 3-8 are only checked to be
 * digits: they may name a division abolished since issue, so they are never matched against the
 * current division list.
 */
export function checkUscc(code: string): UsccCheck {
  if (code.length !== 18) return { ok: false, problem: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    const char = code[i] ?? '';
    if (i >= 2 && i < 8) {
      if (!/\d/.test(char)) return { ok: false, problem: 'division', position: i + 1 };
    } else if (!USCC_ALPHABET.includes(char)) {
      return { ok: false, problem: 'character', position: i + 1, char };
    }
  }
  const expected = usccCheckChar(code.slice(0, 17));
  const actual = code[17] ?? '';
  return expected === actual ? { ok: true } : { ok: false, problem: 'checksum', expected, actual };
}

/** True when the code is well formed and its check character is right. */
export function isValidUscc(code: string): boolean {
  return checkUscc(code).ok;
}

/** The GB/T 2260 division code embedded in a credit code (positions 3-8). */
export function usccDivision(code: string): string {
  return code.slice(2, 8);
}

/** Completes 17 characters into a valid code (used by the generator and tests). */
export function completeUscc(first17: string): string {
  return first17 + usccCheckChar(first17);
}
