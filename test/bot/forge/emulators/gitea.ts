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
  ]));

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
      merged_at: p.merged ? new Date().toISOString() : null,
      html_url: `${this.url}/${this.owner}/${this.repo}/pulls/${p.number}`,
      head: { ref: p.head, label: p.head },
      base: { ref: p.base, label: p.base },
      labels: p.labels.map((id) => this.labels.find((l) => l.id === id)),
    };
  }

  merge(number: number) {
    const p = this.pulls.find((x) => x.number === number)!;
    this.branches.set(p.base, new Map(this.branches.get(p.head)));
    Object.assign(p, { state: 'closed', merged: true });
  }

  reject(number: number, comment: string) {
    const p = this.pulls.find((x) => x.number === number)!;
    p.comments.push(comment);
    p.state = 'closed';
    this.branches.delete(p.head);
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
      return {
        status: 201,
        body: { files: [], commit: { sha: sha(Buffer.from(JSON.stringify([...files.keys()]))) } },
      };
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
    if (method === 'GET' && rest === '/labels') return { status: 200, body: this.labels };
    if (method === 'GET' && (m = /^\/contents\/(.+)$/.exec(rest))) {
      const file = this.branches.get(query.ref ?? 'main')?.get(m[1]!);
      return file
        ? { status: 200, body: { path: m[1], sha: sha(file), type: 'file' } }
        : { status: 404, body: { message: 'object does not exist' } };
    }
    this.violations.push(`${method} ${path}: not a call the forge should make`);
    return { status: 404, body: { message: 'not found' } };
  }
}
