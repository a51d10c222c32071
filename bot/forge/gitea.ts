/**
 * The Gitea / Forgejo forge, through gitea-js (a client generated from Gitea's swagger). One
 * call makes the branch and its one commit with every file (POST /repos/{o}/{r}/contents, Gitea
 * 1.20+), one more opens the pull request: 2 calls for a new submission. Labels come from the
 * pull-request workflow (Gitea Actions) unless `labels: 'api'` (label ids are looked up once
 * per process). A submission that edits existing files needs one look-up per such file (Gitea
 * wants the file's current sha to update it).
 *
 * Exactly once: "branch already exists" (422) and "pull request already exists" (409) are
 * answers; a resumed attempt looks up the pull request first.
 */
import { giteaApi, type Api, type ChangeFileOperation, type PullRequest } from 'gitea-js';
import { resilientFetch, type ResilientFetchOptions } from './http.ts';
import { submissionMessage } from './local-git.ts';
import { giteaCommitOnBranch, giteaMerge, giteaSnapshot, type GiteaRepo } from './gitea-review.ts';
import { HostedForge } from './hosted.ts';
import type { BranchSnapshot, ReviewableForge } from './hosted-review.ts';
import { createPresenter, type Presenter } from './present.ts';
import {
  branchFor,
  type Forge,
  type OpenOptions,
  type PullRequestRef,
  type ReviewState,
  type Submission,
} from './types.ts';

/** Options of the Gitea forge. */
export interface GiteaForgeOptions {
  /** Server root, e.g. https://git.example.org */
  url: string;
  token: string;
  /** owner/name */
  repo: string;
  base?: string;
  labels?: 'workflow' | 'api';
  presenter?: Presenter;
  author?: { name: string; email: string };
  http?: ResilientFetchOptions;
}

/** The HTTP status of a failed gitea-js call (it throws the response). */
function statusOf(error: unknown): number | undefined {
  return (error as { status?: number })?.status;
}

function describe(error: unknown): string {
  const e = error as { status?: number; url?: string; error?: { message?: string } };
  return e?.status ? `HTTP ${e.status} ${e.url ?? ''}: ${e.error?.message ?? ''}` : String(error);
}

/** The Gitea / Forgejo forge. */
export class GiteaForge extends HostedForge<PullRequest> implements ReviewableForge {
  readonly name = 'gitea';
  private readonly api: Api<unknown>;
  private readonly owner: string;
  private readonly repoName: string;
  private readonly base: string;
  private readonly url: string;
  private readonly labels: 'workflow' | 'api';
  private readonly present: Presenter;
  private readonly author: { name: string; email: string };
  private labelIds?: Map<string, number>;

  constructor(options: GiteaForgeOptions) {
    super();
    const [owner, name] = options.repo.split('/');
    if (!owner || !name)
      throw new Error(
        `Gitea repository "${options.repo}" is not owner/name, e.g. union/honghei-content`,
      );
    this.url = options.url.replace(/\/$/, '');
    this.api = giteaApi(this.url, {
      token: options.token,
      customFetch: resilientFetch(options.http),
    });
    this.owner = owner;
    this.repoName = name;
    this.base = options.base ?? 'main';
    this.labels = options.labels ?? 'workflow';
    this.present = options.presenter ?? createPresenter();
    this.author = options.author ?? { name: 'Honghei Bot', email: 'bot@honghei.invalid' };
  }

  private wrap(what: string, error: unknown): Error {
    return new Error(
      `Gitea ${this.url}/${this.owner}/${this.repoName}: ${what} failed (${describe(error)})`,
      { cause: error },
    );
  }

  async openPullRequest(
    submission: Submission,
    options: OpenOptions = {},
  ): Promise<PullRequestRef> {
    const { branch, found: resumed } = await this.opening(submission.id, options);
    if (resumed) return this.refOf(resumed, submission.id);
    const files: ChangeFileOperation[] = [];
    for (const f of submission.files) {
      const content = Buffer.from(
        typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content,
      ).toString('base64');
      const sha = submission.kind === 'new' ? undefined : await this.shaOf(f.path);
      files.push(
        sha
          ? { operation: 'update', path: f.path, content, sha }
          : { operation: 'create', path: f.path, content },
      );
    }
    const date = new Date(submission.createdAt).toISOString();
    try {
      await this.api.repos.repoChangeFiles(this.owner, this.repoName, {
        branch: this.base,
        new_branch: branch,
        message: submissionMessage(submission),
        files,
        author: this.author,
        committer: this.author,
        dates: { author: date, committer: date },
      });
    } catch (error) {
      // An earlier attempt made the branch; go on to its pull request.
      if (statusOf(error) !== 422 || !/already exists/i.test(describe(error)))
        throw this.wrap(`committing ${branch}`, error);
      const found = await this.pullFor(submission.id);
      if (found) return this.refOf(found, submission.id);
    }
    const shown = this.present(
      submission,
      (path) => `${this.url}/${this.owner}/${this.repoName}/src/branch/${branch}/${path}`,
    );
    try {
      const { data } = await this.api.repos.repoCreatePullRequest(this.owner, this.repoName, {
        base: this.base,
        head: branch,
        title: shown.title,
        body: shown.body,
        ...(this.labels === 'api' ? { labels: await this.labelIdsFor(shown.labels) } : {}),
      });
      return this.refOf(data, submission.id);
    } catch (error) {
      if (statusOf(error) !== 409) throw this.wrap(`opening the pull request for ${branch}`, error);
      const found = await this.pullFor(submission.id);
      if (!found) throw this.wrap(`finding the existing pull request for ${branch}`, error);
      return this.refOf(found, submission.id);
    }
  }

