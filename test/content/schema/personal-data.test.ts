import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  isValidResidentId,
  MASKED_ID_PATTERN,
  MASKED_NAME_PATTERN,
  maskPersonName,
  maskResidentId,
  residentIdCheckChar,
} from '../../../content/schema/personal-data.ts';
import { completeUscc } from '../../../content/schema/uscc.ts';

describe('resident ID number (GB 11643-1999)', () => {
  it("accepts the standard's examples", () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('440524188001010014')).toBe(true);
  });

  it('rejects a wrong check character, an impossible birth date and an unknown province', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    const withDate = (date: string, region = '110105') =>
      region + date + '002' + residentIdCheckChar(region + date + '002');
    expect(isValidResidentId(withDate('19490230'))).toBe(false); // 30 February
    expect(isValidResidentId(withDate('19491231'))).toBe(true);
    expect(isValidResidentId(withDate('19491231', '990105'))).toBe(false);
  });

  it('masks the middle eight characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(MASKED_ID_PATTERN.test(maskResidentId('440524188001010014'))).toBe(true);
    expect(MASKED_ID_PATTERN.test('11010519491231002X')).toBe(false);
  });
});

describe('masked names', () => {
  it('keeps the surname and replaces the given name', () => {
    expect(maskPersonName('张三')).toBe('张某');
    expect(maskPersonName('张三丰')).toBe('张某某');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳某某');
    expect(maskPersonName('司马光')).toBe('司马某');
    // Four characters but no compound surname: nothing of the given name may stay.
    expect(maskPersonName('张小三丰')).toBe('张某某');
  });

  it('accepts masked forms only', () => {
    for (const ok of ['张某', '张某某', '欧阳某某', '司马某'])
      expect(MASKED_NAME_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['张三', '张三丰', '张三某', '王小某某', 'Zhang', '张某某某'])
      expect(MASKED_NAME_PATTERN.test(bad), bad).toBe(false);
  });
});

/** Appends the Luhn check digit that every bank card number carries. */
function withLuhn(digits: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = digits + d;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let v = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
      sum += v;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

describe('personal data in free text', () => {
  const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

  it('finds full ID numbers, mobile and landline numbers, e-mail addresses and card numbers', () => {
    expect(kinds('法定代表人身份证号11010519491231002X。')).toEqual(['resident-id']);
    expect(kinds('联系电话 13912345678')).toEqual(['phone']);
    expect(kinds('电话：+86 139 1234 5678')).toEqual(['phone']);
    expect(kinds('电话 0411-88886666')).toEqual(['phone']);
    expect(kinds('邮箱 zhang.san@example.com')).toEqual(['email']);
    expect(kinds(`工资卡 ${withLuhn('622202020011223344')}`)).toEqual(['bank-card']);
  });

  it('does not repeat the data in the excerpt', () => {
    const [finding] = findPersonalData('13912345678');
    expect(finding?.excerpt).not.toContain('12345');
  });

  it('leaves credit codes, document numbers, dates and amounts alone', () => {
    const clean = [
      '统一社会信用代码 91350100M000100Y43',
      '大工办发〔2016〕18号',
      '示人社监〔2026〕12号，2026-06-20 作出',
      '拖欠 36 名劳动者工资共计 523000 元',
      '辽工办发〔2016〕5号、大信办字〔2016〕6号',
      '发布期限 2026-07-15 至 2029-07-14',
      '注册号 210200000012345',
    ];
    for (const text of clean) expect(findPersonalData(text), text).toEqual([]);
  });

  it('takes no valid credit code for an ID, phone or card number', () => {
    // Deterministic spread of all-digit and mixed codes of the kinds that could look like numbers.
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const prefix = ['91', '92', '12', '51', '52', '53', '11', '31'][next() % 8]!;
      const body =
        String(next()).padStart(10, '0').slice(0, 6) + String(next()).padStart(10, '0').slice(0, 9);
      const code = completeUscc(prefix + body);
      expect(findPersonalData(`代码 ${code}`), code).toEqual([]);
    }
  });
});
