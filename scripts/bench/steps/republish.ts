/**
 * The republish kinds, each a build over the previous one's output folder and Astro cache (what a
 * second `npm run build` does): add one record, change one record's facts, remove one record, and
 * the next day (same content, date + 1). Each is measured like the full publish, with the files it
 * wrote and removed and its share of the full publish; then, up to --equivalence-max records, a
 * full build of the same content and date from nothing must give the same bytes.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isPublicOn, type HongheiRecord } from '../../../content/schema/index.ts';
import { addOneRecord, cloneRecord } from '../lib/content.ts';
import { commitSubmission, type BenchSubmission } from '../lib/content-git.ts';
import { checkEquivalence } from '../lib/equivalence.ts';
import { formatMs } from '../lib/files.ts';
import { listFolder, outputWrites } from '../lib/output-writes.ts';
import { measureOurPublish } from '../lib/publish-bench.ts';
import {
  caseRecordIds,
  CHANGED_FACTS_SUFFIX,
  changeFacts,
  pickPublicRecord,
  removeRecord,
} from '../lib/record-changes.ts';
import { foldersOf } from '../lib/table-republish.ts';
import { REPUBLISH_KINDS, type RepublishKind, type RepublishRun } from '../lib/results.ts';
import type { SizeRun } from './size-run.ts';

/** What one kind changed, and the page that must (or must no longer) be there. */
interface Change {
  change: string;
  date: string;
  page?: { id: string; expected: boolean; shows?: string };
}

/** The day after an ISO date. */
export const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Runs the four kinds in order on top of the full publish of this run. */
export async function republishes(run: SizeRun): Promise<void> {
  const { result, options, say } = run;
  const full = result.publish!;
  const equivalenceSkipped = !options.runs('equivalence')
    ? 'not run (--skip equivalence)'
    : result.size > options.equivalenceMax
      ? `not run: ${result.size.toLocaleString('en')} records is above --equivalence-max ${options.equivalenceMax.toLocaleString('en')}`
      : undefined;
  delete result.republish; // the older single republish, replaced by the kinds
  delete result.equivalence;
  const done: Partial<Record<RepublishKind, RepublishRun>> = (result.republishes = {});
  result.republishErrors = undefined;
  const touched: string[] = [];
  let date = options.date;
  for (const kind of REPUBLISH_KINDS) {
    const c = await applyChange(run, kind, date, touched);
    date = c.date;
    say(`republish: ${c.change}…`);
    const dirs = { ...run.dirs, date };
    const before = listFolder(dirs.outDir);
    let measured;
    try {
      measured = await measureOurPublish(dirs, run.passLine, false);
    } catch (error) {
      // Later kinds build on this one: stop here, keep what was measured, report the failure.
      const message = (error as Error).message.split('\n').slice(0, 12).join('\n');
      result.republishErrors = { [kind]: message };
      say(`republish ${kind} FAILED — the later kinds are not run:\n${message}`);
      break;
    }
    const writes = outputWrites(before, listFolder(dirs.outDir));
    const page = c.page && { ...c.page, ...pageState(dirs.outDir, c.page.id, c.page.shows) };
    const r: RepublishRun = {
      ...measured,
      kind,
      change: c.change,
      date,
      fractionOfFull: measured.wallMs / full.wallMs,
      writes,
      page: page && { id: page.id, expected: page.expected, present: page.present },
    };
    done[kind] = r;
    run.save();
    const pageNote =
      !page || page.expected === page.present
        ? ''
        : page.expected
          ? ` — but the page of ${page.id} is MISSING${page.shows ? ' or does not show the change' : ''}`
          : ` — but ${page.id} still has a page`;
    say(
      `republish ${kind}: ${formatMs(r.wallMs)} = ${(r.fractionOfFull * 100).toFixed(1)} % of the full publish; ${writes.written} files written${foldersOf(writes.byFolder)} (${writes.added} new, ${writes.changed} of another size), ${writes.removed} removed${pageNote}`,
    );
    if (equivalenceSkipped) r.equivalence = { skipped: equivalenceSkipped };
    else {
      say(`equivalence after ${kind}: a full build of the same content and date, compared…`);
      const fullOut = join(options.work, `full-out-${run.label}`);
      try {
        r.equivalence = await checkEquivalence(dirs, fullOut, run.passLine);
        say(`equivalence after ${kind}: ${r.equivalence.report.split('\n').join('; ')}`);
      } catch (error) {
        r.equivalence = { skipped: `the full build failed: ${(error as Error).message}` };
        say(`equivalence after ${kind}: ${r.equivalence.skipped}`);
      }
      rmSync(fullOut, { recursive: true, force: true });
    }
    run.save();
  }
  run.done('republish');
}

