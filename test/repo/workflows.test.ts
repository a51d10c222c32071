/**
 * The shipped workflows, run: the shell steps of the deploy and pull-request workflows of GitHub
 * (.github/workflows), Gitea (.gitea/workflows) and GitLab (.gitlab-ci.yml), and GitHub's approval
 * workflow, in fresh git clones, in order, with the environment each sets. First the deploy jobs on
 * a clone of Honghei itself (the sample). Then a publisher's life on a local forge (a bare
 * repository): `npm run init`, a submission branch without approvals (the pull-request check says
 * pending and does not build), two approvals by the approval workflow (which pushes them to the
 * branch), every pull-request job green with its build, the merge, and every deploy job on main.
 * Steps that need the forge are listed as not run with the reason (workflow-runner.ts); a run step
 * that fails fails the test. The date is fixed (HONGHEI_DATE) so the result does not depend on the
 * day the suite runs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshClone, git, npmRun, projectSnapshot, tempDir } from './support/project-copy.ts';
import { INIT_FLAGS, PUBLISHER, PUBLISHER_DATE, submissionRecord } from './support/publisher.ts';
import {
  actionsJob,
  describeRun,
  gitlabJob,
  gitlabRuleHolds,
  runJob,
  type JobResult,
} from './support/workflow-runner.ts';

const REPOSITORY = 'example-union/honghei';
const ENV = { HONGHEI_DATE: PUBLISHER_DATE };
let dir: string;
let upstream: string;
let clones = 0;

/** A fresh clone of a repository, checked out at a ref (detached, as a CI checkout of a commit is). */
function ciClone(source: string, ref?: string): string {
  const clone = freshClone(source, join(dir, `ci-${++clones}`));
  if (ref) git(clone, 'checkout', '-q', '--detach', ref);
  return clone;
}

const runStep = (result: JobResult, name: RegExp) => result.steps.find((s) => name.test(s.step));
/** Every step that ran succeeded; the ones not run are listed with a reason. */
function expectGreen(result: JobResult): void {
  console.log(describeRun(result));
  expect(result.ran, describeRun(result)).toBe(true);
  expect(result.failed, describeRun(result)).toBe(false);
  for (const s of result.steps.filter((x) => x.result === 'not run'))
    expect(s.reason, s.step).toBeTruthy();
}

/** Runs a GitHub/Gitea job in a clone with a push or pull-request context. */
function actions(
  clone: string,
  file: string,
  job: string,
  github: Record<string, unknown>,
): JobResult {
  const runner = { temp: join(clone, '..', `runner-${clones}-${job}`) };
  return runJob(
    actionsJob(clone, file, job),
    clone,
    { github: { repository: REPOSITORY, ...github }, runner, secrets: {} },
    ENV,
  );
}

/** Runs a GitLab job whose rules hold for the pipeline's variables. */
function gitlab(clone: string, job: string, vars: Record<string, string>): JobResult {
  const j = gitlabJob(clone, job);
  expect(
    j.rules.some((r) => gitlabRuleHolds(r, vars)),
    `${job} rules ${j.rules.join(' | ')}`,
  ).toBe(true);
  return runJob(
    j,
    clone,
    { github: {}, runner: { temp: join(clone, '..', `runner-${clones}-${job}`) }, secrets: {} },
    { ...ENV, ...vars, CI_PROJECT_DIR: clone },
  );
}

const siteBuilt = (site: string) =>
  existsSync(join(site, 'index.html')) && existsSync(join(site, 'lists/black/index.html'));

beforeAll(() => {
  dir = tempDir('honghei-workflows-');
  upstream = projectSnapshot(join(dir, 'honghei'));
}, 120_000);

