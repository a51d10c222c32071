/**
 * changes/latest.json between two real builds of the fixture repository: the second build reads
 * the first one's published data over HTTP (HONGHEI_PREVIOUS_DATA), as a deployment would, and
 * must list what a platform has to do to catch up — and a platform that applies it must end up
 * with exactly the second build's records.json.
 */
import { createReadStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '../../../content/schema/index.ts';
import { readPreviousData } from '../../../site/lib/export/previous.ts';
import { buildSite, makeFixtureRepo, pathOf, RECORDS } from './fixture.ts';
import { readJson } from './helpers.ts';

const FIRST = '2026-09-20';
const SECOND = '2026-11-21';

let root: string;
let first: string;
let second: string;
let server: Server;

/** Serves a folder on 127.0.0.1 (a stand-in for the published site). */
function serve(dir: string): Promise<string> {
  server = createServer((req, res) => {
    const file = join(dir, normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)));
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/data/`),
    ),
  );
}

const added = {
  ...RECORDS.red,
  id: '2026q4-red-009',
  batch: '2026-Q4',
  subject: {
    kind: 'enterprise',
    name: '测试用新增辛公司（示例）',
    code: completeUscc('91000000TR0000009'),
  },
  publication: { start: '2026-10-12', end: '2029-10-11' },
  history: [{ status: 'listed', date: '2026-10-12' }],
};

beforeAll(async () => {
  ({ root } = makeFixtureRepo());
  // The first build sees the repository as it was on its day: a status event that had not happened
  // yet cannot be in it (the validator refuses a fact dated after the build date); the listing,
  // dated with its start, stays.
  const now = new Map<string, string>();
  for (const r of Object.values(RECORDS)) {
    const past = r.history.filter((e, i) => i === 0 || (e as { date: string }).date <= FIRST);
    if (past.length === r.history.length) continue;
    now.set(pathOf(r), readFileSync(join(root, pathOf(r)), 'utf8'));
    writeFileSync(join(root, pathOf(r)), stringify({ ...r, history: past }));
  }
  first = await buildSite(root, FIRST);
  for (const [path, text] of now) writeFileSync(join(root, path), text);
  // Between the builds: a new entry, and an address corrected without any status change.
  writeFileSync(join(root, pathOf(added)), stringify(added));
  writeFileSync(
    join(root, pathOf(RECORDS.red)),
    stringify({
      ...RECORDS.red,
      subject: { ...RECORDS.red.subject, address: '示例市示例区新址路 2 号（示例地址）' },
    }),
  );
  second = await buildSite(root, SECOND, { HONGHEI_PREVIOUS_DATA: await serve(first) });
});

afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
  for (const out of [first, second])
    if (out) rmSync(dirname(out), { recursive: true, force: true });
});

describe('changes between builds', () => {
  it('names the previous version as its base and lists every change with its reason', () => {
    const latest = readJson(second, 'data/changes/latest.json');
    expect(latest.base).toEqual({
      version: readJson(first, 'data/datapackage.json').version,
      as_of: FIRST,
    });
    expect(latest.version).toBe(readJson(second, 'data/datapackage.json').version);
    const summary = latest.changes.map(
      (c: { op: string; id: string; fields?: string[]; reason?: string }) => [
        c.op,
        c.id,
        c.fields ?? c.reason,
      ],
    );
    expect(summary).toEqual(
      expect.arrayContaining([
        ['ADD', added.id, undefined],
        ['MOD', RECORDS.red.id, ['record.subject']],
        ['MOD', RECORDS.demoRevoked.id, ['labels', 'record.history', 'status']],
        ['DEL', RECORDS.removed.id, 'removed'],
      ]),
    );
    expect(latest.changes).toHaveLength(4);
    expect(latest.counts).toEqual({ added: 1, changed: 2, removed: 1 });
  });

  it("applied to the first build's records, gives the second build's records", () => {
    const copy = new Map(
      readJson(first, 'data/records.json').entries.map((e: { id: string }) => [e.id, e]),
    );
    for (const c of readJson(second, 'data/changes/latest.json').changes) {
      if (c.op === 'DEL') copy.delete(c.id);
      else copy.set(c.id, c.entry);
    }
    const target = readJson(second, 'data/records.json').entries;
    expect([...copy.values()].sort((a: any, b: any) => a.id.localeCompare(b.id))).toEqual(target);
  });

  it('an unreadable previous location fails the build with the variable and the fix', async () => {
    await expect(readPreviousData('/nonexistent/data')).rejects.toThrow(
      /HONGHEI_PREVIOUS_DATA="\/nonexistent\/data".*point it at the data\/ folder/,
    );
    expect(readFileSync(join(first, 'data/changes/latest.json'), 'utf8')).toContain('"base":null');
  });
});
