/**
 * Non-public files never enter content/: the record keeps a reference into the private store
 * (sha256, generated name, size, type), and the validator refuses a non-public file placed in
 * content/ by hand — referenced as public: false, of a kind that is never public, or lying in a
 * folder or under a name meant for private documents — with file:line and how to fix it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, isPublicFile, validateRepository } from '../../../content/schema/index.ts';
import { fieldsOf, problemsOf, recordWith, ROOT } from '../record-fixture.ts';
import { tempRepo } from '../temp-repo.ts';
import { PROJECT_ROOT } from '../../fixtures/roots.ts';

const JPEG = readFileSync(join(ROOT, 'content/media/cases/wage-arrears-site.jpg'));
const SHA = createHash('sha256').update(JPEG).digest('hex');
const privateRef = (changes: Record<string, unknown> = {}) => ({
  private: `sha256:${SHA}`,
  kind: 'pledge',
  name: '2026q3-black-901-repair-k3f9-1.jpg',
  size: JPEG.byteLength,
  type: 'image/jpeg',
  ...changes,
});
const RECORD = 'content/records/black/2026/2026q3-black-901.yaml';

describe('the attachments field', () => {
  it('accepts a public file under media/ and a complete reference to a private file', () => {
    expect(
      fieldsOf(
        recordWith({
          attachments: [
            { file: 'media/cases/site.jpg', kind: 'picture' },
            privateRef(),
            privateRef({ kind: 'evidence', caption: '工资支付凭证（示例）' }),
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a non-public file kept in content/: public: false, or a kind that is never public', () => {
    const marked = problemsOf(
      recordWith({
        attachments: [{ file: 'media/2026/decision.pdf', kind: 'decision', public: false }],
      }),
    );
    expect(marked.map((p) => `${p.field} ${p.line}`)).toEqual([
      `attachments.0.public ${marked[0]!.line}`,
    ]);
    expect(marked[0]!.what).toBe(
      '附件 content/media/2026/decision.pdf 标为不公开（public: false），却放在 content/ 中：content/ 的一切都随仓库及其历史公开',
    );
    expect(marked[0]!.fix).toContain(
      'npm run private-files -- add content/media/2026/decision.pdf --kind decision',
    );
    expect(
      fieldsOf(recordWith({ attachments: [{ file: 'media/2026/p.jpg', kind: 'pledge' }] })),
    ).toEqual(['attachments.0.kind']);
    expect(
      fieldsOf(
        recordWith({
          attachments: [{ file: 'media/2026/e.pdf', kind: 'evidence', caption: '证据' }],
        }),
      ),
    ).toEqual(['attachments.0.kind']);
  });

  it('keeps the reference strict: a SHA-256, a generated name that matches the type, and no path or bytes', () => {
    expect(fieldsOf(recordWith({ attachments: [privateRef({ private: 'sha256:abc' })] }))).toEqual([
      'attachments.0.private',
    ]);
    expect(
      fieldsOf(recordWith({ attachments: [privateRef({ private: `md5:${SHA.slice(0, 32)}` })] })),
    ).toEqual(['attachments.0.private']);
    expect(
      fieldsOf(recordWith({ attachments: [privateRef({ name: '张三的身份证.jpg' })] })),
    ).toEqual(['attachments.0.name']);
    expect(fieldsOf(recordWith({ attachments: [privateRef({ name: '../media/x.jpg' })] }))).toEqual(
      ['attachments.0.name'],
    );
    expect(
      fieldsOf(recordWith({ attachments: [privateRef({ type: 'application/pdf' })] })),
    ).toEqual(['attachments.0.type']);
    expect(fieldsOf(recordWith({ attachments: [privateRef({ size: 0 })] }))).toEqual([
      'attachments.0.size',
    ]);
    expect(fieldsOf(recordWith({ attachments: [privateRef({ size: undefined })] }))).toEqual([
      'attachments.0',
    ]);
    expect(
      fieldsOf(recordWith({ attachments: [privateRef({ file: 'media/2026/p.jpg' })] })),
    ).toEqual(['attachments.0.file']);
    expect(fieldsOf(recordWith({ attachments: [privateRef({ public: true })] }))).toEqual([
      'attachments.0.public',
    ]);
    expect(fieldsOf(recordWith({ attachments: [privateRef({ bytes: 'AAAA' })] }))).toEqual([
      'attachments.0.bytes',
    ]);
    expect(fieldsOf(recordWith({ attachments: [{ kind: 'picture', caption: '无文件' }] }))).toEqual(
      ['attachments.0'],
    );
    expect(
      fieldsOf(
        recordWith({ attachments: [{ file: 'media/2026/a.jpg', kind: 'picture', name: 'a.jpg' }] }),
      ),
    ).toEqual(['attachments.0.name']);
  });

  it('lets the site publish only public files', () => {
    expect(isPublicFile({ file: 'media/a.jpg', kind: 'picture' })).toBe(true);
    expect(isPublicFile({ file: 'media/a.jpg', kind: 'picture', public: false })).toBe(false);
    expect(isPublicFile({ file: 'media/a.jpg', kind: 'evidence' })).toBe(false);
    expect(
      isPublicFile({
        private: `sha256:${SHA}`,
        kind: 'decision',
        name: 'a.jpg',
        size: 1,
        type: 'image/jpeg',
      }),
    ).toBe(false);
  });
});

describe('npm run validate refuses a non-public file placed in content/ by hand', () => {
  it('names the file by folder or name, referenced or not, with how to fix it', () => {
    const root = tempRepo({
      [RECORD]: recordWith({
        attachments: [{ file: 'media/pledges/2026q3-black-901-pledge.jpg', kind: 'picture' }],
      }),
      'content/media/pledges/2026q3-black-901-pledge.jpg': JPEG,
      'content/media/2026/工资支付证据.pdf': Buffer.from('%PDF-1.4\n%%EOF\n'),
      'content/media/private/notes.png': JPEG,
      'content/media/cases/site.jpg': JPEG,
    });
    const report = validateRepository(root, { date: '2026-11-21', lang: 'zh' });
    const text = formatProblems(report.problems, 'zh');
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.field || '-'}`).sort()).toEqual([
      'content/media/2026/工资支付证据.pdf:1 -',
      'content/media/pledges/2026q3-black-901-pledge.jpg:1 -',
      'content/media/private/notes.png:1 -',
    ]);
    expect(text).toContain(
      'content/media/pledges/2026q3-black-901-pledge.jpg:1:1  -  content/media/pledges/2026q3-black-901-pledge.jpg 看来是不公开文件（目录 pledges/），却在 content/ 中',
    );
    expect(text).toContain(
      'content/media/2026/工资支付证据.pdf 看来是不公开文件（文件名 工资支付证据.pdf）',
    );
    expect(text).toContain(
      'npm run private-files -- add content/media/2026/工资支付证据.pdf --kind evidence',
    );
    expect(report.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it("fails the command line with file:line in the reader's language", () => {
    const root = tempRepo({
      [RECORD]: recordWith({
        attachments: [{ file: 'media/2026/decision.pdf', kind: 'decision', public: false }],
      }),
      'content/media/2026/decision.pdf': Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    const run = (lang: string) =>
      spawnSync(
        process.execPath,
        ['scripts/validate.ts', '--root', root, '--date', '2026-11-21', '--lang', lang],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
    const zh = run('zh');
    expect(zh.status).toBe(1);
    expect(zh.stdout).toMatch(
      new RegExp(
        `^${RECORD}:\\d+:\\d+  attachments\\.0\\.public  附件 content/media/2026/decision\\.pdf 标为不公开（public: false）`,
        'm',
      ),
    );
    const en = run('en');
    expect(en.stdout).toContain(
      'attachment content/media/2026/decision.pdf is marked not public (public: false) but lies in content/',
    );
    expect(en.stdout).toContain(
      'run npm run private-files -- add content/media/2026/decision.pdf --kind decision',
    );
  });

  it('passes the sample content, whose pledge is now only a reference', () => {
    const sample = readFileSync(
      join(ROOT, 'content/records/black/2024/2024q2-black-001.yaml'),
      'utf8',
    );
    expect(sample).toMatch(/private: sha256:[0-9a-f]{64}\n\s+kind: pledge/);
    const report = validateRepository(ROOT, { date: '2026-11-21', lang: 'zh' });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
