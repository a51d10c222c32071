/**
 * The Gitea/Forgejo and GitLab forges against emulators that validate request bodies against the
 * client typings (gitea-js is generated from Gitea's swagger; @gitbeaker/core types GitLab's API):
 * two calls per new submission, "already exists" answers, outcomes, and faults.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { branchFor } from '../../../bot/forge/types.ts';
import { giteaForgeFor, gitlabForgeFor } from './emulators/clients.ts';
import { GiteaEmulator } from './emulators/gitea.ts';
import { GitLabEmulator } from './emulators/gitlab.ts';
import { PNG, sampleSubmission } from './fixtures.ts';

let stops: (() => Promise<void>)[] = [];
const emulators: { violations: string[] }[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
  for (const e of emulators.splice(0)) expect(e.violations).toEqual([]);
});

async function gitea() {
  const e = await new GiteaEmulator().start();
  stops.push(() => e.stop());
  emulators.push(e);
  return e;
}

async function gitlab() {
  const e = await new GitLabEmulator().start();
  stops.push(() => e.stop());
  emulators.push(e);
  return e;
}

describe('GiteaForge', () => {
  it('opens the branch with one commit of every file, then the pull request: 2 calls', async () => {
    const e = await gitea();
    const s = sampleSubmission(1, { binary: true });
    const ref = await giteaForgeFor(e).openPullRequest(s);
    expect(e.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')} ${r.status}`)).toEqual([
      `POST /api/v1/repos/${e.owner}/${e.repo}/contents 201`,
      `POST /api/v1/repos/${e.owner}/${e.repo}/pulls 201`,
    ]);
    expect(ref).toMatchObject({ branch: branchFor(s.id), number: 1 });
    const files = e.branches.get(branchFor(s.id))!;
    expect(files.get(s.files[0]!.path)!.toString('utf8')).toBe(s.files[0]!.content);
    expect(new Uint8Array(files.get(s.files[1]!.path)!)).toEqual(PNG);
    expect(files.has('README.md')).toBe(true);
    expect(e.pulls[0]!.body).toContain('| 主体名称 | 示例市丙丁建筑工程有限公司1（示例） |');
    expect(e.pulls[0]!.body).toContain(
      `${e.url}/${e.owner}/${e.repo}/src/branch/${branchFor(s.id)}/content/media/`,
    );
  });

  it('with labels by API, looks the label ids up once per process', async () => {
    const e = await gitea();
    const forge = giteaForgeFor(e, { labels: 'api' });
    await forge.openPullRequest(sampleSubmission(2));
    await forge.openPullRequest(sampleSubmission(3));
    expect(e.requests.filter((r) => r.path.includes('/labels'))).toHaveLength(1);
    expect(e.pulls.map((p) => p.labels)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  it('repeating, resuming and racing give one pull request; outcomes are read', async () => {
    const e = await gitea();
    const forge = giteaForgeFor(e);
    const [a, b] = [sampleSubmission(4), sampleSubmission(5)];
    const first = await forge.openPullRequest(a!);
    expect(await forge.openPullRequest(a!)).toEqual(first);
    expect(await forge.openPullRequest(a!, { resumed: true })).toEqual(first);
    await Promise.all([forge.openPullRequest(b!), giteaForgeFor(e).openPullRequest(b!)]);
    expect(e.pulls.map((p) => p.head).sort()).toEqual([branchFor(a!.id), branchFor(b!.id)].sort());
    expect(await forge.state(a!.id)).toMatchObject({ state: 'open', approvals: 0 });
    e.pulls[0]!.reviews.push({ login: 'reviewer-a', state: 'APPROVED' });
    expect(await forge.state(a!.id)).toMatchObject({ approvals: 1 });
    e.merge(1);
    e.reject(2, '统一社会信用代码有误，请核对（示例）');
    expect(await forge.state(a!.id)).toMatchObject({ state: 'merged' });
    expect(await forge.state(b!.id)).toMatchObject({
      state: 'closed',
      comment: '统一社会信用代码有误，请核对（示例）',
    });
    expect(await forge.listOpen()).toEqual([]);
  });

  it('500, 429 with retry-after and late answers: one pull request', async () => {
    for (const kind of ['status-500', 'status-429', 'slow'] as const) {
      for (const match of [/POST .*\/contents$/, /POST .*\/pulls$/]) {
        const e = await gitea();
        e.faults.push({ kind, match, retryAfter: 1, delayMs: 1500 });
        await giteaForgeFor(e, { timeoutMs: 1000 }).openPullRequest(
          sampleSubmission(6, { binary: true }),
        );
        expect(e.faults, `${kind} ${match}`).toEqual([]);
        expect(e.pulls).toHaveLength(1);
        expect(e.branches.get(branchFor(sampleSubmission(6).id))?.size).toBe(3);
      }
    }
  });
});

describe('the emulators hold the forges to the typings', () => {
  it('a body the typings do not allow is refused and recorded', async () => {
    const e = await gitea();
    const g = await gitlab();
    const post = (url: string, headers: Record<string, string>, body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const bad = await post(
      `${e.url}/api/v1/repos/${e.owner}/${e.repo}/contents`,
      { authorization: `token ${e.token}` },
      { new_branch: 'x', files: [{ operation: 'upsert', path: 'a' }] },
    );
    expect(bad.status).toBe(422);
    const badMr = await post(
      `${g.url}/api/v4/projects/${encodeURIComponent(g.project)}/merge_requests`,
      { 'private-token': g.token },
      { source_branch: 'a', target_branch: 'main', title: 't', labels: 7 },
    );
    expect(badMr.status).toBe(400);
    expect(e.violations).toHaveLength(1);
    expect(g.violations).toHaveLength(1);
    e.violations.length = 0;
    g.violations.length = 0;
  });
});

describe('GitLabForge', () => {
  it('commits every file with start_branch, then the merge request with labels: 2 calls', async () => {
    const e = await gitlab();
    const s = sampleSubmission(1, { binary: true });
    const ref = await gitlabForgeFor(e).openPullRequest(s);
    expect(
      e.requests.map(
        (r) => `${r.method} ${decodeURIComponent(r.path.replace(/\?.*/, ''))} ${r.status}`,
      ),
    ).toEqual([
      `POST /api/v4/projects/${e.project}/repository/commits 201`,
      `POST /api/v4/projects/${e.project}/merge_requests 201`,
    ]);
    expect(ref).toMatchObject({ branch: branchFor(s.id), number: 1 });
    const files = e.branches.get(branchFor(s.id))!;
    expect(files.get(s.files[0]!.path)!.toString('utf8')).toBe(s.files[0]!.content);
    expect(new Uint8Array(files.get(s.files[1]!.path)!)).toEqual(PNG);
    expect(e.commits).toHaveLength(1);
    expect(e.mergeRequests[0]!.labels).toEqual(['list:black', 'category:wage-arrears', 'kind:new']);
    expect(e.mergeRequests[0]!.description).toContain('校验通过');
  });

  it('repeating and resuming give one merge request and one commit; outcomes are read', async () => {
    const e = await gitlab();
    const forge = gitlabForgeFor(e);
    const [a, b] = [sampleSubmission(2), sampleSubmission(3)];
    const first = await forge.openPullRequest(a!);
    expect(await forge.openPullRequest(a!)).toEqual(first);
    expect(await forge.openPullRequest(a!, { resumed: true })).toEqual(first);
    await forge.openPullRequest(b!);
    expect(e.mergeRequests).toHaveLength(2);
    expect(e.commits).toHaveLength(2);
    e.mergeRequests[0]!.approvedBy.push('reviewer-a', 'reviewer-b');
    expect(await forge.state(a!.id)).toMatchObject({ state: 'open', approvals: 2 });
    e.merge(1);
    e.reject(2, '缺少决定文书（示例）');
    expect(await forge.state(a!.id)).toMatchObject({ state: 'merged' });
    expect(await forge.state(b!.id)).toMatchObject({
      state: 'closed',
      comment: '缺少决定文书（示例）',
    });
    expect(await forge.listOpen()).toEqual([]);
  });

  it('429 is retried by the client; a 500 is left to the outbox and the retry finds the branch', async () => {
    const e = await gitlab();
    e.faults.push({ kind: 'status-429', match: /merge_requests$/, retryAfter: 1 });
    await gitlabForgeFor(e).openPullRequest(sampleSubmission(4));
    expect(e.mergeRequests).toHaveLength(1);
    e.faults.push({ kind: 'status-500', match: /merge_requests$/ });
    const s = sampleSubmission(5);
    await expect(gitlabForgeFor(e).openPullRequest(s)).rejects.toThrow(/HTTP 500/);
    await gitlabForgeFor(e).openPullRequest(s, { resumed: true });
    expect(e.mergeRequests.filter((m) => m.source === branchFor(s.id))).toHaveLength(1);
    expect(e.commits.filter((c) => c.branch === branchFor(s.id))).toHaveLength(1);
  });
});

describe('edits of existing files', () => {
  const edit = () => ({
    ...sampleSubmission(7),
    id: 'edit-readme-1',
    kind: 'edit' as const,
    files: [
      { path: 'README.md', content: '# 示例（更正）\n' },
      { path: 'content/new.txt', content: '新文件（示例）\n' },
    ],
  });

  it('Gitea updates a file it finds (one look-up per file, the sha it needs) and creates the others', async () => {
    const e = await gitea();
    await giteaForgeFor(e).openPullRequest(edit());
    expect(e.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'POST']);
    const files = e.branches.get(branchFor('edit-readme-1'))!;
    expect(files.get('README.md')!.toString('utf8')).toBe('# 示例（更正）\n');
    expect(files.get('content/new.txt')!.toString('utf8')).toBe('新文件（示例）\n');
  });

  it('GitLab uses "update" for a file that exists and "create" for a new one', async () => {
    const e = await gitlab();
    await gitlabForgeFor(e).openPullRequest(edit());
    expect(e.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'POST']);
    const files = e.branches.get(branchFor('edit-readme-1'))!;
    expect(files.get('README.md')!.toString('utf8')).toBe('# 示例（更正）\n');
    expect(files.get('content/new.txt')!.toString('utf8')).toBe('新文件（示例）\n');
  });
});
