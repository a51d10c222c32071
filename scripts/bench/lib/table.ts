/**
 * Renders the stored results as the tables of BENCHMARKS.md, with the issue's targets beside the
 * numbers. Only the part between the two markers is rewritten; the findings around it are prose
 * kept by hand.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { formatBytes, formatMs } from './files.ts';
import { MODULES } from './modules.ts';
import { readModuleResult, readSizeResults, type SizeResult } from './results.ts';
import { renderStudy } from './pagefind-study.ts';
import { n, pct, publishCell, row, times } from './table-cells.ts';
import { outputBreakdown, outputRows, republishRows, stampsCell } from './table-republish.ts';

export const BENCHMARKS_MD = new URL('../../../BENCHMARKS.md', import.meta.url).pathname;
const SECTIONS = {
  results: renderTables,
  pagefind: renderStudy,
} as const;
const start = (name: string) =>
  `<!-- bench:${name}:start (written by npm run bench; edit the prose outside) -->`;
const end = (name: string) => `<!-- bench:${name}:end -->`;

/** The tables for every stored result. */
export function renderTables(): string {
  const results = readSizeResults();
  const lines: string[] = [];
  if (!results.length) lines.push('_No results yet: run `npm run bench`._');
  else {
    lines.push(
      `| | ${results.map((r) => `**${n(r.size)}** records`).join(' | ')} | target (issue 14) |`,
    );
    lines.push(`|---|${results.map(() => '---').join('|')}|---|`);
    const engines = [...new Set(results.flatMap((r) => r.search?.map((e) => e.engine) ?? []))];
    const engineOf = (r: SizeResult, name: string) => r.search?.find((e) => e.engine === name);
    const recallOf = (r: SizeResult, engine: string, kinds: string[]) => {
      const rows = engineOf(r, engine)?.recall.filter((x) => kinds.includes(x.kind)) ?? [];
      if (!rows.length) return '–';
      const checked = rows.reduce((a, x) => a + x.checked, 0);
      const complete = rows.reduce((a, x) => a + x.complete, 0);
      const mean = checked
        ? rows.reduce((a, x) => a + (x.checked ? x.recall * x.checked : 0), 0) / checked
        : Number.NaN;
      const countOnly = rows.reduce((a, x) => a + x.countOnly, 0);
      const countOk = rows.reduce((a, x) => a + x.countOnlyOk, 0);
      return `${pct(mean)} (${complete}/${checked} complete${countOnly ? `; ${countOk}/${countOnly} too large to list, count ≥ expected` : ''})`;
    };
    const searchRows = engines.flatMap((engine) => {
      const label = engine === 'exact' ? 'exact-match engine' : 'Pagefind';
      return [
        row(
          `**search, ${label}**: first query, bytes on the wire (worst kind)`,
          '20k: ≤ 200 KB',
          results,
          (r) => {
            const worst = engineOf(r, engine)?.firstQuery.reduce((a, b) =>
              b.wireBytes > a.wireBytes ? b : a,
            );
            return worst ? `${formatBytes(worst.wireBytes)} (${worst.kind})` : '–';
          },
        ),
        row(`${label}: first query, time (worst kind)`, '', results, (r) => {
          const worst = engineOf(r, engine)?.firstQuery.reduce((a, b) => (b.ms > a.ms ? b : a));
          return worst ? `${formatMs(worst.ms)} (${worst.kind})` : '–';
        }),
        row(`${label}: later queries, median time / bytes`, '', results, (r) => {
          const e = engineOf(r, engine);
          return e
            ? `${formatMs(e.nextQueries.medianMs)} / ${formatBytes(e.nextQueries.medianWireBytes)}`
            : '–';
        }),
        row(`${label}: recall, 2–4 character name fragments`, '100 %', results, (r) =>
          recallOf(r, engine, ['name-2', 'name-3', 'name-4']),
        ),
        row(`${label}: recall, full codes`, '100 %', results, (r) =>
          recallOf(r, engine, ['code-full']),
        ),
        row(`${label}: recall, code prefixes (4–17 characters)`, '100 %', results, (r) =>
          recallOf(r, engine, ['code-prefix']),
        ),
      ];
    });
    lines.push(
      row(
        'public records / pages built',
        '',
        results,
        (r) => `${n(r.records.public)} / ${r.publish ? n(r.publish.pages) : '–'}`,
      ),
      row(
        "**full publish** wall (the build's steps)",
        '20k: ≤ 1.0× the floor; 100k: ≤ 300 s',
        results,
        (r) => publishCell(r.publish),
      ),
      row('full publish peak RSS (process tree)', '20k: ≤ 1.5 GB', results, (r) =>
        r.publish ? formatBytes(r.publish.peakRss) : '–',
      ),
      row('pages/s', '', results, (r) =>
        r.publish ? Math.round(r.publish.pagesPerSecond).toString() : '–',
      ),
      ...outputRows(results),
      row('  of which search index', '', results, (r) =>
        r.publish ? `${formatBytes(r.publish.index.bytes)} / ${n(r.publish.index.files)}` : '–',
      ),
      row('floor: minimal Astro + same Pagefind', 'research: 20k 37 s + 45 s', results, (r) =>
        publishCell(r.floor),
      ),
      row('floor peak RSS', '', results, (r) => (r.floor ? formatBytes(r.floor.peakRss) : '–')),
      row(
        'reference: Hugo + Pagefind command, same records',
        'the fastest a publisher might pick',
        results,
        (r) => publishCell(r.hugo),
      ),
      row(
        'Hugo + Pagefind peak RSS, output size: raw / served gzip-compressed / files',
        '',
        results,
        (r) =>
          r.hugo
            ? `${formatBytes(r.hugo.peakRss)}, ${formatBytes(r.hugo.output.bytes)} / ${r.hugoOutputSize ? formatBytes(r.hugoOutputSize.gzipBytes) : '–'} / ${n(r.hugo.output.files)}`
            : '–',
      ),
      row('**ours / floor** (wall, peak RSS)', '', results, (r) =>
        r.ratio ? `${times(r.ratio.wall)}, ${times(r.ratio.peakRss)}` : '–',
      ),
      row(
        "floor with Astro's incremental build: first build → republish after adding 1 record",
        'what Astro alone can save',
        results,
        (r) =>
          r.floorIncremental
            ? `${formatMs(r.floorIncremental.first.wallMs)} → ${formatMs(r.floorIncremental.republish.wallMs)} (${pct(r.floorIncremental.fractionOfFull)} of the plain floor)`
            : '–',
      ),
      ...republishRows(results),
      row(
        '**search page**, first query: bytes on the wire, all included (worst kind)',
        '20k: ≤ 200 KB',
        results,
        (r) => {
          const worst = r.searchPage?.reduce((a, b) => (b.wireBytes > a.wireBytes ? b : a));
          return worst ? `${formatBytes(worst.wireBytes)} (${worst.kind})` : '–';
        },
      ),
      row('search page, first query: time to results (worst kind)', '', results, (r) => {
        const worst = r.searchPage?.reduce((a, b) => (b.ms > a.ms ? b : a));
        return worst ? `${formatMs(worst.ms)} (${worst.kind})` : '–';
      }),
      ...searchRows,
      row('load average (1 min) at start → end of publish', '2 cores, shared', results, (r) =>
        r.publish
          ? `${r.publish.load.before.toFixed(1)} → ${r.publish.load.after.toFixed(1)}`
          : '–',
      ),
      row('measured (a step measured earlier: its own date and commit)', '', results, stampsCell),
    );
    lines.push('', ...outputBreakdown(results));
  }
  lines.push('', ...renderModules());
  return lines.join('\n');
}

