/**
 * The columns of records.csv, derived from the record's JSON Schema (itself generated from the one
 * record schema): every scalar field becomes a column named by its path (subject.name →
 * subject_name) and documented by the field's own description; a list of objects (approvals,
 * history, persons, attachments) becomes one readable column. A field added to the record becomes a
 * column without touching this file.
 */
import {
  APPROVAL_ROLE_NAMES,
  ATTACHMENT_KIND_NAMES,
  PERSON_ROLE_NAMES,
  STATUS_NAMES,
  type Categories,
} from '../../../content/schema/index.ts';
import type { EntryLabels, ExportEntry } from './entry.ts';
import { recordJsonSchema } from './schema.ts';

/** One column of records.csv, documented (Frictionless Table Schema field). */
export interface Column {
  name: string;
  /** A short Chinese title. */
  title: string;
  description: string;
  type: 'string' | 'boolean';
  value: (entry: ExportEntry) => string;
}

interface JsonNode {
  type?: string;
  description?: string;
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  enum?: string[];
}

/** Chinese names for the codes inside lists of objects, by `<list path>.<field>`. */
const ITEM_NAMES: Record<string, Record<string, { zh: string }>> = {
  'subject.persons.role': PERSON_ROLE_NAMES,
  'approvals.role': APPROVAL_ROLE_NAMES,
  'history.status': STATUS_NAMES,
  'attachments.kind': ATTACHMENT_KIND_NAMES,
};

/** Record fields followed by a column with the Chinese name of their code. */
const NAMED: Record<string, keyof EntryLabels> = {
  list: 'list',
  'subject.kind': 'subject_kind',
  category: 'category',
  region: 'region',
};

/** Separates the items of a list in one cell. */
export const ITEM_SEPARATOR = '；';

/** The head of a description as a short title: "发布批次（每季一次），如 2026-Q3" → "发布批次". */
const titleOf = (description = '') =>
  description
    .replace(/（[^）]*）|\([^)]*\)/g, '')
    .split(/[：，,]/)[0]!
    .trim() || description;

/** Whether two titles share a two-character word, e.g. 主体类型 and 被列入主体. */
function related(a: string, b: string): boolean {
  for (let i = 0; i + 2 <= a.length; i++) if (b.includes(a.slice(i, i + 2))) return true;
  return false;
}

/** A nested field's title names its parent unless it already does (被列入主体名称, but 认定机关). */
const nestedTitle = (parent: string, own: string) =>
  !parent || related(own, parent) ? own : `${parent}${own}`;

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
function itemText(item: Record<string, unknown>, node: JsonNode, listPath: string): string {
  return Object.entries(node.properties ?? {})
    .filter(([, field]) => field.type !== 'boolean')
    .map(([key]) => {
      const v = cell(item[key]);
      return ITEM_NAMES[`${listPath}.${key}`]?.[v]?.zh ?? v;
    })
    .filter(Boolean)
    .join(' ');
}

function columnsOf(node: JsonNode, path: string[], out: Column[], parentTitle = ''): void {
  for (const [key, field] of Object.entries(node.properties ?? {})) {
    const fieldPath = [...path, key];
    const dotted = fieldPath.join('.');
    const name = fieldPath.join('_');
    const description = field.description ?? '';
    const title = nestedTitle(parentTitle, titleOf(description));
    if (field.type === 'object' && field.properties) {
      columnsOf(field, fieldPath, out, titleOf(description));
    } else if (field.type === 'array' && field.items?.type === 'object') {
      const items = field.items;
      out.push({
        name,
        title,
        type: 'string',
        description: `${description}（多项以“${ITEM_SEPARATOR}”分隔）`,
        value: (e) =>
          ((get(e.record, fieldPath) as Record<string, unknown>[] | undefined) ?? [])
            .map((i) => itemText(i, items, dotted))
            .join(ITEM_SEPARATOR),
      });
    } else {
      out.push({
        name,
        title,
        description,
        type: field.type === 'boolean' ? 'boolean' : 'string',
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
export function csvColumns(categories: Categories): Column[] {
  const columns: Column[] = [];
  columnsOf(recordJsonSchema(categories, 'record.schema.json') as JsonNode, [], columns);
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
