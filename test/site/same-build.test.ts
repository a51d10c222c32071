/**
 * The baseline an incremental build must match: two full builds of the same few hundred generated
 * records on the same date, each with its own output folder and cache, give the same files, byte
 * for byte (the data package, the credit-office workbooks and the search indexes included).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareOutputs,
  describeDifference,
  filesUnder,
  sameOutput,
} from '../../scripts/bench/lib/same-output.ts';
import { GENERATOR_TODAY } from '../../scripts/lib/generate.ts';
import { buildSite, contentRootWith, sampleRecords } from './lib/build-site.ts';

const records = sampleRecords(300, 14);
const root = contentRootWith(Object.fromEntries(records.map((g) => [g.file, g.yaml])));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('two full builds of the same content and date', () => {
  it('give identical output, file by file', { timeout: 240_000 }, async () => {
    const build = (n: number) =>
      buildSite(root, GENERATOR_TODAY, {
        outDir: join(root, `out-${n}`),
        cacheDir: join(root, `cache-${n}`),
      });
    const first = await build(1);
    const second = await build(2);
    const files = filesUnder(first);
    expect(files.filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(0);
    expect(files).toContain('data/datapackage.json');
    const difference = compareOutputs(first, second);
    expect(sameOutput(difference), describeDifference(difference)).toBe(true);
    expect(difference.compared).toBe(files.length);
  });
});
