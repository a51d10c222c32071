/**
 * The GitHub forge. One submission = one commit made with the Git Data API (a blob only for each
 * binary file; YAML goes inline in the tree), one branch `submission/<id>`, one pull request.
 * Calls for a new submission: branch (1) + blobs (B) + tree + commit + ref + pull = 5 + B.
 * Labels are added by the pull-request workflow (.github/workflows/pull-request.yml) unless
 * `labels: 'api'` (one call more); reviewers come from CODEOWNERS (no call).
 *
 * Exactly once: the branch name comes from the submission id; "Reference already exists" and
 * "A pull request already exists" are answers, not failures; a resumed attempt looks up the pull
 * request first (a branch deleted after its pull request was closed is never reopened).
 */
import { submissionMessage } from '../local-git.ts';
import { HostedForge } from '../hosted.ts';
import type { BranchSnapshot, ReviewableForge } from '../hosted-review.ts';
import { githubCommitOnBranch, githubMerge, githubSnapshot, type GitHubRepo } from './review.ts';
import { createPresenter, type Presenter } from '../present.ts';
import {
  branchFor,
  type Forge,
  type OpenOptions,
  type PullRequestRef,
  type ReviewState,
  type Submission,
} from '../types.ts';
import type { ForgeOctokitClient } from './client.ts';

/** Options of the GitHub forge. */
export interface GitHubForgeOptions {
  octokit: ForgeOctokitClient;
  /** owner/name of the content repository. */
  repo: string;
  base?: string;
  /** Web root for attachment links (default https://github.com). */
  webUrl?: string;
  /** 'workflow' (default): the pull-request workflow labels the PR; 'api': the bot adds them. */
  labels?: 'workflow' | 'api';
  presenter?: Presenter;
  /** Author of the commits (default the bot's name; GitHub Apps sign as the app). */
  author?: { name: string; email: string };
}

type PullSummary = {
  number: number;
  html_url: string;
  state: string;
  merged_at: string | null;
  created_at?: string;
  head: { ref: string; sha: string };
  labels?: { name?: string }[];
};

/** Whether an Octokit error has this status (and its message matches). */
export function isStatus(error: unknown, status: number, pattern?: RegExp): boolean {
  const e = error as { status?: number; message?: string; response?: { data?: unknown } };
  return (
    e?.status === status &&
    (!pattern || pattern.test(`${e.message ?? ''} ${JSON.stringify(e.response?.data ?? '')}`))
  );
}

/** The GitHub forge. */
export class GitHubForge extends HostedForge<PullSummary> implements ReviewableForge {
  readonly name = 'github';
  private readonly octokit: ForgeOctokitClient;
  private readonly owner: string;
  private readonly repoName: string;
  private readonly base: string;
  private readonly webUrl: string;
  private readonly labels: 'workflow' | 'api';
  private readonly present: Presenter;
  private readonly author: { name: string; email: string };
  /** ETags of pull request look-ups: a 304 answer costs no rate limit. */
  private readonly etags = new Map<string, { etag: string; data: PullSummary[] }>();

  constructor(options: GitHubForgeOptions) {
    super();
    const [owner, name] = options.repo.split('/');
    if (!owner || !name)
      throw new Error(
        `GitHub repository "${options.repo}" is not owner/name, e.g. example-union/honghei-content`,
      );
    this.octokit = options.octokit;
    this.owner = owner;
    this.repoName = name;
    this.base = options.base ?? 'main';
    this.webUrl = (options.webUrl ?? 'https://github.com').replace(/\/$/, '');
    this.labels = options.labels ?? 'workflow';
    this.present = options.presenter ?? createPresenter();
    this.author = options.author ?? { name: 'Honghei Bot', email: 'bot@honghei.invalid' };
  }

  private get repo() {
    return { owner: this.owner, repo: this.repoName };
  }

