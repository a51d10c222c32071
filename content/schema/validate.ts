/**
 * The validator: every record against the schema, then the rules that span records and files.
 * `npm run validate` prints its problems; the site build, the bot and the review CLI call it too.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Categories, Publisher } from './config.ts';
import type { IsoDate } from './dates.ts';
import { LIST_NAMES, PUBLIC_STATUSES } from './labels.ts';
import type { Lang } from './messages.ts';
import { problemAt, problemsFromIssues, type Problem } from './problems.ts';
import { createRecordSchema, type HongheiRecord } from './record.ts';
import { listRecordFiles, loadCategories, loadPublisher, parseYaml, readYaml, type YamlSource } from './source.ts';
import { statusOn } from './visibility.ts';

/** A record that passed its schema, with the source it came from. */
export interface LoadedRecord { source: YamlSource; record: HongheiRecord }

/** The outcome of checking one record's text. */
export interface RecordCheck { record?: HongheiRecord; problems: Problem[]; source: YamlSource }

/** What the single-record check needs: the publisher's categories, and its language. */
export interface CheckContext { categories: Categories; lang: Lang }

const schemaCache = new WeakMap<Categories, ReturnType<typeof createRecordSchema>>();

/** The record schema for a set of categories (built once per set). */
export function recordSchemaFor(categories: Categories) {
  let schema = schemaCache.get(categories);
  if (!schema) schemaCache.set(categories, (schema = createRecordSchema({ categories })));
  return schema;
}

/** Checks one record's YAML text against the schema (the bot checks its output with this). */
export function checkRecordText(text: string, file: string, context: CheckContext): RecordCheck {
  return checkRecordSource(parseYaml(text, file), context);
}

/** Checks a parsed record file against the schema. */
export function checkRecordSource(source: YamlSource, { categories, lang }: CheckContext): RecordCheck {
  if (source.doc.errors.length) {
    const problems = source.doc.errors.map((e) => {
      const { line, col } = source.lines.linePos(e.pos[0]);
      return { ...problemAt(source, [], 'yaml_syntax', { detail: e.message.split('\n')[0] ?? e.code }, lang), line, col };
    });
    return { problems, source };
  }
  const parsed = recordSchemaFor(categories).safeParse(source.data);
  if (!parsed.success) return { problems: problemsFromIssues(source, parsed.error.issues, lang), source };
  return { record: parsed.data, problems: [], source };
}

/** Active on a date: its period has not ended and the status in force (listed, before it starts) is a public one. */
function activeOn(record: HongheiRecord, date: IsoDate): boolean {
  return record.publication.end >= date && PUBLIC_STATUSES[record.list].includes(statusOn(record, date) ?? 'listed');
}

/** The rules that span records: ids, locations, the same code twice, files that must exist. */
export function crossRecordProblems(root: string, loaded: readonly LoadedRecord[], publisher: Publisher, date: IsoDate, lang: Lang): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LoadedRecord>();
  const activeByCode = new Map<string, LoadedRecord>();
  const units = publisher.units.map((u) => u.name);
  for (const entry of loaded) {
    const { source, record: r } = entry;
    const first = byId.get(r.id);
    if (first) problems.push(problemAt(source, ['id'], 'duplicate_id', { id: r.id, other: first.source.file }, lang));
    else byId.set(r.id, entry);

    const stem = basename(source.file).replace(/\.ya?ml$/, '');
    if (stem !== r.id) problems.push(problemAt(source, ['id'], 'id_filename', { id: r.id, name: basename(source.file), stem }, lang));
    const expected = `content/records/${r.list}/${r.batch.slice(0, 4)}/${r.id}.yaml`;
    if (source.file !== expected && stem === r.id) problems.push(problemAt(source, ['list'], 'file_location', { expected }, lang));

    if (r.subject.code && activeOn(r, date)) {
      const key = `${r.list}:${r.subject.code}`;
      const other = activeByCode.get(key);
      if (other) {
        problems.push(problemAt(source, ['subject', 'code'], 'code_active_twice', { code: r.subject.code, list: LIST_NAMES[r.list][lang], other: other.source.file }, lang));
      } else activeByCode.set(key, entry);
    }
    r.attachments.forEach((a, i) => {
      if (!existsSync(join(root, 'content', a.file))) problems.push(problemAt(source, ['attachments', i, 'file'], 'attachment_missing', { file: a.file }, lang));
    });
    if (r.case && !existsSync(join(root, 'content', 'cases', `${r.case}.mdx`))) {
      problems.push(problemAt(source, ['case'], 'case_missing', { slug: r.case }, lang));
    }
    if (!units.includes(r.submitted.unit)) {
      problems.push(problemAt(source, ['submitted', 'unit'], 'unknown_unit', { unit: r.submitted.unit, allowed: units.join('、') }, lang));
    }
    if (r.approvals.length < publisher.approvals_required) {
      problems.push(problemAt(source, ['approvals'], 'approvals_count', { count: r.approvals.length, required: publisher.approvals_required }, lang));
    }
  }
  return problems;
}

/** Everything `npm run validate` reports on a content repository. */
export interface RepositoryReport {
  publisher: Publisher;
  categories: Categories;
  records: LoadedRecord[];
  problems: Problem[];
  files: number;
}

/**
 * Validates a whole content repository. Configuration errors throw (nothing else can be checked
 * without them); record problems are collected.
 */
export function validateRepository(root: string, options: { date: IsoDate; lang?: Lang }): RepositoryReport {
  const publisher = loadPublisher(root);
  const categories = loadCategories(root);
  const lang = options.lang ?? publisher.language;
  const files = listRecordFiles(root);
  const records: LoadedRecord[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const check = checkRecordSource(readYaml(root, file), { categories, lang });
    problems.push(...check.problems);
    if (check.record) records.push({ source: check.source, record: check.record });
  }
  problems.push(...crossRecordProblems(root, records, publisher, options.date, lang));
  return { publisher, categories, records, problems, files: files.length };
}