describe('the deploy workflows on a fresh clone of Honghei (the sample site)', () => {
  it.each([
    ['.github/workflows/deploy.yml', 'build'],
    ['.gitea/workflows/deploy.yml', 'deploy'],
  ])(
    '%s job %s validates and builds',
    (file, job) => {
      const clone = ciClone(upstream);
      const result = actions(clone, file, job, { event_name: 'push', ref: 'refs/heads/main' });
      expectGreen(result);
      expect(runStep(result, /validate|^npm run validate$/)?.result).toBe('success');
      expect(runStep(result, /build/)?.result).toBe('success');
      expect(siteBuilt(join(clone, '..', `runner-${clones}-${job}`, 'site'))).toBe(true);
      expect(result.steps.filter((s) => s.result === 'not run').map((s) => s.step)).toEqual(
        expect.arrayContaining(['actions/checkout@v4', 'npm ci']),
      );
    },
    300_000,
  );

  it('.gitlab-ci.yml job pages validates and builds into public/', () => {
    const clone = ciClone(upstream);
    const result = gitlab(clone, 'pages', {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'main',
      CI_DEFAULT_BRANCH: 'main',
    });
    expectGreen(result);
    expect(result.steps.map((s) => s.result)).toEqual(['not run', 'success', 'success']);
    expect(siteBuilt(join(clone, 'public'))).toBe(true);
  }, 300_000);
});

