/**
 * The outcome webhook: GitHub payloads checked against GitHub's official webhook schema
 * (@octokit/openapi-webhooks) and taken from GitHub's own examples (@octokit/webhooks-examples),
 * signed as GitHub signs them; Gitea's HMAC and GitLab's token. The submitter is told exactly once
 * even when a delivery repeats and the poll runs too; bad signatures change nothing.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EmbeddedSink } from '../../../bot/forge/outbox/embedded-sink.ts';
import { branchFor, type SubmissionNotice } from '../../../bot/forge/types.ts';
import { createWebhookHandler } from '../../../bot/forge/webhooks.ts';
import { githubForgeFor, giteaForgeFor, gitlabForgeFor } from './emulators/clients.ts';
import { GitHubEmulator } from './emulators/github.ts';
import { GiteaEmulator } from './emulators/gitea.ts';
import { GitLabEmulator } from './emulators/gitlab.ts';
import { sampleSubmission, tempDir } from './fixtures.ts';

const nodeModules = new URL('../../../node_modules', import.meta.url).pathname;
const t = tempDir('honghei-webhooks-');
afterAll(() => t.remove());
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

const SECRET = 'webhook-secret-example';

/** GitHub's official schema of the pull_request.closed payload. */
function closedPayloadValidator() {
  const spec = JSON.parse(
    readFileSync(
      join(nodeModules, '@octokit/openapi-webhooks/generated/api.github.com.json'),
      'utf8',
    ),
  );
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'webhooks', components: spec.components });
  return ajv.compile({ $ref: 'webhooks#/components/schemas/webhook-pull-request-closed' });
}

/** GitHub's example pull_request.closed payload, made into the merge of a submission branch. */
function githubMergedPayload(branch: string, merged: boolean) {
  const examples = JSON.parse(
    readFileSync(join(nodeModules, '@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
  ) as { name: string; examples: Record<string, any>[] }[];
  const payload = structuredClone(
    examples.find((e) => e.name === 'pull_request')!.examples.find((e) => e.action === 'closed')!,
  );
  payload.pull_request.head.ref = branch;
  payload.pull_request.head.label = `example-union:${branch}`;
  payload.pull_request.merged = merged;
  payload.pull_request.merged_at = merged ? '2026-10-06T04:00:00Z' : null;
  payload.pull_request.state = 'closed';
  return payload;
}

async function serve(handler: ReturnType<typeof createWebhookHandler>): Promise<string> {
  const server: Server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => server.close(() => r())));
  const a = server.address();
  return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
}

