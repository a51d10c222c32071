/**
 * An entry's history as recorded in Git, read at build time for the whole site at once and kept
 * in memory for the build: 20,000 entry pages cost two git processes, not 20,000.
 *
 * Measured on 20,000 records (40,000 commits, one submission and one merge each): a path-limited
 * `git log --name-status` spends 30–45 s diffing the big record folders, while reading the
 * commits without diffs takes under a second. So:
 * 1. one `git log` pass reads every commit with its trailers, no diffs. The forge writes
 *    Record-Id: on a submission's commit and Submission-Id: on it, on each approval and on the
 *    merge (bot/forge/local-git.ts), and hosted forges name the branch submission/<id> in their
 *    merge subject: these commits are attributed to their record without a diff;
 * 2. only the commits that carry neither (imports, hand edits) are diffed, in one more pass, and
 *    what that pass finds is cached by commit hash (commits never change) in the build cache, so
 *    a later build diffs only commits it has not seen.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

/** One commit that touched (or, by its trailers, concerns) a record. */
export interface RecordCommit {
  hash: string;
  /** True for a merge commit (its change is what the merge brought into the base branch). */
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
}

/** What Git knows about the records, or why it knows nothing. */
export type GitHistory =
  | {
      available: true;
      head: string;
      shallow: boolean;
      commits: number;
      diffed: number;
      byRecord: Map<string, RecordCommit[]>;
    }
  | { available: false; reason: string };

const FIELD = '\x1f';
const COMMIT = '\x1e';
// hash, parents, author, author date, committer, committer date, subject, trailers.
const FORMAT = `${COMMIT}%H${FIELD}%P${FIELD}%an${FIELD}%aI${FIELD}%cn${FIELD}%cI${FIELD}%s${FIELD}%(trailers:only,unfold)${FIELD}`;
const CHANGES: Record<string, RecordCommit['change']> = { A: 'added', M: 'modified', D: 'deleted' };
const CACHE_VERSION = 1;

/** Runs git in a folder and returns stdout; rejects with git's own message on failure. */
export function git(cwd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotePath=false', ...args], {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(
            `git ${args[0]} failed in ${cwd} (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`,
          ),
        );
    });
    if (input !== undefined) {
      // git may exit before reading everything (an error): its own message matters, not EPIPE.
      child.stdin!.on('error', () => {});
      child.stdin!.end(input);
    }
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

type Commit = Omit<RecordCommit, 'change'>;

/** Parses `git log --format=FORMAT [--name-status]` output: commits, and the record files each changed. */
export function parseGitLog(
  output: string,
): { commit: Commit; files: { id: string; change: RecordCommit['change'] }[] }[] {
  const out: { commit: Commit; files: { id: string; change: RecordCommit['change'] }[] }[] = [];
  for (const chunk of output.split(COMMIT)) {
    if (!chunk.trim()) continue;
    const fields = chunk.split(FIELD);
    if (fields.length < 9)
      throw new Error(`unexpected git log output near: ${chunk.slice(0, 120)}`);
    const [
      hash,
      parents,
      author,
      authorDate,
      committer,
      committerDate,
      subject,
      trailers,
      changes,
    ] = fields as string[];
    const commit: Commit = {
      hash: hash!,
      merge: parents!.trim().split(' ').length > 1,
      author: author!,
      authorDate: authorDate!,
      committer: committer!,
      committerDate: committerDate!,
      subject: subject!,
      trailers: parseTrailers(trailers!),
    };
    const files: { id: string; change: RecordCommit['change'] }[] = [];
    for (const line of changes!.split('\n')) {
      const [status, path] = line.split('\t');
      const change = status ? CHANGES[status] : undefined;
      if (change && path && /\.ya?ml$/.test(path))
        files.push({ id: basename(path).replace(/\.ya?ml$/, ''), change });
    }
    out.push({ commit, files });
  }
  return out;
}

const trailer = (c: Commit, key: string) =>
  c.trailers.find((t) => t.key.toLowerCase() === key)?.value;

/** The submission a commit belongs to: its Submission-Id trailer, or the branch a hosted forge merged. */
function submissionOf(c: Commit): string | undefined {
  return (
    trailer(c, 'submission-id') ??
    (c.merge ? /\bsubmission\/([A-Za-z0-9._-]+)/.exec(c.subject)?.[1] : undefined)
  );
}

type Cache = Record<string, { id: string; change: RecordCommit['change'] }[]>;

async function loadCache(file: string | undefined): Promise<Cache> {
  if (!file) return {};
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { version?: number; commits?: Cache };
    return data.version === CACHE_VERSION && data.commits ? data.commits : {};
  } catch {
    return {}; // no cache yet, or an unreadable one: it is only a cache
  }
}

/**
 * Reads the history of every record under `<root>/content/records`. When the root is not in a Git
 * repository (a content folder copied without .git, a tarball), the answer says so and pages show
 * the record's own history. `cacheFile` keeps the diffs of trailer-less commits between builds.
 */
export async function readGitHistory(
  root: string,
  options: { cacheFile?: string } = {},
): Promise<GitHistory> {
  let head: string;
  try {
    head = (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD'])).trim();
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const commits = parseGitLog(await git(root, ['log', `--format=${FORMAT}`, 'HEAD'])).map(
    (c) => c.commit,
  );

  const recordOfSubmission = new Map<string, string>();
  for (const c of commits) {
    const record = trailer(c, 'record-id');
    const submission = trailer(c, 'submission-id');
    if (record && submission) recordOfSubmission.set(submission, record);
  }
  const attributed = (c: Commit) =>
    trailer(c, 'record-id') ?? recordOfSubmission.get(submissionOf(c) ?? '');

  const cache = await loadCache(options.cacheFile);
  const toDiff = commits.filter((c) => !attributed(c) && !cache[c.hash]);
  if (toDiff.length) {
    const output = await git(
      root,
      [
        'log',
        '--no-walk=unsorted',
        '--stdin',
        '--diff-merges=first-parent',
        '--no-renames',
        '--name-status',
        `--format=${FORMAT}`,
        '--',
        'content/records',
      ],
      toDiff.map((c) => c.hash).join('\n') + '\n',
    );
    for (const { commit, files } of parseGitLog(output)) cache[commit.hash] = files;
    for (const c of toDiff) cache[c.hash] ??= []; // shown with no change under content/records
    if (options.cacheFile) {
      await mkdir(dirname(options.cacheFile), { recursive: true });
      await writeFile(
        options.cacheFile,
        JSON.stringify({ version: CACHE_VERSION, commits: cache }),
      );
    }
  }

  const byRecord = new Map<string, RecordCommit[]>();
  const add = (id: string, commit: RecordCommit) => {
    const list = byRecord.get(id);
    if (list) list.push(commit);
    else byRecord.set(id, [commit]);
  };
  for (const c of commits) {
    const id = attributed(c);
    if (id)
      add(id, {
        ...c,
        change: trailer(c, 'submission-kind') === 'new' && !c.merge ? 'added' : 'modified',
      });
    else for (const f of cache[c.hash] ?? []) add(f.id, { ...c, change: f.change });
  }
  return {
    available: true,
    head,
    shallow,
    commits: commits.length,
    diffed: toDiff.length,
    byRecord,
  };
}

const pending = new Map<string, Promise<GitHistory>>();

/** The history of a content root, read once per build process. */
export function gitHistory(root: string, cacheFile?: string): Promise<GitHistory> {
  let p = pending.get(root);
  if (!p) pending.set(root, (p = readGitHistory(root, { cacheFile })));
  return p;
}
