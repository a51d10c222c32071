/**
 * The GitLab forge, through @gitbeaker/rest. One call makes the branch and its one commit with
 * every file (commit actions with start_branch), one more opens the merge request with its labels
 * (GitLab takes label names): 2 calls for a new submission. A submission that edits existing
 * files needs one look-up per such file (GitLab wants "update" for them).
 *
 * Exactly once: "A branch called … already exists" and "Another open merge request already
 * exists" are answers; a resumed attempt looks up the merge request first.
 */
import { Gitlab } from '@gitbeaker/rest';
import { submissionMessage } from './local-git.ts';
import {
  gitlabCommitOnBranch,
  gitlabMerge,
  gitlabSnapshot,
  type GitLabProject,
} from './gitlab-review.ts';
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

/** Options of the GitLab forge. */
export interface GitLabForgeOptions {
  /** Server root, e.g. https://gitlab.example.org */
  url: string;
  token: string;
  /** Project id or path (group/name). */
  project: string | number;
  base?: string;
  presenter?: Presenter;
  author?: { name: string; email: string };
  /** Abort a request after this many ms (default 30 s). */
  timeoutMs?: number;
}

type MergeRequest = {
  iid: number;
  web_url: string;
  state: string;
  merged_at?: string | null;
  source_branch: string;
  target_branch: string;
  sha?: string;
  created_at?: string;
};

/** What a failed gitbeaker call says: its status and the server's message. */
function failure(error: unknown): { status?: number; text: string } {
  const e = error as {
    message?: string;
    cause?: { response?: { status?: number }; description?: string };
  };
  return {
    status: e?.cause?.response?.status,
    text: `${e?.message ?? ''} ${e?.cause?.description ?? ''}`,
  };
}

/** The GitLab forge. */
export class GitLabForge extends HostedForge<MergeRequest> implements ReviewableForge {
  readonly name = 'gitlab';
  private readonly api: InstanceType<typeof Gitlab>;
  private readonly project: string | number;
  private readonly base: string;
  private readonly url: string;
  private readonly present: Presenter;
  private readonly author: { name: string; email: string };

  constructor(options: GitLabForgeOptions) {
    super();
    this.url = options.url.replace(/\/$/, '');
    this.api = new Gitlab({
      host: this.url,
      token: options.token,
      queryTimeout: options.timeoutMs ?? 30_000,
    });
    this.project = options.project;
    this.base = options.base ?? 'main';
    this.present = options.presenter ?? createPresenter();
    this.author = options.author ?? { name: 'Honghei Bot', email: 'bot@honghei.invalid' };
  }

  private wrap(what: string, error: unknown): Error {
    const f = failure(error);
    return new Error(
      `GitLab ${this.url} project ${this.project}: ${what} failed (${f.status ? `HTTP ${f.status}: ` : ''}${f.text.trim()})`,
      { cause: error },
    );
  }

  async openPullRequest(
    submission: Submission,
    options: OpenOptions = {},
  ): Promise<PullRequestRef> {
    const { branch, found: resumed } = await this.opening(submission.id, options);
    if (resumed) return this.refOf(resumed, submission.id);
    const actions = [];
    for (const f of submission.files) {
      const exists = submission.kind !== 'new' && (await this.exists(f.path));
      const content =
        typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('base64');
      actions.push({
        action: exists ? ('update' as const) : ('create' as const),
        filePath: f.path,
        content,
        encoding: typeof f.content === 'string' ? 'text' : 'base64',
      });
    }
    try {
      await this.api.Commits.create(this.project, branch, submissionMessage(submission), actions, {
        startBranch: this.base,
        authorName: this.author.name,
        authorEmail: this.author.email,
      });
    } catch (error) {
      // An earlier attempt made the branch; go on to its merge request.
      if (!/already exists/i.test(failure(error).text))
        throw this.wrap(`committing ${branch}`, error);
      const found = await this.pullFor(submission.id);
      if (found) return this.refOf(found, submission.id);
    }
    const shown = this.present(
      submission,
      (path) => `${this.url}/${String(this.project)}/-/blob/${branch}/${path}`,
    );
    try {
      const mr = (await this.api.MergeRequests.create(
        this.project,
        branch,
        this.base,
        shown.title,
        {
          description: shown.body,
          labels: shown.labels.join(','),
        },
      )) as unknown as MergeRequest;
      return this.refOf(mr, submission.id);
    } catch (error) {
      if (failure(error).status !== 409)
        throw this.wrap(`opening the merge request for ${branch}`, error);
      const found = await this.pullFor(submission.id);
      if (!found) throw this.wrap(`finding the existing merge request for ${branch}`, error);
      return this.refOf(found, submission.id);
    }
  }

