/**
 * The rules that span records and files: ids and file locations, one entry per subject and list
 * at a time, files that must exist, submitting units, approvals, and the records that case
 * write-ups refer to.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isScalar } from 'yaml';
import type { Publisher } from './config.ts';
import { addDays, type IsoDate } from './dates.ts';
import { PUBLIC_STATUSES } from './labels.ts';
import type { Lang } from './messages.ts';
import { problemAt, type Problem } from './problems.ts';
import type { HongheiRecord } from './record.ts';
import { reviewProblems } from './review-rules.ts';
import { parseYaml, positionOf, type YamlSource } from './source.ts';
import { approvalProblems, DEFAULT_STAGE, type Stage } from './stages.ts';
import { objectionDeadlineProblems, workingCalendarOf } from './calendar-checks.ts';

/** A record that passed its schema, with the source it came from. */
export interface LoadedRecord {
  source: YamlSource;
  record: HongheiRecord;
}

/**
 * The last day an entry is public: the day before the first event that takes it off the site
 * (removed, revoked, expired; 'revoked' keeps a demonstration unit public), or its end date.
 */
export function lastPublicDay(
  record: Pick<HongheiRecord, 'list' | 'publication' | 'history'>,
): IsoDate {
  const keeps = PUBLIC_STATUSES[record.list];
  const ending = record.history.find(
    (e) => e.date >= record.publication.start && !keeps.includes(e.status),
  );
  return ending && ending.date <= record.publication.end
    ? addDays(ending.date, -1)
    : record.publication.end;
}

