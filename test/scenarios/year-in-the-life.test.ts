/**
 * A year in the life of a publisher (issue 10, §6): one real git repository, the bot's local-git
 * forge for submissions, the review CLI for approvals and merges, and the real build run as the
 * daily job would run it, with the publication date stepped through 2026 and into 2027:
 * - the 2026-Q1 batch is submitted, approved twice and merged, and goes out on its start day;
 * - the site is rebuilt on the day before, of and after that start and an imported entry's end;
 * - the entry whose three years end disappears from every output on the next day's build, and
 *   not before (every output file read, each kind of output checked);
 * - a black-list entry is removed early (信用修复 applied for, approved; then the removal);
 * - a red-list entry is removed for a verified violation, and a demonstration unit's title is
 *   revoked: its revocation notice stays public;
 * - an objection received on 2026-12-30, when the official calendar does not know 2027 yet: it is
 *   recorded with its deadline pending, and the review CLI fills it in once the publisher adds
 *   next year's calendar (content/calendar/2027.yaml);
 * - the yearly report as of 31 December counts the year's published entries, those removed since
 *   included, and reads the same when built in the next year.
 * The expected figures are the scenario's own facts, written here, never computed by the code
 * under test.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amendText } from '../../bot/record/amend.ts';
import { DUE_PENDING, workingCalendarOf } from '../../content/schema/index.ts';
import { PublisherRepo, REVIEWER } from './support/publisher-repo.ts';
import { CALENDAR_2027, recordYaml, type EntrySpec } from './support/publisher-root.ts';
import { exactSearch, mentions, placesOf, readSite, type Traces } from './support/outputs.ts';

/** The scenario's entries: what each is for is in its name. */
const SPECS = {
  expiring: {
    id: '2023q4-black-01',
    list: 'black',
    name: '示例县期满测试甲有限公司（示例）',
    code17: '91320506MA1XY0001',
    category: 'wage-arrears',
    start: '2023-12-21',
    facts: '拖欠劳动者工资，经责令限期支付后逾期未付。（示例数据：期满甲）',
    approved: true,
  },
  control: {
    id: '2025q4-red-01',
    list: 'red',
    name: '示例县守信对照乙有限公司（示例）',
    code17: '91320506MA1XY0002',
    category: 'integrity-grade-a',
    start: '2025-11-10',
    facts: '连续两年劳动保障守法诚信等级评为 A 级。（示例数据：对照乙）',
    approved: true,
  },
  repaired: {
    id: '2026q1-black-01',
    list: 'black',
    name: '示例县修复测试丙有限公司（示例）',
    code17: '91320506MA1XY0003',
    category: 'wage-arrears',
    start: '2026-03-16',
    facts: '拖欠十二名劳动者工资，经责令限期支付后逾期未付。（示例数据：修复丙）',
  },
  redRemoved: {
    id: '2026q1-red-01',
    list: 'red',
    name: '示例县撤榜测试丁有限公司（示例）',
    code17: '91320506MA1XY0004',
    category: 'integrity-grade-a',
    start: '2026-03-16',
    facts: '劳动保障守法诚信等级评为 A 级。（示例数据：撤榜丁）',
  },
  demoRevoked: {
    id: '2026q1-demo-01',
    list: 'demo',
    kind: 'park',
    name: '示例县摘牌测试戊工业园区（示例）',
    category: 'demonstration',
    start: '2026-03-16',
    facts: '园区内企业劳动合同签订率百分之百，集体协商全覆盖。（示例数据：摘牌戊）',
  },
} satisfies Record<string, EntrySpec>;

type Key = keyof typeof SPECS;
const made = Object.fromEntries(
  Object.entries(SPECS).map(([k, s]) => [k, recordYaml(s)]),
) as Record<Key, ReturnType<typeof recordYaml>>;
const traces = (k: Key): Traces => {
  const s: EntrySpec = SPECS[k];
  const core = /^示例县(.+?)(有限公司|工业园区)/.exec(s.name)![1]!;
  return {
    id: s.id,
    list: s.list,
    name: s.name,
    core,
    code: made[k].code,
    facts: s.facts,
    category: s.category,
    batch: made[k].text.match(/^batch: (.+)$/m)![1]!,
    year: s.start.slice(0, 4),
  };
};
const Q1: Key[] = ['repaired', 'redRemoved', 'demoRevoked'];

let repo: PublisherRepo;
/** The sites built, by date. */
const sites = new Map<string, string>();

