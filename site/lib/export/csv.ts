/**
 * CSV as RFC 4180 describes it (comma, CRLF, double quotes), in UTF-8 with a byte-order mark so
 * that Excel opens Chinese text correctly.
 */

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

// A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection):
// such a cell is written with a leading apostrophe, as OWASP recommends.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, quoted when needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file: a header row, then one row per item. */
export function toCsv<T>(
  columns: readonly { name: string; value: (item: T) => string }[],
  items: readonly T[],
): string {
  const lines = [columns.map((c) => csvCell(c.name)).join(',')];
  for (const item of items) lines.push(columns.map((c) => csvCell(c.value(item))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
