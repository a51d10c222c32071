/**
 * `npm run import` end to end: a workbook saved by LibreOffice goes into a real git repository as
 * ONE branch with ONE commit holding one record file per row, which `npm run validate -- --stage
 * submission` accepts and the review CLI's two approvals and merge publish; the same file twice
 * gives the same branch; a file with a bad row opens nothing and leaves FILE.checked.xlsx beside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldLabel } from '../../content/schema/index.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { calcXlsx, csvOf, fictionalRow, soffice, TODAY, write } from '../bot/batch/support.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../fixtures/roots.ts';

const dir = mkdtempSync(join(tmpdir(), 'honghei-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const repo = join(dir, 'repo');
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HONGHEI_'))),
  GIT_AUTHOR_NAME: '示例市总工会',
  GIT_AUTHOR_EMAIL: 'credit@example.org',
  GIT_COMMITTER_NAME: '示例市总工会',
  GIT_COMMITTER_EMAIL: 'credit@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
const node = (...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 60_000 });
const importFile = (file: string) =>
  node('scripts/import.ts', file, '--root', repo, '--unit', '法律部', '--date', TODAY);

describe('npm run import', () => {
  it.skipIf(!soffice && !process.env.CI)(
    'opens one branch with one commit and a record file per row, once',
    () => {
      cpSync(join(SAMPLE_ROOT, 'content'), join(repo, 'content'), { recursive: true });
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-qm', '示例内容');

      const rows = Array.from({ length: 12 }, (_, i) => fictionalRow('black', i));
      const csv = write(join(dir, 'good'), '失信黑名单.csv', csvOf('black', rows));
      const file = calcXlsx(csv, join(dir, 'good'));
      const first = importFile(file);
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('共 12 行：12 行可提交，0 行有问题');

      const branches = git('for-each-ref', '--format=%(refname:short)', 'refs/heads/submission/')
        .trim()
        .split('\n');
      expect(branches).toHaveLength(1);
      const branch = branches[0]!;
      expect(branch).toMatch(/^submission\/batch-[0-9a-f]{16}$/);
      expect(git('rev-list', '--count', `main..${branch}`).trim()).toBe('1');
      const files = git('diff', '--name-only', 'main', branch).trim().split('\n');
      expect(files).toHaveLength(12);
      for (const f of files)
        expect(f).toMatch(/^content\/records\/black\/2026\/2026q4-black-[a-z2-9]{6}\.yaml$/);
      expect(git('log', '-1', '--format=%B', branch).match(/^Record-Id: /gm)).toHaveLength(12);

      const checkout = join(dir, 'checkout');
      git('worktree', 'add', '-q', checkout, branch);
      const validate = node(
        'scripts/validate.ts',
        '--root',
        checkout,
        '--stage',
        'submission',
        '--date',
        TODAY,
      );
      expect(validate.status, validate.stdout).toBe(0);
      expect(validate.stdout).toContain('0 个错误');

      git('worktree', 'remove', '--force', checkout);

      // 审核 and 审定 through the review CLI reach every record of the batch; the merge publishes all.
      const id = branch.slice('submission/'.length);
      const review = (...args: string[]) => node('scripts/review.ts', ...args, '--repo', repo);
      for (const [role, by] of [
        ['review', '分管副主席 王某'],
        ['approve', '主席 李某'],
      ] as const) {
        const approved = review('approve', id, '--role', role, '--by', by, '--date', TODAY);
        expect(approved.status, approved.stderr + approved.stdout).toBe(0);
      }
      const merged = review('merge', id, '--by', '主席 李某', '--date', TODAY);
      expect(merged.status, merged.stderr + merged.stdout).toBe(0);
      for (const f of files) expect(git('show', `main:${f}`)).toContain('role: approve');
      const published = node('scripts/validate.ts', '--root', repo, '--date', TODAY);
      expect(published.status, published.stdout).toBe(0);

      // The same file again: the same branch, nothing new.
      const again = importFile(file);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain(branch);
      expect(
        git('for-each-ref', '--format=%(refname:short)', 'refs/heads/submission/').trim(),
      ).toBe(branch);

      // A bad row: nothing opened, the annotated workbook beside the file.
      // Other subjects: the first twelve are published now, and a second listing would be flagged.
      const others = Array.from({ length: 12 }, (_, i) => fictionalRow('black', 100 + i));
      others[4]!['publication.end'] = '2031-12-31';
      const badCsv = write(join(dir, 'bad'), '失信黑名单.csv', csvOf('black', others));
      const bad = calcXlsx(badCsv, join(dir, 'bad'));
      const refused = importFile(bad);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain('共 12 行：11 行可提交，1 行有问题');
      expect(refused.stdout).toMatch(
        new RegExp(`失信黑名单 第 6 行 [A-Z]+ 列（${fieldLabel('publication.end')}）`),
      );
      expect(existsSync(bad.replace(/\.xlsx$/, '.checked.xlsx'))).toBe(true);
      expect(
        git('for-each-ref', '--format=%(refname:short)', 'refs/heads/submission/').trim(),
      ).toBe(branch);
    },
    // Three LibreOffice conversions and a dozen child processes.
    150_000,
  );
});
