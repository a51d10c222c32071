/**
 * The publisher's repository, driven the way a publisher drives it: a real git repository with
 * main checked out; submissions opened through the bot's local-git forge (bot/forge/local-git.ts);
 * approvals and merges through the review CLI (`node scripts/review.ts`, a child process); the
 * site built with `node scripts/build.ts --root … --date … --out …` as a daily job would.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalGitForge } from '../../../bot/forge/local-git.ts';
import type { SubmissionKind } from '../../../bot/forge/types.ts';
import type { IsoDate } from '../../../content/schema/index.ts';
import { writePublisherRoot } from './publisher-root.ts';

const run = promisify(execFile);
const PROJECT = new URL('../../..', import.meta.url).pathname;

/** The reviewers of the fictional bureau: 审核 by the deputy, 审定 by the head. */
export const REVIEWER = '分管副局长 王某';
export const APPROVER = '局长 李某';

const gitEnv = (date: IsoDate) => ({
  ...process.env,
  GIT_AUTHOR_NAME: '示例县人社局',
  GIT_AUTHOR_EMAIL: 'credit@example.net',
  GIT_COMMITTER_NAME: '示例县人社局',
  GIT_COMMITTER_EMAIL: 'credit@example.net',
  GIT_AUTHOR_DATE: `${date}T09:00:00+08:00`,
  GIT_COMMITTER_DATE: `${date}T09:00:00+08:00`,
  GIT_CONFIG_NOSYSTEM: '1',
});

/** A child process's failure with what it printed, so a refusal reads as the reviewer would see it. */
async function node(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, args, {
      cwd: PROJECT,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`node ${args.join(' ')} failed:\n${e.stderr ?? ''}\n${e.stdout ?? ''}`, {
      cause: error,
    });
  }
}

/** The publisher's repository and the operations of its year. */
export class PublisherRepo {
  /** The work tree (main checked out): the content root the site is built from. */
  readonly root: string;
  /** Where the builds go, one folder per date. */
  readonly sites: string;
  readonly forge: LocalGitForge;

  private constructor(dir: string) {
    this.root = join(dir, 'repo');
    this.sites = join(dir, 'sites');
    this.forge = new LocalGitForge({ repo: this.root, base: 'main' });
  }

  /** A new repository with the publisher's configuration and the given files, committed on a date. */
  static create(files: Record<string, string>, date: IsoDate): PublisherRepo {
    const repo = new PublisherRepo(mkdtempSync(join(tmpdir(), 'honghei-year-')));
    mkdirSync(repo.root, { recursive: true });
    mkdirSync(repo.sites, { recursive: true });
    writePublisherRoot(repo.root);
    execFileSync('git', ['init', '-q', '-b', 'main', repo.root]);
    repo.commitFiles(files, '导入：往年发布的名单条目', date);
    return repo;
  }

  /** The folder holding the repository and the builds (to remove at the end). */
  get dir(): string {
    return join(this.root, '..');
  }

  /** Commits files directly on main (an import or a hand edit). */
  commitFiles(files: Record<string, string>, message: string, date: IsoDate): void {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(this.root, path, '..'), { recursive: true });
      execFileSync('sh', ['-c', 'cat > "$1"', 'sh', join(this.root, path)], { input: text });
    }
    execFileSync('git', ['-C', this.root, 'add', '-A'], { env: gitEnv(date) });
    execFileSync('git', ['-C', this.root, 'commit', '-q', '-m', message], { env: gitEnv(date) });
  }

  /** The text of a file on main. */
  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  /** Opens a submission through the bot's forge: one branch, one commit, as the bot does once a submitter confirms. */
  async submit(s: {
    id: string;
    kind: SubmissionKind;
    recordId: string;
    unit: string;
    title: string;
    files: Record<string, string>;
    date: IsoDate;
  }): Promise<void> {
    await this.forge.openPullRequest({
      id: s.id,
      kind: s.kind,
      recordId: s.recordId,
      submitter: { unit: s.unit },
      title: s.title,
      body: s.title,
      files: Object.entries(s.files).map(([path, content]) => ({ path, content })),
      createdAt: `${s.date}T10:00:00+08:00`,
    });
  }

  /** The review CLI, as a reviewer runs it. */
  review(args: string[]): Promise<string> {
    return node(['scripts/review.ts', ...args, '--repo', this.root]);
  }

  /** 审核, 审定 and merge through the review CLI, on the given days. */
  async approveAndMerge(
    id: string,
    days: { review: IsoDate; approve: IsoDate; merge: IsoDate },
  ): Promise<void> {
    await this.review(['approve', id, '--role', 'review', '--by', REVIEWER, '--date', days.review]);
    await this.review([
      'approve',
      id,
      '--role',
      'approve',
      '--by',
      APPROVER,
      '--date',
      days.approve,
    ]);
    await this.review(['merge', id, '--by', APPROVER, '--date', days.merge]);
  }

  /**
   * The daily rebuild: `node scripts/build.ts --root <repo> --date <date> --out <folder>`, given
   * the previous build's data/ (HONGHEI_PREVIOUS_DATA) as a daily job does, so changes/latest.json
   * says what changed since; returns the folder.
   */
  async build(date: IsoDate, previous?: string): Promise<string> {
    const out = join(this.sites, date);
    await node(['scripts/build.ts', '--root', this.root, '--date', date, '--out', out, '--quiet'], {
      ...process.env,
      HONGHEI_CACHE_DIR: join(this.sites, 'cache'),
      HONGHEI_DATE: '',
      HONGHEI_PREVIOUS_DATA: previous ? join(previous, 'data') : '',
    });
    return out;
  }
}
