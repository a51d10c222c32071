/**
 * A content repository made for the open-data tests: real YAML records of every list and state
 * (public, corrected, under a revoked title, an individual, expired, removed early, revoked, not
 * yet started), committed to a real Git repository the way the forge and the review CLI do it
 * (submission branch with Submitted-by, Reviewed-by and Approved-by commits, a merge with
 * Merged-by, an objection from the public, a direct correction), then built with `npm run build
 * -- --root`. Every hash the tests expect is recorded here as it is made.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { completeUscc } from '../../../content/schema/index.ts';
import { PROJECT_ROOT, sampleFile } from '../../fixtures/roots.ts';

/** The project root (holds scripts/build.ts). */
export const PROJECT = PROJECT_ROOT;

/** The date the fixture site is built as of. */
export const FIXTURE_DATE = '2026-11-21';

type Rec = Record<string, unknown> & {
  id: string;
  list: string;
  batch: string;
  subject: Record<string, unknown>;
  history: unknown[];
  approvals: unknown[];
};

const code = (tail: string) => completeUscc(`91000000${tail}`);

function record(
  id: string,
  list: string,
  batch: string,
  fields: Partial<Rec> & { start: string; end: string; subject: Rec['subject'] },
): Rec {
  const { start, end, ...rest } = fields;
  return {
    id,
    list,
    batch,
    sample: true,
    region: '210202',
    category: list === 'red' ? 'credit-rating' : list === 'demo' ? 'demonstration' : 'wage-arrears',
    facts: `测试用事实描述，编号 ${id}，仅供开放数据测试。（示例数据）`,
    legal_basis: '《保障农民工工资支付条例》第五十四条',
    decision: {
      authority: '示例市人力资源和社会保障局',
      document_number: `示人社〔2026〕${id.slice(-3)}${list.length}号`,
      date: '2020-01-02',
    },
    submitted: { unit: '劳动保障监察支队', date: '2020-01-03' },
    approvals: [
      { role: 'review', by: '分管副主席 王某', date: '2020-01-04' },
      { role: 'approve', by: '主席 李某', date: '2020-01-05' },
    ],
    publication: { start, end },
    history: [{ status: 'listed', date: start }],
    ...rest,
  };
}

/** The fixture's records, by what the tests call them. */
export const RECORDS = {
  red: record('2026q2-red-001', 'red', '2026-Q2', {
    start: '2026-04-15',
    end: '2029-04-14',
    subject: { kind: 'enterprise', name: '测试用守信甲公司（示例）', code: code('TR0000001') },
  }),
  corrected: record('2026q2-black-001', 'black', '2026-Q2', {
    start: '2026-05-10',
    end: '2029-05-09',
    subject: {
      kind: 'enterprise',
      name: '测试用更正乙公司（示例）',
      code: code('TB0000001'),
      address: '示例市示例区更正路 1 号（示例地址）',
    },
    history: [
      { status: 'listed', date: '2026-05-10' },
      {
        status: 'objection',
        date: '2026-08-03',
        due: '2026-08-06',
        note: '被列入单位对地址提出异议',
      },
      { status: 'corrected', date: '2026-08-05', note: '更正住所地址' },
    ],
  }),
  demoRevoked: record('2026q3-demo-001', 'demo', '2026-Q3', {
    start: '2026-07-20',
    end: '2029-07-19',
    subject: { kind: 'park', name: '测试用丙工业园区（示例）' },
    demonstration: { level: 'city', named_by: '示例市协调劳动关系三方' },
    history: [
      { status: 'listed', date: '2026-07-20' },
      { status: 'revoked', date: '2026-10-15', note: '发生重大劳动违法，取消命名' },
    ],
  }),
  individual: record('2026q3-black-002', 'black', '2026-Q3', {
    start: '2026-08-01',
    end: '2029-07-31',
    subject: { kind: 'individual', name: '钱某某', id_number: '210202********123X' },
  }),
  expired: record('2023q1-black-001', 'black', '2023-Q1', {
    start: '2023-02-10',
    end: '2026-02-09',
    subject: { kind: 'enterprise', name: '测试用期满丁公司（示例）', code: code('TB0000002') },
  }),
  removed: record('2026q1-black-001', 'black', '2026-Q1', {
    start: '2026-01-20',
    end: '2029-01-19',
    subject: { kind: 'enterprise', name: '测试用移出戊公司（示例）', code: code('TB0000003') },
    history: [
      { status: 'listed', date: '2026-01-20' },
      { status: 'repair-applied', date: '2026-09-01' },
      { status: 'removed', date: '2026-10-08', document_number: '示人社信修〔2026〕3号' },
    ],
  }),
  revoked: record('2026q3-red-002', 'red', '2026-Q3', {
    start: '2026-07-05',
    end: '2029-07-04',
    subject: { kind: 'enterprise', name: '测试用撤销己公司（示例）', code: code('TR0000003') },
    history: [
      { status: 'listed', date: '2026-07-05' },
      { status: 'revoked', date: '2026-09-10', note: '列入有误，予以撤销' },
    ],
  }),
  notYet: record('2026q4-red-001', 'red', '2026-Q4', {
    start: '2026-12-01',
    end: '2029-11-30',
    subject: { kind: 'enterprise', name: '测试用未到期庚公司（示例）', code: code('TR0000002') },
  }),
} satisfies Record<string, Rec>;

