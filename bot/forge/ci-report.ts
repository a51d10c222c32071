/**
 * The validator's report for continuous integration (GitHub Actions, Gitea Actions, GitLab CI):
 * problems in the files a pull request changes, as annotations on those lines, a Markdown summary
 * for the job page, the commit status it calls for, and the labels of the changed records. At the
 * submission stage a record awaiting its approvals passes and is "pending" (the reviewers add
 * them); at the publish stage, as before a merge, missing approvals fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  formatProblems,
  validateRepository,
  type IsoDate,
  type Lang,
  type Problem,
  type Stage,
} from '../../content/schema/index.ts';
import { git } from './git.ts';
import { recordLabels, verdictLine, verdictOf, type Verdict } from './summary.ts';

/** Files changed between a ref and the work tree's HEAD (what a pull request touches). */
export async function changedFiles(root: string, from: string): Promise<string[]> {
  const { stdout } = await git(root, ['diff', '--name-only', `${from}...HEAD`]);
  return stdout.split('\n').filter(Boolean);
}

/** The report on a checked-out repository. */
export interface CiReport {
  stage: Stage;
  verdict: Verdict;
  problems: Problem[];
  files: number;
  /** Any error (at the publish stage, missing approvals are errors). */
  failed: boolean;
  /** Valid, but a record still awaits its approvals (the submission stage). */
  awaiting: boolean;
}

/** Validates the checkout at a stage (default: submission); with `only`, keeps the problems in those files. */
export function ciReport(
  root: string,
  options: { date: IsoDate; lang?: Lang; only?: string[]; stage?: Stage },
): CiReport {
  const stage = options.stage ?? 'submission';
  const report = validateRepository(root, { date: options.date, lang: options.lang, stage });
  const problems = options.only
    ? report.problems.filter((p) => options.only!.includes(p.file))
    : report.problems;
  const verdict = verdictOf(problems);
  const failed = problems.some((p) => p.severity === 'error');
  return {
    stage,
    verdict,
    problems,
    files: report.files,
    failed,
    awaiting: !failed && verdict.pending.length > 0,
  };
}

/** The commit status a report calls for (GitHub's states), with its one-line description. */
export function commitStatus(
  report: CiReport,
  lang: Lang = 'zh',
): { state: 'success' | 'pending' | 'failure'; description: string } {
  const zh = lang === 'zh';
  if (report.failed && !report.verdict.errors.length)
    return {
      state: 'failure',
      description: zh
        ? '尚未完成审核与审定，不能合并'
        : 'review and approval missing: cannot be merged',
    };
  if (report.failed)
    return {
      state: 'failure',
      description: zh
        ? `校验未通过：${report.verdict.errors.length} 个错误`
        : `validation failed: ${report.verdict.errors.length} error(s)`,
    };
  const pending = report.verdict.pending[0];
  if (report.awaiting && pending)
    return { state: 'pending', description: `${pending.what} — ${pending.fix}` };
  return {
    state: 'success',
    description: zh ? '校验通过，审核与审定已完成' : 'valid, reviewed and approved',
  };
}

const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub/Gitea workflow commands: one annotation per problem, on its line. */
export function annotations(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const level = p.severity;
      return `::${level} file=${escapeProperty(p.file)},line=${p.line},col=${p.col},title=${escapeProperty(p.field || 'record')}::${escapeData(`${p.what} — ${p.fix}`)}`;
    })
    .join('\n');
}

/** The Markdown summary for the job page ($GITHUB_STEP_SUMMARY). */
export function markdownSummary(report: CiReport, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const out = [`### ${zh ? '校验结果' : 'Validation'}`, '', closingLine(report, lang), ''];
  if (report.problems.length) {
    out.push(
      zh ? '| 位置 | 字段 | 问题 | 修改方法 |' : '| where | field | problem | fix |',
      '|---|---|---|---|',
    );
    for (const p of report.problems)
      out.push(
        `| \`${p.file}:${p.line}:${p.col}\` | ${p.field || '-'} | ${p.what.replace(/\|/g, '\\|')} | ${p.fix.replace(/\|/g, '\\|')} |`,
      );
    out.push('');
  }
  return out.join('\n');
}

/** The closing line: the verdict, or why approvals stop a merge. */
function closingLine(report: CiReport, lang: Lang): string {
  if (report.failed && !report.verdict.errors.length)
    return lang === 'zh'
      ? '❌ 尚未完成审核与审定：合并前由审核人、审定人批准（批准时写入 approvals）'
      : '❌ approvals missing: the reviewers approve before the merge (which writes approvals)';
  return verdictLine(report.verdict, lang);
}

/** Plain text, as `npm run validate` prints it. */
export function textReport(report: CiReport, lang: Lang = 'zh'): string {
  return [
    report.problems.length ? formatProblems(report.problems, lang) : '',
    closingLine(report, lang),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Labels of the changed record files (list:…, category:…). */
export function labelsFor(root: string, files: readonly string[]): string[] {
  const labels = new Set<string>();
  for (const f of files.filter((x) => /^content\/records\/.+\.ya?ml$/.test(x))) {
    try {
      for (const l of recordLabels(readFileSync(join(root, f), 'utf8'))) labels.add(l);
    } catch {
      // a deleted record has no labels
    }
  }
  return [...labels];
}

/** content/reviewers.yml: who approves in which role, by forge login. */
export const reviewersSchema = z.strictObject({
  reviewers: z
    .array(
      z.strictObject({
        login: z.string().min(1).describe('forge user name, e.g. wang-example'),
        name: z
          .string()
          .min(2)
          .describe('职务和姓名，写入记录的 approvals.by，如“分管副主席 王某”'),
        role: z
          .enum(['review', 'approve'])
          .describe('review 审核（分管领导）或 approve 审定（主要领导）'),
        telegram_id: z
          .number()
          .int()
          .positive()
          .optional()
          .describe('审批人的 Telegram 用户 ID：机器人向其发送待审提醒（bot/reminders/）'),
      }),
    )
    .min(1),
});

/** A reviewer's name and role from the reviewers file, or an error naming the file and the fix. */
export function reviewerFor(
  file: string,
  login: string,
): { name: string; role: 'review' | 'approve' } {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: create it with reviewers: [{ login, name, role }]`, {
      cause: error,
    });
  }
  const parsed = reviewersSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const found = parsed.data.reviewers.find((r) => r.login.toLowerCase() === login.toLowerCase());
  if (!found)
    throw new Error(
      `${login} is not in ${file}: add { login: ${login}, name: "职务 姓名", role: review|approve } if this person may approve`,
    );
  return { name: found.name, role: found.role };
}
