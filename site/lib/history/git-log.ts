/**
 * An entry's history as recorded in Git, read at build time in ONE `git log` pass over
 * content/records and kept in memory for the build: 20,000 entry pages cost one process, not
 * 20,000. Submission commits, the merge commits that published them (with the review CLI's
 * Reviewed-by:/Approved-by: trailers) and later corrections are attributed to a record by its
 * file name, which is its stable id.
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';

/** One commit that touched a record file. */
export interface RecordCommit {
  hash: string;
  /** True for a merge commit (its change is read against the first parent: what the merge published). */
  merge: boolean;
  author: string;
  /** ISO 8601 with the committer's offset. */
  authorDate: string;
  committer: string;
  committerDate: string;
  subject: string;
  /** Git trailers (Key: value), in order; e-mail addresses are kept here and dropped for display. */
  trailers: { key: string; value: string }[];
  change: 'added' | 'modified' | 'deleted';
  /** The record file's path as Git names it. */
  path: string;
}

/** What Git knows about the records, or why it knows nothing. */
export type GitHistory =
  | { available: true; head: string; shallow: boolean; commits: number; byRecord: Map<string, RecordCommit[]> }
  | { available: false; reason: string };

const FIELD = '\x1f';
const COMMIT = '\x1e';
// hash, parents, author, author date, committer, committer date, subject, trailers.
const FORMAT = `${COMMIT}%H${FIELD}%P${FIELD}%an${FIELD}%aI${FIELD}%cn${FIELD}%cI${FIELD}%s${FIELD}%(trailers:only,unfold)${FIELD}`;
const CHANGES: Record<string, RecordCommit['change']> = { A: 'added', M: 'modified', D: 'deleted' };

/** Runs git in a folder and returns stdout; rejects with git's own message on failure. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`git ${args[0]} failed in ${cwd} (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
  });
}

/** Parses `Key: value` trailer lines. */
export function parseTrailers(text: string): RecordCommit['trailers'] {
  const out: RecordCommit['trailers'] = [];
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.*\S)\s*$/.exec(line);
    if (m) out.push({ key: m[1]!, value: m[2]! });
  }
  return out;
}

/** Parses the output of the one `git log` pass into commits per record id, newest first. */
export function parseGitLog(output: string): { commits: number; byRecord: Map<string, RecordCommit[]> } {
  const byRecord = new Map<string, RecordCommit[]>();
  let commits = 0;
  for (const chunk of output.split(COMMIT)) {
    if (!chunk.trim()) continue;
    const fields = chunk.split(FIELD);
    if (fields.length < 9) throw new Error(`unexpected git log output near: ${chunk.slice(0, 120)}`);
    const [hash, parents, author, authorDate, committer, committerDate, subject, trailers, changes] = fields as [string, ...string[]];
    commits++;
    const base = {
      hash: hash!, merge: parents!.trim().split(' ').length > 1, author: author!, authorDate: authorDate!,
      committer: committer!, committerDate: committerDate!, subject: subject!, trailers: parseTrailers(trailers!),
    };
    for (const line of changes!.split('\n')) {
      const [status, path] = line.split('\t');
      const change = status ? CHANGES[status] : undefined;
      if (!change || !path || !/\.ya?ml$/.test(path)) continue;
      const id = basename(path).replace(/\.ya?ml$/, '');
      let list = byRecord.get(id);
      if (!list) byRecord.set(id, (list = []));
      list.push({ ...base, change, path });
    }
  }
  return { commits, byRecord };
}

/**
 * Reads the history of every record under `<root>/content/records` in one pass. `--full-history`
 * keeps the merge commits that brought a submission branch in; `--diff-merges=first-parent` makes
 * each merge show what it published. When the root is not in a Git repository (a content folder
 * copied without .git, a tarball), the answer says so and pages show the record's own history.
 */
export async function readGitHistory(root: string): Promise<GitHistory> {
  let head: string;
  try {
    head = (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim();
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const output = await git(root, [
    'log', '--full-history', '--diff-merges=first-parent', '--no-renames', '--name-status',
    `--format=${FORMAT}`, 'HEAD', '--', 'content/records',
  ]);
  return { available: true, head, shallow, ...parseGitLog(output) };
}

const cache = new Map<string, Promise<GitHistory>>();

/** The history of a content root, read once per build process. */
export function gitHistory(root: string): Promise<GitHistory> {
  let pending = cache.get(root);
  if (!pending) cache.set(root, (pending = readGitHistory(root)));
  return pending;
}