  /** The sha of a file on the base branch, or undefined when it does not exist. */
  private async shaOf(path: string): Promise<string | undefined> {
    try {
      const { data } = await this.api.repos.repoGetContents(this.owner, this.repoName, path, {
        ref: this.base,
      });
      return (data as { sha?: string }).sha;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.wrap(`reading ${path}`, error);
    }
  }

  /** Label names to ids; names the repository lacks are skipped (a maintainer creates them). */
  private async labelIdsFor(names: string[]): Promise<number[]> {
    if (!this.labelIds || names.some((n) => !this.labelIds!.has(n))) {
      const { data } = await this.api.repos.issueListLabels(this.owner, this.repoName, {
        limit: 100,
      });
      this.labelIds = new Map(data.filter((l) => l.name && l.id).map((l) => [l.name!, l.id!]));
    }
    return names.map((n) => this.labelIds!.get(n)).filter((id): id is number => id !== undefined);
  }

  protected refOf(pull: PullRequest, submissionId: string): PullRequestRef {
    return {
      submissionId,
      branch: branchFor(submissionId),
      url: pull.html_url ?? '',
      number: pull.number,
      ...(pull.created_at ? { createdAt: pull.created_at } : {}),
    };
  }

  protected async pullFor(submissionId: string): Promise<PullRequest | undefined> {
    try {
      const { data } = await this.api.repos.repoGetPullRequestByBaseHead(
        this.owner,
        this.repoName,
        this.base,
        branchFor(submissionId),
      );
      return data;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw this.wrap(`looking up the pull request of ${submissionId}`, error);
    }
  }

  async state(submissionId: string): Promise<ReviewState | undefined> {
    const pull = await this.pullOf(submissionId);
    if (!pull?.number) return undefined;
    const url = pull.html_url ?? '';
    if (pull.merged)
      return { state: 'merged', url, mergedAt: pull.merged_at ?? new Date().toISOString() };
    if (pull.state === 'closed') {
      const { data: comments } = await this.api.repos.issueGetComments(
        this.owner,
        this.repoName,
        pull.number,
      );
      const comment = comments
        .map((c) => c.body?.trim())
        .filter(Boolean)
        .at(-1);
      return { state: 'closed', url, ...(comment ? { comment } : {}) };
    }
    const { data: reviews } = await this.api.repos.repoListPullReviews(
      this.owner,
      this.repoName,
      pull.number,
    );
    const latest = new Map<string, string>();
    for (const r of reviews) if (r.user?.login && r.state) latest.set(r.user.login, r.state);
    return {
      state: 'open',
      url,
      approvals: [...latest.values()].filter((s) => s === 'APPROVED').length,
    };
  }

  private get client(): GiteaRepo {
    return { api: this.api, owner: this.owner, repo: this.repoName, author: this.author };
  }

  async snapshot(submissionId: string): Promise<BranchSnapshot | undefined> {
    const pull = await this.pullOf(submissionId);
    return pull?.state === 'open' && !pull.merged ? giteaSnapshot(this.client, pull) : undefined;
  }

  commitOnBranch(
    submissionId: string,
    _tip: string,
    files: { path: string; content: string }[],
    message: string,
  ): Promise<string> {
    return giteaCommitOnBranch(this.client, submissionId, files, message);
  }

  async mergePull(submissionId: string, tip: string, message: string): Promise<void> {
    const pull = await this.pullOf(submissionId);
    if (!pull) throw new Error(`no pull request for submission ${submissionId} on Gitea`);
    await giteaMerge(this.client, pull, tip, message);
  }

  async listOpen(): Promise<PullRequestRef[]> {
    const out: PullRequestRef[] = [];
    for (let page = 1; ; page++) {
      const { data } = await this.api.repos.repoListPullRequests(this.owner, this.repoName, {
        state: 'open',
        page,
        limit: 50,
      });
      for (const p of data)
        if (p.head?.ref?.startsWith('submission/') && p.base?.ref === this.base)
          out.push(this.refOf(p, p.head.ref.slice('submission/'.length)));
      if (data.length < 50) return out;
    }
  }
}
