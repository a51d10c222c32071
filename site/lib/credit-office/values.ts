/**
 * The value of one mapped column for one row: a record field, the Chinese name of a code, a
 * constant or a derived value. A row whose entry is no longer public (an objection that ended in
 * revocation) shows only its list, batch and decision number — the key the credit office holds
 * from the report it received — never its id, name, code or a fact, as the site shows nothing of
 * an entry it no longer publishes.
 */
import {
  DEMO_LEVEL_NAMES,
  lastPublicDay,
  LIST_NAMES,
  PERSON_ROLE_NAMES,
  regionFullName,
  STATUS_NAMES,
  statusOn,
  SUBJECT_KIND_NAMES,
  type Categories,
  type HongheiRecord,
  type IsoDate,
  type PersonRole,
  type Publisher,
} from '../../../content/schema/index.ts';
import { absoluteUrl, categoryName, entryPath } from '../export/entry.ts';
import type { MappedColumn } from './mapping.ts';
import type { DerivedValue, NamedPath, ObjectionField } from './record-paths.ts';

/** What a report is built with besides the records. */
export interface ReportContext {
  /** The date the report is made as of: visibility and statuses are those of this day. */
  asOf: IsoDate;
  publisher: Publisher;
  categories: Categories;
  /** The site's address, for entry_url. */
  siteUrl: string;
}

/** One row: an entry (as published on the report date) and, on the objection sheet, an objection. */
export interface Row {
  record: HongheiRecord;
  /** False when the entry is not public on the report date: its identity is withheld. */
  public: boolean;
  objection?: Partial<Record<ObjectionField, string>>;
}

/** The fields of an entry that are shown even when it is no longer public. */
const ALWAYS_SHOWN = new Set(['list', 'batch', 'decision.document_number']);

/** Separates several names in one cell. */
const NAME_SEPARATOR = '、';

function get(value: unknown, path: string): string {
  let v = value;
  for (const key of path.split('.'))
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

function nameOf(path: NamedPath, r: HongheiRecord, context: ReportContext): string {
  switch (path) {
    case 'list':
      return LIST_NAMES[r.list].zh;
    case 'subject.kind':
      return SUBJECT_KIND_NAMES[r.subject.kind].zh;
    case 'category':
      return categoryName(context.categories, r);
    case 'region':
      return regionFullName(r.region) ?? r.region;
    case 'demonstration.level':
      return r.demonstration ? DEMO_LEVEL_NAMES[r.demonstration.level].zh : '';
    case 'status': {
      const status = statusOn(r, context.asOf);
      return status ? STATUS_NAMES[status].zh : '';
    }
  }
}

/** The masked names of the persons published with the entry in a role. */
const persons = (r: HongheiRecord, role: PersonRole) =>
  (r.subject.persons ?? [])
    .filter((p) => p.role === role)
    .map((p) => p.name)
    .join(NAME_SEPARATOR);

/** 备注: what a reader of the sheet must know that no column says. */
function remarks(row: Row, context: ReportContext): string {
  const r = row.record;
  const parts: string[] = [];
  if (!row.public) parts.push('条目已不再公开，主体信息不列出；按认定文书号对应原报送条目');
  else if (!row.objection) {
    const status = statusOn(r, context.asOf);
    if (status && status !== 'listed') parts.push(`报送日状态：${STATUS_NAMES[status].zh}`);
    if (r.demonstration)
      parts.push(
        `${DEMO_LEVEL_NAMES[r.demonstration.level].zh}示范单位，命名机关：${r.demonstration.named_by}`,
      );
    const responsible = persons(r, 'responsible-person');
    if (responsible) parts.push(`${PERSON_ROLE_NAMES['responsible-person'].zh}：${responsible}`);
  }
  if (r.sample) parts.push('示例数据');
  return parts.join('；');
}

function derived(name: DerivedValue, row: Row, context: ReportContext): string {
  const r = row.record;
  switch (name) {
    case 'publisher':
      return context.publisher.name;
    case 'remarks':
      return remarks(row, context);
    case 'publication_end':
      return row.public ? lastPublicDay(r) : '';
    case 'legal_representative':
      return row.public ? persons(r, 'legal-representative') : '';
    case 'responsible_persons':
      return row.public ? persons(r, 'responsible-person') : '';
    case 'entry_url':
      return row.public ? absoluteUrl(context.siteUrl, entryPath(r.id)) : '';
  }
}

/** The text of one column for one row. */
export function columnValue(column: MappedColumn, row: Row, context: ReportContext): string {
  if (column.value !== undefined) return column.value;
  if (column.derived) return derived(column.derived, row, context);
  if (column.name_of)
    return row.public || column.name_of === 'list'
      ? nameOf(column.name_of, row.record, context)
      : '';
  const path = column.field!;
  if (path.startsWith('objection.')) return row.objection?.[path.slice(10) as ObjectionField] ?? '';
  return row.public || ALWAYS_SHOWN.has(path) ? get(row.record, path) : '';
}
