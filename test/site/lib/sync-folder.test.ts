/**
 * A folder made to hold exactly a step's files: differing files written, stale ones deleted
 * (with the folders left empty), unchanged ones not touched at all.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesIn, syncFolder, type FileContent } from '../../../site/lib/sync-folder.ts';

const work = mkdtempSync(join(tmpdir(), 'honghei-sync-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('syncFolder', () => {
  it('writes what differs, deletes the rest and leaves unchanged files untouched', () => {
    const dir = join(work, 'site');
    mkdirSync(join(dir, 'old/deep'), { recursive: true });
    writeFileSync(join(dir, 'same.txt'), 'same');
    writeFileSync(join(dir, 'changed.txt'), 'before');
    writeFileSync(join(dir, 'old/deep/stale.txt'), 'stale');
    writeFileSync(join(work, 'source.bin'), 'copied');
    const same = statSync(join(dir, 'same.txt'));
    const files = new Map<string, FileContent>([
      ['same.txt', 'same'],
      ['changed.txt', new TextEncoder().encode('after')],
      ['new/file.bin', { copyFrom: join(work, 'source.bin') }],
    ]);
    expect(syncFolder(dir, files)).toEqual({ written: 2, deleted: 1, unchanged: 1 });
    expect(filesIn(dir)).toEqual(['changed.txt', 'new/file.bin', 'same.txt']);
    expect(readFileSync(join(dir, 'changed.txt'), 'utf8')).toBe('after');
    expect(readFileSync(join(dir, 'new/file.bin'), 'utf8')).toBe('copied');
    const after = statSync(join(dir, 'same.txt'));
    expect([after.ino, after.mtimeMs]).toEqual([same.ino, same.mtimeMs]);
    // Once more with the same files: nothing to do.
    expect(syncFolder(dir, files)).toEqual({ written: 0, deleted: 0, unchanged: 3 });
  });

  it('removes a folder whose files are all gone', () => {
    const dir = join(work, 'gone');
    mkdirSync(join(dir, 'a'), { recursive: true });
    writeFileSync(join(dir, 'a/x.txt'), 'x');
    syncFolder(dir, new Map());
    expect(() => statSync(dir)).toThrow();
  });

  it('creates the folder when it is missing', () => {
    const dir = join(work, 'missing', 'lookup');
    expect(syncFolder(dir, new Map([['x.json', '1']]))).toEqual({
      written: 1,
      deleted: 0,
      unchanged: 0,
    });
    expect(readFileSync(join(dir, 'x.json'), 'utf8')).toBe('1');
  });
});
