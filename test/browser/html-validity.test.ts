/**
 * HTML validity of the built sample site: every page of every type, checked by html-validate
 * with its recommended and document presets (test/browser/htmlvalidate.json). Each problem is
 * reported as page:line:col rule message, so the template to fix is easy to find.
 */
import { readFileSync } from 'node:fs';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { describe, expect, inject, test } from 'vitest';
import { fileOf, pageUrls, sitePaths, type PageType } from './support/site.ts';

const config = JSON.parse(
  readFileSync(new URL('htmlvalidate.json', import.meta.url), 'utf8'),
) as ConfigData;
const validator = new HtmlValidate(config);

async function problemsIn(siteDir: string, path: string): Promise<string[]> {
  const file = fileOf(siteDir, path);
  const report = await validator.validateString(readFileSync(file, 'utf8'), file);
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${path}:${m.line}:${m.column}  ${m.ruleId}  ${m.message}`),
  );
}

describe('HTML validity (html-validate recommended + document)', () => {
  test('one page of each type is valid', async () => {
    const siteDir = inject('siteDir');
    const urls = pageUrls(siteDir, inject('siteDate'));
    const problems: string[] = [];
    for (const type of Object.keys(urls) as PageType[])
      problems.push(...(await problemsIn(siteDir, urls[type])));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('every page of the sample site is valid', async () => {
    const siteDir = inject('siteDir');
    const paths = sitePaths(siteDir);
    expect(paths.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const path of paths) problems.push(...(await problemsIn(siteDir, path)));
    // Group by rule so one template bug reads as one line with a count, not fifty.
    const byRule = new Map<string, string[]>();
    for (const p of problems) {
      const rule = p.split('  ')[1]!;
      byRule.set(rule, [...(byRule.get(rule) ?? []), p]);
    }
    const summary = [...byRule]
      .map(
        ([rule, list]) =>
          `${rule}: ${list.length} problem(s), e.g.\n    ${list.slice(0, 3).join('\n    ')}`,
      )
      .join('\n');
    expect(
      problems.length,
      `${problems.length} HTML problem(s) in ${paths.length} pages:\n${summary}`,
    ).toBe(0);
  });
});
