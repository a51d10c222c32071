/**
 * Issue 9 §2, end to end through the bot's real flows: a /repair with a pledge and an /objection
 * with evidence go through the outbox to a local-git forge (a real repository in a temp folder).
 * Afterwards no object of that repository holds the files' bytes (every object read back with git
 * itself), while the reviewer gets them: through `npm run review -- show` (from the store, and
 * through a signed link over HTTP) and through the links in the pull request body, each checked
 * against its SHA-256. An expired link and an altered one are refused.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  createPresenter,
  createSubmissionSink,
  type Submission,
  type SubmissionSink,
} from '../../../bot/forge/index.ts';
import { openPrivateFiles, type PrivateFiles } from '../../../bot/private-files/config.ts';
import { privateFileHandler } from '../../../bot/private-files/http-handler.ts';
import { sh } from '../forge/fixtures.ts';
import { fillForm } from '../support/drive.ts';
import { contentCopy, harness, PUBLIC, ROOT, tempDir } from '../support/harness.ts';
import { chunkOf, distinctJpeg, distinctPdf, gitObjects, publicEntry, serve } from './support.ts';

const TODAY = '2026-11-20';
const SECRET = 'journey-test-link-secret-0123456789abcdef';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const run = promisify(execFile);

/** The review CLI, as a reviewer runs it; resolves with its output whatever the exit code. */
async function review(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['scripts/review.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    return { code: 0, out: `${r.stdout}${r.stderr}` };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

describe('non-public attachments never enter the publication repository', () => {
  it('keeps a pledge and evidence out of every git object, and gives them to the reviewer by CLI and signed link', async () => {
    const root = contentCopy();
    sh(root, 'init', '-q', '-b', 'main');
    sh(root, 'add', '-A');
    sh(root, 'commit', '-q', '-m', 'sample content (示例)');

    // The bot's private store and its HTTP route; the links need the server's address.
    const storeDir = join(tempDir('honghei-private-store-'), 'private');
    let files: PrivateFiles | undefined;
    const server = await serve((req, res) =>
      privateFileHandler({ store: files!.store, links: files!.links })(req, res),
    );
    closers.push(server.close);
    files = openPrivateFiles({
      store: { kind: 'dir', dir: storeDir },
      secret: SECRET,
      baseUrl: server.url,
      ttlMs: 14 * 24 * 3600_000,
    });
    closers.push(() => files!.store.close());

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
    const h = harness({ root, sink, today: TODAY, privateFiles: files });

    // /repair with a written pledge (PDF).
    const pledge = distinctPdf();
    const repairTarget = publicEntry(
      h,
      TODAY,
      (r) =>
        r.record.list === 'black' &&
        r.record.category === 'wage-arrears' &&
        r.record.history.at(-1)!.status === 'listed',
    );
    const requirements = h.repo.categories.black.find((c) => c.id === 'wage-arrears')!.repair!
      .requirements;
    await h.act(PUBLIC, '/repair');
    await fillForm(h, PUBLIC, {
      '哪一条记录？': repairTarget.record.subject.code!,
      整改完成日期: '2026-03-01',
      ...Object.fromEntries(requirements.map((_, i) => [`条件 ${i + 1}`, { press: '已满足' }])),
      信用承诺书: {
        files: (hh, u) => [hh.tg.document(u, pledge, '张某某信用承诺书.pdf', 'application/pdf')],
      },
      整改证明材料: { skip: true },
      整改情况说明: '已于 2026 年 3 月 1 日足额支付全部拖欠工资。（示例数据）',
    });
    await h.send(h.tg.press(PUBLIC, '确认提交'));
    expect(h.last(PUBLIC)).toContain('信用修复申请已收到');

    // /objection with evidence: a photo and a PDF.
    const photo = distinctJpeg();
    const receipt = distinctPdf();
    const objectionTarget = publicEntry(
      h,
      TODAY,
      (r) => r.record.list === 'black' && r.record.id !== repairTarget.record.id,
    );
    await h.act(PUBLIC, '/objection');
    await fillForm(h, PUBLIC, {
      '哪一条记录？': objectionTarget.record.subject.code!,
      异议事由: '该公司已足额支付全部工资，公示所列事实与实际不符，请核查。（示例数据）',
      证据材料: {
        files: (hh, u) => [
          hh.tg.photo(u, photo),
          hh.tg.document(u, receipt, '工资支付凭证.pdf', 'application/pdf'),
        ],
      },
    });
    await h.send(h.tg.press(PUBLIC, '确认提交'));
    expect(h.last(PUBLIC)).toContain('异议已收到');
    await real.reconcile();

    const [repair, objection] = submitted;
    expect(submitted.map((s) => s.kind)).toEqual(['repair', 'objection']);
    const secrets = [pledge, photo, receipt];
    // The commits carry only the record files; the records carry only references.
    for (const s of submitted)
      expect(s.files.map((f) => f.path)).toEqual([
        s.kind === 'repair' ? repairTarget.source.file : objectionTarget.source.file,
      ]);
    const onBranch = (s: Submission, file: string) =>
      parse(sh(root, 'show', `refs/heads/submission/${s.id}:${file}`));
    const pledgeRef = onBranch(repair!, repairTarget.source.file).attachments.at(-1);
    expect(pledgeRef).toEqual({
      private: `sha256:${sha(pledge)}`,
      kind: 'pledge',
      name: expect.stringMatching(/^[a-z0-9-]+\.pdf$/),
      size: pledge.byteLength,
      type: 'application/pdf',
    });
    const evidenceRefs = onBranch(objection!, objectionTarget.source.file).attachments.filter(
      (a: { kind: string }) => a.kind === 'evidence',
    );
    expect(evidenceRefs.map((a: { private: string }) => a.private)).toEqual([
      `sha256:${sha(photo)}`,
      `sha256:${sha(receipt)}`,
    ]);

    // No object of the content repository holds the bytes, whole or in part; the scan does read
    // the objects (it finds the references the records hold).
    const objects = gitObjects(root);
    expect(objects.filter((o) => o.type === 'blob').length).toBeGreaterThan(60);
    expect(objects.some((o) => o.content.includes(`private: sha256:${sha(pledge)}`))).toBe(true);
    for (const bytes of secrets) {
      expect(objects.filter((o) => o.content.includes(bytes)).map((o) => o.id)).toEqual([]);
      expect(objects.filter((o) => o.content.includes(chunkOf(bytes))).map((o) => o.id)).toEqual(
        [],
      );
    }
    // Nor does the work tree, nor the outbox (the submissions there carry references only).
    const treeFiles = readdirSync(root, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && !join(e.parentPath, e.name).includes('/.git/'),
    );
    for (const bytes of secrets)
      expect(
        treeFiles
          .filter((e) => readFileSync(join(e.parentPath, e.name)).includes(chunkOf(bytes)))
          .map((e) => e.name),
      ).toEqual([]);

    // The store has them, under their SHA-256.
    for (const bytes of secrets)
      expect(Buffer.from((await files.store.get(sha(bytes)))!)).toEqual(bytes);

    // The reviewer on the bot server: `review show` fetches from the store, checks, saves.
    const outDir = join(tempDir(), 'review');
    const shown = await review(
      {
        HONGHEI_PRIVATE_DIR: storeDir,
        HONGHEI_PRIVATE_SECRET: SECRET,
        HONGHEI_PRIVATE_URL: server.url,
      },
      'show',
      repair!.id,
      '--repo',
      root,
      '--date',
      '2026-11-21',
      '--out',
      outDir,
    );
    expect(shown.code, shown.out).toBe(0);
    expect(shown.out).toContain('不公开附件（不在仓库中）');
    expect(shown.out).toContain(`✅ SHA-256 已核对，已保存到 ${join(outDir, pledgeRef.name)}`);
    expect(readFileSync(join(outDir, pledgeRef.name))).toEqual(pledge);
    // …with a fresh link that works.
    const fresh = /新链接（14 天内有效）：(\S+)/.exec(shown.out)?.[1];
    expect(fresh).toMatch(new RegExp(`^${server.url}/private-files/${sha(pledge)}/`));
    expect(Buffer.from(await (await fetch(fresh!)).arrayBuffer())).toEqual(pledge);

    // A reviewer elsewhere, with the bot's address and secret but no store: through the link.
    const remoteOut = join(tempDir(), 'remote');
    const noStore = join(tempDir(), 'no-store-here');
    const remote = await review(
      {
        HONGHEI_PRIVATE_DIR: noStore,
        HONGHEI_PRIVATE_SECRET: SECRET,
        HONGHEI_PRIVATE_URL: server.url,
      },
      'show',
      objection!.id,
      '--repo',
      root,
      '--date',
      '2026-11-21',
      '--out',
      remoteOut,
    );
    expect(remote.code, remote.out).toBe(0);
    expect(remote.out.match(/✅ SHA-256 已核对/g)).toHaveLength(2);
    expect(
      evidenceRefs.map((a: { name: string }) => readFileSync(join(remoteOut, a.name))),
    ).toEqual([photo, receipt]);
    expect(existsSync(noStore)).toBe(false); // nothing was stored on the reviewer's machine
    // With the wrong secret the server refuses, and the CLI says so instead of saving anything.
    const forgedOut = join(tempDir(), 'forged');
    const forged = await review(
      {
        HONGHEI_PRIVATE_DIR: join(tempDir(), 'none'),
        HONGHEI_PRIVATE_SECRET: 'a-wrong-secret-of-enough-length-0123456789',
        HONGHEI_PRIVATE_URL: server.url,
      },
      'show',
      objection!.id,
      '--repo',
      root,
      '--date',
      '2026-11-21',
      '--out',
      forgedOut,
    );
    expect(forged.out).toContain('❌ 机器人服务器答复 HTTP 403：链接无效');
    expect(forged.out).not.toContain('✅ SHA-256');
    expect(existsSync(forgedOut)).toBe(false);

    // The pull request body (as GitHub, Gitea and GitLab show it) links each private file.
    const body = createPresenter({ contentRoot: root })(objection!, (p) => p).body;
    const links = [
      ...body.matchAll(/\]\((http:\/\/127\.0\.0\.1:\d+\/private-files\/[^)\s]+)\)/g),
    ].map((m) => m[1]!);
    expect(links).toHaveLength(2);
    expect(body).toContain('不公开附件（仅供审核，不进入仓库');
    expect(body).not.toContain('content/media');
    const got = await Promise.all(
      links.map(async (l) => {
        const r = await fetch(l);
        return {
          status: r.status,
          type: r.headers.get('content-type'),
          bytes: Buffer.from(await r.arrayBuffer()),
        };
      }),
    );
    expect(got).toEqual([
      { status: 200, type: 'image/jpeg', bytes: photo },
      { status: 200, type: 'application/pdf', bytes: receipt },
    ]);

    // An expired link is refused (410) and an altered one too (403), with a text that says why.
    const file = { sha256: sha(receipt), name: evidenceRefs[1].name as string };
    const expired = await fetch(files.links.url(file, Date.now() - 60_000));
    expect([expired.status, await expired.text()]).toEqual([
      410,
      expect.stringContaining('链接已过期'),
    ]);
    const good = new URL(links[1]!);
    const sig = good.searchParams.get('sig')!;
    const alter = (change: (u: URL) => void) => {
      const u = new URL(good);
      change(u);
      return u.toString();
    };
    for (const altered of [
      alter((u) => u.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`)),
      alter((u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 86_400))),
      alter((u) => (u.pathname = u.pathname.replace(/[^/]+$/, 'other-name-1.pdf'))),
      alter((u) => (u.pathname = u.pathname.replace(sha(receipt), sha(photo)))),
    ]) {
      const r = await fetch(altered);
      expect([r.status, await r.text()], altered).toEqual([
        403,
        expect.stringContaining('链接无效：链接被改动过'),
      ]);
    }
  }, 120_000);
});
