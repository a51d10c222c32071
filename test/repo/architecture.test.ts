/**
 * The folders are the architecture (.dependency-cruiser.cjs): content/ imports no other part, the
 * site and the bot share only content/, nothing outside test/ imports test/, and no two folders
 * import each other. Checked with dependency-cruiser over the real tree; a violation fails naming
 * the import (or the folder cycle) and what to do. `npm run depcheck` prints the same.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import {
  CHECKED,
  checkArchitecture,
  formatViolations,
  KNOWN_FOLDER_EDGES,
} from '../../scripts/lib/architecture/check.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';

const report = await checkArchitecture(PROJECT_ROOT);

/** The code files under a folder (what dependency-cruiser must have read). */
const codeFiles = (dir: string): string[] =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('node_modules'),
  );

test('every TypeScript file is read (dependency-cruiser does not skip .ts in silence)', () => {
  const files = CHECKED.filter((p) => !p.includes('.')).flatMap(codeFiles);
  expect(report.modules).toBeGreaterThanOrEqual(files.length);
});

test('no import breaks a layer and no two folders import each other', () => {
  expect(report.violations, formatViolations(report.violations)).toEqual([]);
});

test('every known folder cycle is still there (remove the entry once it is fixed)', () => {
  const seen = new Set(report.known.map((v) => v.known));
  for (const k of KNOWN_FOLDER_EDGES) expect(seen, k.why).toContain(`${k.from} → ${k.to}`);
});

const tmp = mkdtempSync(join(tmpdir(), 'honghei-architecture-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a violating import is named: bot → test, content → site, a folder cycle', async () => {
  const files: Record<string, string> = {
    'bot/uses-test.ts':
      "import { fixture } from '../test/fixture.ts';\nexport const x = fixture;\n",
    'test/fixture.ts': 'export const fixture = 1;\n',
    'content/schema/uses-site.ts':
      "import { y } from '../../site/lib/y.ts';\nexport const z = y;\n",
    'site/lib/y.ts': 'export const y = 1;\n',
    'bot/one/a.ts': "import { b } from '../two/b.ts';\nexport const a = b;\n",
    'bot/two/b.ts': "import type { T } from '../one/t.ts';\nexport const b: T = 2;\n",
    'bot/one/t.ts': 'export type T = number;\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), text);
  }
  cpSync(join(PROJECT_ROOT, '.dependency-cruiser.cjs'), join(tmp, '.dependency-cruiser.cjs'));
  const found = await checkArchitecture(tmp, ['bot', 'site', 'content', 'test']);
  const text = formatViolations(found.violations);
  expect(text).toContain('no-import-of-test: bot/uses-test.ts → test/fixture.ts');
  expect(text).toContain('content-imports-no-part: content/schema/uses-site.ts → site/lib/y.ts');
  expect(text).toContain('no-folder-cycle: bot/one → bot/two → bot/one');
  expect(text).toContain('move the shared piece');
});