/** The Submission-Kind and hour of each kind's commit (the next day has none). */
const SUBMITTED: Record<Exclude<RepublishKind, 'next-day'>, [BenchSubmission['kind'], number]> = {
  add: ['new', 10],
  change: ['edit', 11],
  remove: ['objection', 12],
};

/**
 * Makes one kind's change to the build's records (or date), committed like a merged submission
 * when the content is a Git repository; `touched` collects edited files.
 */
async function applyChange(
  run: SizeRun,
  kind: RepublishKind,
  date: string,
  touched: string[],
): Promise<Change> {
  const c = await changeRecords(run, kind, date, touched);
  if (run.gitRoot && kind !== 'next-day' && c.page) {
    const [submissionKind, hour] = SUBMITTED[kind];
    commitSubmission(run.gitRoot, {
      path: `content/records/${touched.at(-1)!}`,
      recordId: c.page.id,
      kind: submissionKind,
      title: c.change,
      date,
      hour,
      id: `bench-${date}-${kind}`,
    });
  }
  return c;
}

/** Makes one kind's change to the build's records (or date); `touched` collects edited files. */
async function changeRecords(
  run: SizeRun,
  kind: RepublishKind,
  date: string,
  touched: string[],
): Promise<Change> {
  const dir = run.buildRecordsDir;
  const idOf = (file: string) => (parse(readFileSync(join(dir, file), 'utf8')) as HongheiRecord).id;
  if (kind === 'add') {
    const { options } = run;
    const added = options.content
      ? cloneRecord(dir)
      : await addOneRecord(options.work, run.result.size, options.seed, dir, run.say);
    touched.push(added);
    const record = parse(readFileSync(join(dir, added), 'utf8')) as HongheiRecord;
    // A generated record may be removed or expired on the build date: then it has no page.
    return {
      change: `added ${added}`,
      date,
      page: { id: record.id, expected: isPublicOn(record, date) },
    };
  }
  if (kind === 'change') {
    const file = pickPublicRecord(dir, date, 0.5, touched);
    touched.push(file);
    changeFacts(dir, file);
    return {
      change: `changed the facts of ${file}`,
      date,
      page: { id: idOf(file), expected: true, shows: CHANGED_FACTS_SUFFIX },
    };
  }
  if (kind === 'remove') {
    // A record a case write-up names cannot go: the build's cross-record check would refuse.
    const file = pickPublicRecord(dir, date, 0.25, touched, caseRecordIds(dir));
    const id = idOf(file);
    touched.push(file);
    removeRecord(dir, file);
    return { change: `removed ${file}`, date, page: { id, expected: false } };
  }
  const next = nextDay(date);
  return { change: `the next day, ${next} (same content)`, date: next };
}

/** Whether the built site has a page for `id` (a folder named so holding index.html), showing `shows`. */
function pageState(outDir: string, id: string, shows?: string): { present: boolean } {
  const state = (page: string) => ({
    present: !shows || readFileSync(page, 'utf8').includes(shows),
  });
  // Entry pages live at records/<id>/ today; any other place is found by the walk.
  if (existsSync(join(outDir, 'records', id, 'index.html')))
    return state(join(outDir, 'records', id, 'index.html'));
  const stack = [outDir];
  while (stack.length) {
    const dir = stack.pop()!;
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('pagefind') || entry.name === '_astro')
        continue;
      const page = join(dir, id, 'index.html');
      if (entry.name === id && existsSync(page)) return state(page);
      stack.push(join(dir, entry.name));
    }
  }
  return { present: false };
}
