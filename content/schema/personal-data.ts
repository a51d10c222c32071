/**
 * Personal data rules (个人信息保护法): the record may hold a person only in masked form, and no
 * free text may carry a full resident ID number or a phone number.
 */

import { isValidUscc } from './uscc.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 check of an 18-character resident ID number. */
export function isValidResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** A masked ID keeps the 6-digit region and the last 4 characters: 110105********002X. */
export const MASKED_ID_PATTERN = /^\d{6}\*{8}\d{3}[\dX]$/;

/** A masked name is a surname of one or two characters followed by 某 (张某, 张某某, 欧阳某某). */
export const MASKED_NAME_PATTERN = /^[\u4e00-\u9fff]{1,2}某{1,2}$/u;

/** Masks a resident ID number the way the lists publish it. */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** Masks a Chinese personal name: the surname stays, the given name becomes 某 or 某某. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  const compound = chars.length >= 4 ? 2 : 1; // 欧阳娜娜 → 欧阳某某
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

/** Finds full ID numbers, mobile or landline numbers, e-mail addresses and card numbers in text. */
export function findPersonalData(text: string): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g)) {
    if (isValidResidentId(m[0].toUpperCase())) found.push({ kind: 'resident-id', excerpt: hide(m[0]) });
  }
  for (const m of text.matchAll(/(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g)) {
    found.push({ kind: 'phone', excerpt: hide(m[0]) });
  }
  for (const m of text.matchAll(/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g)) found.push({ kind: 'phone', excerpt: hide(m[0]) });
  for (const m of text.matchAll(/[\w.+-]+@[\w-]+\.[\w.-]+/g)) found.push({ kind: 'email', excerpt: hide(m[0]) });
  for (const m of text.matchAll(/(?<!\d)(?:62|4\d|5[1-5])\d{14,17}(?!\d)/g)) {
    if (luhn(m[0]) && !isValidResidentId(m[0]) && !isValidUscc(m[0])) found.push({ kind: 'bank-card', excerpt: hide(m[0]) });
  }
  return found;
}
