/**
 * A small stateful GitHub emulator on 127.0.0.1 for the operations the forge uses. Every request
 * is validated against GitHub's official OpenAPI description (@octokit/openapi) and every response
 * it sends is validated too, starting from the description's own examples; violations are kept in
 * `violations` (a test asserts there are none). It counts requests at the HTTP layer, answers
 * "already exists" the way GitHub does, supports ETags, and injects faults: 500s, 429 with
 * retry-after, slow answers (timeouts), and a hook run before a request is answered (to kill a
 * client process between two calls).
 */
import { createHash, createVerify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { OpenAPIBackend } from 'openapi-backend';
import { GITHUB_REVIEW_OPERATIONS, operateReview } from './github-review.ts';
import { exampleResponse, githubSpec, trimSpec, validatingBackend } from './openapi.ts';

export const GITHUB_OPERATIONS = [
  'repos/get-branch',
  'git/create-blob',
  'git/create-tree',
  'git/create-commit',
  'git/create-ref',
  'pulls/list',
  'pulls/create',
  'issues/add-labels',
  'pulls/list-reviews',
  'issues/list-comments',
  'apps/create-installation-access-token',
  ...GITHUB_REVIEW_OPERATIONS,
] as const;

/** A fault applied to the next matching requests. */
export interface Fault {
  operationId?: string;
  /** How many matching requests it hits (default 1). */
  times?: number;
  kind: 'status-500' | 'status-429' | 'slow';
  /** Seconds, for 429. */
  retryAfter?: number;
  /** For slow: how long to wait before answering (ms); 'slow' still does the work, like a server that is late. */
  delayMs?: number;
}

/** One validating backend per process: building it takes seconds, and it keeps no state. */
let backend: Promise<OpenAPIBackend> | undefined;

export interface Pull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged_at: string | null;
  labels: string[];
  created_at: string;
}

const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');

/** Checks a GitHub App JWT (RS256) against the app's public key; returns the app id or undefined. */
function verifyAppJwt(jwt: string, publicKey: KeyObject): string | undefined {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return undefined;
  const ok = createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(publicKey, Buffer.from(signature, 'base64url'));
  if (!ok) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    iss?: string | number;
    exp?: number;
  };
  return claims.exp && claims.exp * 1000 > Date.now() ? String(claims.iss) : undefined;
}

