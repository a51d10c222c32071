/**
 * The mapping from the record schema to the credit office's columns (content/credit-office.yaml,
 * else the default shipped beside this file): one file a publisher adjusts to the template of
 * their city's credit office. Validated with zod; every problem is reported as file:line:col with
 * the field path and how to fix it, as the other configuration files are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ConfigError,
  LISTS,
  parseYaml,
  positionOf,
  type YamlSource,
} from '../../../content/schema/index.ts';
import { DERIVED_VALUES, NAMED_PATHS, OBJECTION_PATHS, RECORD_PATHS } from './record-paths.ts';

/** The publisher's mapping, relative to the content root. */
export const MAPPING_FILE = 'content/credit-office.yaml';

/** The default mapping, shipped with the code: the columns named in issue 12. */
export const DEFAULT_MAPPING_FILE = 'site/lib/credit-office/default-mapping.yaml';

/** The default mapping's text, read beside this module (the site build imports it instead). */
export const defaultMappingText = (): string =>
  readFileSync(fileURLToPath(new URL('default-mapping.yaml', import.meta.url)), 'utf8');

/** The message for a value outside a closed set: the value, and the ones allowed. */
const oneOf = (key: string, allowed: readonly string[]) => (issue: { input?: unknown }) =>
  `${key} 不能是 "${String(issue.input)}" — 可用：${allowed.join('、')}`;

/** Messages for a missing key and an unknown one (a typo), with the keys allowed. */
const keyErrors =
  (allowed: readonly string[]) => (issue: { code?: string; input?: unknown; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `未知的键 ${issue.keys?.join('、')} — 可用的键：${allowed.join('、')}`
      : issue.input === undefined
        ? '缺少这一项'
        : undefined;

const SOURCES = ['field', 'name_of', 'value', 'derived'] as const;

const columnSchema = (paths: readonly string[]) =>
  z
    .strictObject(
      {
        title: z
          .string({ error: keyErrors([]) })
          .trim()
          .min(1, '列名不能为空')
          .max(60)
          .describe('列名，与信用办模板一致'),
        field: z
          .string()
          .refine((p) => paths.includes(p), {
            error: (issue) =>
              String(issue.input).startsWith('objection.')
                ? `"${String(issue.input)}" 只能用于异议处理结果表（objections 下的列）`
                : `未知的字段路径 "${String(issue.input)}" — 可用的路径：${paths.join('、')}`,
          })
          .optional()
          .describe('记录字段的路径，如 subject.name'),
        name_of: z
          .enum(NAMED_PATHS, { error: oneOf('name_of', NAMED_PATHS) })
          .optional()
          .describe('取该代码的中文名称，如 list'),
        value: z.string().optional().describe('固定文字'),
        derived: z
          .enum(DERIVED_VALUES, { error: oneOf('derived', DERIVED_VALUES) })
          .optional()
          .describe('计算得到的值，如 publication_end'),
      },
      { error: keyErrors(['title', ...SOURCES]) },
    )
    .superRefine((column, ctx) => {
      const given = SOURCES.filter((s) => column[s] !== undefined);
      if (given.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: given.length ? [given[1]!] : [],
          message: `列“${column.title}”须写 field、name_of、value、derived 中的恰好一项（现有 ${given.length} 项：${given.join('、') || '无'}）`,
        });
    });

// Excel refuses these in a sheet name and cuts it at 31 characters.
const sheetName = z
  .string({ error: keyErrors([]) })
  .trim()
  .min(1)
  .max(31, '工作表名最多 31 个字符')
  .regex(/^[^[\]:*?/\\]+$/, '工作表名不能含 [ ] : * ? / \\');

const sheetSchema = (paths: readonly string[]) =>
  z.strictObject(
    {
      sheet: sheetName.describe('工作表名'),
      columns: z
        .array(columnSchema(paths), { error: keyErrors([]) })
        .min(1, '至少需要一列：写 - title: 主体名称 加 field: subject.name 这样的项')
        .superRefine((columns, ctx) => {
          const seen = new Map<string, number>();
          columns.forEach((c, i) => {
            const first = seen.get(c.title);
            if (first !== undefined)
              ctx.addIssue({
                code: 'custom',
                path: [i, 'title'],
                message: `列名“${c.title}”重复（第 ${first + 1} 列已用）— 每列一个不同的名称`,
              });
            else seen.set(c.title, i);
          });
        }),
    },
    { error: keyErrors(['sheet', 'columns']) },
  );

/** The mapping file's schema. */
export const mappingSchema = z.strictObject(
  {
    lists: z
      .array(z.enum(LISTS, { error: oneOf('lists', LISTS) }))
      .min(1, '至少报送一个名单，如 [red, black]')
      .default(['red', 'black'])
      .describe('报送的名单：red、black，要同时报送示范单位再加 demo'),
    ...sheetSchema(RECORD_PATHS).shape,
    objections: sheetSchema([...RECORD_PATHS, ...OBJECTION_PATHS]).describe('异议处理结果表'),
  },
  { error: keyErrors(['lists', 'sheet', 'columns', 'objections']) },
);

/** A validated mapping, and the file it was read from. */
export type CreditOfficeMapping = z.infer<typeof mappingSchema> & { file: string };

/** One column of a sheet. */
export type MappedColumn = CreditOfficeMapping['columns'][number];

/** Parses a mapping's text; throws a ConfigError naming file:line:col for each problem. */
export function parseMapping(text: string, file: string): CreditOfficeMapping {
  const source: YamlSource = parseYaml(text, file);
  if (source.doc.errors.length) {
    const e = source.doc.errors[0]!;
    const { line, col } = source.lines.linePos(e.pos[0]);
    throw new ConfigError(`${file}:${line}:${col}  ${e.message.split('\n')[0]}`);
  }
  const parsed = mappingSchema.safeParse(source.data ?? {});
  if (parsed.success) return { ...parsed.data, file };
  const lines = parsed.error.issues.map((i) => {
    // An unknown key is pointed at itself, not at the object holding it.
    const at = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]!] : i.path;
    const { line, col } = positionOf(source, at);
    return `${file}:${line}:${col}  ${i.path.join('.') || '(文件)'}  ${i.message}`;
  });
  throw new ConfigError(`${file} 有误（报送信用办的列映射）：\n${lines.join('\n')}`);
}

/**
 * The mapping of a content root: its content/credit-office.yaml, else the default. A bundle (the
 * site build) passes the default's text, since the file is not beside its chunks.
 */
export function loadMapping(root: string, defaultText?: string): CreditOfficeMapping {
  const own = join(root, MAPPING_FILE);
  return existsSync(own)
    ? parseMapping(readFileSync(own, 'utf8'), MAPPING_FILE)
    : parseMapping(defaultText ?? defaultMappingText(), DEFAULT_MAPPING_FILE);
}
