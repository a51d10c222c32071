/**
 * A small stateful Gitea/Forgejo emulator for the calls the forge makes. Request bodies are
 * validated against schemas made from gitea-js's typings (generated from Gitea's swagger);
 * answers follow Gitea's: 422 "branch already exists", 409 for a second pull request on the
 * same branches, 404 for none.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ValidateFunction } from 'ajv';
import { HttpEmulator, type EmuAnswer, type EmuRequest } from './base.ts';
import { validatorsFromTypings } from './typings.ts';

let validators: Record<string, ValidateFunction> | undefined;

interface Pull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged: boolean;
  labels: number[];
  comments: string[];
  reviews: { login: string; state: string }[];
  created_at?: string;
}

const sha = (b: Buffer) => createHash('sha1').update(b).digest('hex');

/** The emulator, serving one repository at /api/v1/repos/{owner}/{repo}. */
export class GiteaEmulator extends HttpEmulator {
  readonly owner = 'union';
  readonly repo = 'honghei-content';
  readonly token = 'gitea-token-example';
  readonly branches = new Map<string, Map<string, Buffer>>([
    ['main', new Map([['README.md', Buffer.from('# 示例\n')]])],
  ]);
  readonly pulls: Pull[] = [];
  readonly labels = [
    { id: 1, name: 'list:black' },
    { id: 2, name: 'category:wage-arrears' },
    { id: 3, name: 'kind:new' },
  ];
  private readonly v = (validators ??= validatorsFromTypings('gitea-js/dist/index.d.ts', [
    'ChangeFilesOptions',
    'CreatePullRequestOption',
    'MergePullRequestOption',
  ]));
  /** Each branch's commits, oldest first (the files are in `branches`). */
  readonly log = new Map<string, { sha: string; message: string }[]>([
    ['main', [{ sha: sha(Buffer.from('init')), message: 'init' }]],
  ]);
  /** Approvals a merge needs (branch protection's "required approvals"); 0: none. */
  requiredApprovals = 0;

  private commit(branch: string, from: string, message: string): string {
    const list = [...(this.log.get(from) ?? [])];
    const id = sha(Buffer.from(`${list.at(-1)?.sha}\n${message}\n${list.length}`));
    this.log.set(branch, [...list, { sha: id, message }]);
    return id;
  }

  protected authorised(headers: IncomingMessage['headers']): boolean {
    return (
      headers.authorization === `Bearer ${this.token}` ||
      headers.authorization === `token ${this.token}`
    );
  }

  private pullJson(p: Pull) {
    return {
      id: p.number,
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      merged: p.merged,
      created_at: p.created_at,
      merged_at: p.merged ? new Date().toISOString() : null,
      html_url: `${this.url}/${this.owner}/${this.repo}/pulls/${p.number}`,
      head: { ref: p.head, label: p.head, sha: this.log.get(p.head)?.at(-1)?.sha },
      base: { ref: p.base, label: p.base },
      labels: p.labels.map((id) => this.labels.find((l) => l.id === id)),
    };
  }

  merge(number: number, message = `Merge pull request #${number}`) {
    const p = this.pulls.find((x) => x.number === number)!;
    this.branches.set(p.base, new Map(this.branches.get(p.head)));
    this.commit(p.base, p.head, message);
    Object.assign(p, { state: 'closed', merged: true });
  }

  reject(number: number, comment: string) {
    const p = this.pulls.find((x) => x.number === number)!;
    p.comments.push(comment);
    p.state = 'closed';
    this.branches.delete(p.head);
  }

  /** The branch a ref names (a branch, or the sha of a branch's head). */
  private branchAt(ref: string): string | undefined {
    if (this.branches.has(ref)) return ref;
    return [...this.log].find(([, l]) => l.at(-1)?.sha === ref)?.[0];
  }

  /** The pull request's commits and files, and its merge (refused below requiredApprovals). */
  private routeReview(
    method: string,
    rest: string,
    b: Record<string, unknown>,
  ): EmuAnswer | undefined {
    const m = /^\/pulls\/(\d+)\/(commits|files|merge)$/.exec(rest);
    if (!m) return undefined;
    const p = this.pulls.find((x) => x.number === Number(m[1]));
    if (!p) return { status: 404, body: { message: 'pull request does not exist' } };
    const base = this.log.get(p.base) ?? [];
    if (method === 'GET' && m[2] === 'commits')
      return {
        status: 200,
        body: (this.log.get(p.head) ?? [])
          .filter((c) => !base.some((x) => x.sha === c.sha))
          .reverse() // newest first, as git log lists them
          .map((c) => ({ sha: c.sha, commit: { message: c.message } })),
      };
    if (method === 'GET' && m[2] === 'files') {
      const [from, to] = [this.branches.get(p.base)!, this.branches.get(p.head)!];
      return {
        status: 200,
        body: [...to]
          .filter(([path, bytes]) => !from.get(path)?.equals(bytes))
          .map(([filename]) => ({ filename, status: from.has(filename) ? 'changed' : 'added' })),
      };
    }
    if (method === 'POST' && m[2] === 'merge') {
      if (!this.v.MergePullRequestOption!(b))
        return this.invalid('POST /pulls/{index}/merge', this.v.MergePullRequestOption!.errors);
      if (p.state !== 'open') return { status: 405, body: { message: 'Pull request is closed' } };
      if (b.head_commit_id && b.head_commit_id !== this.log.get(p.head)?.at(-1)?.sha)
        return { status: 409, body: { message: 'head out of date' } };
      if (p.reviews.filter((r) => r.state === 'APPROVED').length < this.requiredApprovals)
        return { status: 405, body: { message: 'Does not have enough approvals' } };
      this.merge(p.number, [b.MergeTitleField, b.MergeMessageField].filter(Boolean).join('\n\n'));
      return { status: 200 };
    }
    return undefined;
  }

