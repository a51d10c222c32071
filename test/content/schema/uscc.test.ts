import { describe, expect, it } from 'vitest';
import {
  checkUscc,
  completeUscc,
  isValidUscc,
  USCC_ALPHABET,
  usccCheckChar,
  usccDivision,
} from '../../../content/schema/uscc.ts';

/** Every code that differs from a valid one in exactly one position. */
function* substitutions(valid: string) {
  for (let i = 0; i < valid.length; i++) {
    for (const c of USCC_ALPHABET)
      if (c !== valid[i]) yield valid.slice(0, i) + c + valid.slice(i + 1);
  }
}

describe('unified social credit code (GB 32100-2015)', () => {
  it("accepts the standard's worked example", () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({ ok: true });
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('rejects every single-character substitution of a valid code', () => {
    const changed = [...substitutions('91350100M000100Y43')];
    expect(changed).toHaveLength(18 * 30);
    for (const code of changed) expect(isValidUscc(code), code).toBe(false);
  });

  it('rejects every single-character substitution of the sample codes built with completeUscc', () => {
    for (const stem of ['91000000EX0000001', '12000000MB1234567', '52000000AB000000Q']) {
      const valid = completeUscc(stem);
      expect(isValidUscc(valid)).toBe(true);
      for (const code of substitutions(valid)) expect(isValidUscc(code), code).toBe(false);
    }
  });

  it('rejects every transposition of two different adjacent characters', () => {
    const valid = '91350100M000100Y43';
    for (let i = 0; i < 17; i++) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = valid.slice(0, i) + valid[i + 1] + valid[i] + valid.slice(i + 2);
      expect(isValidUscc(swapped), swapped).toBe(false);
    }
  });

  it('names the position of a character that cannot occur', () => {
    expect(checkUscc('91350100M0001O0Y43')).toEqual({
      ok: false,
      problem: 'character',
      position: 14,
      char: 'O',
    });
    for (const letter of 'IOSVZ') expect(USCC_ALPHABET.includes(letter)).toBe(false);
  });

  it('reports a wrong length before anything else', () => {
    expect(checkUscc('91350100M000100Y4')).toEqual({ ok: false, problem: 'length', length: 17 });
    expect(checkUscc('')).toEqual({ ok: false, problem: 'length', length: 0 });
  });

  it('requires digits in the division code, without checking it against the current division list', () => {
    expect(checkUscc('9135A100M000100Y43')).toEqual({
      ok: false,
      problem: 'division',
      position: 5,
    });
    // 000000 names no division at all, yet the code is well formed (sample codes rely on this).
    expect(usccDivision(completeUscc('91000000EX0000001'))).toBe('000000');
  });

  it('reports the expected and the actual check character', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({
      ok: false,
      problem: 'checksum',
      expected: '3',
      actual: '4',
    });
  });
});
