/**
 * npm run init [-- --name … --short-name … --region 210200 --site-url https://… --contact-department …
 *   --contact-address … --contact-phone … [--contact-email …] --unit 名称 [--unit id=名称 …]
 *   --reviewer 审核:login:职务 姓名 --reviewer 审定:login:职务 姓名 [--languages zh|zh,en]
 *   [--language zh|en] [--logo-text 红黑] [--root DIR] [--force]]
 *
 * Makes this repository a publisher's own: writes content/publisher.yaml (and reviewers.yml,
 * submitters.yaml, categories.yaml, pages/*.mdx as starting text) with zero records. In a terminal
 * it asks for whatever the flags leave out; elsewhere (CI, a script) every missing or wrong answer
 * is reported at once with its flag and an example. Refuses a second run without --force.
 */
import { createInterface } from 'node:readline/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPublisher, SAMPLE_ROOT } from '../content/schema/index.ts';
import {
  checkTarget,
  collectAnswers,
  InitRefusal,
  writePublisher,
  type Ask,
  type RawAnswers,
} from './lib/init.ts';
import { QUESTIONS, regionLabel, type InitAnswers } from './lib/init-questions.ts';

const keys = Object.keys(QUESTIONS) as (keyof InitAnswers)[];
let parsed;
try {
  parsed = parseArgs({
    options: {
      ...Object.fromEntries(
        keys.map((k) => [QUESTIONS[k].flag, { type: 'string' as const, multiple: true }]),
      ),
      root: { type: 'string' },
      force: { type: 'boolean' },
      'no-input': { type: 'boolean' },
    },
  });
} catch (error) {
  console.error(
    `${error instanceof Error ? error.message : error}\n可用的选项：${keys.map((k) => `--${QUESTIONS[k].flag}`).join(' ')} --root --force --no-input（例如 npm run init -- --name "示例县人力资源和社会保障局" --region 210200 …）`,
  );
  process.exit(2);
}
const values = parsed.values as Record<string, string[] | string | boolean | undefined>;
const raw: RawAnswers = Object.fromEntries(
  keys
    .filter((k) => values[QUESTIONS[k].flag])
    .map((k) => [k, values[QUESTIONS[k].flag] as string[]]),
);
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const root = resolve((values.root as string | undefined) ?? process.cwd());
// Messages in Chinese, and in English too when the publisher chose English (the flag, or the
// language of a publisher.yaml already there).
const lang = (raw.language?.at(-1) ?? existingLanguage(root)) === 'en' ? 'en' : 'zh';

function existingLanguage(dir: string): string | undefined {
  try {
    return loadPublisher(dir).language;
  } catch {
    return undefined; // no publisher yet (the first run), or one init will be asked to replace
  }
}

const interactive = process.stdin.isTTY && process.stdout.isTTY && !values['no-input'];
const rl = interactive
  ? createInterface({ input: process.stdin, output: process.stdout })
  : undefined;
const ask: Ask | undefined =
  rl &&
  (async (key, problem, fallback) => {
    const q = QUESTIONS[key];
    if (problem) console.log(`  ✗ ${problem}`);
    const label = `${q.ask.zh}${lang === 'en' ? ` / ${q.ask.en}` : ''}（例如 ${q.example}${fallback ? `；回车用 ${fallback}` : ''}）`;
    if (!q.many) return [(await rl.question(`${label}：`)).trim()].filter(Boolean);
    console.log(`${label}，每行一个，空行结束：`);
    const lines: string[] = [];
    for (
      let line = (await rl.question('  > ')).trim();
      line;
      line = (await rl.question('  > ')).trim()
    )
      lines.push(line);
    return lines;
  });

try {
  checkTarget(root, Boolean(values.force), lang);
  const answers = await collectAnswers(raw, lang, ask);
  const result = writePublisher(root, join(projectRoot, SAMPLE_ROOT), answers);
  console.log(
    `已初始化 ${answers.name}（${regionLabel(answers.region)}），${result.records} 条记录。写入：${result.written.join('、')}${result.kept.length ? `；保留原有：${result.kept.join('、')}` : ''}（在 ${root}）。`,
  );
  console.log(
    '下一步：编辑 content/categories.yaml 和 content/pages/*.mdx（起始文本），npm run validate，npm run build，提交并推送。',
  );
  if (lang === 'en')
    console.log(
      `Initialised ${answers.name} with ${result.records} records. Next: edit content/categories.yaml and content/pages/*.mdx (starting text), npm run validate, npm run build, commit and push.`,
    );
} catch (error) {
  // Ctrl+D or Ctrl+C at a question ends the questions: nothing has been written yet.
  const aborted = error instanceof Error && error.name === 'AbortError';
  if (!(error instanceof InitRefusal) && !aborted) throw error;
  console.error(
    aborted
      ? '\nnpm run init 已取消，没有写入任何文件。'
      : `npm run init 未完成，没有写入任何文件：\n${error instanceof Error ? error.message : error}`,
  );
  process.exitCode = 1;
} finally {
  rl?.close();
}
