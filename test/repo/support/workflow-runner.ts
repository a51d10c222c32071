/**
 * Runs the shell steps of a shipped workflow in a checkout, in order, with the environment the
 * workflow sets (workflow, job and step env; GitHub's default variables; GitLab's variables), as
 * bash does on the runner. Steps that need the forge (actions such as checkout or upload, API calls
 * with gh, publishing with the deploy secrets) are not run: each is listed with the reason, so a
 * reader sees exactly what the test covers. `npm ci` is replaced by the project's node_modules
 * linked into the clone (the npm ci test installs on a fresh clone itself).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { condition, substitute, type ExpressionContext } from './workflow-expressions.ts';

/** One step as the workflow file gives it. */
export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  shell?: string;
}

/** One job: its steps and the environment the file sets for them. */
export interface WorkflowJob {
  file: string;
  job: string;
  if?: string;
  env: Record<string, string>;
  steps: WorkflowStep[];
  gitlab: boolean;
}

/** What happened to a step. */
export interface StepResult {
  step: string;
  result: 'success' | 'failure' | 'skipped' | 'not run';
  reason?: string;
  output: string;
  outputs: Record<string, string>;
}

/** A job of a GitHub/Gitea workflow file. */
export function actionsJob(root: string, file: string, job: string): WorkflowJob {
  const doc = parse(readFileSync(join(root, file), 'utf8')) as {
    env?: Record<string, string>;
    jobs: Record<string, { if?: string; env?: Record<string, string>; steps: WorkflowStep[] }>;
  };
  const j = doc.jobs[job];
  if (!j) throw new Error(`${file} has no job ${job}: it has ${Object.keys(doc.jobs).join(', ')}`);
  return { file, job, if: j.if, env: { ...doc.env, ...j.env }, steps: j.steps, gitlab: false };
}

