/**
 * The fictional 2027 holiday calendar of the tests (fixtures/calendar/2027.yaml: 示例, not the real
 * arrangement, which is not published in any source this project has), and an oracle that reads
 * its days straight from the text, without the code under test.
 */
import { readFileSync } from 'node:fs';
import { addDays } from '../../content/schema/dates.ts';

/** Where the fixture is. */
export const FICTIONAL_2027_PATH = new URL('./fixtures/calendar/2027.yaml', import.meta.url)
  .pathname;

/** The fixture's text. */
export const FICTIONAL_2027 = readFileSync(FICTIONAL_2027_PATH, 'utf8');

/** The fixture's off days and make-up working days, and whether a day of 2027 (or late 2026) is a working day by them. */
export function fixtureDays(text = FICTIONAL_2027) {
  const off = new Set<string>();
  const work = new Set<string>();
  for (const [, from, to] of text.matchAll(/from: (\S+)\n\s+to: (\S+)/g))
    for (let d = from!; d <= to!; d = addDays(d, 1)) off.add(d);
  for (const [, d] of text.matchAll(/- date: (\S+)/g)) work.add(d!);
  const working = (d: string) =>
    work.has(d) || (!off.has(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
  return { off, work, working };
}

/** The n-th working day after a date, by the fixture's days (the day itself does not count). */
export function fixtureDeadline(received: string, n: number): string {
  const { working } = fixtureDays();
  let day = received;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (working(day)) left -= 1;
  }
  return day;
}
