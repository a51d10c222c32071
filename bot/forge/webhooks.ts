/**
 * The outcome webhook: forges call it when a pull request changes; it answers at once (GitHub
 * gives up after about 10 s and never redelivers) and then reads the submission's state through
 * the sink, which tells the submitter once. Signatures are verified (GitHub: @octokit/webhooks,
 * X-Hub-Signature-256; Gitea/Forgejo: HMAC-SHA256 of the body in X-Gitea-Signature or
 * X-Forgejo-Signature; GitLab: the secret token in X-Gitlab-Token) and deliveries are
 * de-duplicated by their delivery id. The periodic poll of the sink covers missed deliveries.
 *
 * Routes: POST /webhooks/github, /webhooks/gitea, /webhooks/gitlab.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WebhookMergeRequestEventSchema } from '@gitbeaker/rest';
import { Webhooks } from '@octokit/webhooks';
import type { Redis } from 'ioredis';
import { describeError } from './outbox/entry.ts';

/** What the endpoint needs from the sink. */
export interface Refreshable {
  refresh(submissionId: string): Promise<unknown>;
}

/** Remembers delivery ids: true the first time an id is seen. */
export interface DeliveryLog {
  firstTime(id: string): Promise<boolean>;
}

/** Delivery ids in memory (one bot instance), the newest `size` kept. */
export function memoryDeliveryLog(size = 10_000): DeliveryLog {
  const seen = new Set<string>();
  return {
    async firstTime(id) {
      if (seen.has(id)) return false;
      seen.add(id);
      if (seen.size > size) seen.delete(seen.values().next().value!);
      return true;
    },
  };
}

/** Delivery ids in Redis (several instances behind one URL), kept for a week. */
export function redisDeliveryLog(redis: Redis, prefix = 'honghei'): DeliveryLog {
  return {
    firstTime: async (id) =>
      (await redis.set(`${prefix}:webhook:${id}`, '1', 'EX', 7 * 24 * 3600, 'NX')) === 'OK',
  };
}

/** Options of the webhook endpoint; a forge without its secret is refused. */
export interface WebhookOptions {
  sink: Refreshable;
  github?: { secret: string };
  gitea?: { secret: string };
  gitlab?: { token: string };
  deliveries?: DeliveryLog;
  /** Largest body accepted, bytes (default 5 MB). */
  maxBytes?: number;
  log?: (message: string) => void;
}

/** The submission a branch belongs to. */
export function submissionOfBranch(ref: string | undefined): string | undefined {
  return ref?.startsWith('submission/') ? ref.slice('submission/'.length) : undefined;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type GitLabMergeRequestEvent = Pick<WebhookMergeRequestEventSchema, 'object_kind'> & {
  object_attributes: Pick<
    WebhookMergeRequestEventSchema['object_attributes'],
    'source_branch' | 'state'
  > & { action?: string };
};

/** Reads a request body up to a size. */
async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request handler: mount it on the bot's HTTP server or use startWebhookServer. */
export function createWebhookHandler(
  options: WebhookOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = options.log ?? ((m) => console.error(m));
  const deliveries = options.deliveries ?? memoryDeliveryLog();
  const github = options.github && new Webhooks({ secret: options.github.secret });
  const header = (req: IncomingMessage, name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const answer = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(text);
  };
  // The work after the answer: read the state and notify; failures wait for the next poll.
  const later = (forge: string, submissionId: string | undefined) => {
    if (!submissionId) return;
    void options.sink
      .refresh(submissionId)
      .catch((e) =>
        log(
          `webhook (${forge}): reading ${submissionId} failed, the poll will retry: ${describeError(e)}`,
        ),
      );
  };

  return async (req, res) => {
    const forge = /^\/webhooks\/(github|gitea|gitlab)\/?$/.exec(
      new URL(req.url ?? '/', 'http://x').pathname,
    )?.[1];
    if (req.method !== 'POST' || !forge)
      return answer(res, 404, 'POST /webhooks/github, /webhooks/gitea or /webhooks/gitlab');
    const body = await readBody(req, options.maxBytes ?? 5 * 1024 * 1024);
    if (body === undefined) return answer(res, 413, 'payload too large');

    let id: string | undefined;
    let submissionId: string | undefined;
    try {
      if (forge === 'github') {
        if (!github)
          return answer(
            res,
            404,
            'GitHub webhooks are not configured: set the GitHub webhook secret',
          );
        const signature = header(req, 'x-hub-signature-256') ?? '';
        if (!signature || !(await github.verify(body, signature)))
          return answer(res, 401, 'signature does not match: check the webhook secret');
        id = header(req, 'x-github-delivery');
        const event = header(req, 'x-github-event');
        const payload = JSON.parse(body) as { pull_request?: { head?: { ref?: string } } };
        if (event === 'pull_request' || event === 'pull_request_review')
          submissionId = submissionOfBranch(payload.pull_request?.head?.ref);
      } else if (forge === 'gitea') {
        if (!options.gitea)
          return answer(
            res,
            404,
            'Gitea webhooks are not configured: set the Gitea webhook secret',
          );
        const signature =
          header(req, 'x-forgejo-signature') ?? header(req, 'x-gitea-signature') ?? '';
        const expected = createHmac('sha256', options.gitea.secret).update(body).digest('hex');
        if (!safeEqual(signature, expected))
          return answer(res, 401, 'signature does not match: check the webhook secret');
        id = header(req, 'x-forgejo-delivery') ?? header(req, 'x-gitea-delivery');
        const payload = JSON.parse(body) as { pull_request?: { head?: { ref?: string } } };
        submissionId = submissionOfBranch(payload.pull_request?.head?.ref);
      } else {
        if (!options.gitlab)
          return answer(
            res,
            404,
            'GitLab webhooks are not configured: set the GitLab webhook token',
          );
        if (!safeEqual(header(req, 'x-gitlab-token') ?? '', options.gitlab.token))
          return answer(res, 401, 'token does not match: check the webhook secret token');
        id = header(req, 'idempotency-key') ?? header(req, 'x-gitlab-event-uuid');
        const payload = JSON.parse(body) as GitLabMergeRequestEvent;
        if (payload.object_kind === 'merge_request')
          submissionId = submissionOfBranch(payload.object_attributes?.source_branch);
      }
    } catch (error) {
      return answer(res, 400, `payload is not JSON: ${describeError(error)}`);
    }
    if (id && !(await deliveries.firstTime(`${forge}:${id}`)))
      return answer(res, 200, 'duplicate delivery');
    answer(res, 202, submissionId ? `accepted: ${submissionId}` : 'accepted (not a submission)');
    later(forge, submissionId);
  };
}

/** Starts an HTTP server for the webhook endpoint (default 127.0.0.1, behind the site's proxy). */
export async function startWebhookServer(
  options: WebhookOptions & { port: number; host?: string },
): Promise<Server> {
  const handler = createWebhookHandler(options);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? '127.0.0.1', resolve),
  );
  return server;
}
