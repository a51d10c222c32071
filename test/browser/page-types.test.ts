/**
 * Every page type at a phone width and a desktop width: it loads cleanly (no console error, no
 * failed request), says it is Chinese, passes axe-core with zero violations, and leaves a
 * full-page screenshot in test-results/screenshots/ for a reviewer.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { assertCjkFont } from '../../scripts/bench/lib/chromium.ts';
import { openSite, screenshot, watchErrors, type SiteSession } from './support/browser.ts';
import { PAGE_TYPES, WIDTHS } from './support/site.ts';

test('a font for Chinese is installed (else pages show boxes)', () => {
  expect(() => assertCjkFont()).not.toThrow();
});

let site: SiteSession;
beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteDate'));
});
afterAll(async () => site?.close());

/** axe's violations as readable lines: rule, impact, what to do, where. */
function describeViolations(
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
): string {
  return violations
    .map(
      (v) =>
        `${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${v.nodes
          .slice(0, 5)
          .map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n')}`,
    )
    .join('\n');
}

for (const width of Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]) {
  describe(`every page type at ${width} width (${WIDTHS[width].width} px)`, () => {
    for (const type of PAGE_TYPES) {
      test(`${type}: loads cleanly, passes axe, screenshot saved`, async () => {
        const context = await site.context(width);
        const page = await context.newPage();
        const errors = watchErrors(page);
        const url = type === 'notFound' ? site.at('/no-such-page-here/') : site.at(site.urls[type]);
        const response = await page.goto(url, { waitUntil: 'networkidle' });
        expect(response?.status(), `HTTP status of ${url}`).toBe(type === 'notFound' ? 404 : 200);
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        expect(await page.title(), 'every page has a title').not.toBe('');

        await screenshot(page, `${type}-${width}`);

        // Every problem of the page at once, so one run shows the whole fix list.
        const problems: string[] = [];
        const { violations } = await new AxeBuilder({ page }).analyze();
        if (violations.length) problems.push(`axe:\n${describeViolations(violations)}`);
        // The 404 page's own document is the expected failed request.
        const failed = errors.filter((e) => !(type === 'notFound' && e === `404 ${url}`));
        if (failed.length) problems.push(`errors while loading:\n    ${failed.join('\n    ')}`);
        // No horizontal scrolling: content fits the viewport (375 px on a phone).
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        if (overflow > 0) problems.push(`the page is ${overflow} px wider than the viewport`);
        expect(problems, `${site.urls[type]} at ${width}:\n${problems.join('\n')}`).toEqual([]);
        await context.close();
      });
    }
  });
}
