/**
 * The cache of written Pagefind bundles, with a real Pagefind: a bundle is reused only when every
 * file matches its manifest; a damaged file or manifest is ignored and the bundle indexed anew,
 * to the same bytes; keys follow exactly the records in order.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleKey, cachedBundle, pruneBundles } from '../../../site/build/bundle-cache.ts';
import { writeEntryBundle } from '../../../site/build/pagefind-index.ts';
import type { SourceEntry } from '../../../site/lib/search/format.ts';

const work = mkdtempSync(join(tmpdir(), 'honghei-bundles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const entries: SourceEntry[] = ['甲', '乙', '丙'].map((c, i) => ({
  id: `2026q4-black-00000${i}`,
  url: `/records/2026q4-black-00000${i}/`,
  name: `大连${c}示例有限公司`,
  code: `9121020000000000${i}X`,
  date: `2026-11-0${i + 1}`,
  batch: '2026-Q4',
  sample: true,
  filters: { list: ['black'], category: [], region: [], year: ['2026'], kind: [], status: [] },
  text: `大连${c}示例有限公司 拖欠工资`,
}));
const key = bundleKey(
  { test: true },
  entries.map((e) => JSON.stringify(e)),
);
const index = (dir: string) => writeEntryBundle(dir, entries);
const bytes = (b: { dir: string; files: string[] }) =>
  Object.fromEntries(b.files.map((f) => [f, readFileSync(join(b.dir, f)).toString('base64')]));

describe('cached Pagefind bundles', () => {
  it('depend on the records in order', () => {
    const reversed = bundleKey({ test: true }, entries.map((e) => JSON.stringify(e)).reverse());
    expect(reversed).not.toBe(key);
    expect(
      bundleKey(
        { test: true },
        entries.map((e) => JSON.stringify(e)),
      ),
    ).toBe(key);
  });

  it('are reused when intact, indexed anew when a file or the manifest is damaged', async () => {
    const first = await cachedBundle(work, key, index);
    expect(first.reused).toBe(false);
    expect(first.files).toContain('pagefind.js');
    const original = bytes(first);
    expect((await cachedBundle(work, key, index)).reused).toBe(true);

    const fragment = first.files.find((f) => f.startsWith('fragment/'))!;
    writeFileSync(join(first.dir, fragment), 'damaged');
    const repaired = await cachedBundle(work, key, index);
    expect(repaired.reused).toBe(false);
    expect(bytes(repaired)).toEqual(original);

    writeFileSync(join(work, key, 'manifest.json'), '{"key": "not json');
    const again = await cachedBundle(work, key, index);
    expect(again.reused).toBe(false);
    expect(bytes(again)).toEqual(original);
  });

  it('are pruned to the keys a build used', async () => {
    await cachedBundle(work, 'other', index);
    pruneBundles(work, [key]);
    expect((await cachedBundle(work, key, index)).reused).toBe(true);
    expect((await cachedBundle(work, 'other', index)).reused).toBe(false);
  });
});