  private async exists(path: string): Promise<boolean> {
    try {
      await this.api.RepositoryFiles.show(this.project, path, this.base);
      return true;
    } catch (error) {
      if (failure(error).status === 404) return false;
      throw this.wrap(`reading ${path}`, error);
    }
  }

  protected refOf(mr: MergeRequest, submissionId: string): PullRequestRef {
    return {
      submissionId,
      branch: branchFor(submissionId),
      url: mr.web_url,
      number: mr.iid,
      ...(mr.created_at ? { createdAt: mr.created_at } : {}),
    };
  }

  protected async pullFor(submissionId: string): Promise<MergeRequest | undefined> {
    const list = (await this.api.MergeRequests.all({
      projectId: this.project,
      sourceBranch: branchFor(submissionId),
      targetBranch: this.base,
    })) as unknown as MergeRequest[];
    return list.sort((a, b) => b.iid - a.iid)[0];
  }

  async state(submissionId: string): Promise<ReviewState | undefined> {
    const mr = await this.pullOf(submissionId);
    if (!mr) return undefined;
    if (mr.state === 'merged')
      return {
        state: 'merged',
        url: mr.web_url,
        mergedAt: mr.merged_at ?? new Date().toISOString(),
      };
    if (mr.state === 'closed') {
      const notes = (await this.api.MergeRequestNotes.all(this.project, mr.iid, {
        sort: 'asc',
      })) as unknown as { body: string; system: boolean }[];
      const comment = notes
        .filter((n) => !n.system && n.body.trim())
        .at(-1)
        ?.body.trim();
      return { state: 'closed', url: mr.web_url, ...(comment ? { comment } : {}) };
    }
    const approvals = (await this.api.MergeRequestApprovals.showConfiguration(this.project, {
      mergerequestIId: mr.iid,
    })) as unknown as { approved_by?: unknown[] };
    return { state: 'open', url: mr.web_url, approvals: approvals.approved_by?.length ?? 0 };
  }

  private get client(): GitLabProject {
    return { api: this.api, project: this.project, author: this.author };
  }

  async snapshot(submissionId: string): Promise<BranchSnapshot | undefined> {
    const mr = await this.pullOf(submissionId);
    return mr?.state === 'opened' ? gitlabSnapshot(this.client, mr) : undefined;
  }

  commitOnBranch(
    submissionId: string,
    _tip: string,
    files: { path: string; content: string }[],
    message: string,
  ): Promise<string> {
    return gitlabCommitOnBranch(this.client, submissionId, files, message);
  }

  async mergePull(submissionId: string, tip: string, message: string): Promise<void> {
    const mr = await this.pullOf(submissionId);
    if (!mr) throw new Error(`no merge request for submission ${submissionId} on GitLab`);
    await gitlabMerge(this.client, mr, tip, message);
  }

  async listOpen(): Promise<PullRequestRef[]> {
    const list = (await this.api.MergeRequests.all({
      projectId: this.project,
      state: 'opened',
      targetBranch: this.base,
    })) as unknown as MergeRequest[];
    return list
      .filter((m) => m.source_branch.startsWith('submission/'))
      .map((m) => this.refOf(m, m.source_branch.slice('submission/'.length)));
  }
}
