/**
 * Whole journeys a visitor makes, at a phone width and a desktop width: find an entry by a few
 * characters of its name; narrow a list by list and region (search page with JavaScript, filter
 * links without); read a case write-up with its pictures; browse the lists with JavaScript off.
 * The expected entries are computed from the sample records, never read back from the site.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { HongheiRecord } from '../../content/schema/index.ts';
import { openSite, screenshot, watchErrors, type SiteSession } from './support/browser.ts';
import { publicRecords, WIDTHS } from './support/site.ts';

let site: SiteSession;
let records: HongheiRecord[];
beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteDate'));
  records = publicRecords(inject('siteDate'));
});
afterAll(async () => site?.close());

/** A record in a region matches a region filter for itself, its city (xxxx00) and its province (xx0000). */
function inRegion(record: HongheiRecord, filter: string): boolean {
  if (record.region === filter) return true;
  if (filter.endsWith('0000')) return record.region.startsWith(filter.slice(0, 2));
  if (filter.endsWith('00')) return record.region.startsWith(filter.slice(0, 4));
  return false;
}

/** A 3–4 character piece of one public name that no other public name contains. */
function uniqueFragment(): { record: HongheiRecord; fragment: string } {
  for (const record of records.filter((r) => r.subject.kind !== 'individual')) {
    const chars = [...record.subject.name];
    for (const length of [3, 4]) {
      for (let start = 0; start + length <= chars.length; start++) {
        const fragment = chars.slice(start, start + length).join('');
        if (!/^\p{Script=Han}+$/u.test(fragment) || fragment.includes('示例')) continue;
        if (records.filter((r) => r.subject.name.includes(fragment)).length === 1)
          return { record, fragment };
      }
    }
  }
  throw new Error(
    'no public sample record has a 3–4 character name fragment of its own: add more varied sample names',
  );
}

/** Record ids linked from the entry rows of the current page (links to /records/<id>/). */
async function linkedIds(page: Page, scope = 'main'): Promise<string[]> {
  const hrefs = await page
    .locator(`${scope} a[href^="/records/"]`)
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs.map((h) => h.split('/').filter(Boolean)[1]!))];
}

/** Follows the pagination's "next" links, collecting entry ids from every page. */
async function idsAcrossPages(page: Page): Promise<string[]> {
  const ids = new Set<string>();
  for (let guard = 0; guard < 100; guard++) {
    for (const id of await linkedIds(page, 'main ol.entries')) ids.add(id);
    const next = page.locator('a[rel="next"]');
    if (!(await next.count())) break;
    await Promise.all([page.waitForURL((u) => u.href !== page.url()), next.first().click()]);
  }
  return [...ids].sort();
}

for (const width of Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]) {
  describe(`journeys at ${width} width`, () => {
    test('search a few characters of a Chinese name and open the entry', async () => {
      const { record, fragment } = uniqueFragment();
      const page = await (await site.context(width)).newPage();
      const errors = watchErrors(page);
      await page.goto(site.at(site.urls.search));
      const box = page.getByRole('main').getByRole('searchbox');
      await box.fill(fragment);
      await box.press('Enter');
      const result = page
        .getByRole('main')
        .getByRole('link', { name: record.subject.name, exact: true });
      await expect.poll(() => result.count(), { message: `a result for “${fragment}”` }).toBe(1);
      await screenshot(page, `search-results-${width}`);
      await result.click();
      await page.waitForURL(`**/records/${record.id}/`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toContain(record.subject.name);
      if (record.subject.code)
        expect(await page.getByRole('main').innerText()).toContain(record.subject.code);
      expect(errors).toEqual([]);
    });

    test('filter by list and region on the search page', async () => {
      const black = records.filter((r) => r.list === 'black');
      const region = black[0]!.region;
      const expected = black
        .filter((r) => inRegion(r, region))
        .map((r) => r.id)
        .sort();
      const page = await (await site.context(width)).newPage();
      await page.goto(site.at(site.urls.search));
      await page.getByLabel('名单').selectOption('black');
      await page.getByLabel('地区').selectOption(region);
      await page.getByRole('main').getByRole('button', { name: '搜索' }).click();
      await expect
        .poll(() => page.getByRole('status').first().innerText())
        .toMatch(new RegExp(`共 ${expected.length} 条`));
      // Show every result, then compare the whole set.
      const more = page.getByRole('button', { name: '显示更多' });
      while (await more.isVisible()) await more.click();
      expect((await linkedIds(page, '#search-list')).sort()).toEqual(expected);
    });

    test('filter by list and region without JavaScript, through the filter links', async () => {
      const black = records.filter((r) => r.list === 'black');
      const region = black[0]!.region;
      const expected = black
        .filter((r) => inRegion(r, region))
        .map((r) => r.id)
        .sort();
      const page = await (await site.context(width, { javaScriptEnabled: false })).newPage();
      await page.goto(site.at(site.urls.list));
      const link = page.locator(`a[href$="/region/${region}/"]`).first();
      await Promise.all([page.waitForURL(`**/region/${region}/`), link.click()]);
      expect(await idsAcrossPages(page)).toEqual(expected);
    });

    test('open a case write-up from its entry, with its pictures', async () => {
      const record = records.find((r) => r.case);
      if (!record)
        throw new Error(
          'no public sample record names a case write-up (case: …): the journey needs one',
        );
      const page = await (await site.context(width)).newPage();
      const errors = watchErrors(page);
      await page.goto(site.at(`/records/${record.id}/`));
      await Promise.all([
        page.waitForURL(`**/cases/${record.case}/`),
        page.locator(`main a[href="/cases/${record.case}/"]`).first().click(),
      ]);
      const images = page.getByRole('main').locator('img');
      expect(await images.count(), 'pictures on the case page').toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      for (const img of await images.all()) {
        await img.scrollIntoViewIfNeeded();
        await expect
          .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), {
            message: `${await img.getAttribute('src')} loads`,
          })
          .toBe(true);
        expect(
          (await img.getAttribute('alt'))?.trim(),
          `${await img.getAttribute('src')} has a text alternative`,
        ).toBeTruthy();
      }
      expect(errors).toEqual([]);
    });

    test('the list pages work with JavaScript off: every public entry reachable, pages linked', async () => {
      const page = await (await site.context(width, { javaScriptEnabled: false })).newPage();
      for (const list of ['red', 'black', 'demo'] as const) {
        const expected = records
          .filter((r) => r.list === list)
          .map((r) => r.id)
          .sort();
        await page.goto(site.at(site.urls.list.replace('/black/', `/${list}/`)));
        expect(await idsAcrossPages(page), `entries reachable from the ${list} list pages`).toEqual(
          expected,
        );
      }
      await page.goto(site.at(site.urls.list));
      await Promise.all([
        page.waitForURL(/\/records\//),
        page.locator('main ol.entries a[href^="/records/"]').first().click(),
      ]);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).not.toBe('');
      // Without JavaScript the search page says so and points to the lists.
      await page.goto(site.at(site.urls.search));
      expect(await page.getByRole('main').innerText()).toContain('JavaScript');
    });
  });
}
