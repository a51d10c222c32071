/**
 * Problems found in content, as a reviewer reads them: `file:line:col  field  what — how to fix`,
 * in Chinese or English. Zod's own issues are translated here; the schema's rules bring their own
 * text through the message catalogue.
 */
import type { z } from 'zod';
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
  severity: 'error' | 'warning';
}

const names = (keys: readonly unknown[]) => keys.map(String).join(', ');

/** Translates one zod issue into what is wrong and how to fix it; input is the value found there. */
export function describeIssue(issue: z.core.$ZodIssue, lang: Lang, input?: unknown): { what: string; fix: string } {
  const zh = lang === 'zh';
  const params = (issue as { params?: { key?: MessageKey; vars?: Record<string, string | number> } }).params;
  if (issue.code === 'custom' && params?.key && params.key in MESSAGES) return renderMessage(params.key, params.vars ?? {}, lang);
  switch (issue.code) {
    case 'unrecognized_keys':
      return zh
        ? { what: `未知字段：${names(issue.keys)}`, fix: '检查拼写，或删除该字段（字段名见 README“字段说明”）' }
        : { what: `unknown field: ${names(issue.keys)}`, fix: 'check its spelling or remove it (see the field list in README)' };
    case 'invalid_type':
      if (input === undefined) {
        return zh
          ? { what: '缺少必填字段', fix: '补充该字段' }
          : { what: 'a required field is missing', fix: 'add the field' };
      }
      return zh
        ? { what: `类型不对：应为${typeName(issue.expected, lang)}，实际是${typeName(Array.isArray(input) ? 'array' : input === null ? 'undefined' : typeof input, lang)}`, fix: `改为${typeName(issue.expected, lang)}；像数字的文字（区划代码、文号）请加引号，如 "210202"` }
        : { what: `wrong type: expected ${typeName(issue.expected, lang)}, got ${typeName(Array.isArray(input) ? 'array' : input === null ? 'undefined' : typeof input, lang)}`, fix: `write a ${typeName(issue.expected, lang)}; quote text that looks like a number (division codes), e.g. "210202"` };
    case 'invalid_value':
      return zh
        ? { what: `取值“${String(input)}”不在允许范围内`, fix: `改用以下之一：${names(issue.values)}` }
        : { what: `value "${String(input)}" is not allowed`, fix: `use one of: ${names(issue.values)}` };
    case 'too_small':
      return zh
        ? { what: issue.origin === 'array' ? `至少需要 ${issue.minimum} 项` : `太短：至少 ${issue.minimum} 个字`, fix: '补充内容' }
        : { what: issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : `too short: at least ${issue.minimum} characters`, fix: 'add to it' };
    case 'too_big':
      return zh
        ? { what: issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `太长：最多 ${issue.maximum} 个字`, fix: '删减内容' }
        : { what: issue.origin === 'array' ? `at most ${issue.maximum} item(s)` : `too long: at most ${issue.maximum} characters`, fix: 'shorten it' };
    case 'invalid_format':
      return zh
        ? { what: `格式不对：“${String(input)}”`, fix: issue.message.startsWith('Invalid') ? '按字段说明的格式填写' : issue.message }
        : { what: `wrong format: "${String(input)}"`, fix: 'follow the format in the field description' };
    default:
      return { what: issue.message, fix: zh ? '按字段说明修改' : 'correct it as the field description says' };
  }
}

function typeName(t: string, lang: Lang): string {
  const zh: Record<string, string> = { string: '文字', number: '数字', boolean: 'true/false', object: '字段组', array: '列表', undefined: '空', symbol: '符号' };
  return lang === 'zh' ? (zh[t] ?? t) : t === 'object' ? 'mapping' : t === 'array' ? 'list' : t;
}

/** The value at a path in parsed data. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Turns zod issues on a YAML source into positioned problems. */
export function problemsFromIssues(source: YamlSource, issues: readonly z.core.$ZodIssue[], lang: Lang): Problem[] {
  return issues.flatMap((issue) => {
    // An unknown key is reported at the key itself, one problem per key.
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    return paths.map((path) => {
      const { line, col } = positionOf(source, path);
      const input = valueAt(source.data, path);
      const text = describeIssue(issue.code === 'unrecognized_keys' ? { ...issue, keys: [path.at(-1) as string] } : issue, lang, input);
      return { file: source.file, line, col, field: path.join('.'), ...text, severity: 'error' as const };
    });
  });
}

/** A problem at a fixed place, with catalogue text. */
export function problemAt(source: Pick<YamlSource, 'file'> & Partial<YamlSource>, path: PropertyKey[], key: MessageKey, vars: Record<string, string | number>, lang: Lang, severity: Problem['severity'] = 'error'): Problem {
  const { line, col } = source.doc && source.lines ? positionOf(source as YamlSource, path) : { line: 1, col: 1 };
  return { file: source.file, line, col, field: path.join('.'), ...renderMessage(key, vars, lang), severity };
}

/** Formats problems one per line, sorted by file and line, with a closing count. */
export function formatProblems(problems: readonly Problem[], lang: Lang): string {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  const out = sorted.map((p) => {
    const tag = p.severity === 'warning' ? (lang === 'zh' ? '[提示] ' : '[warning] ') : '';
    return `${p.file}:${p.line}:${p.col}  ${p.field || '-'}  ${tag}${p.what} — ${p.fix}`;
  });
  return out.join('\n');
}
