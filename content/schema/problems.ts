/**
 * Problems found in content, as a reviewer reads them: `file:line:col  field  what — how to fix`,
 * in Chinese or English. Zod's own issues are translated here; the schema's rules bring their own
 * text through the message catalogue.
 */
import type { z } from 'zod';
import { fieldDescription, fieldHint } from './field-labels.ts';
import { closestKey, recordKeysAt } from './fields.ts';
import { MESSAGES, renderMessage, type Lang, type MessageKey } from './messages.ts';
import { positionOf, type YamlSource } from './source.ts';

/** One problem in one file. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** The field path, e.g. subject.code; empty for the whole file. */
  field: string;
  what: string;
  fix: string;
  /** error: must be fixed; warning: worth a look; notice: nothing wrong, something awaited (approvals). */
  severity: 'error' | 'warning' | 'notice';
}

const names = (keys: readonly unknown[]) => keys.map(String).join(', ');

/**
 * Translates one zod issue into what is wrong and how to fix it; input is the value found there
 * and path the field's path in the record (for its description and its neighbours' names).
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  lang: Lang,
  input?: unknown,
  path: readonly PropertyKey[] = issue.path,
): { what: string; fix: string } {
  const zh = lang === 'zh';
  const params = (
    issue as { params?: { key?: MessageKey; vars?: Record<string, string | number> } }
  ).params;
  if (issue.code === 'custom' && params?.key && params.key in MESSAGES)
    return renderMessage(params.key, params.vars ?? {}, lang);
  const description = fieldDescription(path, lang);
  const field = String(path.at(-1) ?? '');
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = recordKeysAt(path.slice(0, -1));
      const guess = closestKey(field, allowed);
      const list = allowed.join(', ');
      if (zh) {
        return {
          what: `未知字段：${names(issue.keys)}`,
          fix: guess
            ? `是不是 ${guess}？改正拼写，或删除该字段`
            : `删除该字段；这里允许的字段有：${list}`,
        };
      }
      return {
        what: `unknown field: ${names(issue.keys)}`,
        fix: guess
          ? `did you mean ${guess}? correct the spelling or remove the field`
          : `remove it; the fields allowed here are: ${list}`,
      };
    }
    case 'invalid_type':
      if (path.length === 0) {
        return zh
          ? {
              what: '文件内容不是一条记录（应为“字段: 值”的映射）',
              fix: '复制一条已有记录改写，字段见 README“字段说明”',
            }
          : {
              what: 'the file does not hold a record (a mapping of field: value)',
              fix: 'copy an existing record and edit it; the fields are listed in README',
            };
      }
      if (input === undefined || input === null) {
        const what =
          input === null
            ? zh
              ? '字段没有填写内容'
              : 'the field is empty'
            : zh
              ? '缺少必填字段'
              : 'a required field is missing';
        if (zh)
          return {
            what,
            fix: description ? `填写${field ? ` ${field}` : ''}：${description}` : '补充该字段',
          };
        return { what, fix: description ? `add ${field} (${description})` : 'add the field' };
      }
      return zh
        ? {
            what: `类型不对：应为${typeName(issue.expected, lang)}，实际是${typeName(Array.isArray(input) ? 'array' : typeof input, lang)}`,
            fix: `改为${typeName(issue.expected, lang)}；像数字的文字（区划代码、文号）请加引号，如 "210202"`,
          }
        : {
            what: `wrong type: expected ${typeName(issue.expected, lang)}, got ${typeName(Array.isArray(input) ? 'array' : typeof input, lang)}`,
            fix: `write a ${typeName(issue.expected, lang)}; quote text that looks like a number (division codes), e.g. "210202"`,
          };
    case 'invalid_value':
      return zh
        ? {
            what: `取值“${String(input)}”不在允许范围内`,
            fix: `改用以下之一：${names(issue.values)}`,
          }
        : {
            what: `value "${String(input)}" is not allowed`,
            fix: `use one of: ${names(issue.values)}`,
          };
    case 'too_small':
      return zh
        ? {
            what:
              issue.origin === 'array'
                ? `至少需要 ${issue.minimum} 项`
                : `太短：至少 ${issue.minimum} 个字`,
            fix: description ? `补充内容（${description}）` : '补充内容',
          }
        : {
            what:
              issue.origin === 'array'
                ? `needs at least ${issue.minimum} item(s)`
                : `too short: at least ${issue.minimum} characters`,
            fix: 'add to it',
          };
    case 'too_big':
      return zh
        ? {
            what:
              issue.origin === 'array'
                ? `最多 ${issue.maximum} 项`
                : `太长：最多 ${issue.maximum} 个字`,
            fix: '删减内容',
          }
        : {
            what:
              issue.origin === 'array'
                ? `at most ${issue.maximum} item(s)`
                : `too long: at most ${issue.maximum} characters`,
            fix: 'shorten it',
          };
    case 'invalid_format': {
      const custom = !issue.message.startsWith('Invalid');
      return zh
        ? {
            what: `格式不对：“${String(input)}”`,
            fix: custom ? issue.message : `按格式填写：${description ?? '见字段说明'}`,
          }
        : {
            what: `wrong format: "${String(input)}"`,
            fix: `write ${fieldHint(path, 'en') ?? 'it in the format the field description gives'}`,
          };
    }
    default:
      return {
        what: issue.message,
        fix: zh ? '按字段说明修改' : 'correct it as the field description says',
      };
  }
}

function typeName(t: string, lang: Lang): string {
  const zh: Record<string, string> = {
    string: '文字',
    number: '数字',
    boolean: 'true/false',
    object: '字段组',
    array: '列表',
    undefined: '空',
    symbol: '符号',
  };
  return lang === 'zh' ? (zh[t] ?? t) : t === 'object' ? 'mapping' : t === 'array' ? 'list' : t;
}

/** The value at a path in parsed data. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path)
    v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Turns zod issues on a YAML source into positioned problems. */
