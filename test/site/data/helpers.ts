/**
 * Reading a built site the way an outside consumer would: files by path, every text file of the
 * output, the public/inactive split computed from the content repository with the registry's
 * own rule (isPublicOn), not from the site's code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  isPublicOn,
  validateRepository,
  type HongheiRecord,
} from '../../../content/schema/index.ts';

/** A file of the built site as UTF-8 text. */
export const read = (outDir: string, path: string): string =>
  readFileSync(join(outDir, path), 'utf8');

/** A JSON file of the built site. */
export const readJson = <T = any>(outDir: string, path: string): T =>
  JSON.parse(read(outDir, path)) as T;

const TEXT = /\.(html|json|xml|csv|txt|js|css|svg)$/;

/** Every text file of the output, by path relative to it. */
export function textFiles(outDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(outDir, { recursive: true, encoding: 'utf8' })) {
    if (TEXT.test(f))
      out.set(relative(outDir, join(outDir, f)), readFileSync(join(outDir, f), 'utf8'));
  }
  return out;
}

/** The repository's records split by the registry's visibility rule. */
export function splitRecords(
  root: string,
  date: string,
): { publicRecords: HongheiRecord[]; inactive: HongheiRecord[] } {
  const report = validateRepository(root, { date });
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new Error(
      `the content at ${root} does not validate: ${errors.map((p) => `${p.file}:${p.line} ${p.what}`).join('; ')}`,
    );
  const records = report.records.map((r) => r.record);
  return {
    publicRecords: records.filter((r) => isPublicOn(r, date)),
    inactive: records.filter((r) => !isPublicOn(r, date)),
  };
}

/** Where a value occurs in the output, for a readable failure. */
export function filesContaining(files: Map<string, string>, value: string): string[] {
  return [...files].filter(([, text]) => text.includes(value)).map(([path]) => path);
}