/** Public on FIXTURE_DATE, and not, as the domain rules say (checked against isPublicOn in the tests). */
export const PUBLIC_KEYS = ['red', 'corrected', 'demoRevoked', 'individual'] as const;
export const INACTIVE_KEYS = ['expired', 'removed', 'revoked', 'notYet'] as const;

export const pathOf = (r: Rec) => `content/records/${r.list}/${r.batch.slice(0, 4)}/${r.id}.yaml`;

/** The commits the fixture made for the corrected record, in order, with what the page must show. */
export interface MadeCommit {
  hash: string;
  date: string;
  roles: string[];
}

/** A built fixture: where its content and output are, and the commits of the corrected record. */
export interface FixtureSite {
  root: string;
  outDir: string;
  commits: MadeCommit[];
}

function run(
  cwd: string,
  args: string[],
  env: Record<string, string> = {},
  input?: string,
): string {
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  }).trim();
}

const when = (iso: string) => ({ GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso });
const who = (name: string) => ({
  GIT_AUTHOR_NAME: name,
  GIT_AUTHOR_EMAIL: 'x@honghei.invalid',
  GIT_COMMITTER_NAME: name,
  GIT_COMMITTER_EMAIL: 'x@honghei.invalid',
});

function write(root: string, r: Rec) {
  const file = join(root, pathOf(r));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, stringify(r));
}

