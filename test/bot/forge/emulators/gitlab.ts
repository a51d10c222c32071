/**
 * A small stateful GitLab emulator for the calls the forge makes. Bodies (GitLab's snake_case)
 * are validated against schemas made from @gitbeaker/core's typings (CommitAction,
 * CreateCommitOptions, CreateMergeRequestOptions); answers follow GitLab's: 400 "A branch called
 * … already exists", 409 "Another open merge request already exists for this source branch".
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ValidateFunction } from 'ajv';
import { HttpEmulator, type EmuAnswer, type EmuRequest } from './base.ts';
import { camelKeys, validatorsFromTypings } from './typings.ts';

let validators: Record<string, ValidateFunction> | undefined;

interface MergeRequest {
  iid: number;
  source: string;
  target: string;
  title: string;
  description: string;
  labels: string[];
  state: 'opened' | 'closed' | 'merged';
  notes: { body: string; system: boolean }[];
  approvedBy: string[];
  created_at?: string;
}

/** The emulator, serving one project at /api/v4/projects/union%2Fhonghei-content. */
export class GitLabEmulator extends HttpEmulator {
  readonly project = 'union/honghei-content';
  readonly token = 'glpat-example';
  readonly branches = new Map<string, Map<string, Buffer>>([
    ['main', new Map([['README.md', Buffer.from('# 示例\n')]])],
  ]);
  readonly commits: { branch: string; message: string; author?: string }[] = [];
  readonly mergeRequests: MergeRequest[] = [];
  private readonly v = (validators ??= validatorsFromTypings('@gitbeaker/core/dist/index.d.ts', [
    'CreateCommitOptions',
    'CreateMergeRequestOptions',
    'AcceptMergeRequestOptions',
  ]));
  /** Each branch's commits, oldest first (the files are in `branches`). */
  readonly log = new Map<string, { id: string; message: string }[]>([
    ['main', [{ id: createHash('sha1').update('init').digest('hex'), message: 'init' }]],
  ]);
  /** Approvals a merge needs (the project's approval rule on the protected branch); 0: none. */
  requiredApprovals = 0;

  private commit(branch: string, from: string, message: string): string {
    const list = [...(this.log.get(from) ?? [])];
    const id = createHash('sha1')
      .update(`${list.at(-1)?.id}\n${message}\n${list.length}`)
      .digest('hex');
    this.log.set(branch, [...list, { id, message }]);
    return id;
  }

  /** The branch a ref names (a branch, or the id of a branch's head). */
  private branchAt(ref: string): string | undefined {
    if (this.branches.has(ref)) return ref;
    return [...this.log].find(([, l]) => l.at(-1)?.id === ref)?.[0];
  }

  protected authorised(headers: IncomingMessage['headers']): boolean {
    return (
      headers['private-token'] === this.token || headers.authorization === `Bearer ${this.token}`
    );
  }

  private mrJson(m: MergeRequest) {
    return {
      id: m.iid,
      iid: m.iid,
      project_id: 1,
      title: m.title,
      description: m.description,
      state: m.state,
      created_at: m.created_at,
      labels: m.labels,
      source_branch: m.source,
      target_branch: m.target,
      merged_at: m.state === 'merged' ? new Date().toISOString() : null,
      web_url: `${this.url}/${this.project}/-/merge_requests/${m.iid}`,
      sha: this.log.get(m.source)?.at(-1)?.id ?? null,
    };
  }

  merge(iid: number, message = `Merge branch into main`) {
    const m = this.mergeRequests.find((x) => x.iid === iid)!;
    this.branches.set(m.target, new Map(this.branches.get(m.source)));
    this.commit(m.target, m.source, message);
    m.state = 'merged';
  }

  reject(iid: number, comment: string) {
    const m = this.mergeRequests.find((x) => x.iid === iid)!;
    m.notes.push({ body: comment, system: false }, { body: 'closed', system: true });
    m.state = 'closed';
  }

