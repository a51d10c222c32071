/**
 * npm run review -- <command> [options]   (local mode: the content repository is a git repository)
 *
 *   list                                   open submissions, with their approvals
 *   show <id> [--out DIR] [--via-link]     the record as a reviewer reads it, the validator's verdict, and its
 *                                          non-public attachments fetched from the private store (or through a
 *                                          signed link to the bot), SHA-256 checked, saved to DIR
 *                                          (default <tmp>/honghei-review/<id>; docs/private-files.md)
 *   approve <id> --by "职务 姓名" [--role review|approve] [--date YYYY-MM-DD]
 *                                          审核 first, then 审定; written into the record and as a trailer
 *   merge <id> --by "职务 姓名"            publish: needs content/publisher.yaml approvals_required approvals
 *   reject <id> --by "职务 姓名" --comment "理由"
 *   deadlines [--write]                    objection deadlines left pending (due: pending) on the base
 *                                          branch and open submissions, with their dates on the base
 *                                          branch's calendar; --write commits the computable ones
 *
 * For continuous integration (a checkout of a pull request):
 *   report [--changed-from REF] [--stage submission|publish] [--format text|github]
 *                                          the validator's verdict on the changed files at a stage:
 *                                          submission (default) passes a record awaiting its approvals,
 *                                          publish (also --require-approvals) fails it; github prints
 *                                          annotations, writes $GITHUB_STEP_SUMMARY and, to
 *                                          $GITHUB_OUTPUT, state=success|pending|failure and its
 *                                          description for the commit status; exit 1 on errors
 *   labels --changed-from REF              the labels of the changed records, one per line
 *   approve <id> --login NAME --reviewers content/reviewers.yml
 *                                          approve as the reviewer a forge login maps to
 *
 * Options: --repo DIR (default HONGHEI_REPO or the current directory), --base BRANCH (default main),
 * --lang zh|en. Exit codes: 0 done, 1 refused (the message says why and what to do), 2 wrong usage.
 */
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  chinaDateTime,
  ConfigError,
  formatProblems,
  publicationDate,
  readSetting,
  resolveContentRoot,
  STAGES,
  toPosix,
  type Lang,
  type Stage,
} from '../content/schema/index.ts';
import { git } from '../bot/forge/git.ts';
import { LocalGitForge } from '../bot/forge/local-git.ts';
import { showPrivateFiles } from '../bot/private-files/review-fetch.ts';
import { LocalReview, ReviewRefusal } from '../bot/forge/local-review.ts';
import { findPendingDeadlines, writeDeadlines } from '../bot/forge/local-deadlines.ts';
import { verdictLine } from '../bot/forge/summary.ts';
import { parseCommandLine } from './lib/cli.ts';
import {
  annotations,
  changedFiles,
  ciReport,
  commitStatus,
  labelsFor,
  markdownSummary,
  reviewerFor,
  textReport,
} from '../bot/forge/ci-report.ts';

const USAGE = `用法：npm run review -- list | show <id> | approve <id> --by "职务 姓名" [--role review|approve] | merge <id> --by "…" | reject <id> --by "…" --comment "理由" | deadlines [--write]
选项：--repo 目录（默认 HONGHEI_REPO 或当前目录） --base 分支（默认 main） --date YYYY-MM-DD --lang zh|en`;

const { values, positionals } = parseCommandLine(
  USAGE,
  {
    repo: { type: 'string' },
    base: { type: 'string' },
    by: { type: 'string' },
    role: { type: 'string' },
    comment: { type: 'string' },
    date: { type: 'string' },
    lang: { type: 'string' },
    email: { type: 'string' },
    login: { type: 'string' },
    reviewers: { type: 'string' },
    'changed-from': { type: 'string' },
    'require-approvals': { type: 'boolean' },
    stage: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'via-link': { type: 'boolean' },
    write: { type: 'boolean' },
  },
  true,
);

