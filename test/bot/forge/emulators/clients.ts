/**
 * Forge clients pointed at the local emulators, with waits shortened so fault tests run in
 * seconds (the waits still happen: 429 retry-after and retries are honoured, only scaled).
 */
import Bottleneck from 'bottleneck';
import { createGitHubClient } from '../../../../bot/forge/github/client.ts';
import { GitHubForge, type GitHubForgeOptions } from '../../../../bot/forge/github/forge.ts';
import { GiteaForge } from '../../../../bot/forge/gitea.ts';
import { GitLabForge } from '../../../../bot/forge/gitlab.ts';
import { createPresenter } from '../../../../bot/forge/present.ts';
import { SAMPLE_ROOT } from '../../../fixtures/roots.ts';
import type { GitHubEmulator } from './github.ts';

/** The sample publisher, whose categories the pull request summaries name. */
const projectRoot = SAMPLE_ROOT;

/** A GitHub forge talking to the emulator (token auth, fast throttling, 1 s timeout). */
export function githubForgeFor(
  emulator: Pick<GitHubEmulator, 'url' | 'owner' | 'repo'>,
  options: Partial<GitHubForgeOptions> & { timeoutMs?: number; log?: (m: string) => void } = {},
): GitHubForge {
  const octokit = createGitHubClient({
    auth: { token: 'github_pat_example' },
    baseUrl: emulator.url,
    timeoutMs: options.timeoutMs ?? 1000,
    retryAfterBaseValue: 10,
    // The plugin spaces writes 1 s and notifying writes (pull requests) 3 s apart; tests keep the
    // order (one at a time) without the wait.
    throttle: {
      retryAfterBaseValue: 10,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    } as never,
    log: options.log ?? (() => undefined),
  });
  return new GitHubForge({
    octokit,
    repo: `${emulator.owner}/${emulator.repo}`,
    presenter: createPresenter({ contentRoot: projectRoot }),
    ...options,
  });
}

/** A Gitea forge talking to the emulator (short waits between retries). */
export function giteaForgeFor(
  emulator: { url: string; owner: string; repo: string; token: string },
  options: { labels?: 'workflow' | 'api'; timeoutMs?: number } = {},
) {
  return new GiteaForge({
    url: emulator.url,
    token: emulator.token,
    repo: `${emulator.owner}/${emulator.repo}`,
    labels: options.labels,
    presenter: createPresenter({ contentRoot: projectRoot }),
    http: { timeoutMs: options.timeoutMs ?? 1000, baseDelayMs: 10 },
  });
}

/** A GitLab forge talking to the emulator. */
export function gitlabForgeFor(
  emulator: { url: string; project: string; token: string },
  options: { timeoutMs?: number } = {},
) {
  return new GitLabForge({
    url: emulator.url,
    token: emulator.token,
    project: emulator.project,
    presenter: createPresenter({ contentRoot: projectRoot }),
    timeoutMs: options.timeoutMs ?? 2000,
  });
}
