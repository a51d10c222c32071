/**
 * `npm run init`: turns a Honghei checkout into a publisher's own repository. Writes
 * content/publisher.yaml, content/reviewers.yml and content/submitters.yaml from the answers, and
 * content/categories.yaml and content/pages/*.mdx from the sample as editable starting text
 * (without the sample's 演示站点 notices), and creates an empty content/records/. The sample
 * itself stays where upstream keeps it (test/fixtures/sample): nothing of it is deleted, so a later
 * merge of a newer Honghei touches no file the publisher owns.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import {
  contentPaths,
  listRecordFiles,
  loadPublisher,
  publicationDate,
  publisherSchema,
  validateRepository,
} from '../../content/schema/index.ts';
import { reviewersSchema } from '../../bot/forge/ci-report.ts';
import { explain, QUESTIONS, type Bilingual, type InitAnswers } from './init-questions.ts';

/** Why init will not run, in the user's language(s). */
export class InitRefusal extends Error {}

/** Raw answers by question (flags or typed lines); missing ones are asked or fall back. */
export type RawAnswers = Partial<Record<keyof InitAnswers, string[]>>;

/** Asks one question interactively (with what a blank answer gives); returns the typed lines. */
export type Ask = (
  key: keyof InitAnswers,
  problem: string | undefined,
  fallback: string | undefined,
) => Promise<string[] | undefined>;

/**
 * Checks every answer; asks again (when `ask` can) on a wrong or missing one. Without a way to
 * ask, every problem is collected and thrown at once, each naming its flag and an example.
 */
export async function collectAnswers(
  raw: RawAnswers,
  lang: 'zh' | 'en',
  ask?: Ask,
): Promise<InitAnswers> {
  const answers: Partial<InitAnswers> = {};
  const problems: string[] = [];
  for (const key of Object.keys(QUESTIONS) as (keyof InitAnswers)[]) {
    const q = QUESTIONS[key];
    let given = raw[key];
    let problem: string | undefined;
    for (;;) {
      if (!given?.length && ask) given = await ask(key, problem, q.fallback?.(answers)?.[0]);
      if (!given?.length) given = q.fallback?.(answers);
      const checked = q.check(given ?? []);
      if ('value' in checked) {
        (answers as Record<string, unknown>)[key] = checked.value;
        break;
      }
      problem = explain(key, checked.error, lang);
      if (!ask) {
        problems.push(problem);
        break;
      }
      given = undefined; // ask again, showing what was wrong
    }
  }
  if (problems.length) throw new InitRefusal(problems.join('\n'));
  return answers as InitAnswers;
}

const say = (m: Bilingual, lang: 'zh' | 'en') => (lang === 'en' ? `${m.zh}\n${m.en}` : m.zh);

/**
 * Refuses to initialise a repository that already has a publisher (a second run), unless forced;
 * with --force the publisher's files are rewritten and their records, categories and pages kept.
 */
export function checkTarget(root: string, force: boolean, lang: 'zh' | 'en'): void {
  const paths = contentPaths(root);
  if (!existsSync(paths.publisher) || force) return;
  const records = listRecordFiles(root).length;
  throw new InitRefusal(
    say(
      {
        zh:
          `${paths.publisher} 已存在：这个仓库已经初始化过${records ? `，content/records 下有 ${records} 条记录` : ''}。npm run init 不会覆盖。` +
          '要修改发布单位信息，直接编辑 content/publisher.yaml；确需重新生成，加 --force（重写 publisher.yaml 和 reviewers.yml，记录、类别和页面保留不动），例如 npm run init -- --force',
        en:
          `${paths.publisher} exists: this repository is already initialised${records ? ` and has ${records} record(s) in content/records` : ''}; npm run init does not overwrite it. ` +
          'Edit content/publisher.yaml to change the publisher, or add --force to write publisher.yaml and reviewers.yml again (records, categories and pages are kept), e.g. npm run init -- --force',
      },
      lang,
    ),
  );
}

/** Lines of the sample's pages that only describe the sample (the 演示站点 notices), dropped. */
const SAMPLE_ONLY = /演示站点|示例数据/;