/** Columns a text takes in a terminal: CJK characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}

const [command, id] = positionals;
if (!command) usage('缺少命令');
if (!['list', 'report', 'labels', 'deadlines'].includes(command) && !id)
  usage(
    `${command} 需要提交编号：npm run review -- ${command} <id>（编号见 npm run review -- list）`,
  );
if (values.role && values.role !== 'review' && values.role !== 'approve')
  usage(`--role ${values.role}：只能是 review（审核）或 approve（审定）`);
if (values.lang && values.lang !== 'zh' && values.lang !== 'en')
  usage(`--lang ${values.lang}：只能是 zh 或 en`);
if (values.stage && !STAGES.includes(values.stage as Stage))
  usage(
    `--stage ${values.stage}：只能是 submission（报送，待审批不算错误）或 publish（发布前，须有审核与审定）`,
  );
if (values.stage === 'submission' && values['require-approvals'])
  usage('--stage submission 与 --require-approvals 矛盾：--require-approvals 即 --stage publish');
const lang = (values.lang ?? 'zh') as Lang;
/** A setting read at start: a wrong value stops the command with its message (exit 1), no stack. */
function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const date = values.date ?? setting(() => publicationDate());
const root =
  values.repo ?? setting(() => readSetting('HONGHEI_REPO', process.env)) ?? process.cwd();
// The records this checkout publishes: content/ once `npm run init` wrote it, else the sample.
const content = setting(() => resolveContentRoot({ projectRoot: root }));
const forge = new LocalGitForge({
  repo: root,
  base: values.base ?? setting(() => readSetting('HONGHEI_BASE', process.env)),
});
const review = new LocalReview(forge, { lang });
const identity = values.email ? { email: values.email } : undefined;
const needBy = () =>
  values.by ?? usage(`${command} 需要 --by "职务 姓名"，如 --by "分管副主席 王某"`);

