/** `npm run validate` as a reviewer runs it: a real content root, a real child process. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { recordText, recordWith } from '../content/record-fixture.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';
import { tempRepo } from '../content/temp-repo.ts';

const FILE = 'content/records/black/2026/2026q3-black-901.yaml';

function validate(root: string, ...args: string[]) {
  const run = spawnSync(
    'npm',
    ['run', '--silent', 'validate', '--', '--root', root, '--date', '2026-11-21', ...args],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run validate', () => {
  it('passes a valid content root with exit code 0', () => {
    const run = validate(tempRepo({ [FILE]: recordText() }));
    expect(run.stdout).toContain('已检查 1 条记录（截至 2026-11-21）：0 个错误');
    expect(run.status).toBe(0);
  });

  it('prints file:line:col, the field and the fix for a broken record and exits 1', () => {
    const broken = recordText()
      .replace('91000000EX0000001H', '91000000EX0000001J')
      .replace('legal_basis:', 'legal_bsis:');
    const root = tempRepo({ [FILE]: broken });
    const zh = validate(root);
    expect(zh.status).toBe(1);
    const line = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(zh.stdout).toContain(`${FILE}:${line('  code:')}:3  subject.code  校验位不符`);
    expect(zh.stdout).toContain(
      `${FILE}:${line('legal_bsis:')}:1  legal_bsis  未知字段：legal_bsis — 是不是 legal_basis？`,
    );
    expect(zh.stdout).toContain('2 个错误');

    const en = validate(root, '--lang', 'en');
    expect(en.status).toBe(1);
    expect(en.stdout).toContain(
      `${FILE}:${line('legal_bsis:')}:1  legal_bsis  unknown field: legal_bsis — did you mean legal_basis?`,
    );
    expect(en.stdout).toContain('2 error(s)');
  });

  it('exits 1 on a YAML syntax error and on a broken publisher configuration, naming the file', () => {
    expect(
      validate(
        tempRepo({ [FILE]: recordText().replace('  kind: enterprise', '\tkind: enterprise') }),
      ).status,
    ).toBe(1);
    const run = validate(
      tempRepo({ [FILE]: recordWith({}), 'content/publisher.yaml': 'name: 示例\n' }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('content/publisher.yaml');
  });

  it('refuses a record without approvals for publication (the default), and accepts it as a submission, saying it awaits them', () => {
    const root = tempRepo({ [FILE]: recordWith({ approvals: undefined }) });
    const publish = validate(root);
    expect(publish.status).toBe(1);
    expect(publish.stdout).toContain(
      `${FILE}:23:1  approvals  尚未审核、审定：发布须经审核（分管领导）和审定（主要领导）`,
    );
    expect(publish.stdout).toContain('1 个错误');
    expect(validate(root, '--stage', 'publish').status).toBe(1);

    const submission = validate(root, '--stage', 'submission');
    expect(submission.status, submission.stdout + submission.stderr).toBe(0);
    expect(submission.stdout).toContain(
      `${FILE}:23:1  approvals  [说明] 待审核/待审定 — 合并前由审核人、审定人批准`,
    );
    // The one warning: from 1 November the missing 2027 holiday calendar is announced (calendar-checks.ts).
    expect(submission.stdout).toContain(
      'content/calendar/2027.yaml:1:1  -  [提示] 尚未收录 2027 年的节假日安排',
    );
    expect(submission.stdout).toContain(
      '已检查 1 条记录（截至 2026-11-21，报送阶段）：0 个错误，1 个提示；1 条记录待审核/待审定',
    );
    const en = validate(root, '--stage', 'submission', '--lang', 'en');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('1 record(s) awaiting review and approval');

    // A submission with a real error still fails.
    const broken = validate(
      tempRepo({ [FILE]: recordWith({ approvals: undefined, 'submitted.unit': '宣传部' }) }),
      '--stage',
      'submission',
    );
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('1 个错误');
  });

  it('refuses an unknown stage', () => {
    const run = validate(tempRepo({ [FILE]: recordText() }), '--stage', 'draft');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--stage draft: choose publish');
  });

  it('refuses an unknown language flag', () => {
    const run = validate(tempRepo({ [FILE]: recordText() }), '--lang', 'fr');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--lang fr');
  });
});