describe("a publisher's repository: submission, approvals, merge and deploy through the shipped workflows", () => {
  let forge: string;
  let work: string;
  const branch = 'submission/s-1';
  const head = () => git(forge, 'rev-parse', branch);
  const pullRequest = () => ({
    event_name: 'pull_request',
    base_ref: 'main',
    event: {
      pull_request: {
        number: 1,
        head: { sha: head(), ref: branch, repo: { full_name: REPOSITORY } },
      },
    },
  });
  const mergeRequest = {
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_DEFAULT_BRANCH: 'main',
  };

  beforeAll(() => {
    work = freshClone(upstream, join(dir, 'work'));
    const init = npmRun(work, 'init', INIT_FLAGS);
    expect(init.status, init.stderr).toBe(0);
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', '初始化发布单位（示例）');
    forge = join(dir, 'forge.git');
    git(dir, 'clone', '-q', '--bare', work, forge);
    git(work, 'remote', 'set-url', 'origin', forge);
    git(work, 'fetch', '-q', 'origin');
    // The bot's submission: one record, no approvals yet, on its own branch.
    const record = submissionRecord();
    git(work, 'checkout', '-q', '-b', branch);
    mkdirSync(dirname(join(work, record.file)), { recursive: true });
    writeFileSync(join(work, record.file), record.text);
    git(work, 'add', record.file);
    git(
      work,
      'commit',
      '-q',
      '-m',
      `新增失信黑名单记录（示例）\n\nSubmission-Id: s-1\nSubmitted-by: ${PUBLISHER.unit}`,
    );
    git(work, 'push', '-q', 'origin', branch);
  }, 120_000);

  it('with zero records (just initialised): the deploy jobs validate and build the empty site', () => {
    const clone = ciClone(forge, 'main');
    const github = actions(clone, '.github/workflows/deploy.yml', 'build', {
      event_name: 'push',
      ref: 'refs/heads/main',
    });
    expectGreen(github);
    const site = join(clone, '..', `runner-${clones}-build`, 'site');
    expect(readFileSync(join(site, 'lists/black/index.html'), 'utf8')).toContain(
      '目前没有公示中的条目',
    );
    const gitlabClone = ciClone(forge, 'main');
    expectGreen(
      gitlab(gitlabClone, 'pages', {
        CI_PIPELINE_SOURCE: 'schedule',
        CI_DEFAULT_BRANCH: 'main',
        CI_COMMIT_BRANCH: 'main',
      }),
    );
    expect(readFileSync(join(gitlabClone, 'public/index.html'), 'utf8')).toContain(PUBLISHER.short);
  }, 300_000);

  it('before the approvals: the pull-request check reports pending and does not build', () => {
    const result = actions(
      ciClone(forge, head()),
      '.github/workflows/pull-request.yml',
      'validate',
      pullRequest(),
    );
    expectGreen(result);
    const report = runStep(result, /validator report/)!;
    expect(report.outputs.state).toBe('pending');
    expect(runStep(result, /build the site/)?.result).toBe('skipped');
    expect(result.steps.filter((s) => s.result === 'not run').map((s) => s.step)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      '标签 (labels from the record)',
      '提交状态 (commit status)',
    ]);
  }, 300_000);

  it('the approval workflow writes 审核 then 审定 into the record, pushes them, and builds once both are in', () => {
    const approve = (login: string) =>
      actions(ciClone(forge, head()), '.github/workflows/approval.yml', 'record', {
        ...pullRequest(),
        event_name: 'pull_request_review',
        event: { ...pullRequest().event, review: { state: 'approved', user: { login } } },
      });
    const first = approve('zhang-example');
    expectGreen(first);
    expect(runStep(first, /validate again/)!.outputs.state).toBe('pending');
    expect(runStep(first, /build the site/)?.result).toBe('skipped');
    const second = approve('zhao-example');
    expectGreen(second);
    expect(runStep(second, /validate again/)!.outputs.state).toBe('success');
    expect(runStep(second, /build the site/)?.result).toBe('success');
    const record = git(forge, 'show', `${branch}:${submissionRecord().file}`);
    expect(record).toContain('by: 副局长 张某（示例）');
    expect(record).toContain('by: 局长 赵某（示例）');
  }, 300_000);

  it('after the approvals: every pull-request job passes and builds the site', () => {
    const github = actions(
      ciClone(forge, head()),
      '.github/workflows/pull-request.yml',
      'validate',
      pullRequest(),
    );
    expectGreen(github);
    expect(runStep(github, /validator report/)!.outputs.state).toBe('success');
    expect(runStep(github, /build the site/)?.result).toBe('success');
    for (const job of ['validate', 'approved'])
      expectGreen(
        actions(ciClone(forge, head()), '.gitea/workflows/pull-request.yml', job, pullRequest()),
      );
    for (const job of ['validate', 'approved']) {
      const clone = ciClone(forge, head());
      expectGreen(gitlab(clone, job, mergeRequest));
      if (job === 'approved') expect(siteBuilt(join(clone, 'public'))).toBe(true);
    }
  }, 600_000);

  it("after the merge: every deploy job validates and builds the publisher's site with the entry", () => {
    git(work, 'checkout', '-q', 'main');
    git(work, 'fetch', '-q', 'origin');
    git(work, 'merge', '-q', '--no-ff', '-m', `合并报送 s-1（示例）`, `origin/${branch}`);
    git(work, 'push', '-q', 'origin', 'main');
    const sites: string[] = [];
    for (const [file, job] of [
      ['.github/workflows/deploy.yml', 'build'],
      ['.gitea/workflows/deploy.yml', 'deploy'],
    ] as const) {
      const clone = ciClone(forge);
      expectGreen(actions(clone, file, job, { event_name: 'push', ref: 'refs/heads/main' }));
      sites.push(join(clone, '..', `runner-${clones}-${job}`, 'site'));
    }
    const clone = ciClone(forge);
    expectGreen(
      gitlab(clone, 'pages', {
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BRANCH: 'main',
        CI_DEFAULT_BRANCH: 'main',
      }),
    );
    sites.push(join(clone, 'public'));
    for (const site of sites) {
      expect(readFileSync(join(site, 'lists/black/index.html'), 'utf8'), site).toContain(
        '示例县报送测试机械制造有限公司（示例）',
      );
      expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain(PUBLISHER.short);
    }
  }, 600_000);
});

describe("the build's output folder", () => {
  it("refuses a folder holding the project's own files (the GitLab approved job once built into site/, emptying the sources)", () => {
    const clone = ciClone(upstream);
    for (const out of ['site', '.', 'content']) {
      const run = npmRun(clone, 'build', ['--out', out]);
      expect(run.status, out).toBe(2);
      expect(run.stderr).toContain(`--out ${out}：构建会在输出目录里写入文件并删除过时的文件`);
    }
    expect(git(clone, 'status', '--porcelain')).toBe('');
  });
});
