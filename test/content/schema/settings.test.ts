/**
 * The table of settings (content/schema/settings.ts) and its reader: every example is a valid
 * value, a renamed setting still works under its former name with a warning naming the new one,
 * both names set differently is one clear error, and docs/settings.md is the table as generated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { ConfigError } from '../../../content/schema/config-error.ts';
import { resolveContentRoot } from '../../../content/schema/content-root.ts';
import { withSettingsTable } from '../../../content/schema/settings-doc.ts';
import {
  currentNames,
  formerNameWarning,
  readSetting,
} from '../../../content/schema/settings-read.ts';
import { SETTINGS, type SettingName } from '../../../content/schema/settings.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../../fixtures/roots.ts';

const NAMES = Object.keys(SETTINGS) as SettingName[];

describe('the table of settings', () => {
  test.each(NAMES)('%s: its example is a valid value', (name) => {
    expect(SETTINGS[name].schema.safeParse(SETTINGS[name].example).success).toBe(true);
  });

  test.each(NAMES)('%s: a wrong value is refused naming the variable, with an example', (name) => {
    for (const bad of ['x', '-1', '0', '99999', '2026-02-30', 'localhost:6379', 'a b/c']) {
      const parsed = SETTINGS[name].schema.safeParse(bad);
      for (const issue of parsed.error?.issues ?? []) {
        expect(issue.message).toContain(name);
        expect(issue.message).toContain('e.g.');
      }
    }
  });

  test('every name is HONGHEI_*, and a former name is no current name', () => {
    for (const [name, s] of Object.entries(SETTINGS)) {
      expect(name).toMatch(/^HONGHEI_[A-Z_]+$/);
      if ('formerly' in s && s.formerly) expect(NAMES).not.toContain(s.formerly);
    }
  });

  test('docs/settings.md holds the table as generated (node scripts/settings-doc.ts rewrites it)', () => {
    const doc = readFileSync(`${PROJECT_ROOT}/docs/settings.md`, 'utf8');
    expect(doc).toBe(withSettingsTable(doc));
  });
});

describe('reading a setting', () => {
  test('an empty value counts as unset; a default applies; a wrong value is a ConfigError with an example', () => {
    expect(readSetting('HONGHEI_DATE', { HONGHEI_DATE: ' ' })).toBeUndefined();
    expect(readSetting('HONGHEI_BASE', {})).toBe('main');
    expect(() => readSetting('HONGHEI_DATE', { HONGHEI_DATE: '2026-02-30' })).toThrow(ConfigError);
    expect(() => readSetting('HONGHEI_FORGE', { HONGHEI_FORGE: 'svn' })).toThrow(
      'HONGHEI_FORGE: HONGHEI_FORGE=svn is not a forge: choose local, github, gitea or gitlab',
    );
  });

  test('the former name HONGHEI_ROOT: its value is used, with one line on stderr naming HONGHEI_CONTENT_ROOT', () => {
    const warnings: string[] = [];
    expect(
      resolveContentRoot({ env: { HONGHEI_ROOT: SAMPLE_ROOT }, projectRoot: '/elsewhere' }),
    ).toBe(SAMPLE_ROOT);
    const env = currentNames({ HONGHEI_ROOT: SAMPLE_ROOT }, ['HONGHEI_CONTENT_ROOT'], (l) =>
      warnings.push(l),
    );
    expect(env).toEqual({
      env: { HONGHEI_ROOT: SAMPLE_ROOT, HONGHEI_CONTENT_ROOT: SAMPLE_ROOT },
      conflicts: [],
    });
    expect(warnings).toEqual([
      'warning: HONGHEI_ROOT is deprecated: rename it HONGHEI_CONTENT_ROOT (its value is used) — HONGHEI_ROOT 已改名为 HONGHEI_CONTENT_ROOT',
    ]);
    expect(warnings[0]).not.toContain('\n');
  });

  test('the default warning goes to stderr, once per process', async () => {
    vi.resetModules();
    const fresh =
      (await import('../../../content/schema/settings-read.ts')) as typeof import('../../../content/schema/settings-read.ts');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      fresh.readSetting('HONGHEI_CONTENT_ROOT', { HONGHEI_ROOT: SAMPLE_ROOT });
      fresh.readSetting('HONGHEI_CONTENT_ROOT', { HONGHEI_ROOT: SAMPLE_ROOT });
      expect(write.mock.calls).toEqual([[`${formerNameWarning('HONGHEI_CONTENT_ROOT')}\n`]]);
    } finally {
      write.mockRestore();
    }
  });

  test('both names set to different values: an error naming both; the same folder written twice is fine', () => {
    const both = { HONGHEI_CONTENT_ROOT: SAMPLE_ROOT, HONGHEI_ROOT: '/srv/other' };
    expect(() => readSetting('HONGHEI_CONTENT_ROOT', both)).toThrow(ConfigError);
    expect(() => readSetting('HONGHEI_CONTENT_ROOT', both)).toThrow(
      `HONGHEI_CONTENT_ROOT: HONGHEI_CONTENT_ROOT="${SAMPLE_ROOT}" and its former name HONGHEI_ROOT="/srv/other" differ: keep HONGHEI_CONTENT_ROOT alone, e.g. HONGHEI_CONTENT_ROOT=/srv/honghei/app, and unset HONGHEI_ROOT`,
    );
    expect(
      readSetting('HONGHEI_CONTENT_ROOT', {
        HONGHEI_CONTENT_ROOT: SAMPLE_ROOT,
        HONGHEI_ROOT: `${SAMPLE_ROOT}/`,
      }),
    ).toBe(SAMPLE_ROOT);
  });
});
