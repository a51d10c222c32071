/**
 * npm run report -- credit-office --batch 2026-Q4 [--out DIR] [--root DIR] [--date YYYY-MM-DD]
 *
 * Writes a batch's report to the city credit office (报送信用办): credit-office-<batch>.xlsx (the
 * entries, the objection outcomes of the batch period, a 说明 sheet) and one CSV per sheet, into
 * DIR (default: the current folder). Columns come from content/credit-office.yaml, else the
 * default mapping (site/lib/credit-office/default-mapping.yaml). --root names the folder holding
 * content/ (default: content/ once `npm run init` wrote it, else the sample); --date the day the
 * report is made as of (default: HONGHEI_DATE, or today in China).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  isIsoDate,
  publicationDate,
  resolveContentRoot,
} from '../content/schema/index.ts';
import { REPORT_FILES, reportFile, reportFileName } from '../site/lib/credit-office/files.ts';
import { reportFromRoot, ReportError } from '../site/lib/credit-office/repository.ts';

const REPORTS = ['credit-office'];
const EXAMPLE = 'npm run report -- credit-office --batch 2026-Q4';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      batch: { type: 'string' },
      out: { type: 'string', default: '.' },
      root: { type: 'string' },
      date: { type: 'string' },
    },
  });
} catch (error) {
  fail(`${(error as Error).message} — 例如 ${EXAMPLE}`);
}
const { values, positionals } = parsed;
const [report, ...extra] = positionals;
if (!report || !REPORTS.includes(report) || extra.length)
  fail(
    `${report ? `“${[report, ...extra].join(' ')}”不是可生成的报表` : '缺少报表名'}：可用的报表：${REPORTS.join('、')} — 例如 ${EXAMPLE}`,
  );
if (!values.batch) fail(`缺少 --batch：写要报送的批次，例如 ${EXAMPLE}`);
if (values.date !== undefined && !isIsoDate(values.date))
  fail(`--date ${values.date}：写成 YYYY-MM-DD，例如 ${EXAMPLE} --date 2026-12-31`);

try {
  const asOf = values.date ?? publicationDate();
  const root = resolveContentRoot({ root: values.root });
  const result = reportFromRoot(root, values.batch, asOf);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const kind of REPORT_FILES) {
    const file = join(out, reportFileName(values.batch, kind));
    writeFileSync(file, (await reportFile(result, kind)).content);
    console.log(file);
  }
  console.log(
    `${values.batch}（截至 ${asOf}）：${result.entries.name} ${result.entries.rows.length} 条，${result.objections.name} ${result.objections.rows.length} 件`,
  );
} catch (error) {
  if (error instanceof ReportError || error instanceof ConfigError) fail(error.message, 1);
  throw error;
}
