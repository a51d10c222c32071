/**
 * The edits the republish steps make to the measured content: change one record's facts (a field
 * its page shows) and remove one record. Both pick a record that is public on the build date, so
 * its page must change or go. The records folder holds hard links to the generated copy, so an
 * edited file is written anew (unlinked first), never through the link.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { isPublicOn, type HongheiRecord } from '../../../content/schema/index.ts';
import { recordFiles } from './content.ts';

/** The text appended to the changed record's facts. */
export const CHANGED_FACTS_SUFFIX = '（经复核，事实描述已更正。）';

/**
 * A record file public on `date`, looking from the given fraction of the sorted list onwards and
 * leaving out the files `exclude` and the records `excludeIds`; relative to the records folder.
 */
export function pickPublicRecord(
  recordsDir: string,
  date: string,
  from: number,
  exclude: readonly string[] = [],
  excludeIds: ReadonlySet<string> = new Set(),
): string {
  const files = recordFiles(recordsDir);
  const start = Math.floor(files.length * from);
  for (let i = 0; i < files.length; i++) {
    const file = files[(start + i) % files.length]!;
    if (exclude.includes(file)) continue;
    const record = parse(readFileSync(join(recordsDir, file), 'utf8')) as HongheiRecord;
    if (isPublicOn(record, date) && !excludeIds.has(record.id)) return file;
  }
  throw new Error(
    `no record in ${recordsDir} is public on ${date} (other than ${exclude.join(', ') || 'none'}${excludeIds.size ? ` and the ${excludeIds.size} a case write-up names` : ''}): the republish steps need one to change and one to remove`,
  );
}

/**
 * The record ids the case write-ups (content/cases/*.mdx, beside the records folder) name in
 * their front matter's `records:`: removing one of them would fail the build's cross-record check.
 */
export function caseRecordIds(recordsDir: string): Set<string> {
  const dir = join(dirname(recordsDir), 'cases');
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(readFileSync(join(dir, name), 'utf8'));
    const records = front && (parse(front[1]!) as { records?: unknown } | null)?.records;
    if (Array.isArray(records)) for (const id of records) if (typeof id === 'string') ids.add(id);
  }
  return ids;
}

/** Appends CHANGED_FACTS_SUFFIX to a record's facts; returns the new facts text. */
export function changeFacts(recordsDir: string, file: string): string {
  const path = join(recordsDir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const facts = `${String(doc.get('facts') ?? '').trimEnd()}${CHANGED_FACTS_SUFFIX}`;
  doc.set('facts', facts);
  rmSync(path); // a hard link to the generated copy: write a new file instead
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return facts;
}

/** Removes a record file. */
export function removeRecord(recordsDir: string, file: string): void {
  rmSync(join(recordsDir, file));
}
