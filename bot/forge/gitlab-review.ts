/**
 * The chat approvals on GitLab (hosted-review.ts): the merge request's commits and diffs
 * (GET /merge_requests/:iid/commits, /diffs) and the record files at its head (GET
 * /repository/files), an approval commit on the source branch (POST /repository/commits with
 * update actions), and the merge (PUT /merge_requests/:iid/merge pinned to the head read). A 405
 * (not mergeable: approvals required by the project or its protected branch) is the forge's own
 * review requirement; 406 (conflicts) and 409 (the head moved) are plain refusals.
 */
import type { Gitlab } from '@gitbeaker/rest';
import { isRecordPath } from './approval-commit.ts';
import { ReviewRefusal } from './approvals.ts';
import { trailerValues } from './git.ts';
import { PlatformReviewRequired, type BranchSnapshot } from './hosted-review.ts';
import { TRAILERS } from './local-git.ts';
import { branchFor } from './types.ts';

/** The project a call goes to. */
export interface GitLabProject {
  api: InstanceType<typeof Gitlab>;
  project: string | number;
  author: { name: string; email: string };
}

/** The open merge request as the forge reads it. */
export interface OpenMergeRequest {
  iid: number;
  web_url: string;
  sha?: string;
}

/** What a failed gitbeaker call says: its status and the server's message. */
const failure = (error: unknown) => {
  const e = error as { cause?: { response?: { status?: number }; description?: string } };
  return { status: e?.cause?.response?.status, text: e?.cause?.description ?? String(error) };
};

/** An open merge request's branch, read for review. */
export async function gitlabSnapshot(
  p: GitLabProject,
  mr: OpenMergeRequest,
): Promise<BranchSnapshot> {
  const commits = (await p.api.MergeRequests.allCommits(p.project, mr.iid)) as {
    id: string;
    message: string;
    committed_date?: string;
  }[];
  const diffs = (await p.api.MergeRequests.allDiffs(p.project, mr.iid)) as unknown as {
    new_path: string;
    new_file: boolean;
    deleted_file: boolean;
  }[];
  const tip = mr.sha ?? commits[0]?.id ?? '';
  const records = [];
  for (const d of diffs) {
    if (!isRecordPath(d.new_path) || d.deleted_file) continue;
    const file = await p.api.RepositoryFiles.show(p.project, d.new_path, tip);
    const text = Buffer.from(file.content, 'base64').toString('utf8');
    records.push({ path: d.new_path, text, published: !d.new_file });
  }
  const list = commits.map((c) => ({
    sha: c.id,
    message: c.message,
    ...(c.committed_date ? { date: c.committed_date } : {}),
  }));
  // The submission's own commit is the one with the Submission-Kind trailer, whatever the order.
  const first = list.find((c) => trailerValues(c.message, TRAILERS.kind).length) ?? list.at(-1);
  return {
    url: mr.web_url,
    tip,
    title: (first?.message ?? '').split('\n')[0]!,
    commits: list,
    records,
  };
}

/** One commit of the files on a submission's source branch. */
export async function gitlabCommitOnBranch(
  p: GitLabProject,
  submissionId: string,
  files: { path: string; content: string }[],
  message: string,
): Promise<string> {
  const actions = files.map((f) => ({
    action: 'update' as const,
    filePath: f.path,
    content: f.content,
    encoding: 'text' as const,
  }));
  try {
    const commit = await p.api.Commits.create(
      p.project,
      branchFor(submissionId),
      message,
      actions,
      { authorName: p.author.name, authorEmail: p.author.email },
    );
    return commit.id;
  } catch (error) {
    const f = failure(error);
    if (f.status === 400)
      throw new ReviewRefusal(`提交 ${submissionId} 的分支未能写入审批：${f.text}`);
    throw error;
  }
}

/** Merges a merge request pinned to the head read; the forge's review requirement is said as such. */
export async function gitlabMerge(
  p: GitLabProject,
  mr: OpenMergeRequest,
  tip: string,
  message: string,
): Promise<void> {
  try {
    await p.api.MergeRequests.merge(p.project, mr.iid, {
      sha: tip,
      mergeCommitMessage: message.trimEnd(),
    });
  } catch (error) {
    const f = failure(error);
    if (f.status === 405) throw new PlatformReviewRequired(mr.web_url, f.text);
    if (f.status === 406 || f.status === 409 || f.status === 422)
      throw new ReviewRefusal(`GitLab 拒绝合并 ${mr.web_url}：${f.text}`);
    throw error;
  }
}
