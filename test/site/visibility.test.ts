/**
 * Only public entries anywhere: every inactive entry of the sample (computed with isPublicOn on
 * the build date) is absent from every file of the built site — pages, data files, scripts, the
 * exact-match index and Pagefind's compressed index — and every public entry is present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openSiteIndex } from '../../site/build/index-files.ts';
import { normalize } from '../../site/lib/search/text.ts';
import { readOutput, type OutputFile } from './lib/output.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { recordsOn, type RecordsByVisibility } from './lib/records.ts';

const root = SAMPLE_ROOT;
const siteDir = inject('siteDir');
const date = inject('siteDate');

let records: RecordsByVisibility;
let output: OutputFile[];

beforeAll(() => {
  records = recordsOn(root, date);
  output = readOutput(siteDir);
});

/** The strings that would give an inactive entry away, unless a public entry shares them. */
function giveaways(): { id: string; needles: string[] }[] {
  const publicNames = new Set(records.public.map((r) => r.subject.name));
  const publicCodes = new Set(
    records.public.flatMap((r) => (r.subject.code ? [r.subject.code] : [])),
  );
  return records.inactive.map((r) => ({
    id: r.id,
    needles: [
      r.id,
      ...(publicNames.has(r.subject.name) ? [] : [r.subject.name, normalize(r.subject.name)]),
      ...(r.subject.code && !publicCodes.has(r.subject.code)
        ? [r.subject.code, r.subject.code.toLowerCase()]
        : []),
    ],
  }));
}

/**
 * The open-data change files tell re-publishers which ids to delete (DEL: id, list, date, reason
 * and the removal's document number, nothing that names the subject). Those notices are the one place an inactive id may
 * appear; anything more in them is still a leak.
 */
const NOTICE_KEYS = new Set([
  'op',
  'id',
  'list',
  'date',
  'reason',
  'reason_name',
  'document_number',
]);
function withoutRemovalNotices(f: OutputFile): string {
  if (!/^data\/changes\/[^/]+\.json$/.test(f.path)) return f.text;
  const data = JSON.parse(f.text) as { changes?: Record<string, unknown>[] };
  data.changes = data.changes?.filter(
    (c) => !(c.op === 'DEL' && Object.keys(c).every((k) => NOTICE_KEYS.has(k))),
  );
  return JSON.stringify(data);
}

/** A fragment file of a shard of the entries' Pagefind bundles. */
const FRAGMENT = /^pagefind\/[^/]+\/fragment\//;

describe('the built sample site', () => {
  it('has inactive entries to hide and public ones to show (else this test proves nothing)', () => {
    expect(records.inactive.length).toBeGreaterThan(0);
    expect(records.public.length).toBeGreaterThan(0);
    expect(output.some((f) => FRAGMENT.test(f.path))).toBe(true);
  });

  it('holds no inactive entry in any file: HTML, JSON, scripts, indexes', () => {
    const leaks: string[] = [];
    for (const { id, needles } of giveaways()) {
      for (const f of output) {
        const text = withoutRemovalNotices(f);
        for (const n of needles) if (text.includes(n)) leaks.push(`${id}: "${n}" in ${f.path}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('has no page for an inactive entry', () => {
    for (const r of records.inactive)
      expect(existsSync(join(siteDir, 'records', r.id)), r.id).toBe(false);
  });

  it('has a page for every public entry with its name, and lists it on its list', () => {
    for (const r of records.public) {
      const html = readFileSync(join(siteDir, 'records', r.id, 'index.html'), 'utf8');
      expect(html, r.id).toContain(r.subject.name);
      if (r.subject.code) expect(html, r.id).toContain(r.subject.code);
    }
    const listed = (list: string) =>
      output
        .filter(
          (f) =>
            f.path.startsWith(`lists/${list}/`) &&
            !/\/(category|region|year|kind|status)\//.test(f.path),
        )
        .map((f) => f.text)
        .join('');
    for (const r of records.public) expect(listed(r.list), r.id).toContain(`/records/${r.id}/`);
  });

  it('counts only public entries in the exact-match index and in Pagefind', async () => {
    const { engine } = await openSiteIndex(siteDir);
    expect(engine.meta.count).toBe(records.public.length);
    const all = await engine.docs(await engine.search({}));
    expect(all.map((d) => d.id).sort()).toEqual(records.public.map((r) => r.id).sort());
    for (const r of records.inactive) {
      if (r.subject.code)
        expect(
          (await engine.docs(await engine.search({ q: r.subject.code }))).map((d) => d.id),
        ).not.toContain(r.id);
    }
    const fragments = output
      .filter((f) => FRAGMENT.test(f.path))
      .map((f) => JSON.parse(f.text.replace(/^pagefind_dcd/, '')) as { url: string });
    const entryUrls = fragments
      .map((f) => f.url)
      .filter((u) => u.startsWith('/records/'))
      .sort();
    expect(entryUrls).toEqual(records.public.map((r) => `/records/${r.id}/`).sort());
  });
});
