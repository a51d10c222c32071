/**
 * Reading the content repository: YAML files parsed with the yaml library, keeping source
 * positions so every problem can be reported as file:line:col.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load as loadFast } from 'js-yaml';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  YAMLParseError,
  type Document,
  type Node,
} from 'yaml';
import { ConfigError } from './config-error.ts';
import { categoriesSchema, publisherSchema, type Categories, type Publisher } from './config.ts';

/** A parsed YAML file with what is needed to point at a field in it. */
export interface YamlSource {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

/** A position in a file, 1-based. */
export interface Position {
  line: number;
  col: number;
}

const MAY_HAVE_ALIAS = /(?:^|[\s:\-[{,])[&*][^\s*]/m;

/** Parses YAML text; syntax errors are kept in doc.errors for the caller to report. */
export function parseYaml(text: string, file: string): YamlSource {
  const lines = new LineCounter();
  // Core schema: dates stay strings, `yes` stays a string; no merge keys, no custom tags.
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    merge: false,
  });
  // Aliases (&a / *a) would let one field silently repeat another: refuse them as a syntax error
  // at the alias, instead of letting toJS throw. (Only texts with an anchor or alias need the walk.)
  if (MAY_HAVE_ALIAS.test(text))
    visit(doc, {
      Alias(_, node) {
        doc.errors.push(
          new YAMLParseError(
            node.range ? [node.range[0], node.range[1]] : [0, 0],
            'BAD_ALIAS',
            'Aliases are not allowed in a record',
          ),
        );
        return visit.BREAK;
      },
    });
  let data: unknown;
  if (!doc.errors.length) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      doc.errors.push(
        new YAMLParseError(
          [0, 0],
          'IMPOSSIBLE',
          error instanceof Error ? error.message : String(error),
        ),
      );
    }
  }
  return { file, data, doc, lines };
}

/**
 * A source that keeps only its text (and its data, when given), parsing the document with the
 * yaml library the first time a position is asked for. The validator keeps one per valid record: a
 * parsed document is ~50 times the size of its text, and positions are needed only for the few
 * records with a problem.
 */
export function lightYamlSource(file: string, text: string, data?: unknown): YamlSource {
  let parsed: YamlSource | undefined;
  const full = () => (parsed ??= parseYaml(text, file));
  return {
    file,
    get data() {
      return data === undefined ? full().data : data;
    },
    get doc() {
      return full().doc;
    },
    get lines() {
      return full().lines;
    },
  };
}

/**
 * Parses a record file for the validator: js-yaml (several times faster) reads the data, and the
 * yaml library parses the document only if a position is needed. Both read YAML 1.2's core schema
 * (dates stay strings, `yes` stays a string); anything js-yaml refuses (aliases, duplicate keys,
 * unknown tags, syntax errors) goes to the yaml library, whose errors carry positions.
 */
export function parseRecordYaml(text: string, file: string): YamlSource {
  let data: unknown;
  try {
    data = loadFast(text, { maxAliases: 0, filename: file });
  } catch {
    return parseYaml(text, file);
  }
  return data === undefined || data === null
    ? parseYaml(text, file)
    : lightYamlSource(file, text, data);
}

/**
 * The position of a field path in a document: the key of the deepest existing node on the path
 * (an unknown key points at itself, a missing key at its parent).
 */
export function positionOf(source: YamlSource, path: readonly PropertyKey[]): Position {
  let node: unknown = source.doc.contents;
  let offset = (source.doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const { line, col } = source.lines.linePos(offset);
  return { line, col };
}

/** Points at the value of a field rather than its key (for a wrong value on a known key). */
export function valuePositionOf(source: YamlSource, path: readonly PropertyKey[]): Position {
  const node = source.doc.getIn(path as PropertyKey[], true) as Node | undefined;
  if (node?.range) return source.lines.linePos(node.range[0]);
  return positionOf(source, path);
}

/** Where content lives, relative to a project root. */
export function contentPaths(root: string) {
  const content = join(root, 'content');
  return {
    content,
    records: join(content, 'records'),
    cases: join(content, 'cases'),
    publisher: join(content, 'publisher.yaml'),
    categories: join(content, 'categories.yaml'),
  };
}

/** Every record file under content/records, sorted, as paths relative to the root. */
export function listRecordFiles(root: string): string[] {
  const dir = contentPaths(root).records;
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => toPosix(relative(root, join(dir, f))))
    .sort();
}

/** Reads and parses one file relative to the root. */
export function readYaml(root: string, file: string): YamlSource {
  return parseYaml(readFileSync(join(root, file), 'utf8'), file);
}

/** Reads one file relative to the root, as text. */
export function readText(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

export const toPosix = (p: string) => p.split(sep).join('/');

function loadConfig<T>(
  root: string,
  file: string,
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
): T {
  const source = readYaml(root, file);
  if (source.doc.errors.length) {
    const e = source.doc.errors[0]!;
    const { line, col } = source.lines.linePos(e.pos[0]);
    throw new ConfigError(`${file}:${line}:${col}  ${e.message}`);
  }
  const parsed = schema.safeParse(source.data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const { line, col } = positionOf(source, i.path);
    return `${file}:${line}:${col}  ${i.path.join('.') || '(file)'}  ${i.message}`;
  });
  throw new ConfigError(`${file} is not valid:\n${lines.join('\n')}`);
}

/** The publisher configuration; fails with file:line when it is wrong. */
export function loadPublisher(root: string): Publisher {
  return loadConfig(root, 'content/publisher.yaml', publisherSchema);
}

/** The categories of the three lists; fails with file:line when they are wrong. */
export function loadCategories(root: string): Categories {
  return loadConfig(root, 'content/categories.yaml', categoriesSchema);
}