/** A job of .gitlab-ci.yml: default before_script, then its script lines, one step each. */
export function gitlabJob(root: string, job: string): WorkflowJob & { rules: string[] } {
  const doc = parse(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8')) as Record<
    string,
    {
      script?: string[];
      before_script?: string[];
      variables?: Record<string, string>;
      rules?: { if: string }[];
    }
  > & { default?: { before_script?: string[] }; variables?: Record<string, string> };
  const j = doc[job];
  if (!j?.script) throw new Error(`.gitlab-ci.yml has no job ${job}`);
  const lines = [...(j.before_script ?? doc.default?.before_script ?? []), ...j.script];
  return {
    file: '.gitlab-ci.yml',
    job,
    env: { ...doc.variables, ...j.variables },
    steps: lines.map((run) => ({ run, name: run })),
    gitlab: true,
    rules: (j.rules ?? []).map((r) => r.if),
  };
}

/** Whether a GitLab `rules: - if:` of the form `$A == "x"` or `$A == $B` holds for the variables. */
export function gitlabRuleHolds(rule: string, vars: Record<string, string>): boolean {
  const value = (side: string) =>
    side.startsWith('$') ? (vars[side.slice(1)] ?? '') : side.replace(/^"|"$/g, '');
  const m = /^\s*(\S+)\s*(==|!=)\s*(\S+)\s*$/.exec(rule.replace(/\s+#.*$/, ''));
  if (!m) throw new Error(`GitLab rule not understood by the test's runner: ${rule}`);
  return (value(m[1]!) === value(m[3]!)) === (m[2] === '==');
}

/** Why a step is not run here, or undefined when it is run. */
export function notRunReason(step: WorkflowStep): string | undefined {
  if (step.uses?.startsWith('actions/checkout'))
    return 'forge action: the test works in a fresh git clone of the repository instead';
  if (step.uses?.startsWith('actions/setup-node'))
    return "forge action: the project's own Node 24 (node_modules/.bin, as npm scripts use it) stands in";
  if (step.uses) return `forge action ${step.uses} (GitHub Pages): needs the forge`;
  const run = step.run ?? '';
  if (/^\s*npm ci\b/.test(run))
    return "npm ci: the project's installed node_modules is linked into the clone instead (the npm ci test installs on a fresh clone)";
  if (/\bgh (api|pr|label)\b/.test(run))
    return 'calls the forge API with gh (labels, commit status): needs GitHub';
  if (/\brsync\b/.test(run) && /DEPLOY_SSH_KEY/.test(JSON.stringify(step.env ?? {})))
    return 'publishes over SSH with the DEPLOY_SSH_KEY secret: needs the web server';
  return undefined;
}

/** The result of a job: every step's result, and whether any run step failed. */
export interface JobResult {
  job: string;
  steps: StepResult[];
  failed: boolean;
  ran: boolean;
}

/**
 * Runs a job's steps in `cwd`. `context` holds the expression values (github, runner, secrets);
 * `env` the variables the runner itself provides (GitLab's CI_*, the test's fixed date).
 */
export function runJob(
  job: WorkflowJob,
  cwd: string,
  context: Omit<ExpressionContext, 'status' | 'steps'>,
  env: Record<string, string>,
): JobResult {
  const status = { failed: false };
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const ctx: ExpressionContext = { ...context, steps, status };
  if (job.if !== undefined && !condition(job.if, ctx))
    return { job: `${job.file} ${job.job}`, steps: [], failed: false, ran: false };
  const temp = String((context.runner as { temp: string }).temp);
  mkdirSync(temp, { recursive: true });
  const results: StepResult[] = [];
  for (const [i, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? step.run!.split('\n')[0]!;
    const reason = notRunReason(step);
    if (reason) {
      results.push({ step: name, result: 'not run', reason, output: '', outputs: {} });
      continue;
    }
    if (!condition(step.if, ctx)) {
      results.push({
        step: name,
        result: 'skipped',
        reason: `if: ${step.if}`,
        output: '',
        outputs: {},
      });
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'skipped' };
      continue;
    }
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(
      Object.entries({ ...job.env, ...step.env }).map(([k, v]) => [k, substitute(String(v), ctx)]),
    );
    const script = job.gitlab ? step.run! : substitute(step.run!, ctx);
    const baseEnv = job.gitlab
      ? { CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: cwd }
      : {
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: cwd,
          RUNNER_TEMP: temp,
          GITHUB_OUTPUT: outputFile,
          GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
          GITHUB_BASE_REF: String((context.github as Record<string, unknown>).base_ref ?? ''),
          GITHUB_REPOSITORY: String((context.github as Record<string, unknown>).repository ?? ''),
        };
    // GitHub's default shell for run (bash -e); GitLab runs each script line under set -e too.
    const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', script], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...baseEnv, ...env, ...stepEnv },
      maxBuffer: 64 << 20,
    });
    const outputs = existsSync(outputFile)
      ? Object.fromEntries(
          readFileSync(outputFile, 'utf8')
            .split('\n')
            .filter((l) => l.includes('='))
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
        )
      : {};
    const ok = run.status === 0;
    results.push({
      step: name,
      result: ok ? 'success' : 'failure',
      output: `${run.stdout}${run.stderr}`,
      outputs,
    });
    if (step.id) steps[step.id] = { outputs, outcome: ok ? 'success' : 'failure' };
    if (!ok) status.failed = true;
  }
  return { job: `${job.file} ${job.job}`, steps: results, failed: status.failed, ran: true };
}

/** A readable account of a job run, for assertion messages and the test log. */
export function describeRun(result: JobResult): string {
  return [
    `${result.job}${result.ran ? '' : ' (job condition false: not run)'}`,
    ...result.steps.map(
      (s) =>
        `  ${s.result.padEnd(8)} ${s.step}${s.reason ? ` — ${s.reason}` : ''}${s.result === 'failure' ? `\n${s.output.split('\n').slice(-30).join('\n')}` : ''}`,
    ),
  ].join('\n');
}
