/**
 * The schema tests' record: a real YAML file (fixtures/record.yaml) changed one field at a time
 * through the yaml library, so every test reads real record text with real line numbers.
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import {
  checkRecordText,
  loadCategories,
  type Lang,
  type Problem,
} from '../../content/schema/index.ts';

/** The sample's content root, whose content/categories.yaml the tests use (test/fixtures/roots.ts). */
export const ROOT = SAMPLE_ROOT;
const FIXTURE = new URL('fixtures/record.yaml', import.meta.url);
const categories = loadCategories(ROOT);

/** The fixture's text. */
export const recordText = (): string => readFileSync(FIXTURE, 'utf8');

/** The fixture with fields set (a value of undefined deletes the field). */
export function recordWith(changes: Record<string, unknown>): string {
  const doc = parseDocument(recordText());
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    if (value === undefined) doc.deleteIn(keys);
    else doc.setIn(keys, doc.createNode(value));
  }
  return doc.toString();
}

/** The problems of a record text, checked as content/records/black/2026/<id>.yaml. */
export function problemsOf(text: string, lang: Lang = 'zh'): Problem[] {
  return checkRecordText(text, 'content/records/black/2026/2026q3-black-901.yaml', {
    categories,
    lang,
  }).problems;
}

/** The fields with problems, sorted, for compact assertions. */
export const fieldsOf = (text: string): string[] =>
  problemsOf(text)
    .map((p) => p.field)
    .sort();
