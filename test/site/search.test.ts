/**
 * Search on the real built sample: name fragments, whole names, codes and code prefixes return
 * exactly the public entries that match (answers computed from the records by brute force);
 * filters and date order; the same through the search page in Chromium; Pagefind's full text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { HongheiRecord } from '../../content/schema/index.ts';
import { openSiteIndex } from '../../site/build/index-files.ts';
import type { SearchEngine } from '../../site/lib/search/engine.ts';
import { launchChromium } from './lib/browser.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { recordsOn } from './lib/records.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

const root = SAMPLE_ROOT;
const siteDir = inject('siteDir');
const date = inject('siteDate');
const { public: publicRecords, inactive } = recordsOn(root, date);

const norm = (s: string) => s.normalize('NFKC').toUpperCase();
/** Every public entry a term finds: its name has the term, or its code starts with it. */
const expected = (term: string) =>
  publicRecords
    .filter(
      (r) =>
        norm(r.subject.name).includes(norm(term)) || (r.subject.code ?? '').startsWith(norm(term)),
    )
    .map((r) => r.id)
    .sort();

/** Fragments of 2, 3 and 4 characters from the middle of some names. */
function fragments(records: HongheiRecord[]): string[] {
  return records.flatMap((r) => {
    const chars = Array.from(r.subject.name);
    return [2, 3, 4]
      .filter((n) => chars.length >= n + 1)
      .map((n) => chars.slice(1, 1 + n).join(''));
  });
}

let engine: SearchEngine;
const ids = async (q: string, filters?: Record<string, string[]>) =>
  (await engine.docs(await engine.search({ q, filters }))).map((d) => d.id).sort();

beforeAll(async () => {
  engine = (await openSiteIndex(siteDir)).engine;
});

