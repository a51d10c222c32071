/**
 * Reviewing in local mode (the review CLI's library): read a submission branch as a reviewer
 * would (validated as a submission: awaiting its approvals is not an error), approve it (the
 * approval is written into the record and recorded as a git trailer), merge it when the
 * publisher's number of approvals is reached and the validator passes for publication, or reject
 * it with a comment. Every change is one commit and one compare-and-swap ref update.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatProblems,
  loadCategories,
  validateRepository,
  type IsoDate,
  type Lang,
  type Problem,
  type Stage,
} from '../../content/schema/index.ts';
import {
  approvalCommit,
  approvalRole,
  approverName,
  isRecordPath,
  mergeMessage,
  type BranchRecord,
} from './approval-commit.ts';
import { checkApprovals, ReviewRefusal, type Approval } from './approvals.ts';
import { git, identityEnv, resolveRef, trailerValues, type GitIdentity } from './git.ts';
import { LocalGitForge, rejectedRefFor, TRAILERS } from './local-git.ts';
import { recordRows, verdictOf, type SummaryRow, type Verdict } from './summary.ts';
import { branchFor } from './types.ts';

export { ReviewRefusal, type Approval } from './approvals.ts';

/** A submission as the review CLI shows it. */
export interface ReviewView {
  id: string;
  branch: string;
  title: string;
  trailers: Record<string, string>;
  files: string[];
  recordFile?: string;
  rows: SummaryRow[];
  approvals: Approval[];
  required: number;
  verdict: Verdict;
  problems: Problem[];
}

/** Review operations on a local-git forge. */
export class LocalReview {
  readonly forge: LocalGitForge;
  private readonly lang: Lang;

  constructor(forge: LocalGitForge, options: { lang?: Lang } = {}) {
    this.forge = forge;
    this.lang = options.lang ?? 'zh';
  }

  private get repo() {
    return this.forge.repo;
  }

  /** The tip of an open submission's branch, or a refusal saying why there is none. */
  private async openTip(id: string): Promise<string> {
    const state = await this.forge.state(id);
    if (!state)
      throw new ReviewRefusal(`没有编号为 ${id} 的提交：用 npm run review -- list 查看待审提交`);
    if (state.state === 'merged') throw new ReviewRefusal(`提交 ${id} 已合并发布，不能再操作`);
    if (state.state === 'closed')
      throw new ReviewRefusal(
        `提交 ${id} 已退回${state.comment ? `（${state.comment}）` : ''}，不能再操作；如需重新报送，请在机器人中重新提交`,
      );
    return (await resolveRef(this.repo, `refs/heads/${branchFor(id)}`))!;
  }

  /** The submission's own commit (the first on the branch) and its message. */
  private async firstCommit(tip: string): Promise<{ hash: string; message: string }> {
    const { stdout } = await git(this.repo, [
      'rev-list',
      '--reverse',
      `refs/heads/${this.forge.base}..${tip}`,
    ]);
    const hash = stdout.split('\n')[0]!.trim();
    return { hash, message: (await git(this.repo, ['log', '-1', '--format=%B', hash])).stdout };
  }

  private async changedFiles(tip: string): Promise<string[]> {
    const { stdout } = await git(this.repo, [
      'diff',
      '--name-only',
      `refs/heads/${this.forge.base}...${tip}`,
    ]);
    return stdout.split('\n').filter(Boolean);
  }

