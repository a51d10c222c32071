/**
 * The open data of a site built from a real content repository (fixture.ts): every export read
 * with independent libraries (csv-parse, ajv, fast-xml-parser, rss-parser, linkedom) and checked
 * against the repository's records and the commits the fixture made.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIST_NAMES,
  LISTS,
  loadPublisher,
  type HongheiRecord,
} from '../../../content/schema/index.ts';
import {
  buildSite,
  FIXTURE_DATE,
  INACTIVE_KEYS,
  makeFixtureRepo,
  PUBLIC_KEYS,
  RECORDS,
  type MadeCommit,
} from './fixture.ts';
import { filesContaining, read, readJson, splitRecords, textFiles } from './helpers.ts';

let root: string;
let outDir: string;
let commits: MadeCommit[];
let files: Map<string, string>;
let publicRecords: HongheiRecord[];
let inactive: HongheiRecord[];

beforeAll(async () => {
  ({ root, commits } = makeFixtureRepo());
  outDir = await buildSite(root, FIXTURE_DATE);
  files = textFiles(outDir);
  ({ publicRecords, inactive } = splitRecords(root, FIXTURE_DATE));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(dirname(outDir), { recursive: true, force: true });
});

const ids = (rs: { id: string }[]) => rs.map((r) => r.id).sort();
const byId = () => new Map(publicRecords.map((r) => [r.id, r]));
const document = (path: string) => parseHTML(read(outDir, path)).document;

describe('the fixture', () => {
  it('has the public and inactive entries the tests rely on, by the registry rule', () => {
    expect(ids(publicRecords)).toEqual(ids(PUBLIC_KEYS.map((k) => RECORDS[k])));
    expect(ids(inactive)).toEqual(ids(INACTIVE_KEYS.map((k) => RECORDS[k])));
  });
});

describe('exports', () => {
  it('records.csv is UTF-8 with a BOM, parses with csv-parse, one documented row per public entry', () => {
    const bytes = readFileSync(join(outDir, 'data/records.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes, { bom: true, columns: true, relax_quotes: false }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r.id).sort()).toEqual(ids(publicRecords));
    const records = byId();
    for (const row of rows) {
      const r = records.get(row.id!)!;
      expect(row).toMatchObject({
        list: r.list,
        list_name: LIST_NAMES[r.list].zh,
        batch: r.batch,
        subject_name: r.subject.name,
        subject_code: r.subject.code ?? '',
        facts: r.facts,
        decision_document_number: r.decision.document_number,
        publication_start: r.publication.start,
        publication_end: r.publication.end,
      });
    }
    expect(rows.find((r) => r.id === RECORDS.corrected.id)!.history).toBe(
      '列入 2026-05-10；异议处理中 2026-08-03 被列入单位对地址提出异议 2026-08-06；已更正 2026-08-05 更正住所地址',
    );
    const fields = readJson(outDir, 'data/datapackage.json').resources.find(
      (r: { path: string }) => r.path === 'records.csv',
    ).schema.fields as { name: string; description: string }[];
    expect(fields.map((f) => f.name)).toEqual(Object.keys(rows[0]!));
    for (const f of fields) expect(f.description, f.name).not.toBe('');
  });

  it('records.json validates with ajv against the generated JSON Schema, and each entry is its repository record', () => {
    // Both packages are CommonJS: take the default export whichever way the loader wraps it.
    const Ajv = (Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020;
    const formats =
      (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
    const ajv = new Ajv({ allErrors: true, strict: false });
    formats(ajv);
    const validateFile = ajv.compile(readJson(outDir, 'data/records.schema.json'));
    const validateRecord = ajv.compile(readJson(outDir, 'data/record.schema.json'));
    const data = readJson(outDir, 'data/records.json');
    expect(validateFile(data), JSON.stringify(validateFile.errors)).toBe(true);
    expect(ids(data.entries)).toEqual(ids(publicRecords));
    const records = byId();
    for (const e of data.entries) {
      expect(validateRecord(e.record), JSON.stringify(validateRecord.errors)).toBe(true);
      expect(e.record).toEqual(JSON.parse(JSON.stringify(records.get(e.id))));
    }
    // The schema is not vacuous: an unknown key or a missing field fails it.
    const bad = structuredClone(data.entries[0].record);
    bad.subject.nickname = 'x';
    expect(validateRecord(bad)).toBe(false);
    const missing = structuredClone(data.entries[0].record);
    delete missing.facts;
    expect(validateRecord(missing)).toBe(false);
  });

  it('no inactive entry is in any file: no name, no code, no facts; retired ids only in change files', () => {
    for (const r of inactive) {
      for (const value of [r.subject.name, r.facts, r.subject.code].filter(
        (v): v is string => !!v,
      )) {
        expect(filesContaining(files, value), `${r.id}: ${value}`).toEqual([]);
      }
      const withId = filesContaining(files, r.id);
      if (r.id === RECORDS.notYet.id) expect(withId, r.id).toEqual([]);
      else for (const path of withId) expect(path, r.id).toMatch(/^data\/changes\/[\w-]+\.json$/);
    }
  });

  it('the lookup file of a listed code exists; an expired, removed, revoked or future code has none', () => {
    for (const r of publicRecords.filter((p) => p.subject.code)) {
      const answer = readJson(outDir, `data/lookup/${r.subject.code}.json`);
      expect(answer).toMatchObject({ code: r.subject.code, listed: true });
      // No date in a code's file (it would change every file every day): the index carries it.
      expect(answer).not.toHaveProperty('as_of');
      expect(answer.entries.map((e: { id: string }) => e.id)).toEqual([r.id]);
    }
    const codeCount = publicRecords.filter((r) => r.subject.code).length;
    expect(readJson(outDir, 'data/lookup/index.json')).toEqual({
      as_of: FIXTURE_DATE,
      codes: codeCount,
      path: '/data/lookup/{code}.json',
      not_listed: 'HTTP 404',
    });
    for (const key of INACTIVE_KEYS)
      expect(existsSync(join(outDir, `data/lookup/${RECORDS[key].subject.code}.json`)), key).toBe(
        false,
      );
    const codes = read(outDir, 'data/codes.txt').trim().split('\n');
    expect(codes).toEqual(
      publicRecords.flatMap((r) => (r.subject.code ? [r.subject.code] : [])).sort(),
    );
  });

  it('datapackage.json gives the version, the counts and the size and SHA-256 of every file', () => {
    const index = readJson(outDir, 'data/datapackage.json');
    expect(index.version).toMatch(/^20261121-[0-9a-f]{8}$/);
    expect(index.honghei.counts.entries).toBe(publicRecords.length);
    expect(index.resources.length).toBeGreaterThanOrEqual(9);
    for (const res of index.resources) {
      const bytes = readFileSync(join(outDir, 'data', res.path));
      expect(res.bytes, res.path).toBe(bytes.length);
      expect(res.hash, res.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    }
  });

  it('change files per batch: ADD the batch, MOD later status changes, DEL with reason and nothing else', () => {
    const q = (batch: string) => readJson(outDir, `data/changes/${batch}.json`);
    const ops = (file: { changes: { op: string; id: string }[] }, op: string) =>
      file.changes
        .filter((c) => c.op === op)
        .map((c) => c.id)
        .sort();
    const q3 = q('2026-Q3');
    expect(ops(q3, 'ADD')).toEqual([RECORDS.individual.id, RECORDS.demoRevoked.id].sort());
    expect(ops(q3, 'MOD')).toEqual([RECORDS.corrected.id]);
    expect(q3.changes.find((c: { op: string }) => c.op === 'MOD').events).toEqual([
      { status: 'objection', date: '2026-08-03' },
      { status: 'corrected', date: '2026-08-05' },
    ]);
    expect(q3.changes.filter((c: { op: string }) => c.op === 'DEL')).toEqual([
      {
        op: 'DEL',
        id: RECORDS.revoked.id,
        list: 'red',
        date: '2026-09-10',
        reason: 'revoked',
        reason_name: '撤销',
      },
    ]);
    const q4 = q('2026-Q4');
    expect(q4.complete).toBe(false);
    expect(ops(q4, 'MOD')).toEqual([RECORDS.demoRevoked.id]);
    expect(q4.changes.filter((c: { op: string }) => c.op === 'DEL')).toEqual([
      {
        op: 'DEL',
        id: RECORDS.removed.id,
        list: 'black',
        date: '2026-10-08',
        reason: 'removed',
        reason_name: '提前移出',
        document_number: '示人社信修〔2026〕3号',
      },
    ]);
    expect(q('2026-Q1').changes).toEqual([
      {
        op: 'DEL',
        id: RECORDS.expired.id,
        list: 'black',
        date: '2026-02-10',
        reason: 'ended',
        reason_name: '公布期届满',
      },
    ]);
    expect(readJson(outDir, 'data/changes/latest.json')).toMatchObject({ base: null, changes: [] });
  });
});

describe('the build date', () => {
  it('is on listing pages but on no entry page, which gives the date of its latest status record', () => {
    // The fixture date in the pages' own format; no fixture record has an event on it.
    const [y, m, d] = FIXTURE_DATE.split('-').map(Number);
    const shown = `${y}年${m}月${d}日`;
    expect(read(outDir, 'index.html')).toContain(`名单信息截至 ${shown}`);
    expect(read(outDir, 'lists/black/index.html')).toContain(`名单信息截至 ${shown}`);
    for (const r of publicRecords) {
      const page = read(outDir, `records/${r.id}/index.html`);
      expect(page, r.id).not.toContain(shown);
      expect(page, r.id).not.toContain(FIXTURE_DATE);
      expect(page, r.id).toContain('本条目最近一次状态记录的日期为');
    }
  });
});

describe('feeds and discovery', () => {
  it('every feed is well-formed RSS 2.0 that a feed reader parses, with public entries only', async () => {
    const publicUrls = new Set(
      publicRecords.map((r) => `https://honghei.example.org/records/${r.id}/`),
    );
    const events = publicRecords.reduce((n, r) => n + r.history.length, 0);
    for (const feed of ['all', ...LISTS]) {
      const xml = read(outDir, `feeds/${feed}.xml`);
      expect(XMLValidator.validate(xml), feed).toBe(true);
      const rss = new XMLParser({
        ignoreAttributes: false,
        isArray: (name) => name === 'item',
      }).parse(xml).rss;
      expect(rss['@_version']).toBe('2.0');
      for (const key of ['title', 'link', 'description'])
        expect(rss.channel[key], `${feed} ${key}`).toBeTruthy();
      const items = rss.channel.item ?? [];
      for (const item of items) {
        expect(item.title && item.guid && item.pubDate, JSON.stringify(item)).toBeTruthy();
        expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
        expect(publicUrls.has(item.link), item.link).toBe(true);
      }
      const parsed = await new Parser().parseString(xml);
      expect(parsed.items.length).toBe(items.length);
      const expected =
        feed === 'all'
          ? events
          : publicRecords.filter((r) => r.list === feed).reduce((n, r) => n + r.history.length, 0);
      expect(items.length, feed).toBe(expected);
      if (feed !== 'all')
        for (const item of items) expect(item.category).toContain(LIST_NAMES[feed as 'red'].zh);
    }
  });

  it('the sitemap lists the entry pages of public entries only', () => {
    const xml = read(outDir, 'sitemap-0.xml');
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const entries = (prefix: string) =>
      urls
        .filter((u) => new URL(u).pathname.startsWith(prefix))
        .map((u) => u.split('/records/')[1]!.replace(/\/$/, ''));
    expect(entries('/records/').sort()).toEqual(ids(publicRecords));
    // English entry pages (when content/publisher.yaml lists `en`): the same public entries.
    const english = loadPublisher(root).languages.includes('en');
    expect(entries('/en/records/').sort()).toEqual(english ? ids(publicRecords) : []);
    expect(urls).toContain('https://honghei.example.org/data/');
  });

  it('an entry page has OpenGraph, a robots end date and JSON-LD naming the organisation and its code', () => {
    const r = RECORDS.red;
    const doc = document(`records/${r.id}/index.html`);
    expect(doc.querySelector('meta[property="og:title"]')!.getAttribute('content')).toContain(
      r.subject.name,
    );
    expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe(
      'unavailable_after: 2029-04-15',
    );
    const graph = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!)[
      '@graph'
    ] as Record<string, any>[];
    const org = graph.find((n) => n['@type'] === 'Organization')!;
    expect(org).toMatchObject({
      name: r.subject.name,
      identifier: { propertyID: '统一社会信用代码', value: r.subject.code },
    });
    expect(graph.find((n) => n['@type'] === 'ListItem')!.item['@id']).toBe(org['@id']);
  });

  it('an individual gets no structured description of the person', () => {
    const r = RECORDS.individual;
    const json = document(`records/${r.id}/index.html`).querySelector(
      'script[type="application/ld+json"]',
    )!.textContent!;
    expect(json).not.toContain(r.subject.name);
    expect(json).not.toContain('"Person"');
    expect(json).not.toContain('"Organization"');
  });
});

describe('history from Git', () => {
  it('the entry page lists exactly the commits made for the record, in order, with their roles', () => {
    const items = [
      ...document(`records/${RECORDS.corrected.id}/index.html`).querySelectorAll(
        '.record-history-list li[data-source="git"]',
      ),
    ];
    expect(items.map((li) => li.getAttribute('data-commit'))).toEqual(
      commits.map((c) => c.hash.slice(0, 10)),
    );
    items.forEach((li, i) => {
      const made = commits[i]!;
      expect(li.querySelector('time')!.textContent).toBe(made.date.slice(0, 16).replace('T', ' '));
      expect([...li.querySelectorAll('.record-history-role')].map((e) => e.textContent)).toEqual(
        made.roles,
      );
    });
  });

  it('a record imported in one commit shows that commit; nobody from the public is named anywhere', () => {
    const page = read(outDir, `records/${RECORDS.red.id}/index.html`);
    expect(page).toContain('导入既有名单');
    expect(filesContaining(files, 'chat 4242')).toEqual([]);
    expect(filesContaining(files, 'wang@example.org')).toEqual([]);
  });
});

describe('statistics, yearly report and bulletin', () => {
  it('the statistics page has one accessible chart per table, whose text gives the counts of the repository', () => {
    const doc = document('stats/index.html');
    const charts = [...doc.querySelectorAll('svg[role="img"]')];
    expect(charts.length).toBe(6);
    for (const svg of charts) {
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(svg.querySelector(`title#${titleId}`)!.textContent).toBeTruthy();
      expect(svg.querySelector(`desc#${descId}`)!.textContent).toBeTruthy();
    }
    const byList = doc.querySelector('#by_list svg[role="img"]')!;
    for (const list of LISTS) {
      const n = publicRecords.filter((r) => r.list === list).length;
      expect(byList.querySelector('desc')!.textContent).toContain(`${LIST_NAMES[list].zh}：${n}条`);
    }
    expect(byList.querySelectorAll('rect title').length).toBe(
      LISTS.filter((l) => publicRecords.some((r) => r.list === l)).length,
    );
    const regionTable = doc.querySelector('#by_region table tbody td.num')!;
    expect(Number(regionTable.textContent)).toBe(
      publicRecords.filter((r) => r.region === '210202').length,
    );
  });

  it('the yearly report CSV counts the entries published in the year by list, those removed or revoked since included', () => {
    const rows = parseCsv(readFileSync(join(outDir, 'report/2026.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const byList = rows.filter((r) => r['统计表'] === '按名单');
    // Published in 2026 by the build date: all 2026 batches' entries but the one not started yet.
    const published = {
      red: [RECORDS.red, RECORDS.revoked],
      black: [RECORDS.corrected, RECORDS.individual, RECORDS.removed],
      demo: [RECORDS.demoRevoked],
    };
    for (const list of LISTS)
      expect(Number(byList.find((r) => r['项目代码'] === list)!['条目数']), list).toBe(
        published[list].length,
      );
    expect(read(outDir, 'report/2026/index.html')).toContain('下载 CSV');
  });

  it("a batch bulletin lists the batch's public entries only and the way to object", () => {
    const page = read(outDir, 'report/bulletin/2026-Q3/index.html');
    expect(page).toContain('关于公布2026年第三季度劳动关系信用名单的公告');
    for (const r of [RECORDS.demoRevoked, RECORDS.individual])
      expect(page).toContain(r.subject.name);
    expect(page).not.toContain(RECORDS.revoked.subject.name);
    expect(page).toContain('3 个工作日内核实处理');
    expect(existsSync(join(outDir, 'report/bulletin/2026-Q1/index.html'))).toBe(false);
  });

  it('the data page explains the lookup, its 404 answer and every CSV column', () => {
    const page = read(outDir, 'data/index.html');
    expect(page).toContain('HTTP 404');
    const example = /\/data\/lookup\/([0-9A-Z]{18})\.json/.exec(page)?.[1];
    expect(publicRecords.map((r) => r.subject.code)).toContain(example);
    expect(page).toContain('<code>subject_code</code>');
  });
});
