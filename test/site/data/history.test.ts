/**
 * The Git history reader on its own: a content folder that is not a repository, the privacy rules
 * of what a commit may show, and the cost of the one `git log` pass on a repository of many
 * records.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGitHistory, type RecordCommit } from '../../../site/lib/history/git-log.ts';
import { commitItem, timelineOf } from '../../../site/lib/history/timeline.ts';
import { RECORDS } from './fixture.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'honghei-history-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const commit = (over: Partial<RecordCommit>): RecordCommit => ({
  hash: 'a'.repeat(40),
  merge: false,
  author: '某人',
  authorDate: '2026-08-03T09:30:00+08:00',
  committer: '某人',
  committerDate: '2026-08-03T09:30:00+08:00',
  subject: '新增：示例',
  trailers: [],
  change: 'added',
  ...over,
});

describe('history without Git', () => {
  it("a content folder outside any repository gives the record's own history only", async () => {
    const history = await readGitHistory(tempDir());
    expect(history.available).toBe(false);
    const items = timelineOf(RECORDS.corrected as never, history, [], '2026-11-21');
    expect(items.every((i) => i.source === 'record')).toBe(true);
    expect(items.map((i) => i.label)).toEqual([
      '作出认定决定',
      '报送',
      '审核',
      '审定',
      '发布（2026-Q2 批次）',
      '异议处理中',
      '已更正',
    ]);
  });

  it('events dated after the publication date are not shown yet', () => {
    const items = timelineOf(
      RECORDS.corrected as never,
      { available: false, reason: '' },
      [],
      '2026-08-04',
    );
    expect(items.map((i) => i.label)).not.toContain('已更正');
  });
});

describe('what a commit may show', () => {
  it('names a unit that submitted, never a member of the public nor an e-mail address', () => {
    const units = ['法律部'];
    expect(
      commitItem(commit({ trailers: [{ key: 'Submitted-by', value: '法律部' }] }), units).roles,
    ).toEqual([{ role: '报送', name: '法律部' }]);
    const publicOne = commitItem(
      commit({
        trailers: [
          { key: 'Submitted-by', value: '张三' },
          { key: 'Submission-Kind', value: 'objection' },
        ],
        subject: '异议：张三 13800138000',
      }),
      units,
    );
    expect(JSON.stringify(publicOne)).not.toContain('张三');
    expect(publicOne.detail).toBeUndefined();
    const reviewer = commitItem(
      commit({ trailers: [{ key: 'Reviewed-by', value: '分管副主席 王某 <wang@example.org>' }] }),
      units,
    );
    expect(reviewer.roles).toEqual([{ role: '审核', name: '分管副主席 王某' }]);
    expect(
      commitItem(commit({ subject: '更正：联系电话 13800138000' }), units).detail,
    ).toBeUndefined();
  });
});

describe('reading the history of many records', () => {
  it('attributes forge commits by their trailers, diffs only the others, and caches those diffs', async () => {
    const root = tempDir();
    const git = (args: string[], input?: string) =>
      execFileSync('git', args, { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 28 });
    git(['init', '-q', '-b', 'main']);
    // fast-import: 2,000 commits each adding one record; the even ones carry the forge's Record-Id.
    const n = 2000;
    let stream = '';
    for (let i = 0; i < n; i++) {
      const body = `id: r-${i}\n`;
      const message =
        i % 2
          ? `导入：r-${i}\n`
          : `新增：r-${i}\n\nSubmission-Id: s-${i}\nSubmission-Kind: new\nRecord-Id: r-${i}\nSubmitted-by: 法律部\n`;
      stream += `commit refs/heads/main\ncommitter Bot <b@x> ${1767225600 + i * 60} +0800\ndata ${Buffer.byteLength(message)}\n${message}\n`;
      stream += `M 100644 inline content/records/black/2026/r-${i}.yaml\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    }
    git(['fast-import', '--quiet'], stream);
    const cacheFile = join(tempDir(), 'history.json');
    const started = performance.now();
    const history = await readGitHistory(root, { cacheFile });
    const ms = performance.now() - started;
    if (!history.available) throw new Error(history.reason);
    expect(history.byRecord.size).toBe(n);
    expect(history.diffed).toBe(n / 2);
    expect(history.byRecord.get('r-8')![0]!.trailers).toContainEqual({
      key: 'Submitted-by',
      value: '法律部',
    });
    expect(history.byRecord.get('r-7')!.map((c) => [c.subject, c.change])).toEqual([
      ['导入：r-7', 'added'],
    ]);
    const again = await readGitHistory(root, { cacheFile });
    expect(again.available && again.diffed).toBe(0);
    expect(again.available && [...again.byRecord.keys()].sort()).toEqual(
      [...history.byRecord.keys()].sort(),
    );
    console.log(
      `git history of ${n} records: ${ms.toFixed(0)} ms (${n / 2} commits diffed), cached read ${(performance.now() - started - ms).toFixed(0)} ms`,
    );
  });
});
