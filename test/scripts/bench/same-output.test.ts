/** The equivalence check names the differing, missing and extra files of two output folders. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareOutputs,
  describeDifference,
  sameOutput,
} from '../../../scripts/bench/lib/same-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'honghei-same-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name, path)), { recursive: true });
    writeFileSync(join(dir, name, path), text);
  }
  return join(dir, name);
}

describe('compareOutputs', () => {
  it('finds identical folders identical', () => {
    const files = { 'index.html': '<p>甲</p>', 'records/a/index.html': 'a' };
    const d = compareOutputs(folder('a1', files), folder('a2', files));
    expect(sameOutput(d)).toBe(true);
    expect(d.compared).toBe(2);
    expect(describeDifference(d)).toBe('identical: 2 files');
  });

  it('names differing (even by one byte of equal length), missing and extra files', () => {
    const expected = folder('b1', { 'same.txt': 's', 'x/changed.txt': 'abc', 'gone.txt': 'g' });
    const actual = folder('b2', { 'same.txt': 's', 'x/changed.txt': 'abd', 'new.txt': 'n' });
    const d = compareOutputs(expected, actual);
    expect(d).toEqual({
      differing: ['x/changed.txt'],
      missing: ['gone.txt'],
      extra: ['new.txt'],
      compared: 2,
    });
    expect(sameOutput(d)).toBe(false);
    expect(describeDifference(d)).toBe(
      '1 differing:\n  x/changed.txt\n1 missing:\n  gone.txt\n1 extra:\n  new.txt',
    );
  });
});