/** Makes the content repository in a new temp folder and returns it with the corrected record's commits. */
export function makeFixtureRepo(): { root: string; commits: MadeCommit[] } {
  const root = mkdtempSync(join(tmpdir(), 'honghei-open-data-'));
  mkdirSync(join(root, 'content'), { recursive: true });
  copyFileSync(sampleFile('publisher.yaml'), join(root, 'content/publisher.yaml'));
  copyFileSync(sampleFile('categories.yaml'), join(root, 'content/categories.yaml'));
  run(root, ['init', '-q', '-b', 'main']);
  run(root, ['add', '.']);
  run(root, ['commit', '-q', '-m', '初始化发布单位配置'], {
    ...who('Lead'),
    ...when('2022-12-01T09:00:00+08:00'),
  });

  // Every record except the corrected one arrives in one import commit on main.
  for (const [key, r] of Object.entries(RECORDS)) if (key !== 'corrected') write(root, r);
  run(root, ['add', '.']);
  run(root, ['commit', '-q', '-m', '导入既有名单'], {
    ...who('Lead'),
    ...when('2023-02-01T09:00:00+08:00'),
  });

  // The corrected record goes through the forge's steps.
  const r = RECORDS.corrected;
  const commits: MadeCommit[] = [];
  const commit = (message: string, content: Rec, date: string, name: string, roles: string[]) => {
    write(root, content);
    run(root, ['add', pathOf(r)]);
    run(root, ['commit', '-q', '-F', '-'], { ...who(name), ...when(date) }, message);
    commits.push({ hash: run(root, ['rev-parse', 'HEAD']), date, roles });
  };
  const merge = (branch: string, message: string, date: string, roles: string[]) => {
    run(root, ['checkout', '-q', 'main']);
    const [subject, ...body] = message.split('\n\n');
    run(root, ['merge', '-q', '--no-ff', branch, '-m', subject!, '-m', body.join('\n\n').trim()], {
      ...who('主席 李某'),
      ...when(date),
    });
    commits.push({ hash: run(root, ['rev-parse', 'HEAD']), date, roles });
  };
  const listed = { ...r, history: r.history.slice(0, 1) };
  run(root, ['checkout', '-q', '-b', 'submission/s-001']);
  const trailers = 'Submission-Id: s-001\nSubmission-Kind: new\nRecord-Id: 2026q2-black-001';
  commit(
    `新增：${r.subject.name}\n\n${trailers}\nSubmitted-by: 劳动保障监察支队\n`,
    { ...listed, approvals: [] },
    '2026-05-06T10:00:00+08:00',
    'Honghei Bot',
    ['报送：劳动保障监察支队'],
  );
  commit(
    `审核：新增：${r.subject.name}\n\nReviewed-by: 分管副主席 王某 <wang@example.org>\nSubmission-Id: s-001\n`,
    { ...listed, approvals: listed.approvals.slice(0, 1) },
    '2026-05-07T12:00:00+08:00',
    '分管副主席 王某',
    ['审核：分管副主席 王某'],
  );
  commit(
    `审定：新增：${r.subject.name}\n\nApproved-by: 主席 李某\nSubmission-Id: s-001\n`,
    listed,
    '2026-05-08T12:00:00+08:00',
    '主席 李某',
    ['审定：主席 李某'],
  );
  merge(
    'submission/s-001',
    `发布：新增：${r.subject.name}\n\nMerged-by: 主席 李某\nSubmission-Id: s-001\n`,
    '2026-05-09T15:00:00+08:00',
    ['发布：主席 李某'],
  );

  // An objection from the public: its submitter (a chat id) must never be published.
  run(root, ['checkout', '-q', '-b', 'submission/s-002']);
  commit(
    '异议：2026q2-black-001\n\nSubmission-Id: s-002\nSubmission-Kind: objection\nRecord-Id: 2026q2-black-001\nSubmitted-by: chat 4242\n',
    { ...r, history: r.history.slice(0, 2) },
    '2026-08-03T09:30:00+08:00',
    'Honghei Bot',
    ['报送：公众（不公开姓名）'],
  );
  merge(
    'submission/s-002',
    '发布：异议：2026q2-black-001\n\nMerged-by: 主席 李某\nSubmission-Id: s-002\n',
    '2026-08-03T16:00:00+08:00',
    ['发布：主席 李某'],
  );

  // The correction, committed straight to main by the unit.
  commit(
    '更正：测试用更正乙公司（示例）住所\n\nSubmission-Kind: edit\nSubmitted-by: 法律部\n',
    r,
    '2026-08-05T11:00:00+08:00',
    '法律部 赵某',
    ['报送：法律部'],
  );
  return { root, commits };
}

/**
 * Builds a content root as of a date into a new temp folder, exactly as `npm run build -- --root`
 * does. Asynchronous, so a test can serve the previous build over HTTP meanwhile.
 */
export async function buildSite(
  root: string,
  date: string,
  env: Record<string, string> = {},
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'honghei-open-data-dist-'));
  const outDir = join(dir, 'dist');
  await promisify(execFile)(
    process.execPath,
    ['scripts/build.ts', '--root', root, '--date', date, '--out', outDir, '--quiet'],
    {
      cwd: PROJECT,
      env: { ...process.env, HONGHEI_CACHE_DIR: join(dir, 'cache'), ...env },
      maxBuffer: 64 << 20,
    },
  );
  return outDir;
}
