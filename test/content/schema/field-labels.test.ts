/**
 * One source for field names: the label a field carries in the schema is what the bot asks, the
 * CSV column's title, the pull-request table's label and the README's, in each language; and
 * changing it in the schema changes all of them at once. Paths name a field in any of their forms
 * (subject.persons.0.role, subject.persons.*.role, an array of keys).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  FIELD_TEXTS,
  fieldHint,
  fieldLabel,
  fieldOrder,
  fieldTexts,
  recordFieldAt,
  schemaLayers,
  valueName,
  type FieldTexts,
} from '../../../content/schema/index.ts';
import { recordRows } from '../../../bot/forge/summary.ts';
import type { Step } from '../../../bot/form/step.ts';
import { newRecordSteps, type NewRecordData } from '../../../bot/record/new-steps.ts';
import { fieldsTable } from '../../../scripts/lib/fields-table.ts';
import { csvColumns } from '../../../site/lib/export/columns.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../../fixtures/roots.ts';

const RECORD = readFileSync(
  join(SAMPLE_ROOT, 'content/records/black/2024/2024q1-black-001.yaml'),
  'utf8',
);

const envOf = (lang: 'zh' | 'en') => ({
  lang,
  t: (k: string) => k,
  today: '2026-11-20',
  data: undefined as never,
});

/** The bot's question title for each field /new asks with its own step, by path. */
function botLabels(lang: 'zh' | 'en'): Map<string, string> {
  const out = new Map<string, string>();
  for (const step of newRecordSteps() as Step<NewRecordData>[])
    if (step.input !== 'files') out.set(step.key, step.label(envOf(lang)));
  return out;
}

/** The CSV titles of the columns that are fields (subject_name ← subject.name). */
function csvTitles(): Map<string, string> {
  const byName = new Map(fieldOrder().map((p) => [p.replace(/\./g, '_'), p]));
  return new Map(
    csvColumns()
      .filter((c) => byName.has(c.name))
      .map((c) => [byName.get(c.name)!, c.title]),
  );
}

describe('field labels', () => {
  test('every field of the record has a label in both languages', () => {
    const unlabelled = fieldOrder().filter(
      (p) => !fieldTexts(p)?.label.zh || !fieldTexts(p)?.label.en,
    );
    expect(unlabelled).toEqual([]);
  });

  test('a path names its field in every form', () => {
    expect(fieldLabel('subject.name')).toBe('主体名称');
    expect(fieldLabel(['subject', 'persons', 0, 'role'], 'en')).toBe(
      fieldLabel('subject.persons.*.role', 'en'),
    );
    expect(fieldLabel('subject.persons.3.role')).toBe(fieldLabel('subject.persons.*.role'));
    expect(valueName('subject.persons.0.role', 'legal-representative')).toBe('法定代表人');
    expect(valueName(['history', 2, 'status'], 'listed', 'en')).toBe('listed');
    expect(valueName('region', '210202')).toBe('210202');
    expect(fieldLabel('no.such.field')).toBe('no.such.field');
    expect(fieldHint('publication.end')).toMatch(/\d+ 年/);
  });

  test('the bot, the CSV, the pull-request table and the README show the schema’s label', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const [path, label] of botLabels(lang))
        if (fieldTexts(path)) expect(label, `${lang} bot: ${path}`).toBe(fieldLabel(path, lang));
    for (const [path, title] of csvTitles()) expect(title, `CSV: ${path}`).toBe(fieldLabel(path));
    const rows = recordRows(RECORD);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.label, `PR: ${row.field}`).toBe(fieldLabel(row.field));
    const table = fieldsTable();
    for (const path of fieldOrder())
      expect(table, `README: ${path}`).toContain(
        `| ${fieldLabel(path)} | ${fieldLabel(path, 'en')} |`,
      );
  });

  test('the site’s entry page takes its field labels and order from the same module', () => {
    const page = (name: string) =>
      readFileSync(join(PROJECT_ROOT, 'site/pages/records/_components', name), 'utf8');
    expect(page('EntryFields.astro')).toMatch(/fieldOrder\(\)/);
    for (const name of ['EntryFields.astro', 'EntryPage.astro', 'Accountability.astro'])
      expect(page(name), name).toMatch(/fieldLabel\(/);
    const i18n = readFileSync(join(PROJECT_ROOT, 'site/i18n/zh.ts'), 'utf8');
    for (const path of ['subject.name', 'region', 'decision.authority', 'facts', 'legal_basis'])
      expect(i18n, `site/i18n/zh.ts must not label ${path}`).not.toContain(`'${fieldLabel(path)}'`);
  });

  describe('changing a label in the schema', () => {
    const layer = schemaLayers(recordFieldAt(['subject', 'name'])!).find((l) =>
      FIELD_TEXTS.has(l),
    )!;
    const original = FIELD_TEXTS.get(layer)!;
    afterEach(() => {
      FIELD_TEXTS.add(layer, original);
    });

    test('changes the bot’s question, the CSV title, the pull-request table and the README', () => {
      const changed: FieldTexts = { ...original, label: { zh: '单位名称（改）', en: 'Renamed' } };
      FIELD_TEXTS.add(layer, changed);
      expect(botLabels('zh').get('subject.name')).toBe('单位名称（改）');
      expect(botLabels('en').get('subject.name')).toBe('Renamed');
      expect(csvTitles().get('subject.name')).toBe('单位名称（改）');
      expect(recordRows(RECORD).find((r) => r.field === 'subject.name')?.label).toBe(
        '单位名称（改）',
      );
      expect(fieldsTable()).toContain('| 单位名称（改） | Renamed |');
    });
  });
});
