/**
 * The review CLI's report as the pull-request workflows run it: a real content repository, a
 * submission branch checked out as in CI, the workflow-command annotations, and the commit status
 * it asks for in $GITHUB_OUTPUT — pending while the record awaits 审核/审定, success once the
 * reviewers have approved, failure on an error or, at the publish stage, on missing approvals.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContentRepo, recordId, recordYaml, sh, tempDir } from './fixtures.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';

const projectRoot = PROJECT_ROOT;
const t = tempDir('honghei-ci-report-');
afterAll(() => t.remove());

/** Runs the review CLI as a workflow step: the outputs and summary files are read back. */
function review(repo: string, ...args: string[]) {
  const output = join(t.dir, 'github-output');
  const summary = join(t.dir, 'step-summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const r = spawnSync(
    process.execPath,
    ['scripts/review.ts', ...args, '--repo', repo, '--date', '2026-10-10'],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
    },
  );
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    code: r.status,
    out: `${r.stdout}${r.stderr}`,
    outputs,
    summary: readFileSync(summary, 'utf8'),
  };
}

/** A content repository whose work tree is a submission branch's tip, detached, as a CI checkout is. */
function checkout(n: number, text: string) {
  const repo = makeContentRepo(join(t.dir, `repo-${n}`));
  const file = `content/records/black/2026/${recordId(n)}.yaml`;
  sh(repo, 'checkout', '-q', '-b', `submission/s-${n}`);
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
  sh(repo, 'add', file);
  sh(
    repo,
    'commit',
    '-q',
    '-m',
    `新增失信黑名单记录（示例）\n\nSubmission-Id: s-${n}\nSubmitted-by: 劳动保障监察支队`,
  );
  sh(repo, 'checkout', '-q', '--detach');
  return { repo, file };
}

// Each step runs the review CLI as a child process: 3 s on a quiet machine, 16 s under load.
describe('review report for pull requests', { timeout: 120_000 }, () => {
  it('a submission awaiting its approvals is pending, not failed; it is approved, then it succeeds', () => {
    const { repo, file } = checkout(21, recordYaml(21));
    const line = recordYaml(21).split('\n').indexOf('submitted:') + 1;

    const submitted = review(
      repo,
      'report',
      '--changed-from',
      'main',
      '--stage',
      'submission',
      '--format',
      'github',
    );
    expect(submitted.code, submitted.out).toBe(0);
    expect(submitted.out).toContain(
      `::notice file=${file},line=${line},col=1,title=approvals::待审核/待审定 — 合并前由审核人、审定人批准`,
    );
    expect(submitted.out).toContain('✅ 校验通过（待审核/待审定 — 合并前由审核人、审定人批准）');
    expect(submitted.outputs).toEqual({
      state: 'pending',
      description: '待审核/待审定 — 合并前由审核人、审定人批准',
    });
    expect(submitted.summary).toContain(
      '| approvals | 待审核/待审定 | 合并前由审核人、审定人批准 |',
    );

    // Before a merge the same record fails: --stage publish, or its older name --require-approvals.
    for (const flag of [['--stage', 'publish'], ['--require-approvals']]) {
      const publish = review(
        repo,
        'report',
        '--changed-from',
        'main',
        ...flag,
        '--format',
        'github',
      );
      expect(publish.code).toBe(1);
      expect(publish.out).toContain(
        `::error file=${file},line=${line},col=1,title=approvals::尚未审核、审定`,
      );
      expect(publish.out).toContain('❌ 尚未完成审核与审定');
      expect(publish.outputs).toEqual({
        state: 'failure',
        description: '尚未完成审核与审定，不能合并',
      });
    }

    // The reviewers approve (as approval.yml does), and the workflow checks the new tip out.
    expect(review(repo, 'approve', 's-21', '--by', '分管副主席 王某').code).toBe(0);
    const halfway =
      (sh(repo, 'checkout', '-q', '--detach', 'submission/s-21'),
      review(
        repo,
        'report',
        '--changed-from',
        'main',
        '--stage',
        'submission',
        '--format',
        'github',
      ));
    expect(halfway.outputs).toEqual({
      state: 'pending',
      description: '待审定 — 合并前由审定人批准',
    });
    expect(review(repo, 'approve', 's-21', '--by', '主席 李某').code).toBe(0);
    sh(repo, 'checkout', '-q', '--detach', 'submission/s-21');
    const approved = review(
      repo,
      'report',
      '--changed-from',
      'main',
      '--stage',
      'submission',
      '--format',
      'github',
    );
    expect(approved.code, approved.out).toBe(0);
    expect(approved.out).not.toContain('::');
    expect(approved.outputs).toEqual({
      state: 'success',
      description: '校验通过，审核与审定已完成',
    });
    expect(review(repo, 'report', '--changed-from', 'main', '--stage', 'publish').code).toBe(0);
  });

  it('an error fails at both stages', () => {
    const { repo, file } = checkout(
      22,
      recordYaml(22).replace('unit: 劳动保障监察支队', 'unit: 宣传部'),
    );
    for (const stage of ['submission', 'publish']) {
      const r = review(
        repo,
        'report',
        '--changed-from',
        'main',
        '--stage',
        stage,
        '--format',
        'github',
      );
      expect(r.code).toBe(1);
      expect(r.out).toContain(`::error file=${file},line=`);
      expect(r.outputs).toEqual({ state: 'failure', description: '校验未通过：1 个错误' });
    }
  });

  it('refuses an unknown stage, and a submission stage that requires approvals', () => {
    const { repo } = checkout(23, recordYaml(23));
    expect(review(repo, 'report', '--stage', 'draft').code).toBe(2);
    expect(review(repo, 'report', '--stage', 'submission', '--require-approvals').code).toBe(2);
  });
});
