/**
 * The validation cache of the site build: a second build reuses every file's check and gets the
 * same records; a changed file is checked again; a damaged or foreign cache file is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCategories, loadPublisher, validateRepository } from '../../content/schema/index.ts';
import { generateRecords, GENERATOR_TODAY } from '../../scripts/lib/generate.ts';
import { validationCache } from '../../site/lib/validation-cache.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { contentRootWith } from './lib/build-site.ts';

const generated = generateRecords({
  count: 40,
  seed: 16,
  categories: loadCategories(SAMPLE_ROOT),
  publisher: loadPublisher(SAMPLE_ROOT),
});
const root = contentRootWith(Object.fromEntries(generated.map((g) => [g.file, g.yaml])));
const file = join(root, 'cache', 'validation.json');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Validates with the cache; returns the records and what the cache did. */
function validate() {
  const cache = validationCache(file, root);
  const report = validateRepository(root, { date: GENERATOR_TODAY, checkFile: cache.checkFile });
  cache.save();
  return {
    records: report.records.map((r) => r.record),
    problems: report.problems,
    ...cache.stats,
  };
}

describe('the validation cache', () => {
  const plain = validateRepository(root, { date: GENERATOR_TODAY });

  it('reuses every check on a second build, with the same records and problems', () => {
    expect(validate()).toMatchObject({ reused: 0, checked: 40 });
    const second = validate();
    expect(second).toMatchObject({ reused: 40, checked: 0 });
    expect(JSON.stringify(second.records)).toBe(JSON.stringify(plain.records.map((r) => r.record)));
    expect(second.problems).toEqual(plain.problems);
  });

  it('checks a changed file again', () => {
    const changed = join(root, generated[0]!.file);
    writeFileSync(
      changed,
      readFileSync(changed, 'utf8').replace(/^facts: (.*)$/m, 'facts: $1 更正'),
    );
    expect(validate()).toMatchObject({ reused: 39, checked: 1 });
  });

  it('ignores a damaged cache file and one of another schema or configuration', () => {
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('更正', '更改'));
    expect(validate()).toMatchObject({ reused: 0, checked: 40 });
    writeFileSync(file, `0${good.slice(1)}`);
    expect(validate()).toMatchObject({ reused: 0, checked: 40 });
    writeFileSync(file, 'not a cache');
    expect(validate()).toMatchObject({ reused: 0, checked: 40 });
  });
});
