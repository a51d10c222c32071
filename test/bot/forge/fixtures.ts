/**
 * Test fixtures for the forge layer: a real content repository in a temp dir (the project's own
 * publisher and category files, committed on main) and fictional submissions (示例, masked persons,
 * credit codes with positions 3–8 = 000000).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeUscc } from '../../../content/schema/uscc.ts';
import type { Submission } from '../../../bot/forge/types.ts';
import { SAMPLE_ROOT } from '../../fixtures/roots.ts';

/** Runs git in a directory, with a fixed identity. */
export function sh(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  }).trim();
}

/** A temp dir removed by the returned function. */
export function tempDir(prefix = 'honghei-forge-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A content repository with the sample's content/publisher.yaml and content/categories.yaml on
 * main. With bare: true, a bare repository (a remote on disk) that was pushed to.
 */
export function makeContentRepo(root: string, options: { bare?: boolean } = {}): string {
  const work = join(root, 'work');
  mkdirSync(join(work, 'content', 'records'), { recursive: true });
  for (const f of ['publisher.yaml', 'categories.yaml'])
    cpSync(join(SAMPLE_ROOT, 'content', f), join(work, 'content', f));
  sh(work, 'init', '-q', '-b', 'main');
  sh(work, 'add', '.');
  sh(work, 'commit', '-q', '-m', 'Content repository (示例)');
  if (!options.bare) return work;
  const bare = join(root, 'remote.git');
  sh(root, 'init', '-q', '--bare', '-b', 'main', bare);
  sh(work, 'push', '-q', bare, 'main');
  return bare;
}

/** The YAML of a fictional black-list record awaiting approval (no approvals yet). */
export function recordYaml(n: number, options: { attachment?: string } = {}): string {
  const id = recordId(n);
  const code = completeUscc(`91000000EX${String(7000000 + n).slice(-7)}`);
  const attachment = options.attachment
    ? `attachments:\n  - file: ${options.attachment}\n    kind: picture\n    caption: 现场照片（示例）\n`
    : '';
  return `id: ${id}
list: black
batch: 2026-Q4
sample: true
subject:
  kind: enterprise
  name: 示例市丙丁建筑工程有限公司${n}（示例）
  code: ${code}
  address: 示例市示例区建设路 ${n} 号（示例地址）
  persons:
    - role: legal-representative
      name: 刘某某
region: "210202"
category: wage-arrears
facts: 该单位拖欠 ${10 + n} 名劳动者工资，经责令限期支付后逾期仍未支付。（示例数据）
legal_basis: 《保障农民工工资支付条例》第五十四条
decision:
  authority: 示例市人力资源和社会保障局
  document_number: 示人社监〔2026〕${100 + n}号
  date: 2026-09-20
submitted:
  unit: 劳动保障监察支队
  date: 2026-10-02
publication:
  start: 2026-10-15
  end: 2029-10-14
history:
  - status: listed
    date: 2026-10-15
${attachment}`;
}

/** The record id of fixture n. */
export const recordId = (n: number) => `2026q4-black-${String(100 + n).padStart(3, '0')}`;

/** A tiny valid PNG (1×1), as the bytes of a picture attachment. */
export const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** A fictional submission n, optionally with a binary picture. */
export function sampleSubmission(
  n: number,
  options: { binary?: boolean; id?: string } = {},
): Submission {
  const id = recordId(n);
  const picture = `media/2026/${id}-1.png`;
  const files: Submission['files'] = [
    {
      path: `content/records/black/2026/${id}.yaml`,
      content: recordYaml(n, options.binary ? { attachment: picture } : {}),
    },
  ];
  if (options.binary) files.push({ path: `content/${picture}`, content: PNG });
  return {
    id: options.id ?? `${id}-s${n}`,
    kind: 'new',
    recordId: id,
    submitter: {
      unit: '劳动保障监察支队',
      chatId: 1000 + n,
      userId: 2000 + n,
      displayName: '示例报送员',
    },
    title: `新增失信黑名单：示例市丙丁建筑工程有限公司${n}（示例）`,
    body: `报送单位：劳动保障监察支队（示例）`,
    files,
    createdAt: '2026-10-03T09:00:00+08:00',
  };
}
