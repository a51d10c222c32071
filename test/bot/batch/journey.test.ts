/**
 * The "done when" for a batch: a 48-row workbook saved by LibreOffice goes through /batch
 * to ONE pull request (one commit, 48 record files) on a real git repository; the 审核人 and the
 * 审定人 approve in chat; the merge publishes all 48 entries, each carrying both approvals, and
 * the repository validates at the publish stage.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { branchFor } from '../../../bot/forge/index.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';
import { approvalBot, LI, NAMES, reviewedRepo, WANG } from '../approvals/setup.ts';
import { sh, tempDir } from '../forge/fixtures.ts';
import { SUBMITTER } from '../support/harness.ts';
import { calcXlsx, csvOf, fictionalRow, soffice, TODAY, write } from './support.ts';

const temp = tempDir('honghei-batch-journey-');
afterAll(() => temp.remove());
const t = temp.dir;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('a batch from the spreadsheet to publication', () => {
  it.skipIf(!soffice && !process.env.CI)(
    'one pull request for 48 rows, approved in chat and published',
    async () => {
      const repo = reviewedRepo(join(t, 'a'));
      const h = approvalBot(join(t, 'a'), repo, TODAY);
      await h.send(h.tg.text(SUBMITTER, '/batch'));
      const rows = Array.from({ length: 48 }, (_, i) => fictionalRow('black', i));
      const csv = write(t, '失信黑名单.csv', csvOf('black', rows));
      const workbook = readFileSync(calcXlsx(csv, join(t, 'out')));
      await h.send(h.tg.document(SUBMITTER, workbook, '第四季度.xlsx', XLSX));
      expect(h.last(SUBMITTER)).toContain('共 48 行：48 行可提交，0 行有问题');
      await h.send(h.tg.press(SUBMITTER, '✅ 确认提交'));
      expect(h.last(SUBMITTER)).toMatch(/^✅ 已提交/);
      await h.sink.reconcile();
      expect(h.notices.map((n) => n.outcome)).toEqual(['delivered']);

      // One branch, one commit, 48 record files.
      const branches = sh(
        repo,
        'for-each-ref',
        '--format=%(refname:short)',
        'refs/heads/submission/',
      )
        .trim()
        .split('\n');
      expect(branches).toHaveLength(1);
      const id = branches[0]!.slice('submission/'.length);
      expect(sh(repo, 'rev-list', '--count', `main..${branchFor(id)}`).trim()).toBe('1');
      const files = sh(repo, 'diff', '--name-only', 'main', branchFor(id)).trim().split('\n');
      expect(files).toHaveLength(48);

      // 审核, then 审定, in chat; the 审定 merges.
      expect(h.tg.last(WANG.id)!.text).toContain('📋 请审核：批量报送 48 条记录');
      await h.send(h.tg.press(WANG, '通过'));
      expect(h.tg.last(LI.id)!.text).toContain('📋 请审定：');
      await h.send(h.tg.press(LI, '通过'));
      expect(h.last(LI)).toMatch(/^✅ 已审定并合并发布/);
      await h.sink.reconcile();
      await h.sink.close();
      expect(h.notices.map((n) => n.outcome)).toEqual(['delivered', 'published']);

      // Every entry on main, with both approvals; commits: the submission, 审核, 审定, the merge.
      for (const f of files) {
        const record = parse(readFileSync(join(repo, f), 'utf8')) as { approvals: unknown[] };
        expect(record.approvals).toEqual([
          { role: 'review', by: NAMES.wang, date: TODAY },
          { role: 'approve', by: NAMES.li, date: TODAY },
        ]);
      }
      const validated = spawnSync(
        process.execPath,
        ['scripts/validate.ts', '--root', repo, '--stage', 'publish', '--date', TODAY],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
      expect(validated.status, `${validated.stdout}${validated.stderr}`).toBe(0);
    },
    120_000,
  );
});