  async openPullRequest(
    submission: Submission,
    options: OpenOptions = {},
  ): Promise<PullRequestRef> {
    const { branch, found: resumed } = await this.opening(submission.id, options);
    if (resumed) return this.finish(submission, resumed);
    const { data: baseBranch } = await this.octokit.rest.repos.getBranch({
      ...this.repo,
      branch: this.base,
    });
    const tree = [];
    for (const file of submission.files) {
      if (typeof file.content === 'string') {
        tree.push({
          path: file.path,
          mode: '100644' as const,
          type: 'blob' as const,
          content: file.content,
        });
      } else {
        const { data: blob } = await this.octokit.rest.git.createBlob({
          ...this.repo,
          content: Buffer.from(file.content).toString('base64'),
          encoding: 'base64',
        });
        tree.push({
          path: file.path,
          mode: '100644' as const,
          type: 'blob' as const,
          sha: blob.sha,
        });
      }
    }
    const { data: newTree } = await this.octokit.rest.git.createTree({
      ...this.repo,
      base_tree: baseBranch.commit.commit.tree.sha,
      tree,
    });
    const signature = { ...this.author, date: new Date(submission.createdAt).toISOString() };
    const { data: commit } = await this.octokit.rest.git.createCommit({
      ...this.repo,
      message: submissionMessage(submission),
      tree: newTree.sha,
      parents: [baseBranch.commit.sha],
      author: signature,
      committer: signature,
    });
    let fresh = true;
    try {
      await this.octokit.rest.git.createRef({
        ...this.repo,
        ref: `refs/heads/${branch}`,
        sha: commit.sha,
      });
    } catch (error) {
      if (!isStatus(error, 422, /already exists/i)) throw error;
      fresh = false; // an earlier attempt made the branch: its pull request may exist too
    }
    if (!fresh) {
      const found = await this.pullFor(submission.id);
      if (found) return this.finish(submission, found);
    }
    const shown = this.present(
      submission,
      (path) => `${this.webUrl}/${this.owner}/${this.repoName}/blob/${branch}/${path}`,
    );
    let pull: PullSummary;
    try {
      ({ data: pull } = await this.octokit.rest.pulls.create({
        ...this.repo,
        head: branch,
        base: this.base,
        title: shown.title,
        body: shown.body,
        maintainer_can_modify: true,
      }));
    } catch (error) {
      if (!isStatus(error, 422, /already exists/i)) throw error;
      const found = await this.pullFor(submission.id);
      if (!found)
        throw new Error(
          `GitHub says a pull request for ${branch} exists but none was found: check ${this.webUrl}/${this.owner}/${this.repoName}/pulls`,
          { cause: error },
        );
      return this.finish(submission, found);
    }
    if (this.labels === 'api')
      await this.octokit.rest.issues.addLabels({
        ...this.repo,
        issue_number: pull.number,
        labels: shown.labels,
      });
    return this.refOf(pull, submission.id);
  }

  /** Completes partial work on an existing pull request (labels), then returns it. */
  private async finish(submission: Submission, pull: PullSummary): Promise<PullRequestRef> {
    if (this.labels === 'api' && pull.state === 'open') {
      const shown = this.present(submission, (p) => p);
      const have = new Set((pull.labels ?? []).map((l) => l.name));
      const missing = shown.labels.filter((l) => !have.has(l));
      if (missing.length)
        await this.octokit.rest.issues.addLabels({
          ...this.repo,
          issue_number: pull.number,
          labels: missing,
        });
    }
    return this.refOf(pull, submission.id);
  }

  protected refOf(pull: PullSummary, submissionId: string): PullRequestRef {
    return {
      submissionId,
      branch: branchFor(submissionId),
      url: pull.html_url,
      number: pull.number,
      ...(pull.created_at ? { createdAt: pull.created_at } : {}),
    };
  }

