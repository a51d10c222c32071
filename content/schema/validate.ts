/**
 * The validator: every record against the schema, then the rules that span records and files.
 * `npm run validate` prints its problems; the site build, the bot and the review CLI call it too.
 * It checks for publication unless told the stage is a submission (stages.ts).
 */
import { calendarProblems } from './calendar-checks.ts';
import type { Categories, Publisher } from './config.ts';
import { crossRecordProblems, type LoadedRecord } from './cross-record.ts';
import type { IsoDate } from './dates.ts';
import type { Lang } from './messages.ts';
import { privateFilesInContent } from './private-files.ts';
import { problemAt, problemsFromIssues, type Problem } from './problems.ts';
import { createRecordSchema, type HongheiRecord } from './record.ts';
import {
  lightYamlSource,
  listRecordFiles,
  loadCategories,
  loadPublisher,
  parseRecordYaml,
  parseYaml,
  readText,
  type YamlSource,
} from './source.ts';
import { DEFAULT_STAGE, type Stage } from './stages.ts';

export {
  caseProblems,
  crossRecordProblems,
  lastPublicDay,
  type LoadedRecord,
} from './cross-record.ts';

/** The outcome of checking one record's text. */
export interface RecordCheck {
  record?: HongheiRecord;
  problems: Problem[];
  source: YamlSource;
}

/** What the single-record check needs: the publisher's categories, and its language. */
export interface CheckContext {
  categories: Categories;
  lang: Lang;
}

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
export function checkRecordSource(
  source: YamlSource,
  { categories, lang }: CheckContext,
): RecordCheck {
  // A source whose data was read (lightYamlSource) parsed cleanly: do not parse it again to ask.
  if (source.data === undefined && source.doc.errors.length) {
    // Only the first syntax error: the ones after it are nearly always its consequences.
    const e = source.doc.errors[0]!;
    const { line, col } = source.lines.linePos(e.pos[0]);
    const problem = {
      ...problemAt(
        source,
        [],
        'yaml_syntax',
        { code: e.code, detail: e.message.split('\n')[0] ?? e.code },
        lang,
      ),
      line,
      col,
    };
    return { problems: [problem], source };
  }
  const parsed = recordSchemaFor(categories).safeParse(source.data);
  if (!parsed.success)
    return { problems: problemsFromIssues(source, parsed.error.issues, lang), source };
  return { record: parsed.data, problems: [], source };
}

/** The check of one record file: its record if valid, and its problems (date-independent). */
export type CheckFile = (
  file: string,
  text: string,
  context: CheckContext,
) => { record?: HongheiRecord; problems: Problem[] };

/** Parses and checks one record file. */
export const checkFile: CheckFile = (file, text, context) =>
  checkRecordSource(parseRecordYaml(text, file), context);

/** Everything `npm run validate` reports on a content repository. */
export interface RepositoryReport {
  /** The stage checked: publish (the default) or submission. */
  stage: Stage;
  publisher: Publisher;
  categories: Categories;
  records: LoadedRecord[];
  problems: Problem[];
  files: number;
}

/**
 * Validates a whole content repository. Configuration errors throw (nothing else can be checked
 * without them); record problems are collected. The stage is publish unless given: a record
 * without its approvals is then an error; at the submission stage it is a notice.
 */
export function validateRepository(
  root: string,
  options: {
    date: IsoDate;
    lang?: Lang;
    stage?: Stage;
    /** Checks one record file (default: parse and check it); the site build passes a cached one. */
    checkFile?: CheckFile;
  },
): RepositoryReport {
  const stage = options.stage ?? DEFAULT_STAGE;
  const publisher = loadPublisher(root);
  const categories = loadCategories(root);
  const lang = options.lang ?? publisher.language;
  const files = listRecordFiles(root);
  const records: LoadedRecord[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const text = readText(root, file);
    const check = (options.checkFile ?? checkFile)(file, text, { categories, lang });
    problems.push(...check.problems);
    // A valid record keeps its text, not its parsed document or a second copy of its data.
    if (check.record) records.push({ source: lightYamlSource(file, text), record: check.record });
  }
  problems.push(...crossRecordProblems(root, records, publisher, options.date, lang, stage));
  problems.push(...calendarProblems(root, lang));
  problems.push(...privateFilesInContent(root, lang));
  return { stage, publisher, categories, records, problems, files: files.length };
}
