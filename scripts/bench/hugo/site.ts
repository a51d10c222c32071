/**
 * Writes the Hugo reference site from a records folder: this folder's template (hugo.toml and the
 * layouts) and one content file per record, the record as JSON front matter. Every record, public
 * or not, as the framework floor does. Not timed: a publisher on Hugo would keep their records
 * in this form already.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Where Debian's hugo package puts the command. */
export const HUGO = '/usr/bin/hugo';

const TEMPLATE = new URL('template/', import.meta.url).pathname;

/** Writes the site into `siteDir` (emptied first); returns the number of record pages. */
export function writeHugoSite(recordsDir: string, siteDir: string): number {
  rmSync(siteDir, { recursive: true, force: true });
  cpSync(TEMPLATE, siteDir, { recursive: true });
  const content = join(siteDir, 'content/records');
  mkdirSync(content, { recursive: true });
  const files = readdirSync(recordsDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.yaml'),
  );
  for (const file of files) {
    const record = parse(readFileSync(join(recordsDir, file), 'utf8')) as {
      id: string;
      subject: { name: string };
    };
    // Hugo reads a file that starts with { as JSON front matter; the body stays empty.
    const frontMatter = JSON.stringify({ title: record.subject.name, ...record });
    writeFileSync(join(content, `${record.id}.md`), `${frontMatter}\n`);
  }
  return files.length;
}
