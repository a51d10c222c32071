/**
 * HTTP calls per submission, per forge, counted at the HTTP layer: each forge client talks to a
 * local emulator (test/bot/forge/emulators: GitHub's validated against @octokit/openapi, Gitea's
 * and GitLab's against their client typings) and the emulator counts every request it receives.
 * Dev tooling for `npm run bench`, kept beside the emulators it drives so that nothing outside
 * test/ imports test code (scripts/bench runs this file in a process of its own, by path).
 *
 *   node test/bot/forge/calls-bench.ts        prints the numbers as JSON
 */
import { sampleSubmission } from './fixtures.ts';

/** Calls for one forge: per new submission without and with one binary attachment, and per outcome poll. */
export interface ForgeCalls {
  text: number;
  withBinary: number;
  /** GitHub with labels added by the bot instead of the workflow. */
  labelsByApi?: number;
  /** Reading the state of an open pull request (the poll). */
  poll: number;
  /** The target from the issue: at most this many for a submission without binaries. */
  target: number;
  /** Whether every submission stayed within target (+1 per binary on GitHub). */
  withinTarget: boolean;
}

/** The measurement. */
export interface ForgeCallsReport {
  submissionsPerCase: number;
  github: ForgeCalls;
  gitea: ForgeCalls;
  gitlab: ForgeCalls;
  /** The contract violations the emulators saw (should be none). */
  violations: string[];
}

/** Measures HTTP calls per submission on each forge, over `submissions` submissions per case. */
export async function measureForgeCalls(
  options: { submissions?: number } = {},
): Promise<ForgeCallsReport> {
  const n = options.submissions ?? 5;
  const [{ GitHubEmulator }, { GiteaEmulator }, { GitLabEmulator }, clients] = await Promise.all([
    import('./emulators/github.ts'),
    import('./emulators/gitea.ts'),
    import('./emulators/gitlab.ts'),
    import('./emulators/clients.ts'),
  ]);
  const violations: string[] = [];

  /** Average requests per call of `run` over n submissions, on a fresh emulator. */
  async function perSubmission<
    E extends {
      requests: unknown[];
      violations: string[];
      start(): Promise<E>;
      stop(): Promise<void>;
    },
  >(
    make: () => E,
    run: (e: E, i: number) => Promise<unknown>,
    offset: number,
  ): Promise<{ average: number; max: number }> {
    const e = await make().start();
    try {
      let max = 0;
      for (let i = 0; i < n; i++) {
        const before = e.requests.length;
        await run(e, offset + i);
        max = Math.max(max, e.requests.length - before);
      }
      violations.push(...e.violations);
      return { average: e.requests.length / n, max };
    } finally {
      await e.stop();
    }
  }

  async function pollCalls<
    E extends { requests: unknown[]; start(): Promise<E>; stop(): Promise<void> },
  >(
    make: () => E,
    forgeOf: (e: E) => {
      openPullRequest: (s: ReturnType<typeof sampleSubmission>) => Promise<unknown>;
      state: (id: string) => Promise<unknown>;
    },
  ): Promise<number> {
    const e = await make().start();
    try {
      const forge = forgeOf(e);
      const s = sampleSubmission(900);
      await forge.openPullRequest(s);
      const before = e.requests.length;
      await forge.state(s.id);
      return e.requests.length - before;
    } finally {
      await e.stop();
    }
  }

  const gh = () => new GitHubEmulator();
  const ghText = await perSubmission(
    gh,
    (e, i) => clients.githubForgeFor(e).openPullRequest(sampleSubmission(i)),
    1,
  );
  const ghBinary = await perSubmission(
    gh,
    (e, i) => clients.githubForgeFor(e).openPullRequest(sampleSubmission(i, { binary: true })),
    101,
  );
  const ghLabels = await perSubmission(
    gh,
    (e, i) => clients.githubForgeFor(e, { labels: 'api' }).openPullRequest(sampleSubmission(i)),
    201,
  );
  const gt = () => new GiteaEmulator();
  const gtText = await perSubmission(
    gt,
    (e, i) => clients.giteaForgeFor(e).openPullRequest(sampleSubmission(i)),
    301,
  );
  const gtBinary = await perSubmission(
    gt,
    (e, i) => clients.giteaForgeFor(e).openPullRequest(sampleSubmission(i, { binary: true })),
    401,
  );
  const gl = () => new GitLabEmulator();
  const glText = await perSubmission(
    gl,
    (e, i) => clients.gitlabForgeFor(e).openPullRequest(sampleSubmission(i)),
    501,
  );
  const glBinary = await perSubmission(
    gl,
    (e, i) => clients.gitlabForgeFor(e).openPullRequest(sampleSubmission(i, { binary: true })),
    601,
  );

  return {
    submissionsPerCase: n,
    github: {
      text: ghText.average,
      withBinary: ghBinary.average,
      labelsByApi: ghLabels.average,
      poll: await pollCalls(gh, (e) => clients.githubForgeFor(e)),
      target: 5,
      withinTarget: ghText.max <= 5 && ghBinary.max <= 6,
    },
    gitea: {
      text: gtText.average,
      withBinary: gtBinary.average,
      poll: await pollCalls(gt, (e) => clients.giteaForgeFor(e)),
      target: 2,
      withinTarget: gtText.max <= 2 && gtBinary.max <= 2,
    },
    gitlab: {
      text: glText.average,
      withBinary: glBinary.average,
      poll: await pollCalls(gl, (e) => clients.gitlabForgeFor(e)),
      target: 2,
      withinTarget: glText.max <= 2 && glBinary.max <= 2,
    },
    violations,
  };
}

if (import.meta.main) console.log(JSON.stringify(await measureForgeCalls(), null, 2));
