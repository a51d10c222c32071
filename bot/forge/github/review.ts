/**
 * The chat approvals on GitHub (hosted-review.ts): the pull request's commits and record files
 * (pulls/list-commits, pulls/list-files, git/get-blob), an approval commit made with the Git Data
 * API on the branch (get-commit, create-tree, create-commit, update-ref without force: a branch
 * that moved meanwhile is refused), and the merge (pulls/merge, pinned to the head read).
 */
import { isRecordPath } from '../approval-commit.ts';
import { ReviewRefusal } from '../approvals.ts';
import { PlatformReviewRequired, type BranchSnapshot } from '../hosted-review.ts';
import { branchFor } from '../types.ts';
import type { ForgeOctokitClient } from './client.ts';

/** The HTTP status of an Octokit error. */
const statusOf = (error: unknown) => (error as { status?: number }).status;

/** The repository a call goes to. */
export interface GitHubRepo {
  octokit: ForgeOctokitClient;
  owner: string;
  repo: string;
}

/** An open pull request's branch, read for review. */
export async function githubSnapshot(
  r: GitHubRepo,
  pull: { number: number; html_url: string; head: { sha: string } },
): Promise<BranchSnapshot> {
  const at = { owner: r.owner, repo: r.repo, pull_number: pull.number, per_page: 100 };
  const commits = await r.octokit.paginate(r.octokit.rest.pulls.listCommits, at);
  const files = await r.octokit.paginate(r.octokit.rest.pulls.listFiles, at);
  const records = [];
  for (const f of files) {
    if (!isRecordPath(f.filename) || f.status === 'removed') continue;
    const { data } = await r.octokit.rest.git.getBlob({
      owner: r.owner,
      repo: r.repo,
      file_sha: f.sha!,
    });
    const text = Buffer.from(data.content, 'base64').toString('utf8');
    records.push({ path: f.filename, text, published: f.status !== 'added' });
  }
  return {
    url: pull.html_url,
    tip: pull.head.sha,
    title: (commits[0]?.commit.message ?? '').split('\n')[0]!,
    commits: commits.map((c) => ({
      sha: c.sha,
      message: c.commit.message,
      ...(c.commit.committer?.date ? { date: c.commit.committer.date } : {}),
    })),
    records,
  };
}

/** One commit of the files on a submission's branch, on top of tip. */
export async function githubCommitOnBranch(
  r: GitHubRepo,
  author: { name: string; email: string },
  submissionId: string,
  tip: string,
  files: { path: string; content: string }[],
  message: string,
): Promise<string> {
  const repo = { owner: r.owner, repo: r.repo };
  const { data: parent } = await r.octokit.rest.git.getCommit({ ...repo, commit_sha: tip });
  const { data: tree } = await r.octokit.rest.git.createTree({
    ...repo,
    base_tree: parent.tree.sha,
    tree: files.map((f) => ({
      path: f.path,
      mode: '100644' as const,
      type: 'blob' as const,
      content: f.content,
    })),
  });
  const signature = { ...author, date: new Date().toISOString() };
  const { data: commit } = await r.octokit.rest.git.createCommit({
    ...repo,
    message,
    tree: tree.sha,
    parents: [tip],
    author: signature,
    committer: signature,
  });
  try {
    await r.octokit.rest.git.updateRef({
      ...repo,
      ref: `heads/${branchFor(submissionId)}`,
      sha: commit.sha,
      force: false,
    });
  } catch (error) {
    if (statusOf(error) === 422)
      throw new ReviewRefusal(`提交 ${submissionId} 的分支在操作期间被他人改动：请重新查看后再试`);
    throw error;
  }
  return commit.sha;
}

/** Merges a pull request pinned to the head read; a protected branch's refusal is reported as such. */
export async function githubMerge(
  r: GitHubRepo,
  pull: { number: number; html_url: string },
  tip: string,
  message: string,
): Promise<void> {
  const [title, ...rest] = message.split('\n');
  try {
    await r.octokit.rest.pulls.merge({
      owner: r.owner,
      repo: r.repo,
      pull_number: pull.number,
      sha: tip,
      merge_method: 'merge',
      commit_title: title!,
      commit_message: rest.join('\n').trim(),
    });
  } catch (error) {
    const text = (error as { message?: string }).message ?? '';
    if (statusOf(error) === 405 && /review/i.test(text))
      throw new PlatformReviewRequired(pull.html_url, text);
    if (statusOf(error) === 405 || statusOf(error) === 409)
      throw new ReviewRefusal(`GitHub 拒绝合并 ${pull.html_url}：${text}`);
    throw error;
  }
}
