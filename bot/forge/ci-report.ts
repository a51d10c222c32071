/**
 * The validator's report for continuous integration (GitHub Actions, Gitea Actions, GitLab CI):
 * problems in the files a pull request changes, as annotations on those lines, a Markdown summary
 * for the job page, and the labels of the changed records. Missing approvals are "pending" on a
 * pull request (the reviewers add them) unless approvals are required, as they are before merge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { formatProblems, validateRepository, type IsoDate, type Lang, type Problem } from '../../content/schema/index.ts';
import { git } from './git.ts';
import { recordLabels, verdictLine, verdictOf, type Verdict } from './summary.ts';

/** Files changed between a ref and the work tree's HEAD (what a pull request touches). */
export async function changedFiles(root: string, from: string): Promise<string[]> {
  const { stdout } = await git(root, ['diff', '--name-only', `${from}...HEAD`]);
  return stdout.split('\n').filter(Boolean);
}

/** The report on a checked-out repository. */
export interface CiReport { verdict: Verdict; problems: Problem[]; files: number; failed: boolean }

/** Validates the checkout; with `only`, keeps the problems in those files. */
export function ciReport(root: string, options: { date: IsoDate; lang?: Lang; only?: string[]; requireApprovals?: boolean }): CiReport {
  const report = validateRepository(root, { date: options.date, lang: options.lang });
  const problems = options.only ? report.problems.filter((p) => options.only!.includes(p.file)) : report.problems;
  const verdict = verdictOf(problems);
  const failed = verdict.errors.length > 0 || (Boolean(options.requireApprovals) && verdict.pending.some((p) => p.severity === 'error'));
  return { verdict, problems, files: report.files, failed };
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub/Gitea workflow commands: one annotation per problem, on its line. */
export function annotations(problems: readonly Problem[], options: { requireApprovals?: boolean } = {}): string {
  return problems
    .map((p) => {
      const pending = p.field === 'approvals' || p.field.startsWith('approvals.');
      const level = p.severity === 'error' && (!pending || options.requireApprovals) ? 'error' : pending ? 'notice' : 'warning';
      return `::${level} file=${escapeProperty(p.file)},line=${p.line},col=${p.col},title=${escapeProperty(p.field || 'record')}::${escapeData(`${p.what} — ${p.fix}`)}`;
    })
    .join('\n');
}

/** The Markdown summary for the job page ($GITHUB_STEP_SUMMARY). */
export function markdownSummary(report: CiReport, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const out = [`### ${zh ? '校验结果' : 'Validation'}`, '', closingLine(report, lang), ''];
  if (report.problems.length) {
    out.push(zh ? '| 位置 | 字段 | 问题 | 修改方法 |' : '| where | field | problem | fix |', '|---|---|---|---|');
    for (const p of report.problems) out.push(`| \`${p.file}:${p.line}:${p.col}\` | ${p.field || '-'} | ${p.what.replace(/\|/g, '\\|')} | ${p.fix.replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** The closing line: the verdict, or why approvals stop a merge. */
function closingLine(report: CiReport, lang: Lang): string {
  if (report.failed && !report.verdict.errors.length) return lang === 'zh' ? '❌ 尚未完成审核与审定：approvals 须由两位审批人补录后才能合并' : '❌ approvals missing: both reviewers must approve before the merge';
  return verdictLine(report.verdict, lang);
}

/** Plain text, as `npm run validate` prints it. */
export function textReport(report: CiReport, lang: Lang = 'zh'): string {
  return [report.problems.length ? formatProblems(report.problems, lang) : '', closingLine(report, lang)].filter(Boolean).join('\n');
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

/** .github/reviewers.yml: who approves in which role, by forge login. */
const reviewersSchema = z.strictObject({
  reviewers: z.array(z.strictObject({
    login: z.string().min(1).describe('forge user name, e.g. wang-example'),
    name: z.string().min(2).describe('职务和姓名，写入记录的 approvals.by，如“分管副主席 王某”'),
    role: z.enum(['review', 'approve']).describe('review 审核（分管领导）或 approve 审定（主要领导）'),
  })).min(1),
});

/** A reviewer's name and role from the reviewers file, or an error naming the file and the fix. */
export function reviewerFor(file: string, login: string): { name: string; role: 'review' | 'approve' } {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${file}: create it with reviewers: [{ login, name, role }]`, { cause: error });
  }
  const parsed = reviewersSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const found = parsed.data.reviewers.find((r) => r.login.toLowerCase() === login.toLowerCase());
  if (!found) throw new Error(`${login} is not in ${file}: add { login: ${login}, name: "职务 姓名", role: review|approve } if this person may approve`);
  return { name: found.name, role: found.role };
}
