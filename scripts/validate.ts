/**
 * npm run validate [-- --lang zh|en] [--date YYYY-MM-DD] [--root DIR]
 *
 * Checks every record and the publisher configuration; prints one line per problem as
 * `file:line:col  field  what is wrong — how to fix` and exits 1 when there is any error.
 */
import { parseArgs } from 'node:util';
import { ConfigError, formatProblems, publicationDate, validateRepository, type Lang } from '../content/schema/index.ts';

const { values } = parseArgs({
  options: {
    lang: { type: 'string' },
    date: { type: 'string' },
    root: { type: 'string', default: process.cwd() },
  },
});

if (values.lang && values.lang !== 'zh' && values.lang !== 'en') {
  console.error(`--lang ${values.lang}: choose zh or en`);
  process.exit(2);
}

try {
  const date = values.date ?? publicationDate();
  const report = validateRepository(values.root, { date, lang: values.lang as Lang | undefined });
  const lang = (values.lang as Lang | undefined) ?? report.publisher.language;
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  if (report.problems.length) console.log(formatProblems(report.problems, lang));
  console.log(
    lang === 'zh'
      ? `已检查 ${report.files} 条记录（截至 ${date}）：${errors} 个错误，${warnings} 个提示`
      : `checked ${report.files} records (as of ${date}): ${errors} error(s), ${warnings} warning(s)`,
  );
  process.exit(errors ? 1 : 0);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
