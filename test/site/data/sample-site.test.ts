/**
 * The open data of the shared sample site (test/setup/site.ts, built once as of 2026-11-21): the
 * exports agree with the sample content under the registry's own visibility rule, parse with
 * independent libraries, and hold no inactive entry.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LISTS } from '../../../content/schema/index.ts';
import { SAMPLE_ROOT } from '../../fixtures/roots.ts';
import { filesContaining, readJson, splitRecords, textFiles } from './helpers.ts';

const siteDir = inject('siteDir');
const { publicRecords, inactive } = splitRecords(SAMPLE_ROOT, inject('siteDate'));
const ids = (rs: { id: string }[]) => rs.map((r) => r.id).sort();

describe('open data of the sample site', () => {
  it('records.json and records.csv hold exactly the public entries, and records.json fits its schema', () => {
    const data = readJson(siteDir, 'data/records.json');
    expect(ids(data.entries)).toEqual(ids(publicRecords));
    const rows = parseCsv(readFileSync(join(siteDir, 'data/records.csv')), {
      bom: true,
      columns: true,
    }) as { id: string }[];
    expect(ids(rows)).toEqual(ids(publicRecords));
    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const formats =
      (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats(ajv);
    const validate = ajv.compile(readJson(siteDir, 'data/records.schema.json'));
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('no inactive sample entry appears in any file, and none has a lookup file', () => {
    const files = textFiles(siteDir);
    const publicCodes = new Set(publicRecords.map((r) => r.subject.code));
    for (const r of inactive) {
      expect(filesContaining(files, r.subject.name), r.id).toEqual([]);
      if (r.subject.code && !publicCodes.has(r.subject.code)) {
        expect(filesContaining(files, r.subject.code), r.id).toEqual([]);
        expect(existsSync(join(siteDir, `data/lookup/${r.subject.code}.json`)), r.id).toBe(false);
      }
    }
    for (const code of publicCodes)
      if (code) expect(existsSync(join(siteDir, `data/lookup/${code}.json`)), code).toBe(true);
  });

  it('statistics.json counts the public entries of each list', () => {
    const stats = readJson(siteDir, 'data/statistics.json');
    expect(stats.total).toBe(publicRecords.length);
    for (const list of LISTS) {
      expect(stats.by_list.find((c: { key: string }) => c.key === list).count, list).toBe(
        publicRecords.filter((r) => r.list === list).length,
      );
    }
  });

  it('a case page, like an entry page, does not print the build date (it would change daily)', () => {
    const cases = readdirSync(join(siteDir, 'cases'), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const page = readFileSync(join(siteDir, 'cases', c.name, 'index.html'), 'utf8');
      expect(page, c.name).not.toContain('名单信息截至');
      expect(page, c.name).toContain('对名单信息有异议的');
    }
    expect(readFileSync(join(siteDir, 'cases/index.html'), 'utf8')).toContain('名单信息截至');
  });
});
