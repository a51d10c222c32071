/**
 * Filling in objection deadlines left pending (`due: pending`, recorded while the holiday calendar
 * did not reach them) once the calendar file is added: the review CLI's `deadlines` command. It
 * looks at the base branch and every open submission branch, computes each pending deadline on the
 * calendar of the base branch (where the publisher adds content/calendar/YYYY.yaml), and with
 * --write commits the dates: one commit per branch, moved with compare-and-swap like every other
 * review write.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import {
  DUE_PENDING,
  loadCalendarFiles,
  loadPublisher,
  WorkingCalendar,
  type IsoDate,
} from '../../content/schema/index.ts';
import { editRecordYaml } from '../../content/schema/record-yaml.ts';
import { git, resolveRef, type GitIdentity } from './git.ts';
import { TRAILERS } from './local-git.ts';
import type { LocalReview } from './local-review.ts';

/** One pending deadline: where it is, when the objection was received, and its date when known. */
export interface PendingOnBranch {
  branch: string;
  /** The submission, for a submission branch. */
  submissionId?: string;
  file: string;
  index: number;
  received: IsoDate;
  due?: IsoDate;
  /** The year whose calendar it still waits for. */
  waitsFor?: number;
}

/** The calendar and the objection working days of a commit's content (its calendar files over the package). */
async function calendarAt(
  repo: string,
  commit: string,
): Promise<{ calendar: WorkingCalendar; days: number; invalid: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'honghei-calendar-'));
  try {
    await mkdir(join(dir, 'content', 'calendar'), { recursive: true });
    const names = (
      await git(repo, ['ls-tree', '--name-only', `${commit}:content/calendar`], { okCodes: [128] })
    ).stdout
      .split('\n')
      .filter((n) => /\.ya?ml$/.test(n));
    for (const name of names)
      await writeFile(
        join(dir, 'content', 'calendar', name),
        (await git(repo, ['show', `${commit}:content/calendar/${name}`])).stdout,
      );
    await writeFile(
      join(dir, 'content', 'publisher.yaml'),
      (await git(repo, ['show', `${commit}:content/publisher.yaml`])).stdout,
    );
    const { calendars, problems } = loadCalendarFiles(dir);
    return {
      calendar: new WorkingCalendar(calendars),
      days: loadPublisher(dir).objection_working_days,
      invalid: [...new Set(problems.map((p) => p.file))],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The record files of a commit holding a pending deadline (git grep: no checkout, any size). */
async function filesWithPending(repo: string, commit: string): Promise<string[]> {
  const { stdout } = await git(
    repo,
    [
      'grep',
      '-l',
      '-E',
      `^\\s*due:\\s*["']?${DUE_PENDING}["']?\\s*$`,
      commit,
      '--',
      'content/records',
    ],
    { okCodes: [1] },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(commit.length + 1));
}

/** The pending objection deadlines of one YAML text. */
function pendingIn(text: string): { index: number; received: IsoDate }[] {
  const history =
    (
      parseDocument(text).toJS() as {
        history?: { status?: string; date?: string; due?: string }[];
      } | null
    )?.history ?? [];
  return history.flatMap((e, index) =>
    e.status === 'objection' && e.due === DUE_PENDING && typeof e.date === 'string'
      ? [{ index, received: e.date }]
      : [],
  );
}

/** Every pending deadline on the base branch and on open submission branches, computed on the base's calendar. */
export async function findPendingDeadlines(
  review: LocalReview,
): Promise<{ pending: PendingOnBranch[]; invalidCalendars: string[] }> {
  const { repo, base } = review.forge;
  const baseTip = await resolveRef(repo, `refs/heads/${base}`);
  if (!baseTip)
    throw new Error(
      `the repository ${repo} has no branch ${base}: name the base branch with --base`,
    );
  const { calendar, days, invalid } = await calendarAt(repo, baseTip);
  const branches: { branch: string; submissionId?: string }[] = [
    { branch: base },
    ...(await review.forge.listOpen()).map((r) => ({
      branch: r.branch,
      submissionId: r.submissionId,
    })),
  ];
  const pending: PendingOnBranch[] = [];
  for (const b of branches) {
    const tip = (await resolveRef(repo, `refs/heads/${b.branch}`))!;
    for (const file of await filesWithPending(repo, tip)) {
      const text = (await git(repo, ['show', `${tip}:${file}`])).stdout;
      for (const p of pendingIn(text)) {
        const d = calendar.deadline(p.received, days);
        pending.push({
          ...b,
          file,
          ...p,
          ...('due' in d ? { due: d.due } : { waitsFor: d.pending }),
        });
      }
    }
  }
  return { pending, invalidCalendars: invalid };
}

/** Writes the computable deadlines: one commit per branch. Returns the commits made. */
export async function writeDeadlines(
  review: LocalReview,
  pending: readonly PendingOnBranch[],
  options: { date: IsoDate; identity?: Partial<GitIdentity> },
): Promise<{ branch: string; commit: string; count: number }[]> {
  const { repo, base } = review.forge;
  const identity = {
    name: options.identity?.name ?? 'Honghei review',
    email: options.identity?.email ?? 'reviewer@honghei.invalid',
  };
  const byBranch = new Map<string, PendingOnBranch[]>();
  for (const p of pending)
    if (p.due) byBranch.set(p.branch, [...(byBranch.get(p.branch) ?? []), p]);
  const made: { branch: string; commit: string; count: number }[] = [];
  for (const [branch, items] of byBranch) {
    const ref = `refs/heads/${branch}`;
    const tip = (await resolveRef(repo, ref))!;
    const files: { path: string; content: string }[] = [];
    for (const file of [...new Set(items.map((i) => i.file))]) {
      const text = (await git(repo, ['show', `${tip}:${file}`])).stdout;
      const content = editRecordYaml(
        text,
        (doc) => {
          for (const i of items.filter((x) => x.file === file))
            doc.setIn(['history', i.index, 'due'], i.due);
        },
        () => new Error(`${branch}:${file} is not a YAML record: run npm run validate on it`),
      );
      files.push({ path: file, content });
    }
    const lines = items.map((i) => `${i.file}：${i.received} 收到的异议，办理时限 ${i.due}`);
    const submission = items[0]!.submissionId;
    const message = `办理时限：填写 ${items.length} 项待定的异议办理时限\n\n${lines.join('\n')}\n按 content/calendar/ 的节假日安排（及 chinese-days）计算，收到当日不计。\n${submission ? `\n${TRAILERS.submission}: ${submission}\n` : ''}`;
    const commit = await review.commitChange(
      tip,
      files,
      message,
      identity,
      `${options.date}T12:00:00+08:00`,
    );
    if (branch === base) await review.advanceBase(commit, tip);
    else await review.moveRef(ref, commit, tip);
    made.push({ branch, commit, count: items.length });
  }
  return made;
}
