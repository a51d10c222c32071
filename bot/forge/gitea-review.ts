/**
 * The chat approvals on Gitea / Forgejo (hosted-review.ts): the pull request's commits and files
 * (GET /pulls/{index}/commits, /files) and the record files read at the head (GET /contents), an
 * approval commit on the branch (POST /contents with each file's current sha, so a file changed
 * meanwhile is refused), and the merge (POST /pulls/{index}/merge pinned to the head read). A 405
 * from the merge while the pull request is open is the branch protection (approvals required).
 */
import type { Api, PullRequest } from 'gitea-js';
import { isRecordPath } from './approval-commit.ts';
import { ReviewRefusal } from './approvals.ts';
import { TRAILERS } from './local-git.ts';
import { trailerValues } from './git.ts';
import { PlatformReviewRequired, type BranchSnapshot } from './hosted-review.ts';
import { branchFor } from './types.ts';

/** The repository a call goes to. */
export interface GiteaRepo {
  api: Api<unknown>;
  owner: string;
  repo: string;
  author: { name: string; email: string };
}

const statusOf = (error: unknown) => (error as { status?: number })?.status;
const messageOf = (error: unknown) =>
  (error as { error?: { message?: string } })?.error?.message ?? String(error);

/** A file at a ref: its text and sha. */
async function contentAt(r: GiteaRepo, path: string, ref: string) {
  const { data } = await r.api.repos.repoGetContents(r.owner, r.repo, path, { ref });
  const file = data as { content?: string; sha?: string };
  return { text: Buffer.from(file.content ?? '', 'base64').toString('utf8'), sha: file.sha! };
}

/** An open pull request's branch, read for review. */
export async function giteaSnapshot(r: GiteaRepo, pull: PullRequest): Promise<BranchSnapshot> {
  const index = pull.number!;
  const { data: commits } = await r.api.repos.repoGetPullRequestCommits(r.owner, r.repo, index, {
    limit: 50,
  });
  const { data: files } = await r.api.repos.repoGetPullRequestFiles(r.owner, r.repo, index, {
    limit: 100,
  });
  const tip = pull.head!.sha!;
  const records = [];
  for (const f of files) {
    if (!f.filename || !isRecordPath(f.filename) || f.status === 'removed') continue;
    const { text } = await contentAt(r, f.filename, tip);
    records.push({ path: f.filename, text, published: f.status !== 'added' });
  }
  const list = commits.map((c) => ({
    sha: c.sha!,
    message: c.commit?.message ?? '',
    ...(c.commit?.committer?.date ? { date: c.commit.committer.date } : {}),
  }));
  // The submission's own commit is the one with the Submission-Kind trailer, whatever the order.
  const first = list.find((c) => trailerValues(c.message, TRAILERS.kind).length) ?? list[0];
  return {
    url: pull.html_url ?? '',
    tip,
    title: (first?.message ?? '').split('\n')[0]!,
    commits: list,
    records,
  };
}

/** One commit of the files on a submission's branch (each file updated from its current sha). */
export async function giteaCommitOnBranch(
  r: GiteaRepo,
  submissionId: string,
  files: { path: string; content: string }[],
  message: string,
): Promise<string> {
  const branch = branchFor(submissionId);
  const ops = [];
  for (const f of files)
    ops.push({
      operation: 'update' as const,
      path: f.path,
      content: Buffer.from(f.content, 'utf8').toString('base64'),
      sha: (await contentAt(r, f.path, branch)).sha,
    });
  try {
    const { data } = await r.api.repos.repoChangeFiles(r.owner, r.repo, {
      branch,
      message,
      files: ops,
      author: r.author,
      committer: r.author,
    });
    return data.commit?.sha ?? '';
  } catch (error) {
    if (statusOf(error) === 422 || statusOf(error) === 409)
      throw new ReviewRefusal(`提交 ${submissionId} 的分支在操作期间被他人改动：请重新查看后再试`);
    throw error;
  }
}

/** Merges a pull request pinned to the head read; a protected branch's refusal is reported as such. */
export async function giteaMerge(
  r: GiteaRepo,
  pull: PullRequest,
  tip: string,
  message: string,
): Promise<void> {
  const [title, ...rest] = message.split('\n');
  try {
    await r.api.repos.repoMergePullRequest(r.owner, r.repo, pull.number!, {
      Do: 'merge',
      MergeTitleField: title!,
      MergeMessageField: rest.join('\n').trim(),
      head_commit_id: tip,
    });
  } catch (error) {
    if (statusOf(error) === 405)
      throw new PlatformReviewRequired(pull.html_url ?? '', messageOf(error));
    if (statusOf(error) === 409)
      throw new ReviewRefusal(`Gitea 拒绝合并 ${pull.html_url}：${messageOf(error)}`);
    throw error;
  }
}
