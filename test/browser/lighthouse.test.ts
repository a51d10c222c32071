/**
 * Lighthouse (mobile preset, simulated throttling — its defaults) on the home, list, entry and
 * search pages: at least 0.95 in accessibility, best practices and SEO, and no layout shift worth
 * the name (CLS ≤ 0.1). A low score fails with the audits that cost points, so the fix is named.
 *
 * The performance score is recorded (test-results/lighthouse.json and the log) but not asserted:
 * simulated throttling scales the main-thread time it observes, so on a busy 2-core machine the
 * same page scored 1.0 alone and 0.82–0.92 beside a 20k-record build. A score that measures the
 * machine is a timed assertion, which the suite does not make; speed belongs in `npm run bench`.
 */
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/bench/lib/chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/bench/lib/static-server.ts';
import { LIGHTHOUSE_TYPES, pageUrls, REPO } from './support/site.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The categories whose score does not depend on how busy the machine is. */
const ASSERTED = ['accessibility', 'best-practices', 'seo'] as const;
const MIN_SCORE = 0.95;
/** "Good" cumulative layout shift (web.dev/cls): layout, not timing. */
const MAX_CLS = 0.1;

let server: StaticServer;
const summary: Record<string, Record<string, string | number>> = {};
let chrome: chromeLauncher.LaunchedChrome;
beforeAll(async () => {
  assertChromium();
  server = await startStaticServer(inject('siteDir'));
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
    logLevel: 'error',
  });
});
afterAll(async () => {
  chrome?.kill();
  await server?.close();
  // The scores, for the record (test-results/ is the suite's artifact folder).
  mkdirSync(join(REPO, 'test-results'), { recursive: true });
  writeFileSync(
    join(REPO, 'test-results/lighthouse.json'),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  console.log(
    `Lighthouse scores:\n${Object.entries(summary)
      .map(([k, v]) => `  ${k}: ${CATEGORIES.map((c) => `${c} ${v[c]}`).join(', ')}`)
      .join('\n')}`,
  );
});

/** The audits that lost points in a category, worst first. */
function lostPoints(lhr: Result, category: string): string {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 1)
    .sort(
      (a, b) =>
        b.weight * (1 - (lhr.audits[b.id]?.score ?? 1)) -
        a.weight * (1 - (lhr.audits[a.id]?.score ?? 1)),
    )
    .map((r) => {
      const a = lhr.audits[r.id]!;
      return `    ${r.id} (weight ${r.weight}, score ${a.score}): ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`;
    })
    .join('\n');
}

async function audit(url: string, desktop: boolean): Promise<Result> {
  const run = await lighthouse(
    url,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    desktop ? desktopConfig : undefined,
  );
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (run.lhr.runtimeError)
    throw new Error(
      `Lighthouse could not audit ${url}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`,
    );
  return run.lhr;
}

describe('Lighthouse ≥ 0.95 in accessibility, best practices and SEO; CLS ≤ 0.1', () => {
  for (const type of LIGHTHOUSE_TYPES) {
    for (const preset of ['mobile', 'desktop'] as const) {
      // One Lighthouse audit: 7–10 s on a quiet machine, several times that under load.
      test(`${type} page (${preset})`, async () => {
        // The search page is scored with results on it, as a visitor sees it after searching.
        const path =
          pageUrls(inject('siteDir'), inject('siteDate'))[type] +
          (type === 'search' ? `?q=${encodeURIComponent('有限')}` : '');
        const lhr = await audit(`${server.url}${path}`, preset === 'desktop');
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? 0]),
        );
        summary[`${type} ${preset}`] = { path, ...scores };
        const cls = lhr.audits['cumulative-layout-shift']?.numericValue;
        expect(cls, `${path} (${preset}): no cumulative-layout-shift audit`).toBeTypeOf('number');
        expect(
          cls!,
          `${path} (${preset}) shifts its layout by ${cls}; points lost:\n${lostPoints(lhr, 'performance')}`,
        ).toBeLessThanOrEqual(MAX_CLS);
        const low = ASSERTED.filter((c) => scores[c]! < MIN_SCORE);
        expect(
          low,
          `${path} (${preset}) scores ${JSON.stringify(scores)}; points lost:\n${low.map((c) => `  ${c}:\n${lostPoints(lhr, c)}`).join('\n')}`,
        ).toEqual([]);
      }, 240_000);
    }
  }
});