const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
const obj = (x: unknown) =>
  x && typeof x === 'object' ? (x as Record<string, unknown>) : undefined;

/** The bot's numbers (bot-forms.ts BotBenchResult), or its JSON when the shape is unknown. */
function botLines(result: unknown): string[] {
  const r = obj(result);
  const stored = obj(r?.storedBytesPerForm);
  const targets = obj(r?.targets);
  if (!r || num(r.medianMs) === undefined || num(r.p99Ms) === undefined || !stored)
    return ['```json', JSON.stringify(result, null, 2), '```'];
  return [
    '| per-update handling time, median | p99 | max | stored bytes per form (median / max) | updates per form | forms |',
    '|---|---|---|---|---|---|',
    `| ${num(r.medianMs)!.toFixed(1)} ms (target ≤ ${num(targets?.medianMs) ?? '–'} ms) | ${num(r.p99Ms)!.toFixed(1)} ms | ${num(r.maxMs)?.toFixed(1) ?? '–'} ms | ${formatBytes(num(stored.median) ?? 0)} / ${formatBytes(num(stored.max) ?? 0)} (target ≤ ${formatBytes(num(targets?.storedBytesPerForm) ?? 0)}) | ${num(r.updatesPerForm) ?? '–'} | ${num(r.forms) ?? '–'} |`,
  ];
}

/** HTTP calls per submission per forge (calls-bench.ts ForgeCallsReport), or its JSON. */
function forgeLines(result: unknown): string[] {
  const r = obj(result);
  const forges = ['github', 'gitea', 'gitlab'].filter((f) => obj(r?.[f]));
  if (!r || !forges.length) return ['```json', JSON.stringify(result, null, 2), '```'];
  const violations = Array.isArray(r.violations) ? r.violations.length : 0;
  return [
    '| forge | calls per submission (text only) | with one binary attachment | per status poll | target | within target |',
    '|---|---|---|---|---|---|',
    ...forges.map((f) => {
      const c = obj(r[f])!;
      return `| ${f} | ${num(c.text) ?? '–'}${num(c.labelsByApi) !== undefined ? ` (${num(c.labelsByApi)} with labels by API)` : ''} | ${num(c.withBinary) ?? '–'} | ${num(c.poll) ?? '–'} | ≤ ${num(c.target) ?? '–'} | ${c.withinTarget === true ? 'yes' : 'NO'} |`;
    }),
    '',
    `Averaged over ${num(r.submissionsPerCase) ?? '?'} submissions per case; emulator contract violations: ${violations}.`,
  ];
}

function renderModules(): string[] {
  const out: string[] = [];
  for (const name of ['bot', 'forge'] as const) {
    const m = readModuleResult(name);
    const title = `${name === 'bot' ? 'Bot' : 'Forges'} (${MODULES[name].file} ${MODULES[name].fn})`;
    out.push(
      `**${title}**${m ? `, measured ${m.context.at.slice(0, 10)} at ${m.context.source.commit.slice(0, 7)}` : ': not measured yet (the module is not there)'}`,
      '',
    );
    if (m) out.push(...(name === 'bot' ? botLines(m.result) : forgeLines(m.result)), '');
  }
  return out;
}

/** Rewrites the generated sections of BENCHMARKS.md (creating the file if needed). */
export function updateBenchmarksMd(): void {
  let text = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  for (const [name, render] of Object.entries(SECTIONS)) {
    const section = `${start(name)}\n${render()}\n${end(name)}`;
    const from = text.indexOf(start(name));
    const to = text.indexOf(end(name));
    text =
      from >= 0 && to > from
        ? text.slice(0, from) + section + text.slice(to + end(name).length)
        : `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(BENCHMARKS_MD, text);
}
