/**
 * Every output a third party renders, read by its real consumer, with a record whose text is
 * hostile (lib/hostile-outputs.ts):
 * - the RSS feeds, parsed by rss-parser as a feed reader does, each item's title and description
 *   then rendered as HTML in Chromium: no record text becomes an element or runs;
 * - a feed stays well-formed XML even with characters XML cannot carry (which the schema refuses);
 * - the entry page's JSON-LD and OpenGraph tags, read by Chromium: data, never markup;
 * - records.csv opened by LibreOffice Calc: no cell becomes a formula, while the credit code and the
 *   dates keep their values.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRssString } from '@astrojs/rss';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRecordText, loadCategories } from '../../content/schema/index.ts';
import type { ExportEntry } from '../../site/lib/export/entry.ts';
import { feedItems } from '../../site/lib/export/feed.ts';
import { launchChromium } from './lib/browser.ts';
import { buildSite } from './lib/build-site.ts';
import {
  FLAG,
  HOSTILE,
  HOSTILE_DATE,
  HOSTILE_ID,
  hostileContentRoot,
} from './lib/hostile-outputs.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

let root: string;
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  root = hostileContentRoot();
  site = await buildSite(root, HOSTILE_DATE);
  server = await serveStatic(site);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A page that loads nothing from the network: every request but the test server's is refused. */
async function isolatedPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
  );
  return page;
}

/**
 * Renders feed text as a reader does (as HTML in a page) and returns the tags of the elements it
 * made, its text with <br> read as a line break, and the flag a hostile script would set.
 */