/** Builds as of a date on top of the previous build, as the daily job does. */
async function buildOn(date: string): Promise<string> {
  const site = await repo.build(date, [...sites.values()].at(-1));
  sites.set(date, site);
  return site;
}

/** What changes/latest.json of a build says changed since the build before: op and id, sorted. */
function latestChanges(date: string): string[] {
  const file = JSON.parse(
    readFileSync(join(sites.get(date)!, 'data/changes/latest.json'), 'utf8'),
  ) as { changes: { op: string; id: string; reason?: string }[] };
  return file.changes.map((c) => `${c.op} ${c.id}${c.reason ? ` ${c.reason}` : ''}`).sort();
}

/** The outputs among `places` that lack the entry. */
const missing = async (site: string, k: Key) =>
  Object.entries(await placesOf(site, traces(k)))
    .filter(([, present]) => !present)
    .map(([place]) => place);

const KIND_TITLES = { objection: '异议', repair: '信用修复申请', edit: '状态变更' } as const;
/** The title of a change's submission (the commit subject the entry's change record shows). */
const titleOf = (k: Key, kind: keyof typeof KIND_TITLES) =>
  `${KIND_TITLES[kind]}：${SPECS[k].name}`;

/** Amends an entry through the forge (as the bot's /objection and /repair do) and has it approved and merged. */
async function amend(
  k: Key,
  kind: 'objection' | 'repair' | 'edit',
  event: Record<string, unknown>,
  days: { submit: string; review: string; approve: string; merge: string },
) {
  const { path } = made[k];
  const id = `${SPECS[k].id}-${kind}-${days.submit.replaceAll('-', '')}`;
  await repo.submit({
    id,
    kind,
    recordId: SPECS[k].id,
    unit: '劳动关系科',
    title: titleOf(k, kind),
    files: { [path]: amendText(repo.read(path), event, []) },
    date: days.submit,
  });
  await repo.approveAndMerge(id, days);
  return id;
}

beforeAll(() => {
  repo = PublisherRepo.create(
    { [made.expiring.path]: made.expiring.text, [made.control.path]: made.control.text },
    '2026-01-05',
  );
});

afterAll(() => {
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
});

