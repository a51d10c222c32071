/**
 * The measured content as a publisher keeps it: a Git repository, whose history the site reads
 * (`git log` over content/records, shown on every entry page). The build root gets one commit
 * holding all the content, and each republish kind is committed like a merged submission, with
 * the trailers the forge and the review CLI write (bot/forge/local-git.ts). Fixed names, e-mails
 * and dates: the same content gives the same commits, so results are reproducible. `--no-git`
 * keeps the plain folder.
 */
import { execFileSync } from 'node:child_process';
import { identityEnv, type GitIdentity } from '../../../bot/forge/git.ts';
import { TRAILERS } from '../../../bot/forge/local-git.ts';
import type { SubmissionKind } from '../../../bot/forge/types.ts';

/** Who writes the bench's commits. */
export const BENCH_IDENTITY: GitIdentity = {
  name: 'Honghei Bench',
  email: 'bench@honghei.invalid',
};

/** A commit time on `date` (Beijing time), fixed so the same run gives the same commits. */
export const commitTime = (date: string, hour: number) =>
  `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** Runs git in `root` with no user or system configuration and a fixed identity and time. */
function git(root: string, args: string[], options: { date?: string; input?: string } = {}) {
  return execFileSync('git', ['-C', root, ...args], {
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      LC_ALL: 'C',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...identityEnv(BENCH_IDENTITY, options.date),
    },
  });
}

/**
 * Makes `root` a repository with one commit of everything in it, dated `date`. Set for 100,000
 * files: index v4 and the untracked cache (feature.manyFiles), no automatic gc, no hooks.
 */
export function commitAll(root: string, date: string, message: string): string {
  git(root, ['init', '-q', '-b', 'main']);
  const config: [string, string][] = [
    ['feature.manyFiles', 'true'],
    ['gc.auto', '0'],
    ['core.hooksPath', '/dev/null'],
    ['commit.gpgSign', 'false'],
  ];
  for (const [key, value] of config) git(root, ['config', key, value]);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--no-verify', '-F', '-'], { date, input: message });
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/** What one republish kind submitted. */
export interface BenchSubmission {
  /** The file changed, added or removed, relative to the root. */
  path: string;
  recordId: string;
  kind: SubmissionKind;
  title: string;
  /** The day and hour (Beijing time) of the commit. */
  date: string;
  hour: number;
  /** The Submission-Id, fixed per kind and date so runs are reproducible. */
  id: string;
}

/**
 * Commits one changed path like a merged submission: the submission's trailers (id, kind, record,
 * submitter) with its 审核/审定 and the merge's, in one plain commit.
 */
export function commitSubmission(root: string, s: BenchSubmission): string {
  const message = [
    `发布：${s.title}`,
    '',
    `${TRAILERS.submission}: ${s.id}`,
    `${TRAILERS.kind}: ${s.kind}`,
    `${TRAILERS.record}: ${s.recordId}`,
    `${TRAILERS.submitter}: 基准测试报送单位`,
    `${TRAILERS.review}: 分管副主席 基准`,
    `${TRAILERS.approve}: 主席 基准`,
    `${TRAILERS.merged}: ${BENCH_IDENTITY.name}`,
    '',
  ].join('\n');
  git(root, ['add', '-A', '--', s.path]);
  git(root, ['commit', '-q', '--no-verify', '-F', '-'], {
    date: commitTime(s.date, s.hour),
    input: message,
  });
  return git(root, ['rev-parse', 'HEAD']).trim();
}
