/**
 * The check of each record file, kept between builds in `<cacheDir>/honghei/validation.json`:
 * a file whose path and bytes were checked before, under the same schema (the sources of
 * content/schema), categories and publisher, is not parsed and checked again. Only the
 * date-independent result is kept (the record, or its problems); whether a record is public on
 * the date, and the checks across records, run on every build. A cache file that is unreadable,
 * damaged (its checksum) or from another schema is ignored.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile, type CheckFile } from '../../content/schema/index.ts';

/** Bumped when what is stored changes. */
const FORMAT = 2;

type Checked = ReturnType<CheckFile>;

/**
 * The cache file: a first line with the schema's version and the SHA-256 of the rest (so a
 * damaged file is not trusted), then the JSON of the entries (key → check).
 */
type Entries = Record<string, Checked>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The schema's sources, with the categories and the publisher (its language) of a content root. */
function schemaVersion(contentRoot: string): string | undefined {
  const dir = fileURLToPath(new URL('../../content/schema/', import.meta.url));
  if (!existsSync(dir)) return undefined; // bundled: no sources to key on, so no cache
  const hash = createHash('sha256').update(`honghei-validation ${FORMAT}\n`);
  for (const f of readdirSync(dir).sort())
    if (f.endsWith('.ts')) hash.update(`${f}\n`).update(readFileSync(join(dir, f)));
  for (const f of ['content/categories.yaml', 'content/publisher.yaml'])
    hash.update(`${f}\n`).update(readFileSync(join(contentRoot, f)));
  return hash.digest('hex');
}

function readCache(file: string, version: string): Entries {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    const [v, sum] = text.slice(0, newline).split(' ');
    const json = text.slice(newline + 1);
    if (v !== version || sha256(json) !== sum) return {};
    return JSON.parse(json) as Entries;
  } catch {
    return {}; // missing, unreadable or not JSON: start afresh
  }
}

/**
 * The part of a check that is kept: the record and the problems. The check also carries the
 * parsed YAML document (with its line counter), which made the cache file several times larger
 * and its serialisation 40 times slower (8.4 s of CPU at 20k records, against 0.2 s).
 */
function slim(check: Checked): Checked {
  return check.record
    ? { record: check.record, problems: check.problems }
    : { problems: check.problems };
}

/** A cached record check, and how to save what this build checked. */
export interface ValidationCache {
  checkFile: CheckFile;
  /** Writes the entries this build used (and only those) to the cache file. */
  save(): void;
  /** Files found in the cache, and files checked. */
  stats: { reused: number; checked: number };
}

/** The validation cache of a content root, in a file (none if the schema's sources are not found). */
export function validationCache(file: string, contentRoot: string): ValidationCache {
  const version = schemaVersion(contentRoot);
  const old: Entries = version ? readCache(file, version) : {};
  const used: Entries = {};
  const stats = { reused: 0, checked: 0 };
  return {
    stats,
    checkFile: (path, text, context) => {
      const key = sha256(`${path}\0${text}`);
      const found = old[key];
      if (found) stats.reused++;
      else stats.checked++;
      return (used[key] = found ?? slim(checkFile(path, text, context)));
    },
    save: () => {
      // Nothing new and nothing gone: the file already holds exactly these entries.
      if (!version || (!stats.checked && stats.reused === Object.keys(old).length)) return;
      const json = JSON.stringify(used);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${version} ${sha256(json)}\n${json}`);
    },
  };
}
