/**
 * The embedded forge: a plain git repository on disk (the publisher's content repository or a
 * bare remote). A submission is the branch `submission/<id>` holding ONE commit with the record and
 * its attachments; merged means reachable from the base branch; rejected means the branch was
 * moved to `refs/honghei/rejected/<id>` with the reviewer's comment. No checkout is ever touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_IDENTITY,
  git,
  identityEnv,
  isAncestor,
  resolveRef,
  trailerValues,
  ZERO_OID,
  type GitIdentity,
} from './git.ts';
import {
  assertSubmissionId,
  branchFor,
  type Forge,
  type PullRequestRef,
  type ReviewState,
  type Submission,
} from './types.ts';

/** Where a rejected submission's branch is kept (with the rejection commit on top). */
export const rejectedRefFor = (submissionId: string) => `refs/honghei/rejected/${submissionId}`;

/** Trailer keys the forge and the review CLI write. */
export const TRAILERS = {
  submission: 'Submission-Id',
  record: 'Record-Id',
  kind: 'Submission-Kind',
  submitter: 'Submitted-by',
  review: 'Reviewed-by',
  approve: 'Approved-by',
  merged: 'Merged-by',
  rejected: 'Rejected-by',
} as const;

/** Options of the local forge. */
export interface LocalGitOptions {
  /** Path of the repository (bare or with a work tree). */
  repo: string;
  /** The branch that is published (default main). */
  base?: string;
  identity?: GitIdentity;
}

/** The commit message of a submission: title, short body, and trailers that identify it. */
export function submissionMessage(s: Submission): string {
  const who =
    s.submitter.unit ??
    s.submitter.displayName ??
    (s.submitter.chatId !== undefined ? `chat ${s.submitter.chatId}` : 'unknown');
  return [
    s.title.replace(/\s+/g, ' ').trim(),
    '',
    `${TRAILERS.submission}: ${s.id}`,
    `${TRAILERS.kind}: ${s.kind}`,
    ...(s.recordIds ?? [s.recordId]).map((id) => `${TRAILERS.record}: ${id}`),
    `${TRAILERS.submitter}: ${who.replace(/\s+/g, ' ')}`,
    '',
  ].join('\n');
}

/** Paths must stay inside the repository: relative, forward slashes, no '..' or '.git'. */
export function assertRepoPath(path: string): void {
  const parts = path.split('/');
  if (
    !path ||
    path.startsWith('/') ||
    path.includes('\\') ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p === '.git')
  ) {
    throw new Error(
      `file path "${path}" is not a clean path inside the repository: write it relative to the root with '/', e.g. content/records/black/2026/2026q3-black-007.yaml`,
    );
  }
}

/** The plain-git forge. */
export class LocalGitForge implements Forge {
  readonly name = 'local';
  readonly repo: string;
  readonly base: string;
  readonly identity: GitIdentity;

  constructor(options: LocalGitOptions) {
    this.repo = options.repo;
    this.base = options.base ?? 'main';
    this.identity = options.identity ?? DEFAULT_IDENTITY;
  }

  /** A readable location of a submission's branch. */
  urlFor(ref: string): string {
    return `file://${this.repo}#${ref}`;
  }

  async openPullRequest(submission: Submission): Promise<PullRequestRef> {
    assertSubmissionId(submission.id);
    const existing = await this.find(submission.id);
    if (existing) return existing;

    const baseCommit = await resolveRef(this.repo, `refs/heads/${this.base}`);
    if (!baseCommit)
      throw new Error(
        `the base branch "${this.base}" does not exist in ${this.repo}: create it (git branch ${this.base}) or set base in the forge configuration`,
      );
    const commit = await this.commitFiles(baseCommit, submission);
    const branch = branchFor(submission.id);
    // Create-only update: if another process made the branch meanwhile, git refuses and the
    // branch that exists is the answer ("already exists" is success).
    const created = await git(
      this.repo,
      [
        'update-ref',
        '-m',
        `honghei: submission ${submission.id}`,
        `refs/heads/${branch}`,
        commit,
        ZERO_OID,
      ],
      { okCodes: [1, 128] },
    );
    if (created.code !== 0) {
      const found = await this.find(submission.id);
      if (found) return found;
      throw new Error(
        `could not create branch ${branch} in ${this.repo}; nothing else holds it — check the repository's permissions`,
      );
    }
    return { submissionId: submission.id, branch, url: this.urlFor(branch) };
  }

  /** Writes the files as one commit on top of the base commit (no ref is changed). */
  private async commitFiles(baseCommit: string, submission: Submission): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'honghei-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      await git(this.repo, ['read-tree', baseCommit], { env });
      for (const file of submission.files) {
        assertRepoPath(file.path);
        const blob = (
          await git(this.repo, ['hash-object', '-w', '--stdin'], { input: file.content })
        ).stdout.trim();
        await git(
          this.repo,
          ['update-index', '--add', '--cacheinfo', `100644,${blob},${file.path}`],
          { env },
        );
      }
      const tree = (await git(this.repo, ['write-tree'], { env })).stdout.trim();
      const { stdout } = await git(this.repo, ['commit-tree', tree, '-p', baseCommit, '-F', '-'], {
        input: submissionMessage(submission),
        env: identityEnv(this.identity, submission.createdAt),
      });
      return stdout.trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async find(submissionId: string): Promise<PullRequestRef | undefined> {
    assertSubmissionId(submissionId);
    const branch = branchFor(submissionId);
    if (await resolveRef(this.repo, `refs/heads/${branch}`))
      return { submissionId, branch, url: this.urlFor(branch) };
    const rejected = rejectedRefFor(submissionId);
    if (await resolveRef(this.repo, rejected))
      return { submissionId, branch, url: this.urlFor(rejected) };
    // A person may have merged by hand and deleted the branch: the commit still says whose it is.
    if (await this.mergedCommit(submissionId))
      return { submissionId, branch, url: this.urlFor(this.base) };
    return undefined;
  }

