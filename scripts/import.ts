/**
 * npm run import -- FILE.xlsx|FILE.csv [--unit 法律部] [--root DIR] [--lang zh|en] [--date YYYY-MM-DD] [--dry-run]
 *
 * Checks a batch of entries from a spreadsheet (the template the bot's /batch sends) with the
 * validator the site uses; prints the summary and one line per problem (file, sheet, row, column);
 * on problems writes FILE.checked.xlsx with a note on each cell and exits 1. When every row passes,
 * opens ONE submission (branch submission/batch-<hash>, one commit, one record file per row) on
 * the forge the bot is configured with (HONGHEI_FORGE; local git in --root by default).
 */
import { publicationDate, resolveContentRoot, type Lang } from '../content/schema/index.ts';
import { importBatch } from '../bot/batch/import.ts';
import { placeText } from '../bot/batch/problem.ts';
import { summaryLine } from '../bot/batch/summary.ts';
import { createForge, forgeSettingsFromEnv } from '../bot/forge/index.ts';
import { parseCommandLine, usageOf } from './lib/cli.ts';

const USAGE = usageOf(import.meta.url);
const { values, positionals } = parseCommandLine(
  USAGE,
  {
    unit: { type: 'string' },
    root: { type: 'string' },
    lang: { type: 'string' },
    date: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  true,
);

const file = positionals[0];
if (!file || positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
if (values.lang && values.lang !== 'zh' && values.lang !== 'en') {
  console.error(`--lang ${values.lang}: choose zh or en`);
  process.exit(2);
}

try {
  const root = resolveContentRoot({ root: values.root });
  const dryRun = values['dry-run'];
  // The local forge's repository defaults to the content root (the repository holding content/).
  const forge = dryRun
    ? undefined
    : createForge(forgeSettingsFromEnv({ HONGHEI_REPO: root, ...process.env }).forge, {
        contentRoot: root,
      });
  const result = await importBatch({
    file,
    root,
    unit: values.unit,
    today: values.date ?? publicationDate(),
    lang: values.lang as Lang | undefined,
    dryRun,
    forge,
  });
  const { check, lang } = result;
  console.log(summaryLine(check, lang));
  for (const p of check.problems) {
    // A CSV file's one table is named after the file: the file name once is enough.
    const place = placeText(check.read.format === 'csv' ? { ...p, sheet: undefined } : p, lang);
    console.log(`${file}${place ? ` ${place}` : ''}  ${p.what[lang]} — ${p.fix[lang]}`);
  }
  if (result.annotated)
    console.log(
      lang === 'zh'
        ? `已写出标注后的工作簿：${result.annotated}`
        : `annotated workbook written: ${result.annotated}`,
    );
  if (result.pullRequest)
    console.log(
      lang === 'zh'
        ? `已提交 ${result.records} 条记录：${result.pullRequest.branch}（${result.pullRequest.url}）`
        : `${result.records} records submitted: ${result.pullRequest.branch} (${result.pullRequest.url})`,
    );
  else if (check.ok)
    console.log(lang === 'zh' ? '（试运行，未提交）' : '(dry run, nothing submitted)');
  process.exit(check.ok ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
