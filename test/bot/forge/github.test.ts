/**
 * The GitHub forge against an emulator that validates every request and response against
 * GitHub's official OpenAPI description (@octokit/openapi).
 */
import { generateKeyPairSync } from 'node:crypto';
import Bottleneck from 'bottleneck';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient } from '../../../bot/forge/github/client.ts';
import { GitHubForge } from '../../../bot/forge/github/forge.ts';
import { branchFor } from '../../../bot/forge/types.ts';
import { GitHubEmulator } from './emulators/github.ts';
import { githubForgeFor } from './emulators/clients.ts';
import { PNG, sampleSubmission } from './fixtures.ts';

let gh: GitHubEmulator;
beforeEach(async () => {
  gh = await new GitHubEmulator().start();
});
afterEach(async () => {
  await gh.stop();
  expect(gh.violations).toEqual([]);
});

const ops = () => gh.requests.map((r) => r.operationId);

describe('GitHubForge contract (official OpenAPI description)', () => {
  it('makes one commit with the record inline and a blob only for the picture, then the pull request: 5 + 1 calls', async () => {
    const forge = githubForgeFor(gh);
    const s = sampleSubmission(1, { binary: true });
    const ref = await forge.openPullRequest(s);
    expect(ops()).toEqual([
      'repos/get-branch',
      'git/create-blob',
      'git/create-tree',
      'git/create-commit',
      'git/create-ref',
      'pulls/create',
    ]);
    expect(ref).toMatchObject({
      branch: branchFor(s.id),
      number: 1,
      url: `https://github.com/${gh.owner}/${gh.repo}/pull/1`,
    });
    const files = gh.filesOf(branchFor(s.id));
    expect(files.get(s.files[0]!.path)!.toString('utf8')).toBe(s.files[0]!.content);
    expect(new Uint8Array(files.get(s.files[1]!.path)!)).toEqual(PNG);
    expect(files.has('README.md')).toBe(true); // the base tree is kept
    const commit = gh.commits.get(gh.refs.get(branchFor(s.id))!)!;
    expect(commit.parents).toEqual([gh.refs.get('main')]);
    expect(commit.message).toContain(`Submission-Id: ${s.id}`);
    const pull = gh.pulls[0]!;
    expect(pull.body).toContain('| 主体名称 | 示例市丙丁建筑工程有限公司1（示例） |');
    expect(pull.body).toContain('校验通过');
    expect(pull.body).toContain(
      `https://github.com/${gh.owner}/${gh.repo}/blob/${branchFor(s.id)}/content/media/2026/`,
    );
  });

  it('a record without binaries takes 5 calls; labels by API take one more', async () => {
    await githubForgeFor(gh).openPullRequest(sampleSubmission(2));
    expect(gh.requests).toHaveLength(5);
    gh.requests.length = 0;
    await githubForgeFor(gh, { labels: 'api' }).openPullRequest(sampleSubmission(3));
    expect(ops()).toEqual([
      'repos/get-branch',
      'git/create-tree',
      'git/create-commit',
      'git/create-ref',
      'pulls/create',
      'issues/add-labels',
    ]);
    expect(gh.pulls[1]!.labels).toEqual(['list:black', 'category:wage-arrears', 'kind:new']);
  });

  it('repeating a delivered submission finds its pull request: one PR, one branch', async () => {
    const forge = githubForgeFor(gh, { labels: 'api' });
    const s = sampleSubmission(4);
    const first = await forge.openPullRequest(s);
    const again = await forge.openPullRequest(s);
    const resumed = await forge.openPullRequest(s, { resumed: true });
    expect(again).toEqual(first);
    expect(resumed).toEqual(first);
    expect(gh.pulls).toHaveLength(1);
    expect(
      gh.requests.filter((r) => r.operationId === 'git/create-ref').map((r) => r.status),
    ).toEqual([201, 422]);
    // A resumed attempt costs one look-up and nothing else once everything is done.
    expect(gh.requests.slice(-1).map((r) => r.operationId)).toEqual(['pulls/list']);
  });

  it('reads open (with approvals), merged and closed (with the reviewer comment); lists open ones', async () => {
    const forge = githubForgeFor(gh);
    const [a, b, c] = [5, 6, 7].map((n) => sampleSubmission(n));
    for (const s of [a!, b!, c!]) await forge.openPullRequest(s);
    gh.approve(1, 'reviewer-a');
    gh.approve(1, 'reviewer-b');
    expect(await forge.state(a!.id)).toMatchObject({ state: 'open', approvals: 2 });
    gh.merge(1);
    gh.reject(2, '决定文书缺失，请补充（示例）');
    expect(await forge.state(a!.id)).toMatchObject({ state: 'merged' });
    expect(await forge.state(b!.id)).toMatchObject({
      state: 'closed',
      comment: '决定文书缺失，请补充（示例）',
    });
    expect((await forge.listOpen()).map((r) => r.submissionId)).toEqual([c!.id]);
    expect(await forge.state('never-sent')).toBeUndefined();
    // The rejected submission is not reopened even though its branch is gone.
    await forge.openPullRequest(b!, { resumed: true });
    expect(gh.pulls).toHaveLength(3);
  });

  it('answers 304 to a repeated look-up (conditional requests do not use the rate limit)', async () => {
    const forge = githubForgeFor(gh);
    const s = sampleSubmission(8);
    await forge.openPullRequest(s);
    await forge.find(s.id);
    await forge.find(s.id);
    expect(gh.requests.filter((r) => r.operationId === 'pulls/list').map((r) => r.status)).toEqual([
      200, 304,
    ]);
  });

  it('authenticates as a GitHub App: a JWT for an installation token, then that token for every later call', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    gh.app = { id: '123456', publicKey, installationId: 7890 };
    const octokit = createGitHubClient({
      auth: {
        appId: '123456',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        installationId: 7890,
      },
      baseUrl: gh.url,
      retryAfterBaseValue: 10,
      throttle: {
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      } as never,
      log: () => undefined,
    });
    const forge = new GitHubForge({ octokit, repo: `${gh.owner}/${gh.repo}` });
    await forge.openPullRequest(sampleSubmission(9));
    await forge.openPullRequest(sampleSubmission(10));
    expect(ops().filter((o) => o === 'apps/create-installation-access-token')).toHaveLength(1);
    expect(gh.pulls).toHaveLength(2);
    expect(gh.requests.every((r) => r.status !== 401)).toBe(true);
  });
});
