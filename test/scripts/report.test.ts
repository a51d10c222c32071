/**
 * `npm run report -- credit-office` as staff run it: a real child process on the sample and on
 * temporary content roots. Every wrong flag is named with an example; an unknown batch lists the
 * batches there are; a wrong mapping is named with file:line.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../fixtures/roots.ts';

const DATE = '2026-11-21';
const EXAMPLE = 'npm run report -- credit-office --batch 2026-Q4';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'honghei-report-'));
  dirs.push(dir);
  return dir;
};

function report(...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'report', '--', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run report -- credit-office', () => {
  it('writes the workbook and the two CSV files of a batch into --out', () => {
    const out = tempDir();
    const run = report(
      'credit-office',
      '--batch',
      '2026-Q4',
      '--root',
      SAMPLE_ROOT,
      '--date',
      DATE,
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const name of [
      'credit-office-2026-Q4.xlsx',
      'credit-office-2026-Q4.csv',
      'credit-office-2026-Q4-objections.csv',
    ])
      expect(existsSync(join(out, name)), name).toBe(true);
    // An .xlsx is a zip file.
    expect(readFileSync(join(out, 'credit-office-2026-Q4.xlsx')).subarray(0, 2).toString()).toBe(
      'PK',
    );
    expect(readFileSync(join(out, 'credit-office-2026-Q4.csv'), 'utf8')).toMatch(
      /^\uFEFF名单类型,主体名称,/,
    );
    expect(run.stdout).toContain('2026-Q4（截至 2026-11-21）：红黑名单 ');
  });

  it('names a missing or unknown report, a missing --batch and a wrong --date, with an example', () => {
    const missing = report();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`缺少报表名：可用的报表：credit-office — 例如 ${EXAMPLE}`);
    expect(report('credit-ofice', '--batch', '2026-Q4').stderr).toContain(
      `“credit-ofice”不是可生成的报表：可用的报表：credit-office — 例如 ${EXAMPLE}`,
    );
    const noBatch = report('credit-office');
    expect(noBatch.status).toBe(2);
    expect(noBatch.stderr).toContain(`缺少 --batch：写要报送的批次，例如 ${EXAMPLE}`);
    expect(report('credit-office', '--batch', '2026-Q4', '--date', '2026-13-01').stderr).toContain(
      `--date 2026-13-01：写成 YYYY-MM-DD，例如 ${EXAMPLE} --date 2026-12-31`,
    );
    const unknownFlag = report('credit-office', '--bach', '2026-Q4');
    expect(unknownFlag.status).toBe(2);
    expect(unknownFlag.stderr).toContain("'--bach'");
    expect(unknownFlag.stderr).toContain(EXAMPLE);
  });

  it('names a batch written wrongly, and lists the batches there are for an unknown one', () => {
    const wrong = report(
      'credit-office',
      '--batch',
      '2026Q4',
      '--root',
      SAMPLE_ROOT,
      '--date',
      DATE,
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`--batch 2026Q4：批次写成 年份-Q季度，例如 ${EXAMPLE}`);
    const unknown = report(
      'credit-office',
      '--batch',
      '2030-Q1',
      '--root',
      SAMPLE_ROOT,
      '--date',
      DATE,
    );
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      '--batch 2030-Q1：没有这个批次。已有的批次：2026-Q4、2026-Q3、',
    );
    expect(unknown.stderr).toContain('2024-Q1 — 例如');
  });

  it("names a wrong line of the publisher's content/credit-office.yaml", () => {
    const root = tempDir();
    cpSync(join(SAMPLE_ROOT, 'content'), join(root, 'content'), { recursive: true });
    writeFileSync(
      join(root, 'content/credit-office.yaml'),
      'sheet: 名单\ncolumns:\n  - title: 主体名称\n    field: subject.nam\nobjections:\n  sheet: 异议\n  columns:\n    - title: 结果\n      field: objection.outcome\n',
    );
    const run = report(
      'credit-office',
      '--batch',
      '2026-Q4',
      '--root',
      root,
      '--date',
      DATE,
      '--out',
      tempDir(),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'content/credit-office.yaml:4:5  columns.0.field  未知的字段路径 "subject.nam" — 可用的路径：id、list、',
    );
  });
});
