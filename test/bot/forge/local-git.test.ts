import { afterEach, describe, expect, it } from 'vitest';
import { LocalGitForge, rejectionComment } from '../../../bot/forge/local-git.ts';
import { branchFor } from '../../../bot/forge/types.ts';
import { makeContentRepo, PNG, sampleSubmission, sh, tempDir } from './fixtures.ts';

let cleanup: (() => void)[] = [];
afterEach(() => {
  cleanup.forEach((f) => f());
  cleanup = [];
});

function setup(bare = false) {
  const t = tempDir();
  cleanup.push(t.remove);
  const repo = makeContentRepo(t.dir, { bare });
  return { repo, forge: new LocalGitForge({ repo }) };
}

describe('LocalGitForge', () => {
  for (const bare of [false, true]) {
    it(`opens one branch with one commit holding the record and its picture (${bare ? 'bare remote' : 'work tree'})`, async () => {
      const { repo, forge } = setup(bare);
      const s = sampleSubmission(1, { binary: true });
      const ref = await forge.openPullRequest(s);
      expect(ref.branch).toBe(branchFor(s.id));
      expect(sh(repo, 'rev-list', '--count', `main..${ref.branch}`)).toBe('1');
      const files = sh(repo, 'diff', '--name-only', `main...${ref.branch}`).split('\n');
      expect(files.sort()).toEqual(s.files.map((f) => f.path).sort());
      const picture = sh(repo, 'cat-file', '-p', `${ref.branch}:${s.files[1]!.path}`);
      expect(Buffer.from(picture, 'latin1').length).toBeGreaterThan(0);
      const { execFileSync } = await import('node:child_process');
      const bytes = execFileSync('git', [
        '-C',
        repo,
        'cat-file',
        'blob',
        `${ref.branch}:${s.files[1]!.path}`,
      ]);
      expect(new Uint8Array(bytes)).toEqual(PNG);
      expect(
        sh(repo, 'log', '-1', '--format=%(trailers:key=Submission-Id,valueonly)', ref.branch),
      ).toBe(s.id);
      // main is untouched; the work tree (if any) has no change.
      expect(sh(repo, 'rev-list', '--count', 'main')).toBe('1');
      if (!bare) expect(sh(repo, 'status', '--porcelain')).toBe('');
    });
  }

  it('is idempotent: the same submission twice, or twice at once, makes one branch and one commit', async () => {
    const { repo, forge } = setup();
    const s = sampleSubmission(2);
    const other = new LocalGitForge({ repo });
    const [a, b] = await Promise.all([forge.openPullRequest(s), other.openPullRequest(s)]);
    const c = await forge.openPullRequest(s);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(
      sh(repo, 'for-each-ref', '--format=%(refname)', 'refs/heads/submission/').split('\n'),
    ).toEqual([`refs/heads/${a.branch}`]);
    expect(sh(repo, 'rev-list', '--count', `main..${a.branch}`)).toBe('1');
  });

  it('reads open, merged (even after the branch is deleted) and lists open ones', async () => {
    const { repo, forge } = setup();
    const s1 = sampleSubmission(3);
    const s2 = sampleSubmission(4);
    await forge.openPullRequest(s1);
    await forge.openPullRequest(s2);
    expect(await forge.state(s1.id)).toMatchObject({ state: 'open', approvals: 0 });
    expect((await forge.listOpen()).map((r) => r.submissionId).sort()).toEqual(
      [s1.id, s2.id].sort(),
    );
    sh(repo, 'merge', '-q', '--no-ff', '-m', 'merge', branchFor(s1.id));
    expect(await forge.state(s1.id)).toMatchObject({ state: 'merged' });
    expect((await forge.listOpen()).map((r) => r.submissionId)).toEqual([s2.id]);
    sh(repo, 'branch', '-q', '-D', branchFor(s1.id));
    expect(await forge.state(s1.id)).toMatchObject({ state: 'merged' });
    expect(await forge.find(s1.id)).toBeDefined();
    // The same submission again after merge: found, not reopened.
    await forge.openPullRequest(s1);
    expect(sh(repo, 'for-each-ref', '--format=%(refname)', `refs/heads/${branchFor(s1.id)}`)).toBe(
      '',
    );
    expect(await forge.state('never-submitted')).toBeUndefined();
  });

  it('refuses ids and paths that could escape their branch or the repository', async () => {
    const { forge } = setup();
    await expect(forge.openPullRequest({ ...sampleSubmission(5), id: '../main' })).rejects.toThrow(
      /cannot name a branch/,
    );
    const bad = sampleSubmission(6);
    bad.files = [{ path: '../outside.yaml', content: 'x' }];
    await expect(forge.openPullRequest(bad)).rejects.toThrow(/not a clean path/);
  });

  it('takes the reviewer comment out of a rejection commit', () => {
    expect(rejectionComment('Reject x\n\n事实不清，请补充决定文书。\n\nRejected-by: 王某')).toBe(
      '事实不清，请补充决定文书。',
    );
    expect(rejectionComment('Reject x\n\nRejected-by: 王某')).toBeUndefined();
  });
});
