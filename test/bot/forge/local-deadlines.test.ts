/**
 * `npm run review -- deadlines` on the base branch: a published record whose objection deadline was
 * recorded as pending gets its date once the calendar file is committed, in one commit that also
 * updates the publisher's work tree; without the calendar nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FICTIONAL_2027_PATH, fixtureDeadline } from '../../content/calendar-fixture.ts';
import { makeContentRepo, recordId, recordYaml, sh, tempDir } from './fixtures.ts';

const projectRoot = new URL('../../..', import.meta.url).pathname;
const t = tempDir('honghei-deadlines-');
afterAll(() => t.remove());

const review = (repo: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/review.ts', ...args, '--repo', repo], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('npm run review -- deadlines', () => {
  it('fills a pending deadline on main once the calendar is committed, and not before', () => {
    const repo = makeContentRepo(t.dir);
    const file = `content/records/black/2026/${recordId(5)}.yaml`;
    const text = `${recordYaml(5)}  - status: objection\n    date: 2026-12-31\n    note: 公示所列欠薪金额有误。（示例数据）\n    due: pending\n`;
    mkdirSync(join(repo, 'content/records/black/2026'), { recursive: true });
    writeFileSync(join(repo, file), text);
    sh(repo, 'add', '.');
    sh(repo, 'commit', '-q', '-m', 'record with a pending objection deadline (示例)');

    const waiting = review(repo, 'deadlines', '--write');
    expect(waiting.code, waiting.out).toBe(0);
    expect(waiting.out).toContain(
      `main\t${file}\thistory.1.due\t2026-12-31 收到\t待定（等待 content/calendar/2027.yaml）`,
    );
    expect(waiting.out).not.toContain('已写入');
    expect(sh(repo, 'rev-list', '--count', 'main')).toBe('2');

    mkdirSync(join(repo, 'content/calendar'), { recursive: true });
    copyFileSync(FICTIONAL_2027_PATH, join(repo, 'content/calendar/2027.yaml'));
    sh(repo, 'add', '.');
    sh(repo, 'commit', '-q', '-m', '2027 年节假日安排（测试用虚构数据）');
    const due = fixtureDeadline('2026-12-31', 3);
    const written = review(repo, 'deadlines', '--write', '--date', '2027-01-04');
    expect(written.code, written.out).toBe(0);
    expect(written.out).toContain(`→ ${due}`);
    expect(written.out).toMatch(/已写入 1 项办理时限：main（[0-9a-f]{12}）/);
    // The work tree on main shows it too, and only the deadline changed.
    expect(parse(readFileSync(join(repo, file), 'utf8')).history[1].due).toBe(due);
    expect(readFileSync(join(repo, file), 'utf8')).toBe(
      text.replace('due: pending', `due: ${due}`),
    );
    expect(sh(repo, 'status', '--porcelain')).toBe('');
    expect(review(repo, 'deadlines').out).toContain('没有待定的异议办理时限。');
  });
});
