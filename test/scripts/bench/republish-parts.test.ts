/**
 * The bench's republish parts on real files: what a build wrote and removed (output-writes.ts),
 * what an output costs served gzip-compressed, by folder (output-size.ts), and the record edits
 * (record-changes.ts) on generated records held as hard links, which must leave the original alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveContentRoot } from '../../../content/schema/index.ts';
import { listFolder, outputWrites } from '../../../scripts/bench/lib/output-writes.ts';
import { outputSize, TOP_LEVEL_FILES } from '../../../scripts/bench/lib/output-size.ts';
import {
  CHANGED_FACTS_SUFFIX,
  changeFacts,
  pickPublicRecord,
  removeRecord,
} from '../../../scripts/bench/lib/record-changes.ts';
import { nextDay } from '../../../scripts/bench/steps/republish.ts';
import { writeContentRoot } from '../../../scripts/lib/generate-root.ts';

const dir = mkdtempSync(join(tmpdir(), 'honghei-republish-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string | Buffer) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('the files a build wrote', () => {
  it('counts new, rewritten and removed files, not the untouched ones', () => {
    write('out/index.html', '<p>甲</p>');
    write('out/records/a/index.html', 'a');
    write('out/records/b/index.html', 'b');
    const before = listFolder(join(dir, 'out'));
    rmSync(join(dir, 'out/records/b'), { recursive: true });
    write('out/records/c/index.html', 'c');
    rmSync(join(dir, 'out/index.html'));
    write('out/index.html', '<p>甲乙</p>');
    const w = outputWrites(before, listFolder(join(dir, 'out')));
    expect(w).toEqual({
      written: 2,
      added: 1,
      changed: 1,
      removed: 1,
      sample: ['index.html', 'records/c/index.html'],
      byFolder: { [TOP_LEVEL_FILES]: 1, records: 1 },
    });
  });
});

describe('the output size', () => {
  it('counts text gzip-compressed and the rest as it is, by top-level folder', () => {
    const text = '红黑名单'.repeat(2000);
    write('site/records/a/index.html', text);
    write('site/pagefind/x.pf_fragment', Buffer.alloc(500, 7));
    write('site/robots.txt', 'User-agent: *');
    const s = outputSize(join(dir, 'site'));
    expect(s.files).toBe(3);
    expect(Object.keys(s.byFolder)).toEqual(['records', 'pagefind', TOP_LEVEL_FILES]);
    expect(s.byFolder.records!.bytes).toBe(Buffer.byteLength(text));
    expect(s.byFolder.records!.gzipBytes).toBeLessThan(s.byFolder.records!.bytes / 20);
    expect(s.byFolder.pagefind).toEqual({ files: 1, bytes: 500, gzipBytes: 500 });
    expect(s.bytes).toBe(Buffer.byteLength(text) + 500 + 13);
  });
});

describe('the record edits', () => {
  const date = '2026-11-21';
  writeContentRoot(join(dir, 'generated'), {
    count: 20,
    seed: 7,
    today: date,
    projectRoot: resolveContentRoot({}),
  });
  const original = join(dir, 'generated/content/records');
  const linked = join(dir, 'linked');
  execFileSync('cp', ['-al', original, linked]);

  it('changes the facts of a public record in a new file, leaving the linked original', () => {
    const file = pickPublicRecord(linked, date, 0.5);
    const before = readFileSync(join(original, file), 'utf8');
    const facts = changeFacts(linked, file);
    expect(facts.endsWith(CHANGED_FACTS_SUFFIX)).toBe(true);
    expect(parse(readFileSync(join(linked, file), 'utf8')).facts).toBe(facts);
    expect(readFileSync(join(original, file), 'utf8')).toBe(before);
    expect(pickPublicRecord(linked, date, 0.5, [file])).not.toBe(file);
  });

  it('removes a record from the linked folder only', () => {
    const file = pickPublicRecord(linked, date, 0.25);
    removeRecord(linked, file);
    expect(listFolder(linked).has(file)).toBe(false);
    expect(listFolder(original).has(file)).toBe(true);
  });

  it('reads the next day across a month and a year end', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