  /** The merge request's commits and diffs, and its merge (refused below requiredApprovals). */
  private routeReview(
    method: string,
    rest: string,
    b: Record<string, unknown>,
  ): EmuAnswer | undefined {
    const m = /^\/merge_requests\/(\d+)\/(commits|diffs|merge)$/.exec(rest);
    if (!m) return undefined;
    const mr = this.mergeRequests.find((x) => x.iid === Number(m[1]));
    if (!mr) return { status: 404, body: { message: '404 Not found' } };
    const base = this.log.get(mr.target) ?? [];
    if (method === 'GET' && m[2] === 'commits')
      return {
        status: 200,
        body: (this.log.get(mr.source) ?? [])
          .filter((c) => !base.some((x) => x.id === c.id))
          .reverse() // newest first, as GitLab lists them
          .map((c) => ({ id: c.id, short_id: c.id.slice(0, 8), message: c.message })),
      };
    if (method === 'GET' && m[2] === 'diffs') {
      const [from, to] = [this.branches.get(mr.target)!, this.branches.get(mr.source)!];
      return {
        status: 200,
        body: [...to]
          .filter(([path, bytes]) => !from.get(path)?.equals(bytes))
          .map(([path]) => ({
            old_path: path,
            new_path: path,
            new_file: !from.has(path),
            deleted_file: false,
            renamed_file: false,
            diff: '',
          })),
      };
    }
    if (method === 'PUT' && m[2] === 'merge') {
      if (!this.v.AcceptMergeRequestOptions!(camelKeys(b ?? {})))
        return this.invalid(
          'PUT /merge_requests/:iid/merge',
          this.v.AcceptMergeRequestOptions!.errors,
          400,
        );
      if (mr.state !== 'opened')
        return { status: 405, body: { message: '405 Method Not Allowed' } };
      if (b?.sha && b.sha !== this.log.get(mr.source)?.at(-1)?.id)
        return { status: 409, body: { message: 'SHA does not match HEAD of source branch' } };
      if (mr.approvedBy.length < this.requiredApprovals)
        return { status: 405, body: { message: '405 Method Not Allowed' } };
      this.merge(mr.iid, (b?.merge_commit_message as string) ?? undefined);
      return { status: 200, body: { ...this.mrJson(mr) } };
    }
    return undefined;
  }

