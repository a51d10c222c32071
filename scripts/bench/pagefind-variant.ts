/**
 * One Pagefind indexing variant, run in a process of its own so its time and memory can be
 * measured alone (scripts/bench/pagefind-study.ts runs them all):
 *   node scripts/bench/pagefind-variant.ts --variant NAME --records DIR --out DIR [--site DIR]
 * Prints one JSON line: the time to add the input, the time to write the index, pages, words.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, createIndex, type PagefindServiceConfig } from 'pagefind';
import { parse } from 'yaml';
import { divisionName, LIST_NAMES, type HongheiRecord } from '../../content/schema/index.ts';
import { VARIANTS, type Variant } from './lib/pagefind-study.ts';
import { parseCommandLine } from '../lib/cli.ts';

const USAGE = `usage: node scripts/bench/pagefind-variant.ts --variant (${Object.keys(VARIANTS).join('|')}) --records DIR --out DIR [--site DIR]`;
const { values } = parseCommandLine(USAGE, {
  variant: { type: 'string' },
  records: { type: 'string' },
  out: { type: 'string' },
  site: { type: 'string' },
});
const variant = values.variant as Variant;
if (!(variant in VARIANTS) || !values.records || !values.out) {
  console.error(USAGE);
  process.exit(2);
}
if (variant === 'site-pages' && !values.site)
  throw new Error(
    '--variant site-pages needs --site DIR: a built site (npm run bench -- --keep leaves one)',
  );

function fullText(r: HongheiRecord): string {
  const s = r.subject;
  return [
    s.name,
    s.code,
    s.id_number,
    s.address,
    LIST_NAMES[r.list].zh,
    divisionName(r.region),
    r.category,
    r.facts,
    r.legal_basis,
    r.decision.authority,
    r.decision.document_number,
    r.submitted.unit,
    r.batch,
    r.publication.start,
    ...(s.persons ?? []).map((p) => p.name),
  ]
    .filter(Boolean)
    .join(' \n');
}

const records = readdirSync(values.records, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(values.records!, f), 'utf8')) as HongheiRecord);

const config: PagefindServiceConfig = {
  forceLanguage: variant === 'custom-full-en' ? 'en' : 'zh-cn',
};
if (variant === 'custom-full-frag100') config.maxFragments = 100;
if (variant === 'custom-full-frag1000') config.maxFragments = 1000;

// HTML variants are written to disk first (not timed): Pagefind reads them as a site would be read.
const htmlDir = join(values.out, 'html');
rmSync(htmlDir, { recursive: true, force: true });
if (variant === 'site-pages') {
  // The site's entry pages as built, with the entry content marked as Pagefind's body the way the
  // first version of the site did (it now feeds Pagefind custom records instead).
  const recordsDir = join(values.site!, 'records');
  for (const id of readdirSync(recordsDir)) {
    const html = readFileSync(join(recordsDir, id, 'index.html'), 'utf8');
    mkdirSync(join(htmlDir, 'records', id), { recursive: true });
    writeFileSync(
      join(htmlDir, 'records', id, 'index.html'),
      html.includes('data-pagefind-body')
        ? html
        : html.replace('<main', '<main data-pagefind-body'),
    );
  }
}
if (variant === 'html-body') {
  for (const r of records) {
    mkdirSync(join(htmlDir, 'records', r.id), { recursive: true });
    const body = fullText(r)
      .split(' \n')
      .map((t) => `<p>${t.replace(/[<&]/g, ' ')}</p>`)
      .join('');
    writeFileSync(
      join(htmlDir, 'records', r.id, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${r.subject.name}</title></head><body><main data-pagefind-body>${body}</main></body></html>`,
    );
  }
}

const started = performance.now();
const { index, errors } = await createIndex(config);
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
let words = 0;
if (variant === 'site-pages' || variant === 'html-body') {
  const added = await index.addDirectory({ path: htmlDir });
  if (added.errors.length) throw new Error(added.errors.join('; '));
} else {
  const language = variant === 'custom-full-en' ? 'en' : 'zh-cn';
  for (let i = 0; i < records.length; i += 256) {
    const batch = records.slice(i, i + 256).map((r) => {
      const s = r.subject;
      const content =
        variant === 'custom-compact'
          ? [s.name, s.code, divisionName(r.region)].filter(Boolean).join(' \n')
          : fullText(r);
      const bare = variant === 'custom-bare';
      return index.addCustomRecord({
        url: `/records/${r.id}/`,
        content,
        language,
        meta: bare
          ? { title: s.name }
          : {
              title: s.name,
              ...(s.code ? { code: s.code } : {}),
              date: r.publication.start,
              id: r.id,
            },
        ...(bare
          ? {}
          : {
              filters: {
                list: [r.list],
                category: [`${r.list}.${r.category}`],
                region: [r.region],
                year: [r.publication.start.slice(0, 4)],
                kind: [s.kind],
                status: [r.history.at(-1)!.status],
              },
              sort: { date: r.publication.start },
            }),
      });
    });
    for (const r of await Promise.all(batch)) {
      if (r.errors.length) throw new Error(r.errors.join('; '));
      words += r.file.uniqueWords;
    }
  }
}
const addedAt = performance.now();
const written = await index.writeFiles({ outputPath: join(values.out, 'pagefind') });
if (written.errors.length) throw new Error(written.errors.join('; '));
const writtenAt = performance.now();
await index.deleteIndex();
await close();
console.log(
  `VARIANT-RESULT ${JSON.stringify({ variant, records: records.length, addMs: addedAt - started, writeMs: writtenAt - addedAt, uniqueWordsPerRecord: words / records.length })}`,
);
