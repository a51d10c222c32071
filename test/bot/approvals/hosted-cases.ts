/**
 * The hosted forges the chat-approval tests run on, each as its emulator (test/bot/forge/
 * emulators/) with what a test needs: the forge client, the pull request's page, whether it was
 * merged, main's files and commit messages, branch protection turned on, a review on the forge.
 */
import type { Forge } from '../../../bot/forge/types.ts';
import { giteaForgeFor, githubForgeFor, gitlabForgeFor } from '../forge/emulators/clients.ts';
import { GiteaEmulator } from '../forge/emulators/gitea.ts';
import { GitHubEmulator } from '../forge/emulators/github.ts';
import { GitLabEmulator } from '../forge/emulators/gitlab.ts';

/** One forge under test; E is its emulator. */
export interface HostedCase<E = any> {
  name: string;
  start(): Promise<E>;
  /** Stops the emulator and checks it saw no request its API description refuses. */
  stop(e: E): Promise<void>;
  forgeFor(e: E): Forge;
  pullUrl(e: E, n: number): string;
  merged(e: E, n: number): boolean;
  mainFile(e: E, path: string): string;
  /** The messages of the pull request's commits and of the merge, oldest first. */
  mainMessages(e: E): string[];
  /** Branch protection: one approving review on the forge is required to merge. */
  protect(e: E): void;
  approveOnForge(e: E, n: number): void;
}

const github: HostedCase<GitHubEmulator> = {
  name: 'GitHub',
  start: () => new GitHubEmulator().start(),
  async stop(e) {
    await e.stop();
    if (e.violations.length) throw new Error(`GitHub API violations: ${e.violations.join('\n')}`);
  },
  forgeFor: (e) => githubForgeFor(e),
  pullUrl: (e, n) => `https://github.com/${e.owner}/${e.repo}/pull/${n}`,
  merged: (e, n) => Boolean(e.pulls.find((p) => p.number === n)?.merged_at),
  mainFile: (e, path) => e.filesOf('main').get(path)!.toString('utf8'),
  mainMessages(e) {
    const merge = e.commits.get(e.refs.get('main')!)!;
    const out = [merge.message];
    for (let sha = merge.parents[1]; sha && sha !== merge.parents[0];) {
      const c = e.commits.get(sha)!;
      out.unshift(c.message);
      sha = c.parents[0];
    }
    return out;
  },
  protect: (e) => void (e.requiredReviews = 1),
  approveOnForge: (e, n) => e.approve(n, 'reviewer-a'),
};

const gitea: HostedCase<GiteaEmulator> = {
  name: 'Gitea',
  start: () => new GiteaEmulator().start(),
  async stop(e) {
    await e.stop();
    if (e.violations.length) throw new Error(`Gitea API violations: ${e.violations.join('\n')}`);
  },
  forgeFor: (e) => giteaForgeFor(e),
  pullUrl: (e, n) => `${e.url}/${e.owner}/${e.repo}/pulls/${n}`,
  merged: (e, n) => Boolean(e.pulls.find((p) => p.number === n)?.merged),
  mainFile: (e, path) => e.branches.get('main')!.get(path)!.toString('utf8'),
  mainMessages: (e) =>
    e.log
      .get('main')!
      .slice(1)
      .map((c) => c.message),
  protect: (e) => void (e.requiredApprovals = 1),
  approveOnForge: (e, n) =>
    void e.pulls
      .find((p) => p.number === n)!
      .reviews.push({ login: 'reviewer-a', state: 'APPROVED' }),
};

const gitlab: HostedCase<GitLabEmulator> = {
  name: 'GitLab',
  start: () => new GitLabEmulator().start(),
  async stop(e) {
    await e.stop();
    if (e.violations.length) throw new Error(`GitLab API violations: ${e.violations.join('\n')}`);
  },
  forgeFor: (e) => gitlabForgeFor(e),
  pullUrl: (e, n) => `${e.url}/${e.project}/-/merge_requests/${n}`,
  merged: (e, n) => e.mergeRequests.find((m) => m.iid === n)?.state === 'merged',
  mainFile: (e, path) => e.branches.get('main')!.get(path)!.toString('utf8'),
  mainMessages: (e) =>
    e.log
      .get('main')!
      .slice(1)
      .map((c) => c.message),
  protect: (e) => void (e.requiredApprovals = 1),
  approveOnForge: (e, n) =>
    void e.mergeRequests.find((m) => m.iid === n)!.approvedBy.push('reviewer-a'),
};

/** Every hosted forge the chat approvals support. */
export const HOSTED: HostedCase[] = [github, gitea, gitlab];
