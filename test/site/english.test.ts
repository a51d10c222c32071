/**
 * The English version (content/publisher.yaml `languages: [zh, en]`), on a copy of the sample
 * built with English on: /en/ pages exist for the home page, the lists, search and exactly the
 * public entries; they say lang="en" and mark the record's Chinese text lang="zh-CN"; every page
 * has a language switch, and pages that exist in both languages point at each other with
 * hreflang alternates. Search works from /en/search/. The shared sample build (Chinese only, the
 * default) must have no /en/ pages at all.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  LIST_NAMES,
  LISTS,
  loadPublisher,
  STATUS_NAMES,
  statusOn,
} from '../../content/schema/index.ts';
import { en } from '../../site/i18n/en.ts';
import { buildSite } from './lib/build-site.ts';
import { launchChromium } from './lib/browser.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../fixtures/roots.ts';
import { readOutput } from './lib/output.ts';
import { recordsOn } from './lib/records.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

const root = SAMPLE_ROOT;
const date = inject('siteDate');
const { public: publicRecords, inactive } = recordsOn(root, date);

let contentRoot: string;
let siteDir: string;
beforeAll(async () => {
  // The sample's content with English switched on in its publisher.yaml (the one line a publisher changes).
  contentRoot = mkdtempSync(join(tmpdir(), 'honghei-english-'));
  cpSync(join(root, 'content'), join(contentRoot, 'content'), { recursive: true });
  const publisherFile = join(contentRoot, 'content/publisher.yaml');
  const yaml = readFileSync(publisherFile, 'utf8');
  if (!/^languages: .*$/m.test(yaml))
    throw new Error(`${publisherFile} has no "languages:" line to switch English on`);
  writeFileSync(publisherFile, yaml.replace(/^languages: .*$/m, 'languages: [zh, en]'));
  expect(loadPublisher(contentRoot).languages).toEqual(['zh', 'en']);
  siteDir = await buildSite(contentRoot, date);
});
afterAll(() => {
  if (contentRoot) rmSync(contentRoot, { recursive: true, force: true });
});

const page = (path: string) =>
  parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).document;
const htmlFiles = (dir: string) =>
  readdirSync(join(siteDir, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));

describe('the default (Chinese only)', () => {
  it('has no /en/ pages and no language switch when the publisher does not list en', () => {
    const sample = inject('siteDir');
    expect(loadPublisher(root).languages).not.toContain('en');
    expect(existsSync(join(sample, 'en'))).toBe(false);
    expect(readFileSync(join(sample, 'index.html'), 'utf8')).not.toContain('lang-switch');
  });
});

describe('English pages', () => {
  it('exist for exactly the public entries: no inactive entry has an English page', () => {
    const built = readdirSync(join(siteDir, 'en/records')).sort();
    expect(built).toEqual(publicRecords.map((r) => r.id).sort());
    expect(inactive.length).toBeGreaterThan(0);
    for (const r of inactive)
      expect(existsSync(join(siteDir, 'en/records', r.id)), r.id).toBe(false);
  });

  it('hold no inactive entry: no id, name or code in any English page', () => {
    const publicNames = new Set(publicRecords.map((r) => r.subject.name));
    const publicCodes = new Set(
      publicRecords.flatMap((r) => (r.subject.code ? [r.subject.code] : [])),
    );
    const files = readOutput(join(siteDir, 'en'));
    expect(files.length).toBeGreaterThan(publicRecords.length);
    for (const r of inactive) {
      const needles = [
        r.id,
        ...(publicNames.has(r.subject.name) ? [] : [r.subject.name]),
        ...(r.subject.code && !publicCodes.has(r.subject.code) ? [r.subject.code] : []),
      ];
      for (const f of files)
        for (const n of needles)
          expect(f.text.includes(n), `en/${f.path} contains ${n} (inactive ${r.id})`).toBe(false);
    }
  });

  it('list the public entries of each list, linking to the English entry pages', () => {
    for (const list of LISTS) {
      const doc = page(`en/lists/${list}`);
      const links = [...doc.querySelectorAll('main ol.entries a.name')].map((a) =>
        a.getAttribute('href'),
      );
      const expected = publicRecords
        .filter((r) => r.list === list)
        .map((r) => `/en/records/${r.id}/`);
      expect(links.sort(), list).toEqual(expected.sort());
      expect(doc.querySelector('h1')!.textContent).toBe(LIST_NAMES[list].en);
    }
  });

  it('say lang="en" and mark the record\'s own Chinese text lang="zh-CN"', () => {
    const files = htmlFiles('en');
    expect(files.length).toBe(publicRecords.length + LISTS.length + 2);
    for (const f of files)
      expect(
        parseHTML(readFileSync(join(siteDir, f), 'utf8')).document.documentElement.getAttribute(
          'lang',
        ),
        f,
      ).toBe('en');
    for (const r of publicRecords) {
      const doc = page(`en/records/${r.id}`);
      const h1 = doc.querySelector('h1')!;
      expect(h1.textContent).toBe(r.subject.name);
      expect(h1.getAttribute('lang')).toBe('zh-CN');
      const facts = [...doc.querySelectorAll('p.prose')].find((p) => p.textContent === r.facts);
      expect(facts?.getAttribute('lang'), `${r.id} facts`).toBe('zh-CN');
      const main = doc.querySelector('main')!.textContent!;
      expect(main).toContain(r.decision.document_number);
      expect(main).toContain(STATUS_NAMES[statusOn(r, date)!].en);
      expect(main).toContain(LIST_NAMES[r.list].en);
    }
  });

  it('have a language switch on every page; pages in both languages link each other with hreflang', () => {
    const zhFiles = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html') && !f.startsWith('en/') && !f.startsWith('pagefind'))
      .filter((f) => !readFileSync(join(siteDir, f), 'utf8').includes('http-equiv="refresh"'));
    expect(zhFiles.length).toBeGreaterThan(publicRecords.length);
    for (const f of [...zhFiles, ...htmlFiles('en')]) {
      const doc = parseHTML(readFileSync(join(siteDir, f), 'utf8')).document;
      const english = f.startsWith('en/');
      const link = doc.querySelector('header a.lang-switch');
      expect(link, f).not.toBeNull();
      expect(link!.getAttribute('hreflang'), f).toBe(english ? 'zh-CN' : 'en');
      const path = `/${f.replace(/index\.html$/, '')}`;
      const alternate = doc
        .querySelector(`link[rel="alternate"][hreflang="${english ? 'zh-CN' : 'en'}"]`)
        ?.getAttribute('href');
      const other = english ? path.slice(3) : `/en${path}`;
      if (existsSync(join(siteDir, other.slice(1), 'index.html')) && !path.endsWith('.html')) {
        expect(link!.getAttribute('href'), f).toBe(other);
        expect(alternate && new URL(alternate).pathname, f).toBe(other);
      } else {
        // A page in one language only: the switch leads to the other language's home page.
        expect(link!.getAttribute('href'), f).toBe(english ? '/' : '/en/');
        expect(alternate, f).toBeUndefined();
      }
    }
  });
});

describe('HTML validity of the bilingual build', () => {
  it("every English page, and the Chinese pages with a switch and alternates, pass html-validate (the browser gate's config)", async () => {
    const config = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'test/browser/htmlvalidate.json'), 'utf8'),
    ) as ConfigData;
    const validator = new HtmlValidate(config);
    const files = [
      ...htmlFiles('en'),
      'index.html',
      'search/index.html',
      `records/${publicRecords[0]!.id}/index.html`,
      'stats/index.html',
    ];
    const problems: string[] = [];
    for (const f of files) {
      const report = await validator.validateString(readFileSync(join(siteDir, f), 'utf8'), f);
      problems.push(
        ...report.results.flatMap((r) =>
          r.messages.map((m) => `${f}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}`),
        ),
      );
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('English search page (Chromium)', () => {
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

  it('finds an entry by its code and links to its English page, with English names', async () => {
    const r = publicRecords.find((x) => x.subject.code)!;
    const p = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server.url}/en/search/?q=${r.subject.code}`);
    const link = p.locator('#search-list a.name').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/en/records/${r.id}/`);
    expect(await link.getAttribute('lang')).toBe('zh-CN');
    expect(await link.innerText()).toBe(r.subject.name);
    const facts = await p.locator('#search-list ul.facts').first().innerText();
    expect(facts).toContain(en.listShort[r.list]);
    expect(await p.locator('#search-status').innerText()).toMatch(
      /^\d+ entr(y|ies) on display whose name or code matches/,
    );
    expect(errors).toEqual([]);
  });
});
