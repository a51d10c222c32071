/**
 * A submission as a reviewer reads it: the record's fields as rows (in schema order, labelled by
 * content/schema/field-labels.ts, so no field list or label is written here), the validator's
 * verdict, and the attachments. Rendered as a Markdown table for pull requests and as plain lines for the review CLI.
 */
import { parse } from 'yaml';
import {
  fieldLabel,
  formatProblems,
  recordKeysAt,
  valueName,
  VALUE_NAMES,
  fieldPathKey,
  type Categories,
  type Lang,
  type Problem,
} from '../../content/schema/index.ts';
import { codeBlock, markdownText } from './markdown.ts';
import type { Submission } from './types.ts';

/** One line of the summary: the field's label and its value as text. */
export interface SummaryRow {
  field: string;
  label: string;
  value: string;
}

/** A value as text: a coded value with its name (企业（enterprise）), a category by its name. */
function scalarText(
  path: string,
  value: unknown,
  lang: Lang,
  categories?: Categories,
  list?: string,
): string {
  if (VALUE_NAMES[fieldPathKey(path)]?.[String(value)])
    return `${valueName(path, value, lang)}（${String(value)}）`;
  if (path === 'category' && categories && list && list in categories) {
    const c = categories[list as keyof Categories].find((x) => x.id === value);
    if (c) return `${c.name[lang]}（${c.id}）`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The record's fields as rows, in schema order, nested fields as "parent · child". */
export function recordRows(
  yamlText: string,
  options: { lang?: Lang; categories?: Categories } = {},
): SummaryRow[] {
  const lang = options.lang ?? 'zh';
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const rows: SummaryRow[] = [];
  const visit = (value: unknown, path: string[]) => {
    // Schema order first, then keys the schema does not know (the validator reports those).
    const keys = [...new Set([...recordKeysAt(path), ...Object.keys(value as object)])];
    for (const key of keys) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || v === null) continue;
      const fieldPath = [...path, key];
      const dotted = fieldPath.join('.');
      const label = fieldLabel(dotted, lang);
      if (Array.isArray(v)) {
        const items = v.map((item) =>
          item && typeof item === 'object'
            ? Object.entries(item as Record<string, unknown>)
                .map(([k, x]) =>
                  scalarText(`${dotted}.*.${k}`, x, lang, options.categories, String(record.list)),
                )
                .join(' / ')
            : scalarText(dotted, item, lang),
        );
        if (items.length) rows.push({ field: dotted, label, value: items.join('；') });
      } else if (typeof v === 'object') {
        visit(v, fieldPath);
      } else {
        rows.push({
          field: dotted,
          label,
          value: scalarText(dotted, v, lang, options.categories, String(record.list)),
        });
      }
    }
  };
  visit(record, []);
  return rows;
}

/** The validator's verdict on a submission: errors to fix, and what waits for the reviewers. */
export interface Verdict {
  errors: Problem[];
  /** What approving will resolve (the approvals: a notice on a submission, an error before publication). */
  pending: Problem[];
  warnings: Problem[];
}

/** Splits problems into errors, approval-pending items and warnings. */
export function verdictOf(problems: readonly Problem[]): Verdict {
  const pending = problems.filter(
    (p) => p.field === 'approvals' || p.field.startsWith('approvals.'),
  );
  const rest = problems.filter((p) => !pending.includes(p));
  return {
    errors: rest.filter((p) => p.severity === 'error'),
    pending,
    warnings: rest.filter((p) => p.severity !== 'error'),
  };
}

/** One line saying whether the record passes, and what it awaits (待审核/待审定 — 合并前由审核人、审定人批准). */
export function verdictLine(v: Verdict, lang: Lang = 'zh'): string {
  if (v.errors.length)
    return lang === 'zh'
      ? `❌ 校验未通过：${v.errors.length} 个错误`
      : `❌ validation failed: ${v.errors.length} error(s)`;
  // The submission stage's notice names exactly what is awaited; the publish stage's error is longer.
  const awaited = v.pending.find((p) => p.severity === 'notice');
  const pending = awaited
    ? lang === 'zh'
      ? `（${awaited.what} — ${awaited.fix}）`
      : ` (${awaited.what} — ${awaited.fix})`
    : v.pending.length
      ? lang === 'zh'
        ? '（待审核/待审定 — 合并前由审核人、审定人批准）'
        : ' (awaiting review and approval — the reviewers approve before the merge)'
      : '';
  return (
    (lang === 'zh' ? '✅ 校验通过' : '✅ valid') +
    pending +
    (v.warnings.length
      ? lang === 'zh'
        ? `，${v.warnings.length} 个提示`
        : `, ${v.warnings.length} warning(s)`
      : '')
  );
}

/** The pull request body: the bot's text, the field table, the verdict and the attachments. */
export function pullRequestBody(
  submission: Submission,
  options: {
    rows: SummaryRow[];
    verdict?: Verdict;
    attachmentUrl?: (path: string) => string;
    lang?: Lang;
  },
): string {
  const lang = options.lang ?? 'zh';
  const zh = lang === 'zh';
  const out: string[] = [submission.body.trim(), ''];
  if (options.rows.length) {
    out.push(zh ? '| 字段 | 内容 |' : '| field | value |', '|---|---|');
    // Record text stays text on every forge: no link, image, HTML, mention, and the table holds.
    for (const r of options.rows)
      out.push(`| ${markdownText(r.label)} | ${markdownText(r.value)} |`);
    out.push('');
  }
  if (options.verdict) {
    out.push(`**${zh ? '校验结果' : 'Validator'}**：${verdictLine(options.verdict, lang)}`);
    const listed = [...options.verdict.errors, ...options.verdict.warnings];
    if (listed.length) out.push('', ...codeBlock(formatProblems(listed, lang)));
    out.push('');
  }
  const attachments = submission.files.filter((f) => !/^content\/records\//.test(f.path));
  if (attachments.length) {
    out.push(`**${zh ? '附件' : 'Attachments'}**：`);
    for (const f of attachments)
      out.push(
        `- [${f.path.split('/').at(-1)}](${options.attachmentUrl ? options.attachmentUrl(f.path) : f.path})`,
      );
    out.push('');
  }
  out.push(
    `<!-- honghei:submission ${submission.id} -->`,
    zh
      ? `> 提交编号 \`${submission.id}\`。发布须经审核（分管领导）与审定（主要领导）两次批准后合并。`
      : `> Submission \`${submission.id}\`. Publication needs two approvals (审核 and 审定), then a merge.`,
  );
  return out.join('\n');
}

/** The record file of a submission (the first YAML under content/records/). */
export function recordFileOf(
  submission: Pick<Submission, 'files'>,
): Submission['files'][number] | undefined {
  return submission.files.find((f) => /^content\/records\/.+\.ya?ml$/.test(f.path));
}

/** The record's list and category, for labels. */
export function recordLabels(yamlText: string): string[] {
  try {
    const data = parse(yamlText) as { list?: unknown; category?: unknown };
    return [
      data.list ? `list:${String(data.list)}` : '',
      data.category ? `category:${String(data.category)}` : '',
    ].filter(Boolean);
  } catch {
    return [];
  }
}