  protected route({ method, path, query, body }: EmuRequest): EmuAnswer {
    const prefix = `/api/v4/projects/${this.project}`;
    if (!path.startsWith(prefix))
      return { status: 404, body: { message: '404 Project Not Found' } };
    const rest = path.slice(prefix.length);
    const b = body as Record<string, unknown>;
    if (method === 'POST' && rest === '/repository/commits') {
      const { branch, commitMessage, ...options } = camelKeys(body) as Record<string, unknown>;
      if (typeof branch !== 'string' || typeof commitMessage !== 'string')
        return this.invalid(
          'POST /repository/commits',
          'branch and commit_message are required',
          400,
        );
      if (!this.v.CreateCommitOptions!(options))
        return this.invalid('POST /repository/commits', this.v.CreateCommitOptions!.errors, 400);
      const start = (b.start_branch as string) ?? branch;
      if (b.start_branch && b.start_branch !== branch && this.branches.has(branch)) {
        return {
          status: 400,
          body: {
            message: `A branch called '${branch}' already exists. Switch to that branch in order to make changes`,
          },
        };
      }
      const from = this.branches.get(start);
      if (!from)
        return {
          status: 400,
          body: { message: 'You can only create or edit files when you are on a branch' },
        };
      const files = new Map(from);
      for (const a of b.actions as {
        action: string;
        file_path: string;
        content?: string;
        encoding?: string;
      }[]) {
        if (a.action === 'create' && files.has(a.file_path))
          return { status: 400, body: { message: 'A file with this name already exists' } };
        if (a.action === 'update' && !files.has(a.file_path))
          return { status: 400, body: { message: "A file with this name doesn't exist" } };
        files.set(
          a.file_path,
          Buffer.from(a.content ?? '', a.encoding === 'base64' ? 'base64' : 'utf8'),
        );
      }
      this.branches.set(branch, files);
      this.commits.push({
        branch,
        message: commitMessage,
        author: b.author_name as string | undefined,
      });
      const id = this.commit(branch, start, commitMessage);
      return {
        status: 201,
        body: {
          id,
          short_id: id.slice(0, 8),
          title: commitMessage.split('\n')[0],
          message: commitMessage,
        },
      };
    }
    if (method === 'POST' && rest === '/merge_requests') {
      const { sourceBranch, targetBranch, title, ...options } = camelKeys(body) as Record<
        string,
        unknown
      >;
      if (
        typeof sourceBranch !== 'string' ||
        typeof targetBranch !== 'string' ||
        typeof title !== 'string'
      )
        return this.invalid(
          'POST /merge_requests',
          'source_branch, target_branch and title are required',
          400,
        );
      if (!this.v.CreateMergeRequestOptions!(options))
        return this.invalid('POST /merge_requests', this.v.CreateMergeRequestOptions!.errors, 400);
      if (!this.branches.has(sourceBranch))
        return { status: 422, body: { message: ['Source branch does not exist'] } };
      const open = this.mergeRequests.find(
        (m) => m.source === sourceBranch && m.state === 'opened',
      );
      if (open)
        return {
          status: 409,
          body: {
            message: [
              `Another open merge request already exists for this source branch: !${open.iid}`,
            ],
          },
        };
      const labels =
        typeof options.labels === 'string'
          ? options.labels.split(',').filter(Boolean)
          : ((options.labels as string[]) ?? []);
      const mr: MergeRequest = {
        iid: this.mergeRequests.length + 1,
        source: sourceBranch,
        target: targetBranch,
        title,
        description: (options.description as string) ?? '',
        labels,
        state: 'opened',
        notes: [],
        approvedBy: [],
        created_at: new Date().toISOString(),
      };
      this.mergeRequests.push(mr);
      return { status: 201, body: this.mrJson(mr) };
    }
    if (method === 'GET' && rest === '/merge_requests') {
      const list = this.mergeRequests.filter(
        (m) =>
          (!query.source_branch || m.source === query.source_branch) &&
          (!query.target_branch || m.target === query.target_branch) &&
          (!query.state || query.state === 'all' || m.state === query.state),
      );
      return { status: 200, body: list.map((m) => this.mrJson(m)) };
    }
    let m: RegExpExecArray | null;
    const review = this.routeReview(method, rest, b);
    if (review) return review;
    if (method === 'GET' && (m = /^\/merge_requests\/(\d+)\/notes$/.exec(rest))) {
      const mr = this.mergeRequests.find((x) => x.iid === Number(m![1]));
      return {
        status: 200,
        body: (mr?.notes ?? []).map((n, i) => ({ id: i + 1, body: n.body, system: n.system })),
      };
    }
    if (method === 'GET' && (m = /^\/merge_requests\/(\d+)\/approvals$/.exec(rest))) {
      const mr = this.mergeRequests.find((x) => x.iid === Number(m![1]));
      return {
        status: 200,
        body: {
          iid: mr?.iid,
          approvals_required: 2,
          approvals_left: 2 - (mr?.approvedBy.length ?? 0),
          approved_by: (mr?.approvedBy ?? []).map((u) => ({ user: { username: u } })),
        },
      };
    }
    if (method === 'GET' && (m = /^\/repository\/files\/(.+)$/.exec(rest))) {
      const file = this.branches.get(this.branchAt(query.ref ?? 'main') ?? '')?.get(m[1]!);
      return file
        ? {
            status: 200,
            body: { file_path: m[1], content: file.toString('base64'), encoding: 'base64' },
          }
        : { status: 404, body: { message: '404 File Not Found' } };
    }
    this.violations.push(`${method} ${path}: not a call the forge should make`);
    return { status: 404, body: { message: '404 Not Found' } };
  }
}
