/**
 * A site built from the tests' own content folder (lib/fixture.ts):
 * - hostile record text (<script>, an attribute break-out with onerror, javascript: links) stays
 *   text in the HTML and in a real browser (entry page, lists, search results, full-text excerpts);
 *   a javascript: source_url is refused by the schema itself, so the fixture's link breaks out of
 *   its attribute instead;
 * - an expired entry takes its case write-up, its pictures and its attachments with it, and a
 *   public entry's private attachment is never copied.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './lib/browser.ts';
import { buildSite } from './lib/build-site.ts';
import {
  FIXTURE,
  FIXTURE_DATE,
  fixtureContentRoot,
  HOSTILE_NAME,
  PRIVATE_SHA256,
} from './lib/fixture.ts';
import { readOutput } from './lib/output.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

let root: string;
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  root = fixtureContentRoot();
  site = await buildSite(root, FIXTURE_DATE);
  server = await serveStatic(site);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('hostile record text', () => {
  it('stays text in the entry page HTML: no script, no event handler, no javascript: link', () => {
    const html = readFileSync(join(site, 'records', FIXTURE.hostileId, 'index.html'), 'utf8');
    const { document } = parseHTML(html);
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE_NAME);
    for (const script of document.querySelectorAll('script')) {
      const text = script.textContent ?? '';
      if (script.getAttribute('type') === 'application/ld+json') {
        // Structured data may carry the name as data, but never a raw "<" that could close the tag.
        expect(text).not.toContain('<');
        expect(() => JSON.parse(text)).not.toThrow();
      } else expect(text).not.toContain('__pwned');
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames())
        expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
    }
    for (const a of document.querySelectorAll('a'))
      expect((a.getAttribute('href') ?? '').trim().toLowerCase()).not.toMatch(
        /^(javascript|data|vbscript):/,
      );
    expect(document.querySelectorAll('img[src="x"]').length).toBe(0);
    expect(document.body.textContent).toContain('"><img src=x onerror="window.__pwned=1">示例地址');
  });

  it('runs nothing in a browser: entry page, list page, search results and full-text excerpts', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const path of [`/records/${FIXTURE.hostileId}/`, '/lists/black/', '/batches/2026-Q3/']) {
      await page.goto(server.url + path);
      expect(
        await page.evaluate(() => (window as { __pwned?: unknown }).__pwned),
        path,
      ).toBeUndefined();
    }
    await page.goto(`${server.url}/search/?q=${encodeURIComponent('恶意测试')}`);
    const result = page.locator('#search-list a.name');
    await expect.poll(() => result.count()).toBe(1);
    expect(await result.textContent()).toBe(HOSTILE_NAME);
    await page.click('#fulltext-run');
    await expect.poll(() => page.locator('#fulltext-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-js img').count()).toBe(0);
    expect(await page.locator('#search-js script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

describe('pictures, attachments and cases follow their entries', () => {
  const assets = () => readdirSync(join(site, '_astro'));

  it('publishes the case of a public entry with its picture, and links it from the entry', () => {
    const { current } = FIXTURE;
    const html = readFileSync(join(site, 'cases', current.caseId, 'index.html'), 'utf8');
    const img = parseHTML(html).document.querySelector('article img');
    expect(img?.getAttribute('src')).toMatch(/^\/_astro\/current-case-photo\.[^/]+\.webp$/);
    expect(existsSync(join(site, img!.getAttribute('src')!))).toBe(true);
    expect(readFileSync(join(site, 'records', current.id, 'index.html'), 'utf8')).toContain(
      `href="/cases/${current.caseId}/"`,
    );
  });

  it('drops the case of an expired entry, its picture and its attachment', () => {
    const { expired } = FIXTURE;
    expect(existsSync(join(site, 'cases', expired.caseId))).toBe(false);
    expect(assets().filter((f) => f.startsWith('expired-case-photo'))).toEqual([]);
    expect(existsSync(join(site, expired.attachment))).toBe(false);
    const leaks = readOutput(site)
      .filter((f) => f.text.includes(expired.name) || f.text.includes('已过期条目的案例'))
      .map((f) => f.path);
    expect(leaks).toEqual([]);
  });

  it("copies a public entry's public attachment and shows it, but never a private one", () => {
    const { current } = FIXTURE;
    expect(existsSync(join(site, current.publicFile))).toBe(true);
    const privateLeaks = readOutput(site)
      .filter(
        (f) =>
          f.path.includes(current.privateName) ||
          f.text.includes(PRIVATE_SHA256) ||
          f.text.includes(current.privateName),
      )
      .map((f) => f.path);
    expect(privateLeaks).toEqual([]);
    const { document } = parseHTML(
      readFileSync(join(site, 'records', current.id, 'index.html'), 'utf8'),
    );
    const img = document.querySelector(`img[src="/${current.publicFile}"]`);
    expect(img?.getAttribute('alt')).toBe('公开的现场图片');
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['40', '30']);
    expect(document.body.textContent).not.toContain('不公开的证据材料');
  });
});