/** The emulator. */
export class GitHubEmulator {
  readonly owner = 'example-union';
  readonly repo = 'honghei-content';
  /** Every request received: operation and answer status. */
  readonly requests: { method: string; path: string; operationId?: string; status: number }[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  /** Called when request n (1-based) arrives; returning true drops it unanswered and undone. */
  beforeWork?: (n: number, operationId: string | undefined) => boolean;
  /** Called before answering request n (1-based), after the work is done. */
  beforeAnswer?: (n: number, operationId: string | undefined) => void;
  readonly blobs = new Map<string, Buffer>();
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, { tree: string; parents: string[]; message: string }>();
  readonly refs = new Map<string, string>();
  readonly pulls: Pull[] = [];
  readonly reviews = new Map<
    number,
    { login: string; state: string; body: string; at: string }[]
  >();
  readonly comments = new Map<number, { login: string; body: string; at: string }[]>();
  /** A GitHub App: its id, public key and installation; installation tokens it has issued. */
  app?: { id: string; publicKey: KeyObject; installationId: number };
  readonly installationTokens = new Set<string>();
  private api!: OpenAPIBackend;
  private server?: Server;
  url = '';

  /** Starts on a free port with a main branch holding one file. */
  async start(): Promise<this> {
    this.api = await (backend ??= validatingBackend(trimSpec(githubSpec(), GITHUB_OPERATIONS)));
    const readme = Buffer.from('# 示例内容仓库\n');
    const blob = sha1(readme);
    this.blobs.set(blob, readme);
    const tree = this.putTree(new Map([['README.md', blob]]));
    const commit = this.putCommit({ tree, parents: [], message: 'init' });
    this.refs.set('main', commit);
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  putTree(entries: Map<string, string>): string {
    const sha = sha1(JSON.stringify([...entries].sort()));
    this.trees.set(sha, entries);
    return sha;
  }

  putCommit(c: { tree: string; parents: string[]; message: string }): string {
    const sha = sha1(JSON.stringify(c));
    this.commits.set(sha, c);
    return sha;
  }

  /** Files of a branch: path → content. */
  filesOf(branch: string): Map<string, Buffer> {
    const commit = this.commits.get(this.refs.get(branch)!)!;
    return new Map([...this.trees.get(commit.tree)!].map(([p, b]) => [p, this.blobs.get(b)!]));
  }

  /** Approving reviews a merge needs (branch protection's "Require approvals"); 0: none. */
  requiredReviews = 0;

  /** Merges a pull request (as a reviewer would in the web UI); returns the merge commit. */
  merge(number: number, message = `Merge #${number}`): string {
    const pull = this.pulls.find((p) => p.number === number)!;
    const head = this.refs.get(pull.head)!;
    const commit = this.putCommit({
      tree: this.commits.get(head)!.tree,
      parents: [this.refs.get(pull.base)!, head],
      message,
    });
    this.refs.set(pull.base, commit);
    Object.assign(pull, { state: 'closed', merged_at: new Date().toISOString() });
    return commit;
  }

  /** Closes a pull request unmerged with a reviewer's comment, and deletes its branch. */
  reject(number: number, comment: string): void {
    const pull = this.pulls.find((p) => p.number === number)!;
    (this.comments.get(number) ?? this.comments.set(number, []).get(number)!).push({
      login: 'reviewer-b',
      body: comment,
      at: new Date().toISOString(),
    });
    pull.state = 'closed';
    this.refs.delete(pull.head);
  }

  approve(number: number, login: string): void {
    (this.reviews.get(number) ?? this.reviews.set(number, []).get(number)!).push({
      login,
      state: 'APPROVED',
      body: '',
      at: new Date().toISOString(),
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers as Record<string, string>,
      body: raw ? JSON.parse(raw) : undefined,
    };
    const operation = this.api.matchOperation(request);
    const entry = {
      method: request.method,
      path: url.pathname + url.search,
      operationId: operation?.operationId,
      status: 0,
    };
    this.requests.push(entry);
    const n = this.requests.length;
    const send = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      this.beforeAnswer?.(n, operation?.operationId);
      if (res.destroyed) return;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': `R${n}`,
        ...headers,
      });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (this.beforeWork?.(n, operation?.operationId)) {
      entry.status = -1; // the client went away before the server did anything
      res.destroy();
      return;
    }
    if (!operation) {
      this.violations.push(
        `${request.method} ${url.pathname}: no such operation in the description`,
      );
      return send(404, { message: 'Not Found' });
    }
    const auth = req.headers.authorization ?? '';
    if (operation.operationId === 'apps/create-installation-access-token') {
      const appId = this.app && verifyAppJwt(auth.replace(/^bearer /i, ''), this.app.publicKey);
      if (!appId || appId !== this.app!.id)
        return send(401, { message: 'A JSON web token could not be decoded' });
    } else if (this.app ? !this.installationTokens.has(auth.replace(/^token /i, '')) : !auth) {
      return send(401, { message: 'Bad credentials' });
    }
    const fault = this.faults.find(
      (f) => !f.operationId || f.operationId === operation.operationId,
    );
    if (fault && fault.kind !== 'slow') {
      if ((fault.times = (fault.times ?? 1) - 1) <= 0)
        this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault.kind === 'status-500') return send(500, { message: 'Server Error' });
      return send(
        429,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
        { 'retry-after': String(fault.retryAfter ?? 1) },
      );
    }
    const validation = this.api.validateRequest(request, operation);
    if (!validation.valid) {
      this.violations.push(
        `${operation.operationId} request: ${JSON.stringify(validation.errors)}`,
      );
      return send(422, { message: 'Invalid request.', errors: validation.errors });
    }
    const params = (this.api.router.parseRequest(request, operation).params ?? {}) as Record<
      string,
      string
    >;
    const answer = this.operate(
      operation.operationId!,
      params,
      request.query,
      request.body as Record<string, unknown>,
    );
    if (fault?.kind === 'slow') {
      if ((fault.times = (fault.times ?? 1) - 1) <= 0)
        this.faults.splice(this.faults.indexOf(fault), 1);
      await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
    }
    if (answer.status < 300) {
      const check = this.api.validateResponse(answer.body, operation, answer.status);
      if (check.errors?.length)
        this.violations.push(
          `${operation.operationId} response ${answer.status}: ${JSON.stringify(check.errors).slice(0, 500)}`,
        );
      const etag = `"${sha1(JSON.stringify(answer.body))}"`;
      if (request.method === 'GET' && req.headers['if-none-match'] === etag)
        return send(304, undefined, { etag });
      return send(answer.status, answer.body, { etag });
    }
    return send(answer.status, answer.body);
  }

