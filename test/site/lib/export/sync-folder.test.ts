/**
 * syncFolder (site/lib/export/sync-folder.ts) on a real temp folder: a file whose bytes are the
 * same is not rewritten (its modification time stays), a changed one is, and everything the
 * writer no longer writes (stale files, sub-folders) is deleted.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncFolder } from '../../../../site/lib/export/sync-folder.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('syncFolder', () => {
  it('writes only differing files and removes the rest', () => {
    dir = mkdtempSync(join(tmpdir(), 'honghei-sync-'));
    writeFileSync(join(dir, 'same.json'), '{"a":1}');
    writeFileSync(join(dir, 'changed.json'), '{"b":1}');
    writeFileSync(join(dir, 'stale.json'), '{"c":1}');
    mkdirSync(join(dir, 'sub'));
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, 'same.json'), old, old);

    const counts = syncFolder(
      dir,
      new Map([
        ['same.json', '{"a":1}'],
        ['changed.json', '{"b":2}'],
        ['new.json', '{"d":1}'],
      ]),
    );

    expect(counts).toEqual({ written: 2, unchanged: 1, removed: 2 });
    expect(readdirSync(dir).sort()).toEqual(['changed.json', 'new.json', 'same.json']);
    expect(statSync(join(dir, 'same.json')).mtime).toEqual(old);
    expect(readFileSync(join(dir, 'changed.json'), 'utf8')).toBe('{"b":2}');
  });

  it('creates the folder when it is missing', () => {
    dir = mkdtempSync(join(tmpdir(), 'honghei-sync-'));
    const target = join(dir, 'lookup');
    expect(syncFolder(target, new Map([['x.json', '1']]))).toEqual({
      written: 1,
      unchanged: 0,
      removed: 0,
    });
    expect(readFileSync(join(target, 'x.json'), 'utf8')).toBe('1');
  });
});