/** The first bytes of each allowed attachment type. */
const MAGIC: Record<string, (head: Buffer) => boolean> = {
  jpg: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  jpeg: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  png: (h) =>
    h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  webp: (h) =>
    h.subarray(0, 4).toString('latin1') === 'RIFF' &&
    h.subarray(8, 12).toString('latin1') === 'WEBP',
  pdf: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** True when a file's first bytes match its extension (a renamed file is caught here). */
export function contentMatchesExtension(path: string): boolean {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  const check = MAGIC[ext];
  if (!check) return false;
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  return check(head);
}

/** Entries on the same list for the same code whose public periods overlap, among those not over by the date. */
function overlappingCodes(loaded: readonly LoadedRecord[], date: IsoDate, lang: Lang): Problem[] {
  const groups = new Map<string, { entry: LoadedRecord; start: IsoDate; last: IsoDate }[]>();
  for (const entry of loaded) {
    const r = entry.record;
    if (!r.subject.code) continue;
    const last = lastPublicDay(r);
    if (last < date || last < r.publication.start) continue; // over: history, not a conflict to fix now
    const key = `${r.list}:${r.subject.code}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ entry, start: r.publication.start, last });
  }
  const problems: Problem[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort(
      (a, b) =>
        a.start.localeCompare(b.start) || a.entry.source.file.localeCompare(b.entry.source.file),
    );
    let open = group[0]!;
    for (const next of group.slice(1)) {
      if (next.start <= open.last) {
        const { record: r, source } = next.entry;
        problems.push(
          problemAt(
            source,
            ['subject', 'code'],
            'code_active_twice',
            { code: r.subject.code!, list: r.list, other: open.entry.source.file },
            lang,
          ),
        );
      }
      if (next.last > open.last) open = next;
    }
  }
  return problems;
}

/** The `records:` of every case write-up must name existing records. */
export function caseProblems(root: string, ids: ReadonlySet<string>, lang: Lang): Problem[] {
  const dir = join(root, 'content', 'cases');
  if (!existsSync(dir)) return [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    const file = `content/cases/${name}`;
    const text = readFileSync(join(dir, name), 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    const source = match ? parseYaml(match[1]!, file) : undefined;
    if (!source || source.doc.errors.length || !source.data || typeof source.data !== 'object') {
      const detail =
        source?.doc.errors[0]?.message.split('\n')[0] ??
        (lang === 'zh' ? '缺少文件头' : 'no front matter');
      problems.push({
        ...problemAt({ file }, [], 'case_frontmatter', { detail }, lang),
        line: 1,
        col: 1,
      });
      continue;
    }
    // The site reads front matter as YAML 1.1, where an unquoted 2026-04-15 becomes a Date.
    const date = source.doc.get('date', true);
    if (
      isScalar(date) &&
      date.type === 'PLAIN' &&
      typeof date.value === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(date.value)
    ) {
      const { line, col } = positionOf(source, ['date']);
      problems.push({
        ...problemAt({ file }, ['date'], 'case_date_unquoted', { date: date.value }, lang),
        line: line + 1,
        col,
      });
    }
    const records = (source.data as { records?: unknown }).records;
    if (!Array.isArray(records)) continue;
    records.forEach((id, i) => {
      if (typeof id === 'string' && ids.has(id)) return;
      // The front matter starts on line 2 of the file, after the opening ---.
      const { line, col } = positionOf(source, ['records', i]);
      problems.push({
        ...problemAt({ file }, ['records', i], 'case_without_record', { id: String(id) }, lang),
        line: line + 1,
        col,
      });
    });
  }
  return problems;
}

/**
 * The rules that span records: ids, locations, the same code twice, files that must exist, and
 * the approvals the stage asks for (a submission awaits them; publication needs them).
 */
export function crossRecordProblems(
  root: string,
  loaded: readonly LoadedRecord[],
  publisher: Publisher,
  date: IsoDate,
  lang: Lang,
  stage: Stage = DEFAULT_STAGE,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, LoadedRecord>();
  const units = new Map(publisher.units.map((u) => [u.name, u]));
  const unitNames = [...units.keys()].join('、');
  const calendar = workingCalendarOf(root);
  const seenFiles = new Map<string, boolean>();
  const exists = (path: string) => {
    let found = seenFiles.get(path);
    if (found === undefined) seenFiles.set(path, (found = existsSync(path)));
    return found;
  };
  for (const entry of loaded) {
    const { source, record: r } = entry;
    const first = byId.get(r.id);
    if (first)
      problems.push(
        problemAt(source, ['id'], 'duplicate_id', { id: r.id, other: first.source.file }, lang),
      );
    else byId.set(r.id, entry);

    const stem = basename(source.file).replace(/\.ya?ml$/, '');
    if (stem !== r.id)
      problems.push(
        problemAt(
          source,
          ['id'],
          'id_filename',
          { id: r.id, name: basename(source.file), stem },
          lang,
        ),
      );
    const expected = `content/records/${r.list}/${r.batch.slice(0, 4)}/${r.id}.yaml`;
    if (source.file !== expected && stem === r.id)
      problems.push(problemAt(source, ['list'], 'file_location', { expected }, lang));

    r.attachments.forEach((a, i) => {
      if (a.file === undefined) return; // a private file is in the private store, not here
      const path = join(root, 'content', a.file);
      if (!exists(path))
        problems.push(
          problemAt(
            source,
            ['attachments', i, 'file'],
            'attachment_missing',
            { file: a.file },
            lang,
          ),
        );
      else if (!contentMatchesExtension(path)) {
        problems.push(
          problemAt(
            source,
            ['attachments', i, 'file'],
            'attachment_content',
            { file: a.file, ext: (a.file.split('.').pop() ?? '').toUpperCase() },
            lang,
          ),
        );
      }
    });
    if (r.case && !exists(join(root, 'content', 'cases', `${r.case}.mdx`))) {
      problems.push(problemAt(source, ['case'], 'case_missing', { slug: r.case }, lang));
    }
    const unit = units.get(r.submitted.unit);
    if (!unit) {
      problems.push(
        problemAt(
          source,
          ['submitted', 'unit'],
          'unknown_unit',
          { unit: r.submitted.unit, allowed: unitNames },
          lang,
        ),
      );
    } else if (unit.categories && !unit.categories.includes(r.category)) {
      problems.push(
        problemAt(
          source,
          ['category'],
          'unit_category',
          { unit: unit.name, category: r.category, allowed: unit.categories.join(', ') },
          lang,
          'warning',
        ),
      );
    }
    problems.push(...reviewProblems(source, r, date, lang));
    problems.push(
      ...objectionDeadlineProblems(entry, calendar, publisher.objection_working_days, lang),
    );
    problems.push(...approvalProblems(entry, publisher, stage, lang));
  }
  problems.push(...overlappingCodes(loaded, date, lang));
  problems.push(...caseProblems(root, new Set(byId.keys()), lang));
  return problems;
}