try {
  switch (command) {
    case 'list': {
      const open = await review.list();
      if (!open.length) console.log('没有待审提交。');
      for (const s of open)
        console.log(
          `${s.id}\t${s.approvals} 个批准\t${chinaDateTime(s.date)}\t${s.submitter ?? ''}\t${s.title}`,
        );
      break;
    }
    case 'show': {
      const v = await review.show(id!, date);
      console.log(`${v.title}\n分支 ${v.branch}`);
      for (const [k, val] of Object.entries(v.trailers)) console.log(`${k}: ${val}`);
      console.log(`\n文件：\n${v.files.map((f) => `  ${f}`).join('\n')}\n`);
      const width = Math.max(...v.rows.map((r) => displayWidth(r.label)), 4);
      for (const r of v.rows)
        console.log(`${r.label}${' '.repeat(width - displayWidth(r.label))}  ${r.value}`);
      console.log(
        `\n批准：${v.approvals.length}/${v.required}${v.approvals.map((a) => `\n  ${a.role === 'review' ? '审核' : '审定'}  ${a.by}`).join('')}`,
      );
      console.log(`\n${verdictLine(v.verdict, lang)}`);
      const listed = [...v.verdict.errors, ...v.verdict.warnings];
      if (listed.length) console.log(formatProblems(listed, lang));
      const recordText = v.recordFile
        ? (await git(root, ['show', `refs/heads/${v.branch}:${v.recordFile}`])).stdout
        : '';
      const privateLines = await showPrivateFiles(recordText, {
        env: process.env,
        outDir: values.out ?? join(tmpdir(), 'honghei-review', id!),
        viaLink: values['via-link'],
      });
      if (privateLines.length)
        console.log(`\n不公开附件（不在仓库中）：\n${privateLines.join('\n')}`);
      break;
    }
    case 'approve': {
      // In CI the reviewer is known by forge login; content/reviewers.yml names them and their role.
      const mapped = values.login
        ? reviewerFor(values.reviewers ?? join(content, 'content/reviewers.yml'), values.login)
        : undefined;
      const role = (values.role as 'review' | 'approve' | undefined) ?? mapped?.role;
      const a = await review.approve(id!, { by: mapped?.name ?? needBy(), role, date, identity });
      const count = (await forge.approvals(id!)).length;
      console.log(
        `已记录${a.role === 'review' ? '审核' : '审定'}：${a.by}（${date}），提交 ${id} 现有 ${count} 个批准。`,
      );
      if (a.startMoved)
        console.log(
          `发布开始日期由 ${a.startMoved.from} 顺延至 ${a.startMoved.to}（批准之日）；如需更晚发布，请在分支上修改 publication.start。`,
        );
      break;
    }
    case 'merge': {
      const commit = await review.merge(id!, { by: needBy(), date, identity });
      console.log(`已合并发布：${id}（${commit.slice(0, 12)}）。报送人将收到发布通知。`);
      break;
    }
    case 'reject': {
      const comment =
        values.comment ?? usage('reject 需要 --comment "退回理由"（报送人会收到这段话）');
      await review.reject(id!, { by: needBy(), comment, date, identity });
      console.log(`已退回：${id}。报送人将收到退回理由。`);
      break;
    }
    case 'report': {
      // Changed paths are relative to the checkout; the report's are relative to the content root.
      const changed = values['changed-from']
        ? await changedFiles(root, values['changed-from'])
        : undefined;
      const only = changed?.map((f) => toPosix(relative(content, join(root, f))));
      const stage =
        (values.stage as Stage | undefined) ??
        (values['require-approvals'] ? 'publish' : 'submission');
      const report = ciReport(content, { date, lang, only, stage });
      if (values.format === 'github') {
        const text = annotations(report.problems);
        if (text) console.log(text);
        if (process.env.GITHUB_STEP_SUMMARY)
          appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdownSummary(report, lang)}\n`);
        // The commit status the workflow sets: pending while a record awaits its approvals.
        const status = commitStatus(report, lang);
        if (process.env.GITHUB_OUTPUT)
          appendFileSync(
            process.env.GITHUB_OUTPUT,
            `state=${status.state}\ndescription=${status.description.replace(/\s+/g, ' ').slice(0, 140)}\n`,
          );
      }
      console.log(textReport(report, lang));
      process.exitCode = report.failed ? 1 : 0;
      break;
    }
    case 'labels': {
      if (!values['changed-from'])
        usage('labels 需要 --changed-from REF，如 --changed-from origin/main');
      for (const l of labelsFor(root, await changedFiles(root, values['changed-from']!)))
        console.log(l);
      break;
    }
    case 'deadlines': {
      const { pending, invalidCalendars } = await findPendingDeadlines(review);
      for (const f of invalidCalendars)
        console.error(`${f} 有错误，未采用：先运行 npm run validate 改正`);
      if (!pending.length) console.log('没有待定的异议办理时限。');
      for (const p of pending) {
        const where = p.submissionId ? `提交 ${p.submissionId}` : p.branch;
        console.log(
          `${where}\t${p.file}\thistory.${p.index}.due\t${p.received} 收到\t${p.due ? `→ ${p.due}` : `待定（等待 content/calendar/${p.waitsFor}.yaml）`}`,
        );
      }
      const computable = pending.filter((p) => p.due);
      if (values.write && computable.length) {
        for (const c of await writeDeadlines(review, computable, {
          date,
          identity: { ...(values.by ? { name: values.by } : {}), ...identity },
        })) {
          console.log(`已写入 ${c.count} 项办理时限：${c.branch}（${c.commit.slice(0, 12)}）`);
        }
      } else if (computable.length)
        console.log(
          `加 --write 写入以上 ${computable.length} 项可计算的办理时限（每个分支一次提交）。`,
        );
      break;
    }
    default:
      usage(`未知命令 ${command}`);
  }
} catch (error) {
  if (error instanceof ReviewRefusal) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
