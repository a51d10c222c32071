/**
 * The statistics charts are drawn in the page's own palette: every list's bars and legend swatch
 * take the list's token from site/styles/global.css (--red, --black, --demo), as computed by
 * Chromium on the built page, and the page passes axe-core with zero violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { LISTS } from '../../content/schema/index.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';
import { openSite, type SiteSession } from './support/browser.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteDate'));
});
afterAll(async () => site?.close());

/** A token's colour in global.css, as the browser computes it (rgb(r, g, b)). */
function tokenRgb(name: string): string {
  const css = readFileSync(join(PROJECT_ROOT, 'site/styles/global.css'), 'utf8');
  const short = new RegExp(`--${name}:\\s*#([0-9a-f]{3}|[0-9a-f]{6});`, 'i').exec(css)?.[1];
  if (!short) throw new Error(`site/styles/global.css defines no --${name}: #rrggbb`);
  const hex = short.length === 3 ? [...short].map((c) => c + c).join('') : short;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

test('the charts use the lists’ colour tokens, and the statistics page passes axe', async () => {
  const page = await (await site.context('desktop')).newPage();
  const response = await page.goto(site.at('/stats/'), { waitUntil: 'networkidle' });
  expect(response?.status()).toBe(200);
  // Each list's fill attribute (var(--…)) with the colour Chromium paints, bars and swatches.
  const painted = await page.evaluate(() =>
    [...document.querySelectorAll('svg rect[fill^="var("]')].map((r) => ({
      token: r.getAttribute('fill')!,
      fill: getComputedStyle(r).fill,
    })),
  );
  const tokens = new Set(painted.map((p) => p.token));
  expect([...tokens].sort()).toEqual(LISTS.map((l) => `var(--${l})`).sort());
  for (const p of painted) expect(p.fill, p.token).toBe(tokenRgb(p.token.slice(6, -1)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.map(
      (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.html.slice(0, 200)).join(' | ')}`,
    ),
  ).toEqual([]);
});
