/**
 * The one way a record becomes YAML text, for the bot (new records, objections, repairs,
 * approvals, deadlines), the review CLI and the generator: fields in the schema's order, plain
 * scalars where they read back unchanged, double quotes otherwise, a multi-line text as a `|-`
 * block, no line folding. A new record is written by hand rather than by the yaml library's
 * stringify because the generator writes 100,000 records and this is ~10× faster; an existing
 * record is edited as a yaml document, so its comments and layout stay and the reviewer's diff
 * shows only the change, and what the edit adds is quoted by the same rule.
 */
import { isMap, parseDocument, visit, type Document } from 'yaml';
import { recordKeysAt } from './fields.ts';

type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

// A plain scalar is safe when it cannot be read as anything but this string: no indicator at the
// start, no ": " or " #" inside, no surrounding spaces, and not a number, boolean or null (in
// YAML 1.1 either, so `yes` is quoted for older readers).
const UNSAFE_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const UNSAFE_INSIDE = /: |:$| #|[\n\r\t\u0000-\u001f\u007f\u2028\u2029\ufeff]/;
const LOOKS_TYPED =
  /^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|y|Y|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;
// A text of several lines reads best as a literal block, when nothing in it needs escaping.
const BLOCK_SAFE = /^[^\s][^\r\t\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029\ufeff]*[^\s]$/;

/** Whether a string must be double-quoted to read back as the same string. */
export function needsQuotes(s: string): boolean {
  return (
    s === '' ||
    UNSAFE_START.test(s) ||
    UNSAFE_INSIDE.test(s) ||
    /\s$/.test(s) ||
    LOOKS_TYPED.test(s)
  );
}

/** A single-line string as a YAML scalar: plain, or double-quoted when plain would misread. */
export function yamlString(s: string): string {
  return needsQuotes(s) ? JSON.stringify(s) : s;
}

function scalar(v: string | number | boolean | null, indent: string): string {
  if (typeof v !== 'string') return v === null ? 'null' : String(v);
  if (v.includes('\n') && BLOCK_SAFE.test(v) && !/[ ]\n/.test(v))
    return `|-\n${v
      .split('\n')
      .map((line) => (line ? `${indent}  ${line}` : ''))
      .join('\n')}`;
  return yamlString(v);
}

function emit(value: Value, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length) {
        const lines: string[] = [];
        emit(item, `${indent}  `, lines);
        // The first key goes on the dash line: "- status: listed".
        out.push(`${indent}- ${lines[0]!.slice(indent.length + 2)}`, ...lines.slice(1));
      } else if (Array.isArray(item) && item.length) {
        out.push(`${indent}-`);
        emit(item, `${indent}  `, out);
      } else if (item && typeof item === 'object') {
        out.push(`${indent}- ${Array.isArray(item) ? '[]' : '{}'}`);
      } else {
        out.push(`${indent}- ${scalar(item ?? null, indent)}`);
      }
    }
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, Value>)) {
    if (v === undefined) continue;
    const empty = v && typeof v === 'object' && Object.keys(v).length === 0;
    if (empty) out.push(`${indent}${key}: ${Array.isArray(v) ? '[]' : '{}'}`);
    else if (v && typeof v === 'object') {
      out.push(`${indent}${key}:`);
      emit(v, `${indent}  `, out);
    } else out.push(`${indent}${key}: ${scalar(v, indent)}`);
  }
}

const FIELD_ORDER = recordKeysAt([]);

/**
 * A record (or any mapping of plain data) as YAML text: top-level fields in the schema's order,
 * then any others; nested mappings as given (orderRecord orders them too). A header becomes `# `
 * comment lines above the record, as the sample records carry one.
 */
export function recordToYaml(record: Record<string, unknown>, header?: string): string {
  const ordered: Record<string, Value> = {};
  for (const key of FIELD_ORDER) if (record[key] !== undefined) ordered[key] = record[key] as Value;
  for (const [key, v] of Object.entries(record))
    if (!(key in ordered) && v !== undefined) ordered[key] = v as Value;
  const out = header ? header.split('\n').map((line) => `# ${line}`.trimEnd()) : [];
  emit(ordered, '', out);
  return `${out.join('\n')}\n`;
}

/**
 * A value with every mapping's keys in the schema's order at its path, recursively, keeping only
 * the keys the schema knows there (a mapping the schema does not describe is kept as it is).
 */
export function orderRecord(value: unknown, path: readonly PropertyKey[] = []): unknown {
  if (Array.isArray(value)) return value.map((item, i) => orderRecord(item, [...path, i]));
  if (!value || typeof value !== 'object') return value;
  const keys = recordKeysAt(path);
  if (!keys.length) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = orderRecord(v, [...path, key]);
  }
  return out;
}

/**
 * Edits a record's YAML text in place: `edit` changes the parsed document (comments, order and
 * quoting of what is there stay), and what it adds is quoted by the rule of recordToYaml. Throws
 * `invalid()`'s error when the text is not a YAML mapping.
 */
export function editRecordYaml(
  text: string,
  edit: (doc: Document) => void,
  invalid: () => Error,
): string {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) throw invalid();
  edit(doc);
  visit(doc, {
    // A node the edit created has no source style yet.
    Scalar(_, node) {
      if (node.type === undefined && typeof node.value === 'string' && !node.value.includes('\n'))
        if (needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