  /** The submission's own commit on the base branch, found by its trailer. */
  private async mergedCommit(submissionId: string): Promise<string | undefined> {
    if (!(await resolveRef(this.repo, `refs/heads/${this.base}`))) return undefined;
    const { stdout } = await git(this.repo, [
      'log',
      `refs/heads/${this.base}`,
      '-F',
      `--grep=${TRAILERS.submission}: ${submissionId}`,
      '--format=%H%x00%B%x01',
    ]);
    for (const entry of stdout.split('\x01')) {
      const [hash, message] = entry.trim().split('\x00');
      if (hash && message && trailerValues(message, TRAILERS.submission).includes(submissionId))
        return hash;
    }
    return undefined;
  }

  async state(submissionId: string): Promise<ReviewState | undefined> {
    assertSubmissionId(submissionId);
    const branch = branchFor(submissionId);
    const rejected = await resolveRef(this.repo, rejectedRefFor(submissionId));
    if (rejected) {
      const message = (await git(this.repo, ['log', '-1', '--format=%B', rejected])).stdout;
      return {
        state: 'closed',
        url: this.urlFor(rejectedRefFor(submissionId)),
        comment: rejectionComment(message),
      };
    }
    const tip = await resolveRef(this.repo, `refs/heads/${branch}`);
    const baseTip = await resolveRef(this.repo, `refs/heads/${this.base}`);
    if (tip && baseTip) {
      if (await isAncestor(this.repo, tip, baseTip))
        return {
          state: 'merged',
          url: this.urlFor(this.base),
          mergedAt: await this.mergedAt(tip, baseTip),
        };
      return {
        state: 'open',
        url: this.urlFor(branch),
        approvals: (await this.approvals(submissionId)).length,
      };
    }
    const merged = await this.mergedCommit(submissionId);
    if (merged && baseTip)
      return {
        state: 'merged',
        url: this.urlFor(this.base),
        mergedAt: await this.mergedAt(merged, baseTip),
      };
    return undefined;
  }

  /** When the base branch took the commit: the oldest commit on the path from it to the base tip. */
  private async mergedAt(commit: string, baseTip: string): Promise<string> {
    const { stdout } = await git(this.repo, [
      'rev-list',
      '--ancestry-path',
      '--reverse',
      '--format=%cI',
      `${commit}..${baseTip}`,
    ]);
    const date = stdout.split('\n').find((line) => /^\d{4}-/.test(line));
    return date ?? (await git(this.repo, ['log', '-1', '--format=%cI', commit])).stdout.trim();
  }

  /** The approvals recorded on a submission's branch, oldest first (one per trailer). */
  async approvals(
    submissionId: string,
  ): Promise<{ role: 'review' | 'approve'; by: string; commit: string }[]> {
    const tip = await resolveRef(this.repo, `refs/heads/${branchFor(submissionId)}`);
    if (!tip) return [];
    const { stdout } = await git(this.repo, [
      'log',
      '--reverse',
      '--format=%H%x00%B%x01',
      `refs/heads/${this.base}..${tip}`,
    ]);
    const out: { role: 'review' | 'approve'; by: string; commit: string }[] = [];
    for (const entry of stdout.split('\x01')) {
      const [commit, message] = entry.trim().split('\x00');
      if (!commit || !message) continue;
      for (const by of trailerValues(message, TRAILERS.review))
        out.push({ role: 'review', by, commit });
      for (const by of trailerValues(message, TRAILERS.approve))
        out.push({ role: 'approve', by, commit });
    }
    return out;
  }

  async listOpen(): Promise<PullRequestRef[]> {
    const { stdout } = await git(this.repo, [
      'for-each-ref',
      '--format=%(refname)',
      'refs/heads/submission/',
    ]);
    const baseTip = await resolveRef(this.repo, `refs/heads/${this.base}`);
    const open: PullRequestRef[] = [];
    for (const ref of stdout.split('\n').filter(Boolean)) {
      const branch = ref.slice('refs/heads/'.length);
      if (baseTip && (await isAncestor(this.repo, ref, baseTip))) continue;
      open.push({
        submissionId: branch.slice('submission/'.length),
        branch,
        url: this.urlFor(branch),
      });
    }
    return open;
  }
}

/** The reviewer's comment in a rejection commit: the body between the subject and the trailers. */
export function rejectionComment(message: string): string | undefined {
  const paragraphs = message
    .trim()
    .split(/\n[ \t]*\n/)
    .slice(1);
  const last = paragraphs.at(-1);
  if (last && last.split('\n').every((line) => /^[A-Za-z-]+: /.test(line))) paragraphs.pop();
  return paragraphs.join('\n\n').trim() || undefined;
}
