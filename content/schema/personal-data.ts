/**
 * Personal data rules (个人信息保护法): the record may hold a person only in masked form, and no
 * free text may carry a full resident ID number, a phone number, an e-mail address or a bank card
 * number.
 */

import { isIsoDate } from './dates.ts';
import { isValidUscc } from './uscc.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * First two digits of a resident ID: the province-level divisions of GB/T 2260, plus 71 (Taiwan)
 * and 81–83 (residence permits of Hong Kong, Macao and Taiwan residents).
 */
const ID_PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** The GB 11643-1999 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/**
 * True when an 18-character string is a resident ID number (GB 11643-1999): a province prefix, a
 * real birth date at positions 7–14 and the right check character. The birth date is what keeps an
 * all-digit credit code from being taken for an ID number.
 */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!ID_PROVINCES.has(id.slice(0, 2))) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1850-01-01' || birth > '2100-12-31') return false;
  return residentIdCheckChar(id) === id[17];
}

/** A masked ID keeps the 6-digit region and the last 4 characters: 110105********002X. */
export const MASKED_ID_PATTERN = /^\d{6}\*{8}\d{3}[\dX]$/;

/**
 * Two-character surnames (复姓). Only these may keep two characters before 某, so that a masked
 * name like 张三某 (which shows the given name) is refused.
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '澹台',
  '公冶',
  '宗政',
  '濮阳',
  '太叔',
  '申屠',
  '钟离',
  '闻人',
  '赫连',
  '呼延',
  '轩辕',
  '万俟',
  '司空',
  '淳于',
  '单于',
  '仲孙',
  '左丘',
  '东郭',
  '百里',
  '第五',
  '拓跋',
];

const HAN = '[\\u4e00-\\u9fff]';

/** A masked name is a surname followed by 某 or 某某 (张某, 张某某, 欧阳某某). */
export const MASKED_NAME_PATTERN = new RegExp(
  `^(?:${COMPOUND_SURNAMES.join('|')}|${HAN})某{1,2}$`,
  'u',
);

/** Masks a resident ID number the way the lists publish it. */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** Masks a Chinese personal name: the surname stays, the given name becomes 某 or 某某. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  const compound =
    chars.length >= 3 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  const given = chars.length - compound;
  return chars.slice(0, compound).join('') + (given >= 2 ? '某某' : '某');
}

/** What personal data a piece of free text was found to contain. */
export interface PersonalDataFinding {
  kind: 'resident-id' | 'phone' | 'email' | 'bank-card';
  /** The match with its middle hidden, so the error message itself does not repeat the data. */
  excerpt: string;
}

/** Luhn check, which every bank card number passes. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

const hide = (s: string) => (s.length <= 6 ? '***' : `${s.slice(0, 3)}…${s.slice(-2)}`);

// Cheap pre-filters: most strings (names, facts without numbers) skip every pattern below.
const HAS_DIGIT_RUN = /\d{7}/;

/** Finds full ID numbers, mobile or landline numbers, e-mail addresses and card numbers in text. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  if (text.includes('@')) {
    for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.-]+/g))
      found.push({ kind: 'email', excerpt: hide(m[0]) });
  }
  if (!HAS_DIGIT_RUN.test(text.replace(/[ -]/g, ''))) return found;
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) {
    if (isValidResidentId(m[0].toUpperCase()))
      found.push({ kind: 'resident-id', excerpt: hide(m[0]) });
  }
  for (const m of text.matchAll(
    /(?<![\dA-Za-z])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![\dA-Za-z])/g,
  )) {
    found.push({ kind: 'phone', excerpt: hide(m[0]) });
  }
  for (const m of text.matchAll(/(?<![\dA-Za-z])0\d{2,3}-\d{7,8}(?!\d)/g))
    found.push({ kind: 'phone', excerpt: hide(m[0]) });
  for (const m of text.matchAll(/(?<![\dA-Za-z])(?:62|4\d|5[1-5])\d{14,17}(?![\dA-Za-z])/g)) {
    if (luhn(m[0]) && !isValidResidentId(m[0]) && !isValidUscc(m[0]))
      found.push({ kind: 'bank-card', excerpt: hide(m[0]) });
  }
  return found;
}
