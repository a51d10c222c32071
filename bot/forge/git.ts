/**
 * A thin runner for the git command line. The local forge and the review CLI use git's plumbing
 * (hash-object, commit-tree, update-ref) so a submission never needs a checkout and every branch
 * appears whole or not at all.
 */
import { execFile } from 'node:child_process';

/** The author and committer written on commits the forge makes. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** The bot's identity when none is configured. */
export const DEFAULT_IDENTITY: GitIdentity = { name: 'Honghei Bot', email: 'bot@honghei.invalid' };

/** The all-zero object id: "this ref must not exist yet" for update-ref. */
export const ZERO_OID = '0000000000000000000000000000000000000000';

/** A failed git command, with its arguments and what git printed. */
export class GitError extends Error {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stderr: string;

  constructor(args: readonly string[], code: number | null, stderr: string, cause?: unknown) {
    super(`git ${args.join(' ')} failed (exit ${code}): ${stderr.trim() || 'no output'}`, {
      cause,
    });
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
}

/** Options of one git call. */
export interface GitRun {
  input?: string | Uint8Array;
  env?: Record<string, string>;
  /** Return stdout as bytes (for blobs). */
  binary?: boolean;
  /** Exit codes that are answers rather than failures (e.g. 1 for merge-base --is-ancestor). */
  okCodes?: number[];
}

/** Runs git in a repository (bare or not) and returns its stdout. */
export function git(
  repo: string,
  args: string[],
  options: GitRun = {},
): Promise<{ stdout: string; bytes: Buffer; code: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      ['-C', repo, ...args],
      {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
        // No user configuration may change what the forge writes (hooks, signing, i18n of messages).
        env: {
          ...process.env,
          LC_ALL: 'C',
          GIT_TERMINAL_PROMPT: '0',
          GIT_CONFIG_NOSYSTEM: '1',
          ...options.env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (error && !(code !== null && options.okCodes?.includes(code))) {
          reject(new GitError(args, code, stderr.toString('utf8'), error));
          return;
        }
        resolve({
          stdout: options.binary ? '' : stdout.toString('utf8'),
          bytes: stdout,
          code: code ?? 0,
        });
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** The environment that makes a commit carry an identity and a fixed time. */
export function identityEnv(identity: GitIdentity, date?: string): Record<string, string> {
  const env: Record<string, string> = {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return env;
}

/** The object id a ref points at, or undefined when it does not exist. */
export async function resolveRef(repo: string, ref: string): Promise<string | undefined> {
  const { stdout, code } = await git(
    repo,
    ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`],
    { okCodes: [1, 128] },
  );
  return code === 0 ? stdout.trim() : undefined;
}

/** Whether commit `a` is reachable from commit `b`. */
export async function isAncestor(repo: string, a: string, b: string): Promise<boolean> {
  const { code } = await git(repo, ['merge-base', '--is-ancestor', a, b], { okCodes: [1] });
  return code === 0;
}

/** Values of one trailer key in a commit message (its last paragraph), in order. */
export function trailerValues(message: string, key: string): string[] {
  const prefix = `${key.toLowerCase()}:`;
  const block =
    message
      .trimEnd()
      .split(/\n[ \t]*\n/)
      .at(-1) ?? '';
  return block
    .split('\n')
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
}
