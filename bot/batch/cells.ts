/**
 * A cell as the reader takes it, whatever program wrote the file: text, a number, a date (a date
 * cell, or a serial number in a date column), or a problem (a formula with no computed result, an
 * error value). Dates written as text are read in every form people type (2026-01-05, 2026/1/5,
 * 2026年1月5日).
 */
import type { CellValue } from 'exceljs';
import { addDays, isIsoDate, type IsoDate } from '../../content/schema/index.ts';
import { parseDateInput } from '../record/field-check.ts';

/** A cell's content, as read. */
export type Cell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; date: IsoDate }
  | { kind: 'formula-without-result'; formula: string }
  | { kind: 'error'; error: string };

/** An exceljs cell value as a Cell (undefined: empty). */
export function cellOf(value: CellValue): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return { kind: 'date', date: value.toISOString().slice(0, 10) };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'true' : 'false' };
  if (typeof value === 'string') return value.trim() ? { kind: 'text', text: value } : undefined;
  if ('error' in value) return { kind: 'error', error: String(value.error) };
  if ('richText' in value) return cellOf(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : String(value.sharedFormula);
    const result = (value as { result?: CellValue }).result;
    if (result === undefined || result === null)
      return { kind: 'formula-without-result', formula: String(formula) };
    return cellOf(result);
  }
  if ('text' in value && typeof value.text === 'string') return cellOf(value.text);
  return { kind: 'text', text: String(value) };
}

// Spreadsheet day 25569 is 1970-01-01 (the 1900 system, counting its fictitious 29 February 1900).
const UNIX_EPOCH_SERIAL = 25569;

/** A spreadsheet serial day number as a date (46027 → 2026-01-05); undefined out of any sane range. */
export function serialDate(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2958465) return undefined;
  return addDays('1970-01-01', Math.floor(serial) - UNIX_EPOCH_SERIAL);
}

/** A cell of a date column as an ISO date, or the text as written when it is no date. */
export function dateValue(cell: Cell): string {
  if (cell.kind === 'date') return cell.date;
  if (cell.kind === 'number') return serialDate(cell.value) ?? String(cell.value);
  if (cell.kind !== 'text') return '';
  const text = cell.text.normalize('NFKC').trim();
  if (/^\d{5}(\.\d+)?$/.test(text)) return serialDate(Number(text)) ?? text;
  // A text date with a time part (2026-01-05 00:00:00), as some programs export date cells.
  const day = parseDateInput(text.replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, ''));
  return isIsoDate(day) ? day : text;
}

/** A cell of a text column as text (numbers as written: a region 210202 typed as a number). */
export function textValue(cell: Cell): string {
  if (cell.kind === 'text') return cell.text.trim();
  if (cell.kind === 'number') return String(cell.value);
  if (cell.kind === 'date') return cell.date;
  return '';
}
