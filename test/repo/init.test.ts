/**
 * `npm run init` on real folders: the publisher's files from flags, the errors for missing and
 * wrong answers (flag, question, example; English too with --language en), the refusal of a second
 * run, and the proof on a fresh clone of the project: initialised with a fictional publisher it
 * validates and builds with zero records (every page type says the lists are empty, every page is
 * valid HTML, the data files and feeds parse and are empty) and again with three records.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { parseHTML } from 'linkedom';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPublisher, validateRepository } from '../../content/schema/index.ts';
import { sitePaths } from '../browser/support/site.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';
import { freshClone, git, npmRun, projectSnapshot, tempDir } from './support/project-copy.ts';
import { converse } from './support/terminal.ts';
import { INIT_FLAGS, PUBLISHER, PUBLISHER_DATE, publisherRecords } from './support/publisher.ts';

const init = (root: string, ...flags: string[]) =>
  npmRun(PROJECT_ROOT, 'init', ['--root', root, ...flags]);
const writeFiles = (root: string, files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
};

describe('npm run init with flags', () => {
  it('writes a publisher.yaml the schema accepts, the reviewers, and the starting pages without the sample notices', () => {
    const root = tempDir('honghei-init-');
    const run = init(root, ...INIT_FLAGS);
    expect(run.status, run.stderr).toBe(0);
    const publisher = loadPublisher(root);
    expect(publisher).toMatchObject({
      name: PUBLISHER.name,
      short_name: PUBLISHER.short,
      region: '210281',
      site_url: 'https://credit.example.org/',
      sample: false,
      languages: ['zh'],
    });
    expect(publisher.units).toEqual([
      { id: 'inspection', name: PUBLISHER.unit },
      { id: 'unit-2', name: '劳动关系科（示例）' },
    ]);
    expect(parse(readFileSync(join(root, 'content/reviewers.yml'), 'utf8'))).toEqual({
      reviewers: [
        { login: 'zhang-example', name: '副局长 张某（示例）', role: 'review' },
        { login: 'zhao-example', name: '局长 赵某（示例）', role: 'approve' },
      ],
    });
    const pages = readdirSync(join(root, 'content/pages'));
    expect(pages.sort()).toEqual([
      'about.mdx',
      'credit-repair.mdx',
      'criteria.mdx',
      'objections.mdx',
      'procedure.mdx',
    ]);
    for (const page of pages)
      expect(readFileSync(join(root, 'content/pages', page), 'utf8'), page).not.toMatch(
        /演示站点|示例/,
      );
    expect(readFileSync(join(root, 'content/pages/criteria.mdx'), 'utf8')).toContain(
      '## 失信黑名单',
    );
    expect(readdirSync(join(root, 'content/records')).filter((f) => f.endsWith('.yaml'))).toEqual(
      [],
    );
    const report = validateRepository(root, { date: PUBLISHER_DATE });
    expect([report.files, report.problems]).toEqual([0, []]);
  });

  it('names every missing answer with its flag, question and an example, and writes nothing', () => {
    const root = tempDir('honghei-init-');
    const run = init(root, '--name', PUBLISHER.name);
    expect(run.status).toBe(1);
    for (const flag of [
      '--region "210200"',
      '--site-url',
      '--contact-department',
      '--contact-address',
      '--contact-phone',
      '--unit',
      '--reviewer',
    ])
      expect(run.stderr).toContain(flag);
    expect(run.stderr).toContain(
      '缺少所在地行政区划代码 — 用 --region（问题“所在地行政区划代码（GB/T 2260，6 位）”）填写，例如 --region "210200"',
    );
    expect(run.stderr).not.toMatch(/--name|--short-name|is missing/); // given, derived from the name; no English unless chosen
    expect(readdirSync(root)).toEqual([]);
  });

  it('checks the region against GB/T 2260 and the reviewers for both roles, in English too with --language en', () => {
    const root = tempDir('honghei-init-');
    const flags = INIT_FLAGS.map((f) => (f === '210281' ? '219999' : f)).filter(
      (f, i, all) => !(f.startsWith('审定') || all[i + 1]?.startsWith('审定')),
    );
    const run = init(root, ...flags, '--language', 'en');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('“219999”不是 GB/T 2260 中的行政区划代码 — 用 --region');
    expect(run.stderr).toContain(
      '"219999" is not a GB/T 2260 division code — give --region (question "the region code (GB/T 2260, 6 digits)"), e.g. --region "210200"',
    );
    expect(run.stderr).toContain('审批人中缺少审定人（主要领导） — 用 --reviewer');
    expect(run.stderr).toContain('the reviewers lack an approver (审定)');
    expect(existsSync(join(root, 'content'))).toBe(false);
  });

  it('refuses a second run over real records unless --force, which keeps the records and the edited pages', () => {
    const root = tempDir('honghei-init-');
    expect(init(root, ...INIT_FLAGS).status).toBe(0);
    writeFiles(root, publisherRecords(2));
    writeFileSync(
      join(root, 'content/pages/about.mdx'),
      readFileSync(join(root, 'content/pages/about.mdx'), 'utf8').replace(
        '## 本站发布什么',
        '## 本局发布什么',
      ),
    );
    const again = init(root, ...INIT_FLAGS, '--short-name', '新简称');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      'content/publisher.yaml 已存在：这个仓库已经初始化过，content/records 下有 2 条记录',
    );
    expect(again.stderr).toContain('--force');
    expect(loadPublisher(root).short_name).toBe(PUBLISHER.short);

    const forced = init(root, ...INIT_FLAGS, '--short-name', '新简称', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    expect(loadPublisher(root).short_name).toBe('新简称');
    expect(readFileSync(join(root, 'content/pages/about.mdx'), 'utf8')).toContain(
      '## 本局发布什么',
    );
    expect(validateRepository(root, { date: PUBLISHER_DATE })).toMatchObject({
      files: 2,
      problems: [],
    });
  });
});

describe('npm run init in a terminal', () => {
  it('asks what the flags leave out, asks again after a wrong answer, and takes the defaults on a blank line', async () => {
    const root = tempDir('honghei-init-tty-');
    const { code, screen } = await converse(
      `npm run -s init -- --root ${root} --name "${PUBLISHER.name}" --site-url https://credit.example.org/`,
      PROJECT_ROOT,
      [
        { prompt: '简称（页眉显示）', type: '' },
        { prompt: '页眉标志文字', type: '' },
        { prompt: '所在地行政区划代码', type: '999999' },
        { prompt: '“999999”不是 GB/T 2260 中的行政区划代码', type: '210281' },
        { prompt: '联系部门', type: '劳动关系科（示例）' },
        { prompt: '联系地址', type: '示例县示例路 1 号（示例地址）' },
        { prompt: '联系电话', type: '0000-00000000' },
        { prompt: '联系邮箱', type: '' },
        { prompt: '报送单位' },
        { prompt: '> ', type: PUBLISHER.unit },
        { prompt: '> ', type: '' },
        { prompt: '审批人' },
        { prompt: '> ', type: '审核:zhang-example:副局长 张某（示例）' },
        { prompt: '> ', type: '审定:zhao-example:局长 赵某（示例）' },
        { prompt: '> ', type: '' },
        { prompt: '网站界面语言', type: '' },
        { prompt: '校验报告和本程序提示的语言', type: '' },
      ],
      60_000,
    );
    expect(code, screen).toBe(0);
    expect(screen).toContain(`简称（页眉显示）（例如 示例县人社局；回车用 ${PUBLISHER.name}）`);
    expect(screen).not.toContain('发布单位全称'); // given as a flag, not asked
    expect(loadPublisher(root)).toMatchObject({
      name: PUBLISHER.name,
      short_name: PUBLISHER.name,
      logo_text: '红黑',
      region: '210281',
      units: [{ id: 'unit-1', name: PUBLISHER.unit }],
      languages: ['zh'],
      language: 'zh',
    });
    expect(loadPublisher(root).contact.email).toBeUndefined();
  }, 120_000);
});

const config = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'test/browser/htmlvalidate.json'), 'utf8'),
) as ConfigData;
const text = (site: string, path: string) =>
  parseHTML(readFileSync(join(site, path), 'utf8'))
    .document.querySelector('main')
    ?.textContent?.replace(/\s+/g, ' ') ?? '';

/** Builds the clone's own content (no --root: the default after init) and checks the site. */
async function buildAndCheck(clone: string, records: number): Promise<string> {
  const validate = npmRun(clone, 'validate', ['--date', PUBLISHER_DATE]);
  expect(validate.status, validate.stdout + validate.stderr).toBe(0);
  expect(validate.stdout).toContain(`已检查 ${records} 条记录`);
  const out = join(clone, `dist-${records}`);
  const build = npmRun(clone, 'build', ['--date', PUBLISHER_DATE, '--out', out, '--quiet'], {
    HONGHEI_CACHE_DIR: join(clone, `.cache-${records}`),
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  expect(build.stdout).toContain(`${records} public entries`);

  const paths = sitePaths(out);
  const validator = new HtmlValidate(config);
  const problems: string[] = [];
  for (const path of paths) {
    const file = join(out, path, 'index.html').replace(
      /\/index\.html\/index\.html$/,
      '/index.html',
    );
    const html = readFileSync(existsSync(file) ? file : join(out, path), 'utf8');
    expect(html, path).toContain(PUBLISHER.short);
    expect(html, `${path} shows the sample notice`).not.toContain('演示站点');
    const report = await validator.validateString(html, path);
    problems.push(
      ...report.results.flatMap((r) =>
        r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`),
      ),
    );
  }
  expect(problems, problems.join('\n')).toEqual([]);
  for (const page of [
    'index.html',
    'lists/red/index.html',
    'lists/black/index.html',
    'lists/demo/index.html',
    'search/index.html',
    'stats/index.html',
    'report/index.html',
    'batches/index.html',
    'cases/index.html',
    'data/index.html',
    'guide/criteria/index.html',
    '404.html',
  ]) {
    expect(existsSync(join(out, page)), page).toBe(true);
  }
  const dataset = JSON.parse(readFileSync(join(out, 'data/records.json'), 'utf8')) as {
    sample: boolean;
    count: number;
    entries: unknown[];
  };
  expect([dataset.sample, dataset.count, dataset.entries.length]).toEqual([
    false,
    records,
    records,
  ]);
  const feed = await new Parser().parseString(readFileSync(join(out, 'feeds/black.xml'), 'utf8'));
  expect(feed.items).toHaveLength(records);
  return out;
}

describe('a fresh clone initialised with a fictional publisher', () => {
  let clone: string;
  beforeAll(() => {
    const dir = tempDir('honghei-init-clone-');
    clone = freshClone(projectSnapshot(join(dir, 'honghei')), join(dir, 'publisher'));
    const run = npmRun(clone, 'init', INIT_FLAGS);
    expect(run.status, run.stderr).toBe(0);
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', '初始化发布单位（示例）');
  }, 120_000);

  it('validates and builds with zero records: every page type says the lists are empty', async () => {
    const out = await buildAndCheck(clone, 0);
    for (const list of ['red', 'black', 'demo'])
      expect(text(out, `lists/${list}/index.html`), list).toContain('目前没有公示中的条目');
    expect(text(out, 'index.html')).toContain('目前没有公示中的条目');
    expect(text(out, 'stats/index.html')).toContain('共 0 条');
    expect(text(out, 'report/index.html')).toContain('尚无年度报告');
    expect(text(out, 'cases/index.html')).toContain('目前没有公开的典型案例');
    expect(readFileSync(join(out, 'data/records.csv'), 'utf8').trim().split('\n')).toHaveLength(1); // the header row
  }, 300_000);

  it('validates and builds again with three records of its own', async () => {
    writeFiles(clone, publisherRecords(3));
    git(clone, 'add', '-A');
    git(clone, 'commit', '-q', '-m', '新增三条失信黑名单记录（示例）');
    const out = await buildAndCheck(clone, 3);
    expect(text(out, 'lists/black/index.html')).toContain('示例县第3号机械制造有限公司（示例）');
    expect(text(out, 'lists/red/index.html')).toContain('目前没有公示中的条目');
  }, 300_000);
});

describe('the tests themselves', () => {
  it("never name the project's content/ data, only content/schema code and the sample fixture", () => {
    const files = readdirSync(join(PROJECT_ROOT, 'test'), {
      recursive: true,
      encoding: 'utf8',
    }).filter((f) => f.endsWith('.ts'));
    const offending: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(PROJECT_ROOT, 'test', file), 'utf8');
      // A project-root path joined with content/…
      for (const m of source.matchAll(
        /(?:PROJECT_ROOT|projectRoot|PROJECT|REPO)\s*,\s*['"`]content\b/g,
      ))
        offending.push(`test/${file}: ${m[0]}`);
      // A relative path (import or URL) that lands in the project's content/ but not its schema.
      for (const [, path] of source.matchAll(/['"`]((?:\.\.\/)+content\/[^'"`]*)['"`]/g)) {
        const target = relative(PROJECT_ROOT, resolve(PROJECT_ROOT, 'test', dirname(file), path!));
        if (target.startsWith('content/') && !target.startsWith('content/schema/'))
          offending.push(`test/${file}: ${path}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
