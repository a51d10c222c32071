/**
 * The entries' full-text index in several shards, on real builds of a few hundred generated
 * records with a small shard size: the search page finds an entry of every shard and orders the
 * merged results by date; a republish after one record changed re-indexes exactly one shard
 * and gives the same files, byte for byte, as a full build with an empty cache.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCategories, loadPublisher } from '../../content/schema/index.ts';
import {
  compareOutputs,
  describeDifference,
  sameOutput,
} from '../../scripts/bench/lib/same-output.ts';
import { generateRecords, GENERATOR_TODAY, publicRecords } from '../../scripts/lib/generate.ts';
import { openSiteIndex } from '../../site/build/index-files.ts';
import { shardCount, shardName, shardOf } from '../../site/build/pagefind-shards.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { launchChromium } from './lib/browser.ts';
import { buildSite, contentRootWith } from './lib/build-site.ts';
import { serveStatic } from './lib/static-server.ts';

const SHARD_SIZE = 60;
const generated = generateRecords({
  count: 300,
  seed: 15,
  categories: loadCategories(SAMPLE_ROOT),
  publisher: loadPublisher(SAMPLE_ROOT),
});
const shown = publicRecords(generated, GENERATOR_TODAY).map((g) => g.record);
const count = shardCount(shown.length, SHARD_SIZE);
const root = contentRootWith(Object.fromEntries(generated.map((g) => [g.file, g.yaml])));
const out = join(root, 'out');
const cache = join(root, 'cache');
const build = (outDir: string, cacheDir: string) =>
  buildSite(root, GENERATOR_TODAY, {
    outDir,
    cacheDir,
    env: { HONGHEI_SEARCH_SHARD_SIZE: String(SHARD_SIZE) },
  });
/** The cached bundles' keys (one per shard, and one for the case and guide pages if any). */
const cachedKeys = () => readdirSync(join(cache, 'honghei', 'pagefind')).sort();

beforeAll(() => build(out, cache));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the full-text index in shards', () => {
  it('writes every shard as a bundle of its own, listed in bundles.json', () => {
    expect(count).toBeGreaterThanOrEqual(3);
    const { bundles } = JSON.parse(readFileSync(join(out, 'pagefind/bundles.json'), 'utf8')) as {
      bundles: string[];
    };
    const names = Array.from({ length: count }, (_, i) => shardName(i, count));
    expect(bundles).toEqual(names.map((n) => `/pagefind/${n}/`));
    expect(readdirSync(join(out, 'pagefind')).sort()).toEqual(['bundles.json', ...names].sort());
    for (const n of names) expect(readdirSync(join(out, 'pagefind', n))).toContain('pagefind.js');
    expect(cachedKeys().length).toBe(count);
  });

  describe('the search page in Chromium', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveStatic>>;
    beforeAll(async () => {
      server = await serveStatic(out);
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** The record ids of the full-text results of a query, in order, up to `pages` pages. */
    async function fullText(q: string, pages = Infinity): Promise<string[]> {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
      if (await page.locator('#fulltext-run').isVisible()) await page.click('#fulltext-run');
      await expect.poll(() => page.locator('#fulltext-status').textContent()).toMatch(/\d/);
      const rows = page.locator('#fulltext-list li');
      for (let n = 1; n < pages && (await page.locator('#fulltext-more').isVisible());) {
        const before = await rows.count();
        await page.click('#fulltext-more');
        await expect.poll(() => rows.count()).toBeGreaterThan(before);
        n++;
      }
      const paths = await page
        .locator('#fulltext-list a.name')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      await page.context().close();
      return paths.map((p) => p.split('/')[2]!);
    }

    it('finds an entry of every shard by its decision number', async () => {
      for (let shard = 0; shard < count; shard++) {
        const target = shown.find((r) => shardOf(r.id, count) === shard)!;
        expect(await fullText(target.decision.document_number), shardName(shard, count)).toContain(
          target.id,
        );
      }
    });

    it('orders results from all shards by date, newest first', async () => {
      const { engine } = await openSiteIndex(out);
      const dates = new Map(
        (await engine.docs(await engine.search({}))).map((d) => [d.id, d.date]),
      );
      const ids = await fullText(shown[0]!.decision.authority, 3);
      expect(ids.length).toBe(60);
      expect(new Set(ids.map((id) => shardOf(id, count))).size).toBe(count);
      const found = ids.map((id) => dates.get(id)!);
      expect(found).toEqual([...found].sort().reverse());
    });
  });

  it(
    'after one record changed, re-indexes one shard and equals a full build byte for byte',
    { timeout: 300_000 },
    async () => {
      const before = cachedKeys();
      const target = generated.find((g) => g.record.id === shown[1]!.id)!;
      const file = join(root, target.file);
      const yaml = readFileSync(file, 'utf8');
      expect(yaml).toMatch(/^facts: /m);
      writeFileSync(file, yaml.replace(/^facts: (.*)$/m, 'facts: $1 更正后的事实'));
      await build(out, cache);
      const after = cachedKeys();
      expect(before.filter((k) => !after.includes(k)).length).toBe(1);
      expect(after.filter((k) => !before.includes(k)).length).toBe(1);
      const fresh = await build(join(root, 'fresh'), join(root, 'fresh-cache'));
      const difference = compareOutputs(fresh, out);
      expect(sameOutput(difference), describeDifference(difference)).toBe(true);
    },
  );
});
