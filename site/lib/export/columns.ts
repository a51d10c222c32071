/**
 * The columns of records.csv, derived from the one record schema through its walker
 * (content/schema/fields.ts): every value field becomes a column named by its path (subject.name →
 * subject_name), titled by its label (content/schema/field-labels.ts) and documented by its
 * description; a list of objects (approvals, history, persons, attachments) becomes one readable
 * column. A field added to the record becomes a column without touching this file.
 */
import {
  fieldForm,
  fieldLabel,
  fieldType,
  recordFieldDescription,
  recordKeysAt,
  valueName,
} from '../../../content/schema/index.ts';
import type { EntryLabels, ExportEntry } from './entry.ts';

/** One column of records.csv, documented (Frictionless Table Schema field). */
export interface Column {
  name: string;
  /** A short Chinese title: the field's label. */
  title: string;
  description: string;
  type: 'string' | 'boolean';
  value: (entry: ExportEntry) => string;
}

/** Record fields followed by a column with the Chinese name of their code. */
const NAMED: Record<string, keyof EntryLabels> = {
  list: 'list',
  'subject.kind': 'subject_kind',
  category: 'category',
  region: 'region',
};

/** Separates the items of a list in one cell. */
export const ITEM_SEPARATOR = '；';

function get(value: unknown, path: string[]): unknown {
  let v = value;
  for (const key of path)
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/** One item of a list of objects as text: its values in schema order, codes named, flags left out. */
function itemText(item: Record<string, unknown>, itemPath: string[]): string {
  return recordKeysAt(itemPath)
    .filter((key) => fieldType([...itemPath, key]) !== 'boolean')
    .map((key) => valueName([...itemPath, key], cell(item[key])))
    .filter(Boolean)
    .join(' ');
}

function columnsOf(path: string[], out: Column[]): void {
  for (const key of recordKeysAt(path)) {
    const fieldPath = [...path, key];
    const dotted = fieldPath.join('.');
    const name = fieldPath.join('_');
    const description = recordFieldDescription(fieldPath) ?? '';
    const title = fieldLabel(fieldPath);
    const form = fieldForm(fieldPath);
    if (form === 'group') {
      columnsOf(fieldPath, out);
    } else if (form === 'list') {
      out.push({
        name,
        title,
        type: 'string',
        description: `${description}（多项以“${ITEM_SEPARATOR}”分隔）`,
        value: (e) =>
          ((get(e.record, fieldPath) as Record<string, unknown>[] | undefined) ?? [])
            .map((i) => itemText(i, [...fieldPath, '*']))
            .join(ITEM_SEPARATOR),
      });
    } else {
      out.push({
        name,
        title,
        description,
        type: fieldType(fieldPath) === 'boolean' ? 'boolean' : 'string',
        value: (e) => cell(get(e.record, fieldPath)),
      });
    }
    const label = NAMED[dotted];
    if (label) {
      const named = `${title.replace(/代码$/, '')}名称`;
      out.push({
        name: `${name}_name`,
        title: named,
        description: `${named}（中文）`,
        type: 'string',
        value: (e) => e.labels[label],
      });
    }
  }
}

/** The columns of records.csv, in order. */
export function csvColumns(): Column[] {
  const columns: Column[] = [];
  columnsOf([], columns);
  const status: Column[] = [
    {
      name: 'status',
      title: '状态',
      description: '发布日当天的状态代码（由状态记录计算）',
      type: 'string',
      value: (e) => e.status,
    },
    {
      name: 'status_name',
      title: '状态名称',
      description: '状态的中文名称',
      type: 'string',
      value: (e) => e.labels.status,
    },
  ];
  const afterList = columns.findIndex((c) => c.name === 'list_name') + 1;
  columns.splice(afterList, 0, ...status);
  columns.push({
    name: 'url',
    title: '页面地址',
    description: '条目页面的地址',
    type: 'string',
    value: (e) => e.url,
  });
  return columns;
}
