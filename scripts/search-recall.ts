/**
 * node scripts/search-recall.ts --site DIR [--root DIR] [--date YYYY-MM-DD] [--samples N] [--seed N]
 * Measures the recall of name and code searches on a built site (DIR, from npm run build)
 * against answers computed from the records (in --root/content, default the project's content root: content/, or the sample before init), and the
 * bytes a first query reads from the index. Exits non-zero if any expected entry is missed.
 */
import { fileURLToPath } from 'node:url';
import {
  isPublicOn,
  publicationDate,
  resolveContentRoot,
  validateRepository,
} from '../content/schema/index.ts';
import { parseCommandLine, usageOf } from './lib/cli.ts';
import { openSiteIndex } from '../site/build/index-files.ts';
import { measureRecall, recallQueries, type KnownEntry } from '../site/build/recall.ts';

const USAGE = usageOf(import.meta.url);
const { values } = parseCommandLine(USAGE, {
  site: { type: 'string' },
  root: { type: 'string' },
  date: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
});
if (!values.site) {
  console.error(
    `--site is missing: name the output folder of a build, e.g. --site /tmp/honghei/dist\n\n${USAGE}`,
  );
  process.exit(2);
}
const root = resolveContentRoot({
  root: values.root,
  projectRoot: fileURLToPath(new URL('..', import.meta.url)),
});
const date = values.date ?? publicationDate();
const samples = Number(values.samples ?? 300);

const report = validateRepository(root, { date });
const known: KnownEntry[] = report.records
  .filter(({ record }) => isPublicOn(record, date))
  .map(({ record }) => ({ id: record.id, name: record.subject.name, code: record.subject.code }));
const queries = recallQueries(known, samples, Number(values.seed ?? 1));
const { engine } = await openSiteIndex(values.site);
if (engine.meta.count !== known.length) {
  throw new Error(
    `the index in ${values.site} has ${engine.meta.count} entries but ${known.length} are public on ${date}: build it as of the same date and content`,
  );
}
const started = performance.now();
const rows = await measureRecall(engine, queries);
const seconds = (performance.now() - started) / 1000;

// A first query from a fresh engine: meta.json, the shards it needs and the first 20 documents.
const firstBytes: Record<string, number[]> = {};
for (const q of queries.filter((_, i) => i % 10 === 0)) {
  const fresh = await openSiteIndex(values.site);
  const found = await fresh.engine.search({ q: q.query });
  await fresh.engine.docs(found.slice(0, 20));
  (firstBytes[q.kind] ??= []).push(fresh.bytesRead());
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

console.log(
  `${known.length} public entries, ${queries.length} queries (${samples} per kind), ${seconds.toFixed(1)} s`,
);
console.log('kind            queries  recall    exact  extra  first-query bytes (median / max)');
for (const r of rows) {
  const b = firstBytes[r.kind] ?? [];
  console.log(
    `${r.kind.padEnd(15)} ${String(r.queries).padStart(7)}  ${(r.recall * 100).toFixed(2).padStart(6)} %  ${String(r.exact).padStart(5)}  ${String(r.extra).padStart(5)}  ${median(b)} / ${Math.max(0, ...b)}`,
  );
  for (const m of r.missed) console.log(`    missed for "${m.query}": ${m.missing.join(', ')}`);
}
if (rows.some((r) => r.recall < 1 || r.extra > 0)) process.exitCode = 1;
