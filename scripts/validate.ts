/**
 * npm run validate [-- --lang zh|en] [--date YYYY-MM-DD] [--root DIR] [--stage publish|submission]
 * (--root: a folder holding content/; default content/ once `npm run init` wrote it, else the sample)
 *
 * Checks every record and the publisher configuration; prints one line per problem as
 * `file:line:col  field  what is wrong — how to fix` and exits 1 when there is any error.
 * The stage is publish by default: every record needs its approvals (审核 + 审定). With
 * --stage submission, a record awaiting its approvals passes and is listed as awaiting them.
 */
import {
  calendarWarnings,
  ConfigError,
  formatProblems,
  pendingDeadlines,
  pendingText,
  publicationDate,
  resolveContentRoot,
  STAGES,
  validateRepository,
  workingCalendarOf,
  type Lang,
  type Stage,
} from '../content/schema/index.ts';
import { annotations } from '../bot/forge/ci-report.ts';
import { parseCommandLine, usageOf } from './lib/cli.ts';

const { values } = parseCommandLine(usageOf(import.meta.url), {
  lang: { type: 'string' },
  date: { type: 'string' },
  root: { type: 'string' },
  stage: { type: 'string', default: 'publish' },
});

if (values.lang && values.lang !== 'zh' && values.lang !== 'en') {
  console.error(`--lang ${values.lang}: choose zh or en`);
  process.exit(2);
}
if (!STAGES.includes(values.stage as Stage)) {
  console.error(
    `--stage ${values.stage}: choose publish (before publication, the default) or submission (a record awaiting its approvals)`,
  );
  process.exit(2);
}
const stage = values.stage as Stage;

try {
  const date = values.date ?? publicationDate();
  const root = resolveContentRoot({ root: values.root });
  const report = validateRepository(root, { date, lang: values.lang as Lang | undefined, stage });
  const lang = (values.lang as Lang | undefined) ?? report.publisher.language;
  // Next year's holiday calendar still missing from the publisher's warning day on: a warning, not an error.
  const calendar = workingCalendarOf(root);
  const problems = [
    ...report.problems,
    ...calendarWarnings(calendar, report.publisher, date, lang),
  ];
  const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
  const [errors, warnings, awaiting] = [count('error'), count('warning'), count('notice')];
  if (problems.length) console.log(formatProblems(problems, lang));
  // On GitHub Actions the same problems become annotations on the run's page.
  if (process.env.GITHUB_ACTIONS === 'true' && problems.length) console.log(annotations(problems));
  const pending = pendingDeadlines(
    report.records,
    calendar,
    report.publisher.objection_working_days,
  );
  if (pending.length) console.log(pendingText(pending, lang));
  const asOf =
    stage === 'submission'
      ? lang === 'zh'
        ? `截至 ${date}，报送阶段`
        : `as of ${date}, submission stage`
      : lang === 'zh'
        ? `截至 ${date}`
        : `as of ${date}`;
  const waiting = awaiting
    ? lang === 'zh'
      ? `；${awaiting} 条记录待审核/待审定 — 合并前由审核人、审定人批准`
      : `; ${awaiting} record(s) awaiting review and approval — the reviewers approve before the merge`
    : '';
  console.log(
    lang === 'zh'
      ? `已检查 ${report.files} 条记录（${asOf}）：${errors} 个错误，${warnings} 个提示${waiting}`
      : `checked ${report.files} records (${asOf}): ${errors} error(s), ${warnings} warning(s)${waiting}`,
  );
  process.exit(errors ? 1 : 0);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