// Waits for a notice that normally comes within milliseconds; a loaded machine may take seconds.
async function until(check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function sinkFor(
  forge: ConstructorParameters<typeof EmbeddedSink>[0]['forge'],
  name: string,
  notices: SubmissionNotice[],
) {
  const sink = new EmbeddedSink({
    forge,
    dir: join(t.dir, name),
    retryIntervalMs: 0,
    pollIntervalMs: 0,
    notify: async (n) => void notices.push(n),
    log: () => undefined,
  });
  cleanup.push(() => sink.close());
  return sink;
}

describe('GitHub webhook', () => {
  it('a signed pull_request.closed (merged) tells the submitter once, however often it is delivered or polled', async () => {
    const gh = await new GitHubEmulator().start();
    cleanup.push(() => gh.stop());
    const notices: SubmissionNotice[] = [];
    const sink = sinkFor(githubForgeFor(gh), 'gh', notices);
    const s = sampleSubmission(1);
    await sink.submit(s);
    await sink.reconcile();
    gh.merge(1);
    const url = await serve(
      createWebhookHandler({ sink, github: { secret: SECRET }, log: () => undefined }),
    );

    const payload = githubMergedPayload(branchFor(s.id), true);
    const validate = closedPayloadValidator();
    expect(validate(payload), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const body = JSON.stringify(payload);
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const post = (sig: string, delivery: string) =>
      fetch(`${url}/webhooks/github`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'pull_request',
          'x-github-delivery': delivery,
          'x-hub-signature-256': sig,
        },
      });
    expect((await post('sha256=' + '0'.repeat(64), 'd-0')).status).toBe(401);
    expect((await post(signature, 'd-1')).status).toBe(202);
    expect((await post(signature, 'd-1')).status).toBe(200); // the same delivery again
    await until(() => notices.some((n) => n.outcome === 'published'));
    expect((await post(signature, 'd-2')).status).toBe(202); // a redelivery under a new id
    await sink.checkOutcomes();
    await new Promise((r) => setTimeout(r, 200));
    expect(notices.map((n) => n.outcome)).toEqual(['delivered', 'published']);
    expect(notices[1]).toMatchObject({
      submissionId: s.id,
      url: `https://github.com/${gh.owner}/${gh.repo}/pull/1`,
    });
  });

  it('closed unmerged: rejected with the reviewer comment', async () => {
    const gh = await new GitHubEmulator().start();
    cleanup.push(() => gh.stop());
    const notices: SubmissionNotice[] = [];
    const sink = sinkFor(githubForgeFor(gh), 'gh-reject', notices);
    const s = sampleSubmission(2);
    await sink.submit(s);
    await sink.reconcile();
    gh.reject(1, '文号与决定文书不一致，请核对后重新报送（示例）');
    const url = await serve(
      createWebhookHandler({ sink, github: { secret: SECRET }, log: () => undefined }),
    );
    const payload = githubMergedPayload(branchFor(s.id), false);
    expect(closedPayloadValidator()(payload)).toBe(true);
    const body = JSON.stringify(payload);
    const res = await fetch(`${url}/webhooks/github`, {
      method: 'POST',
      body,
      headers: {
        'x-github-event': 'pull_request',
        'x-github-delivery': 'r-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
    });
    expect(res.status).toBe(202);
    await until(() => notices.some((n) => n.outcome === 'rejected'));
    expect(notices.at(-1)).toMatchObject({
      outcome: 'rejected',
      comment: '文号与决定文书不一致，请核对后重新报送（示例）',
    });
  });
});

describe('Gitea and GitLab webhooks', () => {
  it('Gitea: HMAC-SHA256 of the body; a wrong one is refused', async () => {
    const e = await new GiteaEmulator().start();
    cleanup.push(() => e.stop());
    const notices: SubmissionNotice[] = [];
    const sink = sinkFor(giteaForgeFor(e), 'gitea', notices);
    const s = sampleSubmission(3);
    await sink.submit(s);
    await sink.reconcile();
    e.merge(1);
    const url = await serve(
      createWebhookHandler({ sink, gitea: { secret: SECRET }, log: () => undefined }),
    );
    const body = JSON.stringify({
      action: 'closed',
      number: 1,
      pull_request: {
        number: 1,
        merged: true,
        head: { ref: branchFor(s.id) },
        base: { ref: 'main' },
      },
    });
    const post = (sig: string, id: string) =>
      fetch(`${url}/webhooks/gitea`, {
        method: 'POST',
        body,
        headers: {
          'x-gitea-event': 'pull_request',
          'x-gitea-delivery': id,
          'x-gitea-signature': sig,
        },
      });
    expect((await post('00', 'g-0')).status).toBe(401);
    const sig = createHmac('sha256', SECRET).update(body).digest('hex');
    expect((await post(sig, 'g-1')).status).toBe(202);
    expect((await post(sig, 'g-1')).status).toBe(200);
    await until(() => notices.some((n) => n.outcome === 'published'));
    expect(notices.filter((n) => n.outcome === 'published')).toHaveLength(1);
  });

  it('GitLab: the secret token; Merge Request Hook with action close', async () => {
    const e = await new GitLabEmulator().start();
    cleanup.push(() => e.stop());
    const notices: SubmissionNotice[] = [];
    const sink = sinkFor(gitlabForgeFor(e), 'gitlab', notices);
    const s = sampleSubmission(4);
    await sink.submit(s);
    await sink.reconcile();
    e.reject(1, '请补充现场照片（示例）');
    const url = await serve(
      createWebhookHandler({ sink, gitlab: { token: SECRET }, log: () => undefined }),
    );
    const body = JSON.stringify({
      object_kind: 'merge_request',
      event_type: 'merge_request',
      object_attributes: {
        iid: 1,
        source_branch: branchFor(s.id),
        target_branch: 'main',
        state: 'closed',
        action: 'close',
      },
    });
    const post = (token: string, key: string) =>
      fetch(`${url}/webhooks/gitlab`, {
        method: 'POST',
        body,
        headers: {
          'x-gitlab-event': 'Merge Request Hook',
          'x-gitlab-token': token,
          'idempotency-key': key,
        },
      });
    expect((await post('wrong', 'k-0')).status).toBe(401);
    expect((await post(SECRET, 'k-1')).status).toBe(202);
    expect((await post(SECRET, 'k-1')).status).toBe(200);
    await until(() => notices.some((n) => n.outcome === 'rejected'));
    expect(notices.at(-1)).toMatchObject({
      outcome: 'rejected',
      comment: '请补充现场照片（示例）',
    });
  });
});
