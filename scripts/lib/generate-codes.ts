/**
 * Credit codes for generated subjects, spread as real ones are: the registration department and
 * kind (positions 1–2) drawn by how often each occurs on such lists, and an organisation code
 * (positions 9–17) in the styles issued before 2015 (eight digits) and since (M + a letter + six
 * characters), ending in its GB 11714 check character. Positions 3–8 stay 000000, a division
 * GB/T 2260 never assigns (real codes carry the registering authority's division there, 100000
 * for central ones), so no generated code can be a real organisation's. Six characters of the
 * organisation code are a bijection of the record's index, so codes never repeat within a seed.
 */
import { completeUscc, USCC_ALPHABET, type SubjectKind } from '../../content/schema/index.ts';
import type { Random } from '../../content/schema/random.ts';

/** One registration kind: its positions 1–2, how often it occurs, and its organisation codes. */
export interface CodeKind {
  prefix: string;
  weight: number;
  /** The letter after M in codes issued since 2015 (MA for market regulation, MJ for civil affairs…). */
  lead: string;
  /** Share of codes converted from a pre-2015 organisation code (eight digits). */
  old: number;
}

/** Registration kinds per subject kind (GB 32100-2015 table 1), weighted as on real lists. */
export const CODE_KINDS: Partial<Record<SubjectKind, readonly CodeKind[]>> = {
  enterprise: [
    { prefix: '91', weight: 84, lead: 'A', old: 0.3 }, // 企业
    { prefix: '92', weight: 9, lead: 'A', old: 0.1 }, // 个体工商户
    { prefix: '93', weight: 3, lead: 'A', old: 0 }, // 农民专业合作社
    { prefix: '31', weight: 2, lead: 'D', old: 0.4 }, // 律师事务所
    { prefix: 'N2', weight: 1, lead: 'E', old: 0 }, // 村级集体经济组织
    { prefix: 'Y1', weight: 1, lead: 'G', old: 0 }, // 其他登记管理部门登记的
  ],
  institution: [
    { prefix: '12', weight: 85, lead: 'B', old: 0.8 }, // 事业单位
    { prefix: '11', weight: 10, lead: 'B', old: 0.9 }, // 机关
    { prefix: '13', weight: 5, lead: 'B', old: 0.9 }, // 群众团体
  ],
  'social-org': [
    { prefix: '52', weight: 55, lead: 'J', old: 0.3 }, // 民办非企业单位
    { prefix: '51', weight: 38, lead: 'J', old: 0.5 }, // 社会团体
    { prefix: '53', weight: 4, lead: 'J', old: 0.3 }, // 基金会
    { prefix: '59', weight: 3, lead: 'J', old: 0 }, // 其他
  ],
};

/** The kinds of code a subject kind may have (undefined: the kind has no code). */
export function pickCodeKind(kind: SubjectKind, random: Random): CodeKind | undefined {
  const kinds = CODE_KINDS[kind];
  return kinds && random.weighted(kinds.map((k) => [k, k.weight] as const));
}

// GB 11714-1997: weights of the eight body characters; digits count as themselves, letters A–Z as 10–35.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The GB 11714 check character of an eight-character organisation code body. */
export function organisationCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i] ?? '', 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

// A prime multiplier (coprime with 10^6 and 31^6) scatters consecutive indices over the space.
const SCATTER = 2_654_435_761;

/** Six characters from a bijection of the index (unique for the first million indices). */
function serial(index: number, offset: number, alphabet: string): string {
  const space = alphabet.length ** 6;
  let x = ((index % space) * SCATTER + offset) % space;
  let out = '';
  for (let i = 0; i < 6; i++, x = Math.floor(x / alphabet.length))
    out = alphabet[x % alphabet.length] + out;
  return out;
}

/** A seed's random offset for its serials. */
export const codeOffsetFor = (random: Random) => random.int(0, 2 ** 30);

/** A valid code of record `index` of one registration kind, unique within a seed. */
export function codeFor(kind: CodeKind, index: number, offset: number, random: Random): string {
  const body = random.chance(kind.old)
    ? String(random.int(10, 99)) + serial(index, offset, '0123456789')
    : `M${kind.lead}${serial(index, offset, USCC_ALPHABET)}`;
  return completeUscc(`${kind.prefix}000000${body}${organisationCheckChar(body)}`);
}
