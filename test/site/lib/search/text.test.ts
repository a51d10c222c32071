import { describe, expect, it } from 'vitest';
import {
  GRAM_MAX,
  nameGrams,
  normalize,
  queryTerms,
  shardOf,
  termWindows,
} from '../../../../site/lib/search/text.ts';

describe('search text', () => {
  it('normalises full-width letters, brackets and case, and drops spaces', () => {
    expect(normalize('示例 公司（示例）ａｂｃ')).toBe('示例公司(示例)ABC');
    expect(normalize('91000000ex0000001h')).toBe('91000000EX0000001H');
  });

  it('indexes every fragment of 1 to GRAM_MAX characters, by characters not UTF-16 units', () => {
    const grams = nameGrams('甲乙丙丁戊');
    expect(grams.has('甲')).toBe(true);
    expect(grams.has('乙丙丁戊')).toBe(true);
    expect(grams.has('甲乙丙丁戊')).toBe(false);
    expect(GRAM_MAX).toBe(4);
    // A character outside the BMP is one character.
    expect([...nameGrams('𠀋甲')]).toContain('𠀋甲');
  });

  it('splits a query at spaces and Chinese commas', () => {
    expect(queryTerms(' 机械  9121，示例、机械 ')).toEqual(['机械', '9121', '示例']);
  });

  it('looks a long term up by its first, middle and last windows', () => {
    expect(termWindows('机械')).toEqual(['机械']);
    // 9 characters: windows start at 0, at the middle of 0..5 (2) and at 5.
    expect(termWindows('示例市甲乙机械制造')).toEqual(['示例市甲', '市甲乙机', '机械制造']);
    expect(termWindows('甲乙丙丁戊')).toEqual(['甲乙丙丁', '乙丙丁戊']);
  });

  it('spreads keys over shards deterministically', () => {
    expect(shardOf('机械', 7)).toBe(shardOf('机械', 7));
    const used = new Set(
      ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'].map((k) => shardOf(k, 4)),
    );
    expect(used.size).toBeGreaterThan(1);
  });
});
