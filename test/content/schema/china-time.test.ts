/**
 * The publisher's days are China's (Asia/Shanghai), whatever zone the server runs in: the helper
 * every user-facing date and time goes through gives the same answer in a process set to a zone
 * a day apart from China's.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chinaDate, chinaDateTime } from '../../../content/schema/dates.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;

describe('China time', () => {
  test("an instant near midnight falls on China's day, in any server zone", () => {
    // 16:30 UTC on New Year's Eve is 00:30 on New Year's Day in Beijing.
    expect(chinaDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
    expect(chinaDate('2026-12-31T15:59:00Z')).toBe('2026-12-31');
    for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      const script = `import { chinaDateTime } from ${JSON.stringify(join(ROOT, 'content/schema/dates.ts'))}; console.log(chinaDateTime('2026-12-31T16:30:00Z'));`;
      const run = spawnSync(
        join(ROOT, 'node_modules/.bin/node'),
        ['--input-type=module', '-e', script],
        { env: { ...process.env, TZ: zone }, encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(run.stdout.trim(), zone).toBe('2027-01-01 00:30');
    }
  });

  test('a value that is not a point in time is refused with what was expected', () => {
    expect(() => chinaDateTime('2026-13-45')).toThrow(
      /is not a point in time: expected an ISO timestamp/,
    );
  });
});
