/**
 * The pages of the built sample: one language everywhere, the pages the issue names, counts
 * and lists that agree with the records, filters as plain links, accountability on every entry,
 * pictures that exist, a print stylesheet, and no script needed to read anything but search.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LIST_NAMES, LISTS, statusOn, STATUS_NAMES } from '../../content/schema/index.ts';
import { launchChromium } from './lib/browser.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { recordsOn, type RecordsByVisibility } from './lib/records.ts';
import { serveStatic } from './lib/static-server.ts';

const root = SAMPLE_ROOT;
const siteDir = inject('siteDir');
const date = inject('siteDate');

let records: RecordsByVisibility;
const htmlFiles = () =>
  readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
const page = (path: string) =>
  parseHTML(readFileSync(join(siteDir, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8'))
    .document;

beforeAll(() => {
  records = recordsOn(root, date);
});

describe('every page', () => {
  it('says lang="zh-CN" (lang="en" under /en/), has a title, a description, a favicon link and one <h1>', () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(records.public.length);
    for (const f of files) {
      const html = readFileSync(join(siteDir, f), 'utf8');
      if (html.includes('http-equiv="refresh"')) continue; // redirects have no content
      const { document } = parseHTML(html);
      expect(document.documentElement.getAttribute('lang'), f).toBe(
        f.startsWith('en/') ? 'en' : 'zh-CN',
      );
      expect(document.querySelector('title')?.textContent?.trim(), f).toBeTruthy();
      expect(
        document.querySelector('meta[name="description"]')?.getAttribute('content'),
        f,
      ).toBeTruthy();
      expect(document.querySelector('link[rel="icon"]')?.getAttribute('href'), f).toBe(
        '/favicon.svg',
      );
      expect(document.querySelectorAll('h1').length, f).toBe(1);
    }
    expect(existsSync(join(siteDir, 'favicon.svg'))).toBe(true);
  });

  it('shows only pictures that exist in the site, each with a text alternative', () => {
    for (const f of htmlFiles()) {
      for (const img of page(f).querySelectorAll('img')) {
        const src = img.getAttribute('src') ?? '';
        expect(img.hasAttribute('alt'), `${f} ${src}`).toBe(true);
        if (src.startsWith('/'))
          expect(existsSync(join(siteDir, decodeURI(src))), `${f} ${src}`).toBe(true);
      }
    }
  });

  it('needs no JavaScript outside the search page: no script but structured data', () => {
    for (const f of htmlFiles().filter(
      (f) => !f.startsWith('search/') && !f.startsWith('en/search/'),
    )) {
      for (const s of page(f).querySelectorAll('script'))
        expect(s.getAttribute('type'), f).toBe('application/ld+json');
    }
  });

  it('prints an entry without navigation, search box or filters (Chromium, print media)', async () => {
    const server = await serveStatic(siteDir);
    const browser = await launchChromium();
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`${server.url}/records/${records.public[0]!.id}/`);
      await tab.emulateMedia({ media: 'print' });
      expect(await tab.locator('.site-nav').isVisible()).toBe(false);
      expect(await tab.locator('.breadcrumbs').isVisible()).toBe(false);
      expect(await tab.locator('h1').isVisible()).toBe(true);
      expect(await tab.locator('.print-url').isVisible()).toBe(true);
      const pdf = await tab.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe('home, lists and filters', () => {
  it('counts the public entries of each list on the home page', () => {
    const cards = [...page('').querySelectorAll('.list-card')];
    for (const list of LISTS) {
      const card = cards.find((c) => c.querySelector('h3')?.textContent === LIST_NAMES[list].zh);
      expect(card?.querySelector('.count')?.textContent, list).toBe(
        String(records.public.filter((r) => r.list === list).length),
      );
    }
    expect(
      page('').querySelector('form[action="/search/"][method="get"] input[name="q"]'),
    ).not.toBeNull();
  });

  it('lists every public entry of a list once across its pages', () => {
    for (const list of LISTS) {
      const dirs = readdirSync(join(siteDir, 'lists', list)).filter((d) => /^\d+$/.test(d));
      const ids = ['', ...dirs].flatMap((d) =>
        [...page(join('lists', list, d)).querySelectorAll('.entries a.name')].map(
          (a) => a.getAttribute('href')!.split('/')[2],
        ),
      );
      expect(ids.sort(), list).toEqual(
        records.public
          .filter((r) => r.list === list)
          .map((r) => r.id)
          .sort(),
      );
    }
  });

  it('offers filters as links to pages listing exactly the matching entries', () => {
    const black = records.public.filter((r) => r.list === 'black');
    const links = [...page('lists/black').querySelectorAll('.filters a')]
      .map((a) => a.getAttribute('href')!)
      .filter((h) => h.split('/').length === 6);
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      const [, , , facet, value] = href.split('/');
      const want = black.filter((r) =>
        facet === 'category'
          ? r.category === value
          : facet === 'region'
            ? r.region === value || r.region.startsWith(value!.replace(/0+$/, ''))
            : facet === 'year'
              ? r.batch.startsWith(value!)
              : facet === 'kind'
                ? r.subject.kind === value
                : statusOn(r, date) === value,
      );
      const shown = [...page(href.slice(1)).querySelectorAll('.entries a.name')].map(
        (a) => a.getAttribute('href')!.split('/')[2],
      );
      expect(shown.sort(), href).toEqual(want.map((r) => r.id).sort());
    }
  });

  it('has a page per batch with its public entries', () => {
    for (const batch of new Set(records.public.map((r) => r.batch))) {
      const shown = [...page(`batches/${batch}`).querySelectorAll('.entries a.name')].map(
        (a) => a.getAttribute('href')!.split('/')[2],
      );
      expect(shown.sort(), batch).toEqual(
        records.public
          .filter((r) => r.batch === batch)
          .map((r) => r.id)
          .sort(),
      );
    }
  });
});

describe('entry pages', () => {
  it('show status, history, who submitted and who approved, and the sample flag', () => {
    for (const r of records.public) {
      const doc = page(`records/${r.id}`);
      const text = doc.body.textContent ?? '';
      expect(doc.querySelector('h1')?.textContent, r.id).toBe(r.subject.name);
      expect(text, r.id).toContain(STATUS_NAMES[statusOn(r, date)!].zh);
      expect(text, r.id).toContain(r.submitted.unit);
      for (const a of r.approvals) expect(text, r.id).toContain(a.by);
      expect(text, r.id).toContain(r.decision.document_number);
      expect(doc.querySelectorAll('#history-title + .table-scroll tbody tr').length, r.id).toBe(
        r.history.filter((e) => e.date <= date).length,
      );
      expect(!!doc.querySelector('.sample-flag'), r.id).toBe(r.sample);
    }
  });
});

describe('cases and guide pages', () => {
  const frontmatter = (dir: string) =>
    existsSync(join(root, 'content', dir))
      ? readdirSync(join(root, 'content', dir))
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => ({
            id: f.replace(/\.mdx$/, ''),
            data: parseYaml(
              readFileSync(join(root, 'content', dir, f), 'utf8').split('---')[1]!,
            ) as { records?: string[]; title: string },
          }))
      : [];

  it('publish a case only when every entry it concerns is public', () => {
    const publicIds = new Set(records.public.map((r) => r.id));
    for (const c of frontmatter('cases')) {
      const shown = (c.data.records ?? []).every((id) => publicIds.has(id));
      expect(existsSync(join(siteDir, 'cases', c.id, 'index.html')), c.id).toBe(shown);
    }
  });

  it('render every criteria and procedure page with its title', () => {
    for (const p of frontmatter('pages'))
      expect(page(`guide/${p.id}`).querySelector('h1')?.textContent, p.id).toBe(p.data.title);
  });

  it('have a 404 page', () => {
    expect(page('404.html').querySelector('h1')?.textContent).toBe('页面不存在');
  });
});