  protected route({ method, path, query, body }: EmuRequest): EmuAnswer {
    const prefix = `/api/v1/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(prefix))
      return { status: 404, body: { message: "The target couldn't be found." } };
    const rest = path.slice(prefix.length);
    const b = body as Record<string, unknown>;
    if (method === 'POST' && rest === '/contents') {
      if (!this.v.ChangeFilesOptions!(body))
        return this.invalid('POST /contents', this.v.ChangeFilesOptions!.errors);
      const from = this.branches.get((b.branch as string) ?? 'main');
      if (!from)
        return { status: 404, body: { message: `branch does not exist [name: ${b.branch}]` } };
      const target = (b.new_branch as string) ?? (b.branch as string);
      if (b.new_branch && this.branches.has(target))
        return { status: 422, body: { message: `branch already exists [name: ${target}]` } };
      const files = new Map(from);
      for (const f of b.files as {
        operation: string;
        path: string;
        content?: string;
        sha?: string;
      }[]) {
        const old = files.get(f.path);
        if (f.operation === 'create' && old)
          return {
            status: 422,
            body: { message: `repository file already exists [path: ${f.path}]` },
          };
        if (f.operation === 'update' && (!old || sha(old) !== f.sha))
          return { status: 422, body: { message: `sha does not match [given: ${f.sha}]` } };
        if (f.operation === 'delete') files.delete(f.path);
        else files.set(f.path, Buffer.from(f.content ?? '', 'base64'));
      }
      this.branches.set(target, files);
      const id = this.commit(target, (b.branch as string) ?? 'main', b.message as string);
      return { status: 201, body: { files: [], commit: { sha: id } } };
    }
    if (method === 'POST' && rest === '/pulls') {
      if (!this.v.CreatePullRequestOption!(body))
        return this.invalid('POST /pulls', this.v.CreatePullRequestOption!.errors);
      if (!this.branches.has(b.head as string))
        return { status: 404, body: { message: 'head branch does not exist' } };
      const open = this.pulls.find(
        (p) => p.head === b.head && p.base === b.base && p.state === 'open',
      );
      if (open)
        return {
          status: 409,
          body: {
            message: `pull request already exists for these targets [id: ${open.number}, issue_id: ${open.number}, head_repo_id: 1, base_repo_id: 1, head_branch: ${b.head}, base_branch: ${b.base}]`,
          },
        };
      const pull: Pull = {
        number: this.pulls.length + 1,
        head: b.head as string,
        base: b.base as string,
        title: b.title as string,
        body: (b.body as string) ?? '',
        state: 'open',
        merged: false,
        labels: (b.labels as number[]) ?? [],
        comments: [],
        reviews: [],
        created_at: new Date().toISOString(),
      };
      this.pulls.push(pull);
      return { status: 201, body: this.pullJson(pull) };
    }
    if (method === 'GET' && rest === '/pulls')
      return {
        status: 200,
        body: this.pulls
          .filter((p) => !query.state || query.state === 'all' || p.state === query.state)
          .map((p) => this.pullJson(p)),
      };
    let m = /^\/pulls\/([^/]+)\/(.+)$/.exec(rest);
    if (method === 'GET' && m && !/^\d+$/.test(m[1]!)) {
      const p = this.pulls.filter((x) => x.base === m![1] && x.head === m![2]).at(-1);
      return p
        ? { status: 200, body: this.pullJson(p) }
        : { status: 404, body: { message: 'pull request does not exist' } };
    }
    if (method === 'GET' && (m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      const p = this.pulls.find((x) => x.number === Number(m![1]));
      return {
        status: 200,
        body: (p?.reviews ?? []).map((r, i) => ({
          id: i + 1,
          state: r.state,
          user: { login: r.login },
        })),
      };
    }
    if (method === 'GET' && (m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const p = this.pulls.find((x) => x.number === Number(m![1]));
      return { status: 200, body: (p?.comments ?? []).map((c, i) => ({ id: i + 1, body: c })) };
    }
    const review = this.routeReview(method, rest, b);
    if (review) return review;
    if (method === 'GET' && rest === '/labels') return { status: 200, body: this.labels };
    if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const file = this.branches.get(this.branchAt(query.ref ?? 'main') ?? '')?.get(m[1]!);
      return file
        ? {
            status: 200,
            body: {
              path: m[1],
              sha: sha(file),
              type: 'file',
              encoding: 'base64',
              content: file.toString('base64'),
            },
          }
        : { status: 404, body: { message: 'object does not exist' } };
    }
    this.violations.push(`${method} ${path}: not a call the forge should make`);
    return { status: 404, body: { message: 'not found' } };
  }
}
