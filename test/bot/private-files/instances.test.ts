/**
 * Two bot instances behind one webhook share the private store in Redis: evidence sent to one
 * instance is served by the other through the link in the pull request body, and the review CLI
 * reads it from Redis — the instances share the secret, not a disk.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  createPresenter,
  createSubmissionSink,
  type Submission,
  type SubmissionSink,
} from '../../../bot/forge/index.ts';
import {
  openPrivateFiles,
  privateFilesConfig,
  type PrivateFiles,
} from '../../../bot/private-files/config.ts';
import { privateFileHandler } from '../../../bot/private-files/http-handler.ts';
import { sh } from '../forge/fixtures.ts';
import { contentCopy, harness, PUBLIC, ROOT, tempDir } from '../support/harness.ts';
import { objectWithEvidence, serve } from './support.ts';

const redisUrl = inject('redisUrl');
const SECRET = 'shared-instances-link-secret-0123456789ab';
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe.skipIf(!redisUrl)('two bot instances sharing the private store (Redis)', () => {
  it('serves from one instance what the other received, and the review CLI reads it from Redis', async () => {
    const prefix = `honghei-test:${Date.now()}:private:`;
    // Each instance opens the store from its own environment, as bot/run/app.ts does.
    const env = {
      HONGHEI_REDIS_URL: redisUrl,
      HONGHEI_PRIVATE_SECRET: SECRET,
      HONGHEI_PRIVATE_PREFIX: prefix,
    };
    const open = (url: string): PrivateFiles =>
      openPrivateFiles(privateFilesConfig({ ...env, HONGHEI_PRIVATE_URL: url }));
    let a: PrivateFiles | undefined;
    let b: PrivateFiles | undefined;
    const serverA = await serve((req, res) => privateFileHandler(a!)(req, res));
    const serverB = await serve((req, res) => privateFileHandler(b!)(req, res));
    a = open(serverA.url);
    b = open(serverB.url);
    closers.push(
      serverA.close,
      serverB.close,
      () => a!.store.close(),
      () => b!.store.close(),
    );

    const root = contentCopy();
    sh(root, 'init', '-q', '-b', 'main');
    sh(root, 'add', '-A');
    sh(root, 'commit', '-q', '-m', 'sample content (示例)');
    const real = createSubmissionSink({
      forge: { kind: 'local', repo: root },
      outbox: { kind: 'file', dir: join(tempDir(), 'outbox') },
      pollIntervalMs: 0,
      retryIntervalMs: 0,
      contentRoot: root,
    });
    closers.push(() => real.close());
    const submitted: Submission[] = [];
    const sink: SubmissionSink = {
      submit: (s) => (submitted.push(s), real.submit(s)),
      status: (id) => real.status(id),
    };
    const hA = harness({ root, sink, today: '2026-11-20', privateFiles: a });

    const evidence = await objectWithEvidence(
      hA,
      '2026-11-20',
      '公示所列拖欠金额有误，已提交付款凭证，请核查。（示例数据）',
    );
    expect(hA.last(PUBLIC)).toContain('异议已收到');
    await real.reconcile();

    // Instance A wrote the link with its own address; instance B serves the same path.
    const body = createPresenter({ contentRoot: root })(submitted[0]!, (p) => p).body;
    const link = /\]\((http:\/\/127\.0\.0\.1:\d+\/private-files\/[^)\s]+)\)/.exec(body)?.[1];
    expect(link).toMatch(new RegExp(`^${serverA.url}/`));
    const viaB = await fetch(link!.replace(serverA.url, serverB.url));
    expect([viaB.status, Buffer.from(await viaB.arrayBuffer())]).toEqual([200, evidence]);

    // The reviewer's CLI on any machine that reaches Redis.
    const out = join(tempDir(), 'review');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        'scripts/review.ts',
        'show',
        submitted[0]!.id,
        '--repo',
        root,
        '--date',
        '2026-11-21',
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
    expect(stdout).toContain('✅ SHA-256 已核对');
    const name = /已保存到 \S+\/([^/\s]+\.pdf)/.exec(stdout)?.[1];
    expect(readFileSync(join(out, name!))).toEqual(evidence);
    expect(createHash('sha256').update(evidence).digest('hex')).toBe(
      /sha256:([0-9a-f]{64})/.exec(stdout)?.[1],
    );
  }, 120_000);
});