  /** The pull request of a submission, any state (a conditional request: 304 is free). */
  protected async pullFor(submissionId: string): Promise<PullSummary | undefined> {
    const head = `${this.owner}:${branchFor(submissionId)}`;
    const cached = this.etags.get(head);
    try {
      const response = await this.octokit.rest.pulls.list({
        ...this.repo,
        head,
        state: 'all',
        per_page: 10,
        headers: cached ? { 'if-none-match': cached.etag } : {},
      });
      const data = response.data as PullSummary[];
      if (response.headers.etag) this.etags.set(head, { etag: response.headers.etag, data });
      return pick(data, submissionId);
    } catch (error) {
      if (cached && isStatus(error, 304)) return pick(cached.data, submissionId);
      throw error;
    }
  }

  async state(submissionId: string): Promise<ReviewState | undefined> {
    const pull = await this.pullOf(submissionId);
    if (!pull) return undefined;
    if (pull.merged_at) return { state: 'merged', url: pull.html_url, mergedAt: pull.merged_at };
    if (pull.state === 'closed')
      return {
        state: 'closed',
        url: pull.html_url,
        ...withComment(await this.closingComment(pull.number)),
      };
    const { data: reviews } = await this.octokit.rest.pulls.listReviews({
      ...this.repo,
      pull_number: pull.number,
      per_page: 100,
    });
    const latest = new Map<string, string>();
    for (const r of reviews) if (r.user?.login) latest.set(r.user.login, r.state);
    return {
      state: 'open',
      url: pull.html_url,
      approvals: [...latest.values()].filter((s) => s === 'APPROVED').length,
    };
  }

  /** The reviewer's reason for closing: the newest review or comment with text. */
  private async closingComment(number: number): Promise<string | undefined> {
    const [{ data: comments }, { data: reviews }] = await Promise.all([
      this.octokit.rest.issues.listComments({ ...this.repo, issue_number: number, per_page: 100 }),
      this.octokit.rest.pulls.listReviews({ ...this.repo, pull_number: number, per_page: 100 }),
    ]);
    const texts = [
      ...comments
        .filter((c) => c.user?.type !== 'Bot')
        .map((c) => ({ at: c.created_at, body: c.body ?? '' })),
      ...reviews.map((r) => ({ at: r.submitted_at ?? '', body: r.body ?? '' })),
    ].filter((t) => t.body.trim());
    texts.sort((a, b) => a.at.localeCompare(b.at));
    return texts.at(-1)?.body.trim();
  }

  private get client(): GitHubRepo {
    return { octokit: this.octokit, owner: this.owner, repo: this.repoName };
  }

  async snapshot(submissionId: string): Promise<BranchSnapshot | undefined> {
    const pull = await this.pullOf(submissionId);
    return pull?.state === 'open' ? githubSnapshot(this.client, pull) : undefined;
  }

  commitOnBranch(
    submissionId: string,
    tip: string,
    files: { path: string; content: string }[],
    message: string,
  ): Promise<string> {
    return githubCommitOnBranch(this.client, this.author, submissionId, tip, files, message);
  }

  async mergePull(submissionId: string, tip: string, message: string): Promise<void> {
    const pull = await this.pullOf(submissionId);
    if (!pull) throw new Error(`no pull request for submission ${submissionId} on GitHub`);
    await githubMerge(this.client, pull, tip, message);
  }

  async listOpen(): Promise<PullRequestRef[]> {
    const pulls = await this.octokit.paginate(this.octokit.rest.pulls.list, {
      ...this.repo,
      state: 'open',
      base: this.base,
      per_page: 100,
    });
    return pulls
      .filter((p) => p.head.ref.startsWith('submission/'))
      .map((p) => this.refOf(p as PullSummary, p.head.ref.slice('submission/'.length)));
  }
}

/** The newest pull request whose head is the submission's branch. */
function pick(pulls: PullSummary[], submissionId: string): PullSummary | undefined {
  return pulls
    .filter((p) => p.head.ref === branchFor(submissionId))
    .sort((a, b) => b.number - a.number)[0];
}

const withComment = (comment: string | undefined) => (comment ? { comment } : {});