export function problemsFromIssues(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  lang: Lang,
): Problem[] {
  // A misspelt key also makes the real one "missing": report it once, as the misspelling.
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const guess = closestKey(key, recordKeysAt(issue.path));
      if (guess) meant.add([...issue.path, guess].join('.'));
    }
  }
  return issues.flatMap((issue) => {
    // An unknown key is reported at the key itself, one problem per key.
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.flatMap((path) => {
      const input = valueAt(source.data, path);
      if (issue.code === 'invalid_type' && input === undefined && meant.has(path.join('.')))
        return [];
      const { line, col } = positionOf(source, path);
      const text = describeIssue(
        issue.code === 'unrecognized_keys' ? { ...issue, keys: [path.at(-1) as string] } : issue,
        lang,
        input,
        path,
      );
      return [
        {
          file: source.file,
          line,
          col,
          field: path.join('.'),
          ...text,
          severity: 'error' as const,
        },
      ];
    });
  });
}

/** A problem at a fixed place, with catalogue text. */
export function problemAt(
  source: Pick<YamlSource, 'file'> & Partial<YamlSource>,
  path: PropertyKey[],
  key: MessageKey,
  vars: Record<string, string | number>,
  lang: Lang,
  severity: Problem['severity'] = 'error',
): Problem {
  const { line, col } =
    source.doc && source.lines ? positionOf(source as YamlSource, path) : { line: 1, col: 1 };
  return {
    file: source.file,
    line,
    col,
    field: path.join('.'),
    ...renderMessage(key, vars, lang),
    severity,
  };
}

/** Formats problems one per line, sorted by file and line, with a closing count. */
export function formatProblems(problems: readonly Problem[], lang: Lang): string {
  const sorted = [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col,
  );
  const out = sorted.map((p) => {
    const tag =
      p.severity === 'warning'
        ? lang === 'zh'
          ? '[提示] '
          : '[warning] '
        : p.severity === 'notice'
          ? lang === 'zh'
            ? '[说明] '
            : '[notice] '
          : '';
    return `${p.file}:${p.line}:${p.col}  ${p.field || '-'}  ${tag}${p.what} — ${p.fix}`;
  });
  return out.join('\n');
}