describe('exact-match search on the sample (Node)', () => {
  it('finds every public entry by 2–4 character fragments of names', async () => {
    const queries = fragments(publicRecords);
    expect(queries.length).toBeGreaterThan(20);
    for (const q of queries) expect(await ids(q), q).toEqual(expected(q));
  });

  it('finds entries by whole name, whole code and code prefixes', async () => {
    for (const r of publicRecords) {
      expect(await ids(r.subject.name), r.subject.name).toEqual(expected(r.subject.name));
      if (!r.subject.code) continue;
      for (const q of [
        r.subject.code,
        r.subject.code.slice(0, 10),
        r.subject.code.slice(0, 6),
        r.subject.code.toLowerCase(),
      ]) {
        const found = await ids(q);
        expect(found, q).toEqual(expected(q));
        expect(found).toContain(r.id);
      }
    }
  });

  it('finds no inactive entry by its name or code', async () => {
    for (const r of inactive) {
      expect(await ids(r.subject.name)).not.toContain(r.id);
      if (r.subject.code) expect(await ids(r.subject.code)).not.toContain(r.id);
    }
  });

  it('filters by list, category, region, year and subject kind, alone and together', async () => {
    const pick = (f: (r: HongheiRecord) => boolean) =>
      publicRecords
        .filter(f)
        .map((r) => r.id)
        .sort();
    const first = publicRecords[0]!;
    expect(await ids('', { list: ['black'] })).toEqual(pick((r) => r.list === 'black'));
    expect(await ids('', { category: [`${first.list}.${first.category}`] })).toEqual(
      pick((r) => r.list === first.list && r.category === first.category),
    );
    expect(await ids('', { region: [first.region] })).toEqual(
      pick((r) => r.region === first.region),
    );
    expect(await ids('', { year: [first.batch.slice(0, 4)] })).toEqual(
      pick((r) => r.batch.startsWith(first.batch.slice(0, 4))),
    );
    expect(await ids('', { kind: ['individual'] })).toEqual(
      pick((r) => r.subject.kind === 'individual'),
    );
    expect(await ids('示例', { list: ['red'], kind: ['enterprise'] })).toEqual(
      pick(
        (r) =>
          r.list === 'red' && r.subject.kind === 'enterprise' && r.subject.name.includes('示例'),
      ),
    );
  });

  it('orders results by publication date, newest first', async () => {
    const docs = await engine.docs(await engine.search({}));
    const dates = docs.map((d) => d.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('the search page in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function resultIds(page: Page, selector = '#search-list a.name'): Promise<string[]> {
    while (await page.locator('#search-more').isVisible()) await page.click('#search-more');
    return (
      await page
        .locator(selector)
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))
    )
      .map((p) => p.split('/')[2]!)
      .sort();
  }

  it('answers a name fragment from the home page form, and links to the entry', async () => {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const target = publicRecords.find((r) => Array.from(r.subject.name).length > 4)!;
    const q = Array.from(target.subject.name).slice(2, 5).join('');
    await page.goto(`${server.url}/`);
    await page.getByLabel(/按单位名称/).fill(q);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/search\/\?q=/);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/共 \d+ 条/);
    expect(await resultIds(page)).toEqual(expected(q));
    await page.locator(`#search-list a[href="/records/${target.id}/"]`).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(target.subject.name);
    expect(errors).toEqual([]);
  });

  it('filters by list and region with the form, and sorts oldest first', async () => {
    const page = await (await browser.newContext()).newPage();
    const black = publicRecords.filter((r) => r.list === 'black');
    const region = black[0]!.region;
    await page.goto(`${server.url}/search/`);
    await page.selectOption('#search-list-filter', 'black');
    await page.selectOption('#search-region', region);
    await page.selectOption('#search-sort', 'asc');
    await page.click('#search-form button[type=submit]');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/共 \d+ 条/);
    const want = black.filter((r) => r.region === region);
    expect(await resultIds(page)).toEqual(want.map((r) => r.id).sort());
    const dates = await page
      .locator('#search-list time')
      .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual([...dates].sort());
    expect(page.url()).toContain('list=black');
  });

  it('searches the full text with Pagefind, with filters, and never finds an inactive entry', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/search/`);
    type Hit = { url: string };
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const search = (q: string, filters: Record<string, string> = {}) =>
      page.evaluate(`(async () => {
        const { bundles } = await (await fetch('/pagefind/bundles.json')).json();
        const pf = await import(bundles[0] + 'pagefind.js');
        for (const other of bundles.slice(1)) await pf.mergeIndex(other);
        const { results } = await pf.search(${JSON.stringify(q)}, { filters: ${JSON.stringify(filters)} });
        return Promise.all(results.map((r) => r.data().then((d) => ({ url: d.url }))));
      })()`) as Promise<Hit[]>;
    const target = publicRecords.find((r) => r.subject.code)!;
    expect((await search(target.subject.code!)).map((h) => h.url)).toContain(
      `/records/${target.id}/`,
    );
    expect((await search(target.subject.code!.slice(0, 10))).map((h) => h.url)).toContain(
      `/records/${target.id}/`,
    );
    expect((await search(target.subject.name)).map((h) => h.url)).toContain(
      `/records/${target.id}/`,
    );
    const word = target.decision.document_number;
    expect((await search(word)).map((h) => h.url)).toContain(`/records/${target.id}/`);
    const blackHits = await search(word, { list: target.list === 'black' ? 'red' : 'black' });
    expect(blackHits.map((h) => h.url)).not.toContain(`/records/${target.id}/`);
    for (const r of inactive) {
      const urls = [
        ...(await search(r.subject.name)),
        ...(r.subject.code ? await search(r.subject.code) : []),
      ].map((h) => h.url);
      expect(urls, r.id).not.toContain(`/records/${r.id}/`);
    }
  });

  it('finds case write-ups and guide pages in the full text (their own bundle, merged)', async () => {
    const cases = readdirSync(join(siteDir, 'cases'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(cases.length).toBeGreaterThan(0);
    const title = parseHTML(
      readFileSync(join(siteDir, 'cases', cases[0]!, 'index.html'), 'utf8'),
    ).document.querySelector('h1')!.textContent!;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(title)}`);
    if (await page.locator('#fulltext-run').isVisible()) await page.click('#fulltext-run');
    await expect
      .poll(() => page.locator(`#fulltext-list a[href="/cases/${cases[0]}/"]`).count())
      .toBe(1);
  });

  it('falls back to the full text when no name or code matches', async () => {
    const page = await (await browser.newContext()).newPage();
    const target = publicRecords.find((r) => r.list === 'black')!;
    const word = target.decision.authority;
    expect(expected(word)).toEqual([]); // an authority, not a subject's name
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(word)}`);
    await expect.poll(() => page.locator('#fulltext-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-status').textContent()).toMatch(/没有/);
  });
});
