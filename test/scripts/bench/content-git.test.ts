/**
 * The bench's content as a Git repository (content-git.ts) on real git in a temp dir: the same
 * files give the same commit, a republish commit carries the forge's trailers and the site's
 * history reader attributes it to its record; and the remove kind's guard, the record ids the case
 * write-ups name (record-changes.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TRAILERS } from '../../../bot/forge/local-git.ts';
import {
  BENCH_IDENTITY,
  commitAll,
  commitSubmission,
  commitTime,
} from '../../../scripts/bench/lib/content-git.ts';
import { caseRecordIds } from '../../../scripts/bench/lib/record-changes.ts';
import { readGitHistory } from '../../../site/lib/history/git-log.ts';

const dir = mkdtempSync(join(tmpdir(), 'honghei-content-git-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
const git = (root: string, ...args: string[]) =>
  execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();

describe('the content as a Git repository', () => {
  for (const root of ['a', 'b']) {
    write(`${root}/content/records/black/r-1.yaml`, 'id: r-1\n');
    write(`${root}/content/records/black/r-2.yaml`, 'id: r-2\n');
  }
  const date = commitTime('2026-11-21', 9);

  it('commits everything once, with a fixed identity and date: the same files, the same commit', () => {
    const a = commitAll(join(dir, 'a'), date, '导入\n');
    expect(commitAll(join(dir, 'b'), date, '导入\n')).toBe(a);
    expect(git(join(dir, 'a'), 'log', '--format=%an <%ae> %cn %cI')).toBe(
      `${BENCH_IDENTITY.name} <${BENCH_IDENTITY.email}> ${BENCH_IDENTITY.name} 2026-11-21T09:00:00+08:00`,
    );
    expect(git(join(dir, 'a'), 'ls-files')).toBe(
      'content/records/black/r-1.yaml\ncontent/records/black/r-2.yaml',
    );
  });

  it('commits a change like a merged submission, which the site attributes to its record', async () => {
    const root = join(dir, 'a');
    write('a/content/records/black/r-2.yaml', 'id: r-2\nfacts: 更正\n');
    commitSubmission(root, {
      path: 'content/records/black/r-2.yaml',
      recordId: 'r-2',
      kind: 'edit',
      title: 'changed the facts of black/r-2.yaml',
      date: '2026-11-21',
      hour: 11,
      id: 'bench-2026-11-21-change',
    });
    const trailers = git(root, 'log', '-1', '--format=%(trailers:only)');
    for (const key of [TRAILERS.submission, TRAILERS.kind, TRAILERS.record, TRAILERS.merged])
      expect(trailers).toContain(`${key}: `);
    expect(git(root, 'status', '--porcelain')).toBe('');
    const history = await readGitHistory(root);
    expect(history.available).toBe(true);
    if (!history.available) return;
    expect(history.byRecord.get('r-2')?.map((c) => c.subject)).toEqual([
      '发布：changed the facts of black/r-2.yaml',
      '导入',
    ]);
    expect(history.byRecord.get('r-1')).toHaveLength(1);
  });
});

describe('the records a case write-up names', () => {
  it('reads the ids from each case front matter, and none without cases', () => {
    write('c/content/records/black/r-1.yaml', 'id: r-1\n');
    expect(caseRecordIds(join(dir, 'c/content/records')).size).toBe(0);
    write('c/content/cases/one.mdx', '---\ntitle: 一\nrecords:\n  - r-1\n  - r-3\n---\n正文\n');
    write('c/content/cases/two.mdx', '---\ntitle: 二\n---\n正文\n');
    expect([...caseRecordIds(join(dir, 'c/content/records'))].sort()).toEqual(['r-1', 'r-3']);
  });
});
