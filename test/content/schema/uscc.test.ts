import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, USCC_ALPHABET } from '../../../content/schema/uscc.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it("accepts the standard's worked example", () => {
    expect(checkUscc('91350100M000100Y43')).toEqual({ ok: true });
  });

  it('rejects every single-character substitution of a valid code', () => {
    const valid = '91350100M000100Y43';
    let tried = 0;
    for (let i = 0; i < valid.length; i++) {
      for (const c of USCC_ALPHABET) {
        if (c === valid[i]) continue;
        const changed = valid.slice(0, i) + c + valid.slice(i + 1);
        expect(isValidUscc(changed), changed).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(18 * 30);
  });

  it('names the position of a character that cannot occur', () => {
    expect(checkUscc('91350100M0001O0Y43')).toEqual({ ok: false, problem: 'character', position: 14, char: 'O' });
  });
});