  /** Checks a tree out into a temporary directory and runs fn on it. */
  private async withTree<T>(treeish: string, fn: (dir: string) => Promise<T> | T): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'honghei-review-'));
    try {
      await new Promise<void>((resolve, reject) => {
        const archive = execFile(
          'git',
          ['-C', this.repo, 'archive', '--format=tar', treeish],
          { encoding: 'buffer', maxBuffer: 1024 ** 3 },
          (e) => (e ? reject(e) : undefined),
        );
        const tar = execFile('tar', ['-x', '-C', dir], (e) =>
          e ? reject(new Error(`unpacking ${treeish} failed`, { cause: e })) : resolve(),
        );
        archive.stdout!.pipe(tar.stdin!);
      });
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Validates the content at a tree at a stage; returns the problems in the given files and the publisher. */
  private validateAt(treeish: string, files: string[], date: IsoDate, stage: Stage) {
    return this.withTree(treeish, (dir) => {
      const report = validateRepository(dir, { date, lang: this.lang, stage });
      return {
        problems: report.problems.filter((p) => files.includes(p.file)),
        publisher: report.publisher,
        categories: loadCategories(dir),
      };
    });
  }

  /** Everything a reviewer needs to decide. */
  async show(id: string, date: IsoDate): Promise<ReviewView> {
    const tip = await this.openTip(id);
    const first = await this.firstCommit(tip);
    const files = await this.changedFiles(tip);
    const recordFile = files.find((f) => /^content\/records\/.+\.ya?ml$/.test(f));
    const { problems, publisher, categories } = await this.validateAt(
      tip,
      files,
      date,
      'submission',
    );
    const text = recordFile ? (await git(this.repo, ['show', `${tip}:${recordFile}`])).stdout : '';
    const trailers: Record<string, string> = {};
    for (const key of [TRAILERS.submission, TRAILERS.kind, TRAILERS.record, TRAILERS.submitter]) {
      const v = trailerValues(first.message, key)[0];
      if (v) trailers[key] = v;
    }
    return {
      id,
      branch: branchFor(id),
      title: first.message.split('\n')[0]!,
      trailers,
      files,
      recordFile,
      rows: recordRows(text, { lang: this.lang, categories }),
      approvals: await this.forge.approvals(id),
      required: publisher.approvals_required,
      verdict: verdictOf(problems),
      problems,
    };
  }

  /** Open submissions with their titles and approval counts. */
  async list(): Promise<
    { id: string; title: string; approvals: number; submitter?: string; date: string }[]
  > {
    const out = [];
    for (const ref of await this.forge.listOpen()) {
      const tip = (await resolveRef(this.repo, `refs/heads/${ref.branch}`))!;
      const first = await this.firstCommit(tip);
      const date = (await git(this.repo, ['log', '-1', '--format=%aI', first.hash])).stdout.trim();
      out.push({
        id: ref.submissionId,
        title: first.message.split('\n')[0]!,
        approvals: (await this.forge.approvals(ref.submissionId)).length,
        submitter: trailerValues(first.message, TRAILERS.submitter)[0],
        date,
      });
    }
    return out;
  }

  /**
   * Records an approval: adds {role, by, date} to the record's approvals and commits it with a
   * Reviewed-by: (审核) or Approved-by: (审定) trailer. The role defaults to 审核 first, then 审定.
   * A proposed publication start before the approval's day moves to that day (said in the commit).
   * A change to an entry already on the base branch is approved by the trailer alone.
   */
  async approve(
    id: string,
    options: {
      by: string;
      role?: 'review' | 'approve';
      date: IsoDate;
      identity?: Partial<GitIdentity>;
    },
  ): Promise<Approval & { startMoved?: { from: IsoDate; to: IsoDate } }> {
    approverName(options.by);
    const tip = await this.openTip(id);
    const { by, role } = approvalRole(id, options.by, await this.forge.approvals(id), options.role);
    // A batch (bot/batch/) holds several records: each gets the approval.
    const records: BranchRecord[] = [];
    for (const path of (await this.changedFiles(tip)).filter(isRecordPath)) {
      const published =
        (
          await git(this.repo, ['cat-file', '-e', `refs/heads/${this.forge.base}:${path}`], {
            okCodes: [1, 128],
          })
        ).code === 0;
      const text = published ? '' : (await git(this.repo, ['show', `${tip}:${path}`])).stdout;
      records.push({ path, text, published });
    }
    const title = (await this.firstCommit(tip)).message.split('\n')[0]!;
    const { changes, message, moved } = approvalCommit({
      id,
      role,
      by,
      date: options.date,
      title,
      records,
    });
    const identity = {
      name: options.identity?.name ?? by,
      email: options.identity?.email ?? 'reviewer@honghei.invalid',
    };
    const commit = await this.commitChange(
      tip,
      changes,
      message,
      identity,
      `${options.date}T12:00:00+08:00`,
    );
    await this.moveRef(`refs/heads/${branchFor(id)}`, commit, tip);
    return { role, by, commit, ...(moved ? { startMoved: moved } : {}) };
  }

  /**
   * Merges into the base branch: refuses with fewer approvals than publisher.yaml requires, or
   * when the merged content does not validate. Returns the merge commit.
   */
  async merge(
    id: string,
    options: { by: string; date: IsoDate; identity?: Partial<GitIdentity> },
  ): Promise<string> {
    const tip = await this.openTip(id);
    const base = `refs/heads/${this.forge.base}`;
    const baseTip = (await resolveRef(this.repo, base))!;
    const approvals = await this.forge.approvals(id);
    const files = await this.changedFiles(tip);
    const merged = await git(this.repo, ['merge-tree', '--write-tree', baseTip, tip], {
      okCodes: [1],
    });
    if (merged.code !== 0)
      throw new ReviewRefusal(
        `提交 ${id} 与 ${this.forge.base} 有冲突（${merged.stdout.split('\n').slice(1).filter(Boolean).join('；')}）：请退回并重新提交`,
      );
    const tree = merged.stdout.split('\n')[0]!.trim();
    const { problems, publisher } = await this.validateAt(tree, files, options.date, 'publish');
    checkApprovals(id, approvals, publisher);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length)
      throw new ReviewRefusal(
        `提交 ${id} 合并后校验未通过，不能发布：\n${formatProblems(errors, this.lang)}`,
      );

    const title = (await this.firstCommit(tip)).message.split('\n')[0]!;
    const message = mergeMessage(id, title, options.by);
    const identity = {
      name: options.identity?.name ?? options.by,
      email: options.identity?.email ?? 'reviewer@honghei.invalid',
    };
    const { stdout } = await git(
      this.repo,
      ['commit-tree', tree, '-p', baseTip, '-p', tip, '-F', '-'],
      { input: message, env: identityEnv(identity, `${options.date}T12:00:00+08:00`) },
    );
    const commit = stdout.trim();
    await this.advanceBase(commit, baseTip);
    return commit;
  }

  /** Rejects: keeps the branch under refs/honghei/rejected/<id> with the comment, and removes it. */
  async reject(
    id: string,
    options: { by: string; comment: string; date: IsoDate; identity?: Partial<GitIdentity> },
  ): Promise<string> {
    const comment = options.comment.trim();
    if (!comment) throw new ReviewRefusal('请用 --comment 写明退回理由，报送人会收到这段话');
    const tip = await this.openTip(id);
    const title = (await this.firstCommit(tip)).message.split('\n')[0]!;
    const tree = (await git(this.repo, ['rev-parse', `${tip}^{tree}`])).stdout.trim();
    const message = `退回：${title}\n\n${comment}\n\n${TRAILERS.rejected}: ${options.by}\n${TRAILERS.submission}: ${id}\n`;
    const identity = {
      name: options.identity?.name ?? options.by,
      email: options.identity?.email ?? 'reviewer@honghei.invalid',
    };
    const { stdout } = await git(this.repo, ['commit-tree', tree, '-p', tip, '-F', '-'], {
      input: message,
      env: identityEnv(identity, `${options.date}T12:00:00+08:00`),
    });
    const commit = stdout.trim();
    // One transaction: the rejected ref appears and the branch disappears together.
    await git(this.repo, ['update-ref', '--stdin'], {
      input: `start\ncreate ${rejectedRefFor(id)} ${commit}\ndelete refs/heads/${branchFor(id)} ${tip}\ncommit\n`,
    });
    return commit;
  }

  /** One commit of the given files on a parent (used by the review CLI's writes). */
  async commitChange(
    parent: string,
    files: { path: string; content: string }[],
    message: string,
    identity: GitIdentity,
    date: string,
  ): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'honghei-index-'));
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    try {
      await git(this.repo, ['read-tree', parent], { env });
      for (const f of files) {
        const blob = (
          await git(this.repo, ['hash-object', '-w', '--stdin'], { input: f.content })
        ).stdout.trim();
        await git(this.repo, ['update-index', '--add', '--cacheinfo', `100644,${blob},${f.path}`], {
          env,
        });
      }
      const tree = (await git(this.repo, ['write-tree'], { env })).stdout.trim();
      return (
        await git(this.repo, ['commit-tree', tree, '-p', parent, '-F', '-'], {
          input: message,
          env: identityEnv(identity, date),
        })
      ).stdout.trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Moves a ref only if it still points where we read it (someone else may have acted meanwhile). */
  async moveRef(ref: string, to: string, from: string): Promise<void> {
    const r = await git(this.repo, ['update-ref', ref, to, from], { okCodes: [1, 128] });
    if (r.code !== 0)
      throw new ReviewRefusal(
        `${ref} 在操作期间被他人改动：请重新查看（npm run review -- show）后再试`,
      );
  }

  /** Moves the base branch to the merge commit; in a work tree on that branch, updates the files too. */
  async advanceBase(commit: string, baseTip: string): Promise<void> {
    const bare =
      (await git(this.repo, ['rev-parse', '--is-bare-repository'])).stdout.trim() === 'true';
    const head = bare
      ? ''
      : (await git(this.repo, ['symbolic-ref', '-q', 'HEAD'], { okCodes: [1] })).stdout.trim();
    if (head === `refs/heads/${this.forge.base}`) {
      // git refuses if local changes would be overwritten; the ref then stays where it was.
      const r = await git(this.repo, ['merge', '--ff-only', '-q', commit], { okCodes: [1, 128] });
      if (r.code !== 0)
        throw new ReviewRefusal(
          `无法更新工作区中的 ${this.forge.base}：${r.stdout.trim()} 请先提交或清理本地改动，再合并`,
        );
      return;
    }
    await this.moveRef(`refs/heads/${this.forge.base}`, commit, baseTip);
  }
}
