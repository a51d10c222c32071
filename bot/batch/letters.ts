/** Spreadsheet column letters (1 → A, 27 → AA), as a cell's address names its column. */

/** The letters of a column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26))
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** The number of a column's letters (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}
