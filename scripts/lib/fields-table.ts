/**
 * The README's field table, generated from the one record schema: every field path in schema
 * order with its Chinese and English label and its hint (content/schema/field-labels.ts). The
 * table sits between two markers in README.md; `npm run docs:fields` rewrites it and a test fails
 * when README and schema differ.
 */
import { fieldHint, fieldLabel, fieldOrder } from '../../content/schema/index.ts';

/** The markers around the generated table in README.md. */
export const FIELDS_START = '<!-- fields:start -->';
export const FIELDS_END = '<!-- fields:end -->';

// Keep a cell on one line and its pipes from ending the cell.
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The field table as Markdown: one row per field, lists' items written `*`. */
export function fieldsTable(): string {
  const rows = fieldOrder().map((path) => {
    const depth = path.split('.').filter((k) => k !== '*').length - 1;
    const name = `${'　'.repeat(depth)}\`${path}\``;
    const hint = fieldHint(path, 'zh');
    return `| ${name} | ${cell(fieldLabel(path, 'zh'))} | ${cell(fieldLabel(path, 'en'))} | ${cell(hint ?? '')} |`;
  });
  return ['| field | 名称 | label | 说明 |', '|---|---|---|---|', ...rows].join('\n');
}

/** README text with the table between the markers replaced; an error when a marker is missing. */
export function withFieldsTable(readme: string): string {
  const start = readme.indexOf(FIELDS_START);
  const end = readme.indexOf(FIELDS_END);
  if (start < 0 || end < start)
    throw new Error(
      `README.md: the markers ${FIELDS_START} and ${FIELDS_END} are missing or out of order — put them around the field table`,
    );
  return `${readme.slice(0, start + FIELDS_START.length)}\n\n${fieldsTable()}\n\n${readme.slice(end)}`;
}