  /** The description's example response of an operation (its first item for a list). */
  example(operationId: string, status: string): Record<string, unknown> {
    const value = exampleResponse(githubSpec(), operationId, status);
    return (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
  }

  private pullJson(p: Pull): Record<string, unknown> {
    const json = this.example('pulls/create', '201');
    const head = json.head as Record<string, unknown>;
    const base = json.base as Record<string, unknown>;
    return {
      ...json,
      number: p.number,
      id: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      merged_at: p.merged_at,
      merged: Boolean(p.merged_at),
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${p.number}`,
      created_at: p.created_at,
      head: {
        ...head,
        ref: p.head,
        label: `${this.owner}:${p.head}`,
        sha: this.refs.get(p.head) ?? (head.sha as string),
      },
      base: { ...base, ref: p.base, label: `${this.owner}:${p.base}` },
      labels: p.labels.map((name, i) => ({
        ...((json.labels as Record<string, unknown>[])[0] ?? {}),
        id: i + 1,
        name,
      })),
      // GitHub's own example lists a team without fields its schema requires: send none.
      requested_teams: [],
    };
  }

  private operate(
    op: string,
    params: Record<string, string>,
    query: Record<string, string>,
    body: Record<string, unknown>,
  ): { status: number; body: unknown } {
    const now = new Date().toISOString();
    switch (op) {
      case 'repos/get-branch': {
        const sha = this.refs.get(params.branch!);
        if (!sha) return { status: 404, body: { message: 'Branch not found' } };
        const json = this.example(op, '200');
        const commit = json.commit as Record<string, unknown>;
        return {
          status: 200,
          body: {
            ...json,
            name: params.branch,
            commit: {
              ...commit,
              sha,
              commit: {
                ...(commit.commit as object),
                tree: {
                  ...((commit.commit as Record<string, unknown>).tree as object),
                  sha: this.commits.get(sha)!.tree,
                },
              },
            },
          },
        };
      }
      case 'git/create-blob': {
        const bytes =
          body.encoding === 'base64'
            ? Buffer.from(body.content as string, 'base64')
            : Buffer.from(body.content as string);
        const sha = sha1(bytes);
        this.blobs.set(sha, bytes);
        return {
          status: 201,
          body: { url: `${this.url}/repos/${this.owner}/${this.repo}/git/blobs/${sha}`, sha },
        };
      }
      case 'git/create-tree': {
        const entries = new Map(
          body.base_tree ? (this.trees.get(body.base_tree as string) ?? []) : [],
        );
        if (body.base_tree && !this.trees.has(body.base_tree as string))
          return { status: 404, body: { message: 'base_tree not found' } };
        for (const e of body.tree as { path: string; sha?: string; content?: string }[]) {
          let sha = e.sha;
          if (e.content !== undefined) {
            const bytes = Buffer.from(e.content);
            sha = sha1(bytes);
            this.blobs.set(sha, bytes);
          }
          if (!sha || !this.blobs.has(sha))
            return { status: 422, body: { message: `tree.sha ${sha} is not a valid blob` } };
          entries.set(e.path, sha);
        }
        const sha = this.putTree(entries);
        return {
          status: 201,
          body: {
            sha,
            url: `${this.url}/git/trees/${sha}`,
            truncated: false,
            tree: [...entries].map(([path, s]) => ({
              path,
              mode: '100644',
              type: 'blob',
              sha: s,
              size: this.blobs.get(s)!.length,
              url: `${this.url}/git/blobs/${s}`,
            })),
          },
        };
      }
      case 'git/create-commit': {
        if (!this.trees.has(body.tree as string))
          return { status: 422, body: { message: 'Tree SHA does not exist' } };
        const sha = this.putCommit({
          tree: body.tree as string,
          parents: body.parents as string[],
          message: body.message as string,
        });
        const json = this.example(op, '201');
        return {
          status: 201,
          body: {
            ...json,
            sha,
            node_id: sha,
            message: body.message,
            tree: { ...(json.tree as object), sha: body.tree },
            parents: (body.parents as string[]).map((p) => ({
              sha: p,
              url: `${this.url}/commits/${p}`,
              html_url: `https://github.com/commit/${p}`,
            })),
          },
        };
      }
      case 'git/create-ref': {
        const name = (body.ref as string).replace(/^refs\/heads\//, '');
        if (this.refs.has(name))
          return {
            status: 422,
            body: {
              message: 'Reference already exists',
              documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference',
              status: '422',
            },
          };
        if (!this.commits.has(body.sha as string))
          return { status: 422, body: { message: 'Object does not exist' } };
        this.refs.set(name, body.sha as string);
        const json = this.example(op, '201');
        return {
          status: 201,
          body: { ...json, ref: body.ref, object: { ...(json.object as object), sha: body.sha } },
        };
      }
      case 'pulls/list': {
        const head = query.head?.split(':')[1];
        const state = query.state ?? 'open';
        const list = this.pulls.filter(
          (p) =>
            (!head || p.head === head) &&
            (state === 'all' || p.state === state) &&
            (!query.base || p.base === query.base),
        );
        return { status: 200, body: list.map((p) => this.pullJson(p)) };
      }
      case 'pulls/create': {
        const head = (body.head as string).replace(/^[^:]+:/, '');
        if (!this.refs.has(head))
          return {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
            },
          };
        if (this.pulls.some((p) => p.head === head && p.state === 'open')) {
          return {
            status: 422,
            body: {
              message: 'Validation Failed',
              errors: [
                {
                  resource: 'PullRequest',
                  code: 'custom',
                  message: `A pull request already exists for ${this.owner}:${head}.`,
                },
              ],
            },
          };
        }
        const pull: Pull = {
          number: this.pulls.length + 1,
          head,
          base: body.base as string,
          title: body.title as string,
          body: (body.body as string) ?? '',
          state: 'open',
          merged_at: null,
          labels: [],
          created_at: now,
        };
        this.pulls.push(pull);
        return { status: 201, body: this.pullJson(pull) };
      }
      case 'issues/add-labels': {
        const pull = this.pulls.find((p) => p.number === Number(params.issue_number));
        if (!pull) return { status: 404, body: { message: 'Not Found' } };
        const names = Array.isArray(body)
          ? (body as string[])
          : ((body.labels as (string | { name: string })[]) ?? []).map((l) =>
              typeof l === 'string' ? l : l.name,
            );
        for (const l of names) if (!pull.labels.includes(l)) pull.labels.push(l);
        const label = this.example(op, '200');
        return { status: 200, body: pull.labels.map((name, i) => ({ ...label, id: i + 1, name })) };
      }
      case 'pulls/list-reviews': {
        const review = this.example(op, '200');
        const list = this.reviews.get(Number(params.pull_number)) ?? [];
        return {
          status: 200,
          body: list.map((r, i) => ({
            ...review,
            id: i + 1,
            state: r.state,
            body: r.body,
            submitted_at: r.at,
            user: { ...(review.user as object), login: r.login },
          })),
        };
      }
      case 'issues/list-comments': {
        const comment = this.example(op, '200');
        const list = this.comments.get(Number(params.issue_number)) ?? [];
        return {
          status: 200,
          body: list.map((c, i) => ({
            ...comment,
            id: i + 1,
            body: c.body,
            created_at: c.at,
            updated_at: c.at,
            user: { ...(comment.user as object), login: c.login, type: 'User' },
          })),
        };
      }
      case 'apps/create-installation-access-token': {
        if (Number(params.installation_id) !== this.app?.installationId)
          return { status: 404, body: { message: 'Not Found' } };
        const token = `ghs_${sha1(String(Math.random())).slice(0, 36)}`;
        this.installationTokens.add(token);
        const json = this.example(op, '201');
        return {
          status: 201,
          body: { ...json, token, expires_at: new Date(Date.now() + 3600_000).toISOString() },
        };
      }
      default:
        return (
          operateReview(this, op, params, body) ?? {
            status: 501,
            body: { message: `the emulator does not implement ${op}` },
          }
        );
    }
  }
}
