/**
 * Where an entry shows in a built site. `mentions` reads every file of the output (HTML, JSON,
 * CSV, XML, the exact index's text and binary files, Pagefind's compressed index and fragments:
 * test/site/lib/output.ts decodes them) and names each file that carries the entry's name, code,
 * fact sentence or page address. `placesOf` asks, output by output, whether the entry is there,
 * so "present on its last day" is checked in every place it must be, not in one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SearchEngine } from '../../../site/lib/search/engine.ts';
import { INDEX_DIR } from '../../../site/lib/search/format.ts';
import { readOutput, type OutputFile } from '../../site/lib/output.ts';

/** What identifies an entry in the output. */
export interface Traces {
  id: string;
  list: string;
  name: string;
  /** A part of the name found nowhere else and without punctuation (the exact index normalises （） to ()). */
  core: string;
  code?: string;
  facts: string;
  category: string;
  batch: string;
  year: string;
}

/** The output's files (decoded), read once per build. */
export function readSite(site: string): OutputFile[] {
  return readOutput(site);
}

/** The files that carry any trace of the entry: name, code, fact sentence or its page's address. */
export function mentions(files: readonly OutputFile[], e: Traces): string[] {
  const needles = [e.core, e.facts, `/records/${e.id}/`, ...(e.code ? [e.code] : [])];
  return files
    .filter((f) => needles.some((n) => f.text.includes(n)))
    .map((f) => f.path)
    .sort();
}

const read = (site: string, path: string) =>
  existsSync(join(site, path)) ? readFileSync(join(site, path), 'utf8') : '';
const has = (site: string, path: string, text: string) => read(site, path).includes(text);
/** Whether a file under dir (in a folder matching `folder`, if given) passes the test. */
const anyFile = (site: string, dir: string, test: (text: string) => boolean, folder?: RegExp) =>
  existsSync(join(site, dir)) &&
  readdirSync(join(site, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && (!folder || folder.test(d.parentPath)))
    .some((d) => {
      let bytes = readFileSync(join(d.parentPath, d.name));
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      return test(bytes.toString('utf8').replaceAll('\u200b', ''));
    });

/** The ids the site's exact-match index answers a query with, asked through its own engine as the search page does. */
export async function exactSearch(site: string, q: string): Promise<string[]> {
  const engine = await SearchEngine.open(async (path) =>
    readFileSync(join(site, INDEX_DIR, path.replace(/\?.*$/, ''))),
  );
  return (await engine.docs(await engine.search({ q }))).map((d) => d.id).sort();
}

/**
 * Each output an entry that is public must be in, and whether it is. Every key must be true on
 * any day the entry is public; `mentions` must be empty on any day it is not.
 */
export async function placesOf(site: string, e: Traces): Promise<Record<string, boolean>> {
  const list = `lists/${e.list}`;
  return {
    'entry page':
      existsSync(join(site, 'records', e.id, 'index.html')) &&
      has(site, `records/${e.id}/index.html`, e.name),
    'list page': has(site, `${list}/index.html`, e.name),
    'category filter page': has(site, `${list}/category/${e.category}/index.html`, e.name),
    'year filter page': has(site, `${list}/year/${e.year}/index.html`, e.name),
    'batch page': has(site, `batches/${e.batch}/index.html`, e.name),
    'batch bulletin': has(site, `report/bulletin/${e.batch}/index.html`, e.name),
    'exact index: found by name': (await exactSearch(site, e.core)).includes(e.id),
    'exact index: found by code': !e.code || (await exactSearch(site, e.code)).includes(e.id),
    // The fragments of every shard of the entries' bundles (pagefind/<shard>/fragment/).
    'pagefind fragments': anyFile(site, 'pagefind', (t) => t.includes(e.core), /\/fragment$/),
    'records.json': has(site, 'data/records.json', e.name),
    'records.csv': has(site, 'data/records.csv', e.name),
    'codes.txt': !e.code || has(site, 'data/codes.txt', e.code),
    'lookup file': !e.code || existsSync(join(site, 'data/lookup', `${e.code}.json`)),
    'feed of all lists': has(site, 'feeds/all.xml', e.name),
    "feed of the entry's list": has(site, `feeds/${e.list}.xml`, e.name),
    sitemap: readdirSync(site)
      .filter((f) => /^sitemap.*\.xml$/.test(f))
      .some((f) => has(site, f, `/records/${e.id}/`)),
  };
}
