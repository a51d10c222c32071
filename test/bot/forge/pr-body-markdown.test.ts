/**
 * The pull request body as a forge shows it: the presenter's body (the bot's text, the one field
 * table, the verdict) for a record whose every text field is hostile, rendered by a GFM renderer
 * with raw HTML passed through (satteri, the Markdown engine the site's Astro uses; forges
 * sanitise after rendering, this test does not, so it is stricter) and then shown in Chromium.
 * No record text becomes a link, an image, an element or a mention, and the table keeps its two
 * columns with each value shown exactly as typed.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { markdownToHtml } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCategories } from '../../../content/schema/index.ts';
import { createPresenter } from '../../../bot/forge/present.ts';
import { recordRows } from '../../../bot/forge/summary.ts';
import type { Submission } from '../../../bot/forge/types.ts';
import { submissionBody } from '../../../bot/submission.ts';
import { editRecordYaml } from '../../../content/schema/record-yaml.ts';
import { launchChromium } from '../../site/lib/browser.ts';
import { FLAG, HOSTILE, HOSTILE_ID, hostileContentRoot } from '../../site/lib/hostile-outputs.ts';
import { SAMPLE_ROOT } from '../../fixtures/roots.ts';

/** The sample publisher (test/fixtures/roots.ts), whose categories the summaries name. */
const PROJECT = SAMPLE_ROOT;
const FILE = `content/records/black/2026/${HOSTILE_ID}.yaml`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the pull request body on a forge', () => {
  it('keeps hostile record text as text: no element, link, image or mention, and the table holds', async () => {
    const root = hostileContentRoot();
    // An invalid value too, so that the verdict's code block quotes record text.
    const invalid = readFileSync(`${root}/${FILE}`, 'utf8').replace(
      '  date: 2026-07-01',
      `  date: "2026-07-01\\n\`\`\`\\n<img src=x onerror=\\"window.${FLAG}='verdict'\\">"`,
    );
    // An objection's grounds, hostile too: they reach the body as the record's history note.
    const grounds = `[点此](javascript:alert(1)) @reviewer #1 !2 ~label <img src=x onerror="window.${FLAG}='grounds'"> | 断开表格 |\n第二行 https://example.invalid www.example.invalid`;
    const yaml = editRecordYaml(
      invalid,
      (doc) =>
        doc.addIn(
          ['history'],
          doc.createNode({ status: 'objection', date: '2026-11-20', note: grounds }),
        ),
      () => new Error(FILE),
    );
    const body = submissionBody({
      id: 'sub-1',
      kind: 'objection',
      recordId: HOSTILE_ID,
      recordFile: FILE,
      yaml,
      attachments: [],
      submitter: { chatId: 1 },
      title: 't',
      createdAt: '2026-11-20T00:00:00Z',
    });
    const submission: Submission = {
      id: 'sub-1',
      kind: 'objection',
      recordId: HOSTILE_ID,
      submitter: { chatId: 1 },
      title: 't',
      body,
      files: [{ path: FILE, content: yaml }],
      createdAt: '2026-11-20T00:00:00Z',
    };
    const shown = createPresenter({ contentRoot: PROJECT })(
      submission,
      (p) => `https://forge.example/${p}`,
    );
    const html = markdownToHtml(shown.body).html;

    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}</body>`, {
      waitUntil: 'load',
    });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const seen = await page.evaluate((flag) => {
      const textOf = (cell: Element) =>
        [...cell.childNodes]
          .map((n) => (n.nodeName === 'BR' ? '\n' : n.textContent))
          .join('')
          .replace(/\u2060/g, '');
      return {
        flag: (window as unknown as Record<string, unknown>)[flag],
        elements: [
          ...new Set([...document.body.querySelectorAll('*')].map((e) => e.tagName.toLowerCase())),
        ].sort(),
        tables: [...document.querySelectorAll('table')].map((t) =>
          [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(textOf)),
        ),
        // What a forge would turn into a mention or a reference: a sigil directly before a word.
        references: [...document.body.textContent!.matchAll(/[@#!~][\p{L}\p{N}_]+/gu)].map(
          (m) => m[0],
        ),
        code: document.querySelector('pre code')?.textContent ?? '',
      };
    }, FLAG);
    await page.close();

    expect(seen.flag).toBeUndefined();
    // Only the body's own structure: the tables, <br> line breaks, the bold headings, the verdict's code block.
    expect(seen.elements).toEqual([
      'blockquote',
      'br',
      'code',
      'p',
      'pre',
      'strong',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'tr',
    ]);
    expect(seen.references).toEqual([]);
    // One table: the record's fields (the bot's part of the body repeats none of them).
    expect(seen.tables).toHaveLength(1);
    const [fields] = seen.tables;
    for (const row of fields!) expect(row).toHaveLength(2);
    // Every line break (CRLF, U+2028 too) is shown as one.
    const lines = (s: string) => s.replace(/\r\n|[\r\u2028\u2029]/g, '\n');
    const rows = recordRows(yaml, { lang: 'zh', categories: loadCategories(PROJECT) });
    expect(fields!.map(([, value]) => value)).toEqual(rows.map((r) => lines(r.value)));
    expect(fields!.some(([, value]) => value!.includes(lines(grounds)))).toBe(true);
    for (const text of [
      HOSTILE.name,
      HOSTILE.address,
      HOSTILE.facts,
      HOSTILE.legal_basis,
      HOSTILE.authority,
      HOSTILE.document_number,
    ]) {
      expect(
        fields!.some(([, value]) => value === lines(text)),
        text.slice(0, 30),
      ).toBe(true);
    }
    expect(seen.code).toContain('<img src=x onerror="window.__hostile=\'verdict\'">');
  }, 60_000);
});
