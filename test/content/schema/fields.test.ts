import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  closestKey,
  recordFieldAt,
  recordFieldDescription,
  recordKeysAt,
  recordShape,
} from '../../../content/schema/index.ts';

/** Every field path of the record, descending into mappings and list items. */
function paths(prefix: (string | number)[] = []): (string | number)[][] {
  return recordKeysAt(prefix).flatMap((key) => {
    const path = [...prefix, key];
    const def = recordFieldAt(path)!._zod.def as {
      type: string;
      innerType?: z.core.$ZodType;
      element?: z.core.$ZodType;
    };
    const inner = (def.innerType?._zod.def ?? def) as typeof def;
    const item = inner.type === 'array' ? [...path, 0] : path;
    return [path, ...(recordKeysAt(item).length ? paths(item) : [])];
  });
}

describe('the record fields', () => {
  it('all carry a description (the bot asks with it, the validator explains with it)', () => {
    const all = paths();
    expect(all.length).toBeGreaterThan(40);
    const undocumented = all.filter((p) => !recordFieldDescription(p)).map((p) => p.join('.'));
    expect(undocumented).toEqual([]);
  });

  it('are found by path, through lists and optional groups', () => {
    expect(recordKeysAt([])).toEqual(Object.keys(recordShape));
    expect(recordKeysAt(['subject', 'persons', 0])).toEqual(['role', 'name', 'id_number']);
    expect(recordFieldDescription(['subject', 'code_override', 'reason'])).toContain('理由');
    expect(recordFieldAt(['subject', 'nope'])).toBeUndefined();
  });

  it('suggest the key a typo meant, and nothing for a stranger', () => {
    expect(closestKey('legal_bsis', recordKeysAt([]))).toBe('legal_basis');
    expect(closestKey('Catgory', recordKeysAt([]))).toBe('category');
    expect(closestKey('remark', recordKeysAt(['subject']))).toBeUndefined();
  });
});