async function renderAsReader(page: Page, html: string) {
  await page.setContent(
    `<!doctype html><meta charset="utf-8"><body><div id="feed">${html}</div></body>`,
    { waitUntil: 'load' },
  );
  // An <img src=x> fails to load at once; give any error handler a turn to run before looking.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
  return page.evaluate((flag) => {
    const box = document.getElementById('feed')!;
    const tags = [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
    const text = [...box.childNodes]
      .map((n) => (n.nodeName === 'BR' ? '\n' : n.textContent))
      .join('');
    return { tags, text, flag: (window as unknown as Record<string, unknown>)[flag] };
  }, FLAG);
}

const linesOf = (s: string) => s.split(/\r\n|[\r\n\u2028\u2029]/);

describe('RSS feeds in a feed reader', () => {
  it('carries hostile record text as text: parsed by rss-parser, rendered as HTML in Chromium, nothing becomes an element or runs', async () => {
    const page = await isolatedPage();
    const alerts: string[] = [];
    page.on('dialog', (d) => void d.dismiss().then(() => alerts.push(d.message())));
    for (const feed of ['all', 'black']) {
      const xml = readFileSync(join(site, 'feeds', `${feed}.xml`), 'utf8');
      expect(XMLValidator.validate(xml), feed).toBe(true);
      const parsed = await new Parser().parseString(xml);
      const items = parsed.items.filter((i) => i.link?.includes(`/records/${HOSTILE_ID}/`));
      // Listed, objection, maintained: a forged </item><item> in a note made no extra item.
      expect(
        items.map((i) => i.title?.split('：')[0]),
        feed,
      ).toEqual(['异议不成立，维持', '异议处理中', '列入失信黑名单']);
      expect(parsed.items.length, feed).toBe(3);
      for (const item of items) {
        for (const html of [item.title ?? '', item.content ?? '']) {
          const shown = await renderAsReader(page, html);
          expect(shown.flag, html).toBeUndefined();
          expect(
            shown.tags.filter((t) => t !== 'br'),
            html,
          ).toEqual([]);
        }
      }
      const listed = items.find((i) => i.title?.startsWith('列入'))!;
      const title = await renderAsReader(page, listed.title!);
      expect(title.text).toBe(`列入失信黑名单：${HOSTILE.name}`);
      const description = await renderAsReader(page, listed.content!);
      // Every line of the facts is shown as typed, line breaks (U+2028 too) as line breaks.
      for (const line of linesOf(HOSTILE.facts))
        expect(description.text.split('\n')).toContain(line);
      expect(description.text).toContain(`认定：${HOSTILE.authority} ${HOSTILE.document_number}`);
      const objection = await renderAsReader(
        page,
        items.find((i) => i.title?.startsWith('异议处理中'))!.content!,
      );
      for (const line of linesOf(HOSTILE.objection))
        expect(objection.text.split('\n')).toContain(line);
    }
    expect(alerts).toEqual([]);
    await page.close();
  });

  it('stays well-formed when record text holds characters XML cannot carry (controls, a lone surrogate)', async () => {
    const yaml = readFileSync(
      join(root, 'content/records/black/2026', `${HOSTILE_ID}.yaml`),
      'utf8',
    );
    const { record } = checkRecordText(yaml, 'x.yaml', {
      categories: loadCategories(root),
      lang: 'zh',
    });
    expect(record).toBeDefined();
    const dirty = {
      ...record!,
      facts: `控制字符\u0001\u0008\u001B之后\uFFFF孤立代理\uD800结束 <img src=x onerror="window.${FLAG}='ctl'">`,
    };
    const entry: ExportEntry = {
      id: HOSTILE_ID,
      url: `${server.url}/records/${HOSTILE_ID}/`,
      status: 'listed',
      record: dirty,
      labels: {
        list: '失信黑名单',
        status: '列入',
        subject_kind: '企业',
        category: '拖欠工资',
        region: '中山区',
      },
    };
    const xml = await getRssString({
      title: 't',
      description: 'd',
      site: server.url,
      items: feedItems([entry], HOSTILE_DATE),
    });
    const page = await isolatedPage();
    // Chromium's XML parser is strict where rss-parser and fast-xml-parser's validator are lenient.
    const xmlError = await page.evaluate(
      (text) =>
        new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')
          ?.textContent ?? null,
      xml,
    );
    expect(xmlError).toBeNull();
    const parsed = await new Parser().parseString(xml);
    const listed = parsed.items.find((i) => i.title?.startsWith('列入'))!;
    const shown = await renderAsReader(page, listed.content!);
    expect(shown.flag).toBeUndefined();
    expect(shown.tags.filter((t) => t !== 'br')).toEqual([]);
    expect(shown.text).toContain('控制字符之后孤立代理结束 <img src=x');
    await page.close();
  });
});

describe('an entry page read by search engines and link previews', () => {
  it('JSON-LD parses to the record text and cannot end its <script>; OpenGraph tags hold it as attribute text', async () => {
    const page = await isolatedPage();
    await page.goto(`${server.url}/records/${HOSTILE_ID}/`);
    const seen = await page.evaluate((flag) => {
      const ld = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
        (s) => s.textContent ?? '',
      );
      const meta = Object.fromEntries(
        [...document.querySelectorAll('meta[property]')].map((m) => [
          m.getAttribute('property'),
          m.getAttribute('content'),
        ]),
      );
      return {
        ld,
        meta,
        flag: (window as unknown as Record<string, unknown>)[flag],
        injected: document.querySelectorAll('img[src="x"], iframe, b[onmouseover], i[onclick]')
          .length,
        scripts: [...document.querySelectorAll('script')]
          .filter((s) => (s.textContent ?? '').includes(flag))
          .map((s) => s.type),
      };
    }, FLAG);
    expect(seen.flag).toBeUndefined();
    expect(seen.injected).toBe(0);
    // The hostile text is inside the JSON-LD only, as data.
    expect(seen.scripts).toEqual(['application/ld+json']);
    expect(seen.ld).toHaveLength(1);
    const graph = (JSON.parse(seen.ld[0]!) as { '@graph': Record<string, unknown>[] })['@graph'];
    const org = graph.find((n) => n['@type'] === 'Organization')!;
    expect(org.name).toBe(HOSTILE.name);
    expect((org.address as { streetAddress: string }).streetAddress).toBe(HOSTILE.address);
    expect(String(graph.find((n) => n['@type'] === 'ListItem')!.description)).toContain(
      `${HOSTILE.authority} ${HOSTILE.document_number}`,
    );
    expect(seen.meta['og:title']).toBe(`${HOSTILE.name}（失信黑名单）`);
    expect(HOSTILE.facts.startsWith(seen.meta['og:description']!.replace(/^[^。]+。/, ''))).toBe(
      true,
    );
    await page.close();
  });
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe('records.csv in a spreadsheet', () => {
  // LibreOffice Calc is the spreadsheet installable here (Debian package libreoffice-calc); CI
  // installs it, so there its absence is a failure, not a skip.
  it.skipIf(!soffice && !process.env.CI)(
    'LibreOffice Calc makes no formula of record text, and keeps the credit code and the dates',
    () => {
      expect(soffice, 'LibreOffice (apt-get install libreoffice-calc) is needed').toBeDefined();
      const out = mkdtempSync(join(tmpdir(), 'honghei-calc-'));
      try {
        // CSV import: comma, double quote, UTF-8 (76), from line 1 — what a user picks for this file.
        execFileSync(
          soffice!,
          [
            `-env:UserInstallation=file://${out}/profile`,
            '--headless',
            '--infilter=CSV:44,34,76,1',
            '--convert-to',
            'fods',
            '--outdir',
            out,
            join(site, 'data', 'records.csv'),
          ],
          { stdio: 'pipe', timeout: 120_000 },
        );
        const sheet = readFileSync(join(out, 'records.fods'), 'utf8');
        const row = sheet.split('<table:table-row').find((r) => r.includes(HOSTILE.code));
        expect(row, 'the hostile record is a row of the sheet').toBeDefined();
        expect(sheet).not.toContain('table:formula');
        // Text cells, shown with the leading apostrophe that neutralised them.
        expect(row).toContain('<text:p>&apos;=HYPERLINK(');
        expect(row).toContain('<text:p>&apos;+1+1 《示例条例》');
        expect(row).toContain(`<text:p>&apos;@SUM(1)`);
        expect(row).toContain(`<text:p>${HOSTILE.code}</text:p>`);
        expect(row).toMatch(/office:value-type="date" office:date-value="2026-07-15"/);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