// Up to three builds, or a dozen review-CLI runs, per test: 5–30 s on a quiet machine, measured up
// to 110 s with the machine's load at 17 on 2 cores.
describe('a year in the life of a publisher', { timeout: 300_000 }, () => {
  it('takes the 2026-Q1 batch through the forge and the review CLI: submitted, 审核, 审定, merged', async () => {
    for (const k of Q1) {
      await repo.submit({
        id: `${SPECS[k].id}-new`,
        kind: 'new',
        recordId: SPECS[k].id,
        unit: '劳动关系科',
        title: `新报送：${SPECS[k].name}`,
        files: { [made[k].path]: made[k].text },
        date: '2026-03-02',
      });
    }
    expect((await repo.review(['list'])).split('\n').filter(Boolean)).toHaveLength(3);
    // Merging before the two approvals is refused by the review CLI.
    await expect(
      repo.review([
        'merge',
        `${SPECS.repaired.id}-new`,
        '--by',
        '局长 李某',
        '--date',
        '2026-03-09',
      ]),
    ).rejects.toThrow(/审核与审定|批准/);
    for (const k of Q1)
      await repo.approveAndMerge(`${SPECS[k].id}-new`, {
        review: '2026-03-09',
        approve: '2026-03-10',
        merge: '2026-03-10',
      });
    expect(await repo.review(['list'])).toContain('没有待审提交');
  });

  it('rebuilt daily, shows the batch from its start day: nowhere the day before, everywhere on the day and the day after', async () => {
    const before = readSite(await buildOn('2026-03-15'));
    for (const k of Q1) expect(mentions(before, traces(k)), k).toEqual([]);
    for (const k of Q1)
      expect(
        await exactSearch(sites.get('2026-03-15')!, traces(k).code ?? traces(k).core),
        k,
      ).toEqual([]);
    for (const date of ['2026-03-16', '2026-03-17']) {
      const site = await buildOn(date);
      for (const k of Q1) expect(await missing(site, k), `${k} on ${date}`).toEqual([]);
    }
    // The daily change files: the batch arrives on its start day, and nothing changes the day after.
    expect(latestChanges('2026-03-16')).toEqual(Q1.map((k) => `ADD ${SPECS[k].id}`).sort());
    expect(latestChanges('2026-03-17')).toEqual([]);
    const bulletin = readFileSync(
      join(sites.get('2026-03-16')!, 'report/bulletin/2026-Q1/index.html'),
      'utf8',
    );
    for (const k of Q1) expect(bulletin).toContain(SPECS[k].name);
  });

  it('keeps an entry in every output up to the last day of its three years (a repair application changes nothing there)', async () => {
    // A repair application (信用修复) for the black-list entry, approved in October: it stays listed meanwhile.
    await amend(
      'repaired',
      'repair',
      {
        status: 'repair-applied',
        date: '2026-10-12',
        note: '申请信用修复：整改完成日期 2026-04-10。已足额支付拖欠工资。（示例）',
      },
      { submit: '2026-10-12', review: '2026-10-14', approve: '2026-10-15', merge: '2026-10-15' },
    );
    for (const date of ['2026-12-19', '2026-12-20']) {
      const site = await buildOn(date);
      for (const k of ['expiring', 'control', ...Q1] as Key[])
        expect(await missing(site, k), `${k} on ${date}`).toEqual([]);
    }
    expect(latestChanges('2026-12-19')).toEqual([`MOD ${SPECS.repaired.id}`]);
    expect(latestChanges('2026-12-20')).toEqual([]);
  });

  it('removes early, removes from the red list and revokes a title on 21 December: gone from every output that day', async () => {
    // The day's decisions, merged on 21 December before the daily build.
    const decided = {
      submit: '2026-12-17',
      review: '2026-12-18',
      approve: '2026-12-21',
      merge: '2026-12-21',
    };
    await amend(
      'repaired',
      'edit',
      {
        status: 'removed',
        date: '2026-12-21',
        note: '经审查符合信用修复条件，提前移出。（示例）',
        document_number: '示吴人社信修〔2026〕1号',
      },
      decided,
    );
    await amend(
      'redRemoved',
      'edit',
      {
        status: 'removed',
        date: '2026-12-21',
        note: '公布期内发现拖欠工资行为，经查证属实，删除红榜信息。（示例）',
        document_number: '示吴人社〔2026〕31号',
      },
      decided,
    );
    await amend(
      'demoRevoked',
      'edit',
      {
        status: 'revoked',
        date: '2026-12-21',
        note: '园区内发生重大劳动保障违法行为，取消命名，收回铭牌。（示例）',
        document_number: '示吴协调〔2026〕2号',
      },
      decided,
    );

    const after = await buildOn('2026-12-21');
    const files = readSite(after);
    for (const k of ['expiring', 'repaired', 'redRemoved'] as Key[]) {
      expect(mentions(files, traces(k)), k).toEqual([]);
      expect(await exactSearch(after, traces(k).core), k).toEqual([]);
      expect(await exactSearch(after, traces(k).code!), k).toEqual([]);
    }
    expect(await missing(after, 'control')).toEqual([]);
    // The black list is empty now: its page says so rather than disappearing.
    expect(readFileSync(join(after, 'lists/black/index.html'), 'utf8')).toContain(
      '目前没有公示中的条目',
    );
    expect(latestChanges('2026-12-21')).toEqual(
      [
        `DEL ${SPECS.expiring.id} ended`,
        `DEL ${SPECS.redRemoved.id} removed`,
        `DEL ${SPECS.repaired.id} removed`,
        `MOD ${SPECS.demoRevoked.id}`,
      ].sort(),
    );
    const stats = (date: string) =>
      JSON.parse(readFileSync(join(sites.get(date)!, 'data/statistics.json'), 'utf8')) as {
        total: number;
        by_list: { key: string; count: number }[];
      };
    expect(stats('2026-12-20').by_list.map((c) => [c.key, c.count])).toEqual([
      ['red', 2],
      ['black', 2],
      ['demo', 1],
    ]);
    expect(stats('2026-12-21').by_list.map((c) => [c.key, c.count])).toEqual([
      ['red', 1],
      ['black', 0],
      ['demo', 1],
    ]);
  });

  it("keeps a demonstration unit's revocation public as a notice until its period ends", async () => {
    const site = sites.get('2026-12-21')!;
    expect(await missing(site, 'demoRevoked')).toEqual([]);
    const page = readFileSync(join(site, 'records', SPECS.demoRevoked.id, 'index.html'), 'utf8');
    expect(page).toContain('撤销');
    expect(page).toContain('取消命名，收回铭牌');
    expect(page).toContain('示吴协调〔2026〕2号');
    // Who approved the revocation: its 审核 and 审定, from the commits' trailers, in the change record.
    expect(page).toContain(`审核：${titleOf('demoRevoked', 'edit')}`);
    expect(page).toContain(`审定：${titleOf('demoRevoked', 'edit')}`);
  });

  it('receives an objection on 2026-12-30, when the calendar does not reach its deadline: recorded, the deadline pending', async () => {
    // 3 working days after 30 December fall in 2027, whose holidays this publisher has not added.
    expect(workingCalendarOf(repo.root).deadline('2026-12-30', 3)).toEqual({ pending: 2027 });
    const event = {
      status: 'objection',
      date: '2026-12-30',
      note: '被列入单位认为守法诚信等级认定有误，提出异议。（示例）',
      due: DUE_PENDING,
    };
    await amend('control', 'objection', event, {
      submit: '2026-12-30',
      review: '2026-12-30',
      approve: '2026-12-31',
      merge: '2026-12-31',
    });
    expect(repo.read(made.control.path)).toMatch(
      /status: objection\n\s+date: 2026-12-30\n[\s\S]*due: pending/,
    );
    expect(await repo.review(['deadlines'])).toMatch(
      new RegExp(
        `${made.control.path}\thistory\.1\.due\t2026-12-30 收到\t待定（等待 content/calendar/2027\.yaml）`,
      ),
    );
  });

  it('reports 2026 as of 31 December: every entry published that year, those removed or revoked since included', async () => {
    const site = await buildOn('2026-12-31');
    const rows = parseCsv(readFileSync(join(site, 'report/2026.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    const table = (name: string) =>
      Object.fromEntries(
        rows
          .filter((r) => r['统计表'] === name)
          .map((r) => [`${r['名单'] ? `${r['名单']}/` : ''}${r['项目代码']}`, Number(r['条目数'])]),
      );
    // The scenario's facts: three entries went out in 2026-Q1; by 31 December the red and the black
    // one were removed and the demonstration unit's title revoked.
    expect(table('按名单')).toEqual({
      '守信红榜/red': 1,
      '失信黑名单/black': 1,
      '和谐劳动关系示范单位/demo': 1,
    });
    expect(table('按状态')).toEqual({ removed: 2, revoked: 1 });
    expect(table('按发布批次（季度）')).toEqual({
      '守信红榜/2026-Q1': 1,
      '失信黑名单/2026-Q1': 1,
      '和谐劳动关系示范单位/2026-Q1': 1,
    });
    expect(table('按地区')).toEqual({ 320506: 3 });
    const page = readFileSync(join(site, 'report/2026/index.html'), 'utf8');
    expect(page).toContain('2026年12月31日');
    // A count is not an entry: the report names none of them.
    for (const k of Q1) expect(page).not.toContain(traces(k).core);
    // The entry whose period ended on 20 December still counts in its own year's report.
    const r2023 = parseCsv(readFileSync(join(site, 'report/2023.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    expect(
      r2023.filter((r) => r['统计表'] === '按状态').map((r) => [r['项目代码'], r['条目数']]),
    ).toEqual([['listed', '1']]);
  });

  it("fills the objection's deadline in once next year's calendar is added, and shows it", async () => {
    repo.commitFiles(
      { 'content/calendar/2027.yaml': CALENDAR_2027 },
      '2027 年节假日安排（示例）',
      '2027-01-04',
    );
    // Received Wednesday 30 December: Thursday 31 December, then (1 January off, a weekend) 4 and 5 January.
    expect(await repo.review(['deadlines'])).toContain(
      `${made.control.path}\thistory.1.due\t2026-12-30 收到\t→ 2027-01-05`,
    );
    await repo.review(['deadlines', '--write', '--by', REVIEWER, '--date', '2027-01-04']);
    expect(repo.read(made.control.path)).toMatch(
      /status: objection\n\s+date: 2026-12-30\n[\s\S]*due: 2027-01-05/,
    );
    expect(await repo.review(['deadlines'])).toContain('没有待定的异议办理时限');
  });

  it('reads the same 2026 report when built in 2027, and shows the objection with its deadline', async () => {
    const site = await buildOn('2027-01-06');
    const page = readFileSync(join(site, 'records', SPECS.control.id, 'index.html'), 'utf8');
    expect(page).toContain('异议处理中');
    expect(page).toContain('2027年1月5日');
    expect(readFileSync(join(site, 'report/2026.csv'), 'utf8')).toBe(
      readFileSync(join(sites.get('2026-12-31')!, 'report/2026.csv'), 'utf8'),
    );
  });
});
