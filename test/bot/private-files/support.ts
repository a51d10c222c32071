/**
 * What the private-file tests share: files whose bytes can be found again anywhere (a real JPEG
 * and a real PDF, each with a random tail no other file has), an HTTP server on 127.0.0.1 running
 * only the private-file handler, and every object of a git repository read back with git itself.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteHandler } from '../../../bot/private-files/http-handler.ts';
import type { LoadedRecord } from '../../../content/schema/index.ts';
import { fillForm } from '../support/drive.ts';
import { JPEG } from '../support/fixtures.ts';
import { PUBLIC, type harness } from '../support/harness.ts';

/** A JPEG no other file holds: the sample picture with random bytes after its end marker. */
export const distinctJpeg = () => Buffer.concat([JPEG, randomBytes(2048)]);

/** A well-formed PDF with a random comment no other file holds. */
export function distinctPdf(): Buffer {
  const marker = randomBytes(1024).toString('base64');
  return Buffer.from(
    `%PDF-1.4\n% ${marker}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A chunk from the middle of the random part (what a partial copy or a re-encoding container would still hold). */
export const chunkOf = (bytes: Buffer) => bytes.subarray(bytes.length - 700, bytes.length - 636);

/** An HTTP server on 127.0.0.1 serving one route handler; anything else is 404. */
export async function serve(
  handler: RouteHandler,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(async (req, res) => {
    if (!(await handler(req, res))) res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The contents of every object of a repository: those reachable from any ref (git rev-list --all
 * --objects) and, to be thorough, every object in its store, reachable or not.
 */
export function gitObjects(repo: string): { id: string; type: string; content: Buffer }[] {
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['-C', repo, ...args], { input, maxBuffer: 1024 ** 3 });
  const reachable = git(['rev-list', '--all', '--objects'])
    .toString()
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter(Boolean);
  const stored = git(['cat-file', '--batch-all-objects', '--batch-check=%(objectname)'])
    .toString()
    .split('\n')
    .filter(Boolean);
  const ids = [...new Set([...reachable, ...stored])];
  const batch = git(['cat-file', '--batch'], `${ids.join('\n')}\n`);
  const out: { id: string; type: string; content: Buffer }[] = [];
  let at = 0;
  while (at < batch.length) {
    const eol = batch.indexOf(0x0a, at);
    const [id, type, size] = batch.subarray(at, eol).toString().split(' ');
    const start = eol + 1;
    out.push({ id: id!, type: type!, content: batch.subarray(start, start + Number(size)) });
    at = start + Number(size) + 1;
  }
  if (out.length !== ids.length)
    throw new Error(`git cat-file --batch returned ${out.length} objects for ${ids.length} ids`);
  return out;
}

/** A public black-list entry of the content with no event after the date, chosen by a condition. */
export function publicEntry(
  h: ReturnType<typeof harness>,
  date: string,
  where: (r: LoadedRecord) => boolean,
): LoadedRecord {
  const found = h.repo
    .records()
    .find(
      (r) =>
        where(r) &&
        r.record.subject.code &&
        r.record.history.every((e) => e.date <= date) &&
        h.repo.findPublic(r.record.subject.code, date).length === 1,
    );
  if (!found)
    throw new Error(
      `the sample content has no public entry on ${date} matching the test's condition`,
    );
  return found;
}

/**
 * Files an objection with a PDF as evidence, through the real /objection form, against a public
 * black-list entry of the harness's content on `date`; returns the evidence's bytes.
 */
export async function objectWithEvidence(
  h: ReturnType<typeof harness>,
  date: string,
  grounds: string,
): Promise<Buffer> {
  const evidence = distinctPdf();
  const target = publicEntry(h, date, (r) => r.record.list === 'black');
  await h.act(PUBLIC, '/objection');
  await fillForm(h, PUBLIC, {
    '哪一条记录？': target.record.subject.code!,
    异议事由: grounds,
    证据材料: {
      files: (hh, u) => [hh.tg.document(u, evidence, '付款凭证.pdf', 'application/pdf')],
    },
  });
  await h.send(h.tg.press(PUBLIC, '确认提交'));
  return evidence;
}