/** A sample page as the publisher's starting text: the paragraphs about the sample left out. */
export function startingPage(text: string): string {
  const end = text.indexOf('\n---', 3);
  const [front, body] = [text.slice(0, end + 4), text.slice(end + 4)];
  const kept = body.split(/\n{2,}/).filter((block) => !SAMPLE_ONLY.test(block));
  return `${front}\n${kept.join('\n\n').replace(/^\n+/, '\n')}${kept.at(-1)?.endsWith('\n') ? '' : '\n'}`;
}

/** The publisher.yaml text: the schema's fields, with a note on where each is explained. */
export function publisherYaml(a: InitAnswers): string {
  const data = {
    name: a.name,
    short_name: a.shortName,
    logo_text: a.logoText,
    region: a.region,
    site_url: a.siteUrl,
    language: a.language,
    languages: a.languages,
    contact: {
      department: a.department,
      address: a.address,
      phone: a.phone,
      ...(a.email ? { email: a.email } : {}),
    },
    approvals_required: 2,
    // The schema's default, written out so the publisher sees the setting to change.
    objection_working_days: publisherSchema.shape.objection_working_days.parse(undefined),
    units: a.units,
  };
  publisherSchema.parse(data); // the answers were checked one by one; this checks them together
  const doc = new Document(data);
  doc.commentBefore =
    ' 发布单位配置（npm run init 写入）。一个部署对应一个发布单位：改这里，不改代码。\n 每个字段的含义见 content/schema/config.ts；改完运行 npm run validate。';
  return doc.toString({ lineWidth: 0 });
}

/** What init wrote, for the summary. */
export interface InitResult {
  written: string[];
  kept: string[];
  records: number;
}

/** Writes the publisher's files under `root` from the answers and the sample's starting text. */
export function writePublisher(root: string, sampleRoot: string, a: InitAnswers): InitResult {
  const paths = contentPaths(root);
  const sample = contentPaths(sampleRoot);
  const written: string[] = [];
  const kept: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(join(paths.content, file), text);
    written.push(`content/${file}`);
  };
  // Starting text is written once: a publisher's edits are never overwritten, even with --force.
  const start = (file: string, text: () => string) =>
    existsSync(join(paths.content, file)) ? kept.push(`content/${file}`) : write(file, text());

  mkdirSync(join(paths.content, 'pages'), { recursive: true });
  mkdirSync(paths.records, { recursive: true });
  write('publisher.yaml', publisherYaml(a));
  const reviewers = reviewersSchema.parse({ reviewers: a.reviewers });
  write(
    'reviewers.yml',
    `# 审批人名单：平台用户名 → 写入记录 approvals 的职务姓名和角色（review 审核，approve 审定）。\n# 记录审批工作流只读取主分支上的这个文件。\n${new Document(reviewers).toString({ lineWidth: 0 })}`,
  );
  start(
    'submitters.yaml',
    () =>
      '# 报送人员白名单：Telegram 用户 ID → 报送单位（publisher.yaml 中 units 的 id）。\n# 用户向机器人发送 /new 可得到自己的用户 ID，例如：\n#   - telegram_id: 123456789\n#     unit: ' +
      `${a.units[0]!.id}\nsubmitters: []\n`,
  );
  start('categories.yaml', () => readFileSync(sample.categories, 'utf8'));
  for (const page of readdirSync(join(sample.content, 'pages'))
    .filter((f) => f.endsWith('.mdx'))
    .sort()) {
    start(`pages/${page}`, () =>
      startingPage(readFileSync(join(sample.content, 'pages', page), 'utf8')),
    );
  }
  // Git keeps no empty folder: the marker keeps content/records/ in the first commit.
  if (!readdirSync(paths.records).length)
    copyFileSync(
      join(import.meta.dirname, 'init-records-readme.md'),
      join(paths.records, 'README.md'),
    );

  loadPublisher(root); // read back through the same loader as the build
  const report = validateRepository(root, { date: publicationDate() });
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new Error(
      `init wrote files that do not validate: ${errors.map((p) => `${p.file}:${p.line} ${p.what}`).join('; ')}`,
    );
  return { written, kept, records: report.files };
}
