/**
 * The questions come from the one schema: every field of recordShape is asked or filled by the
 * bot, nothing else is asked, help texts are the schema's descriptions, and every text the bot
 * says exists in both locale files.
 */
import { FluentResource } from '@fluent/bundle';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, test } from 'vitest';
import { ATTACHMENT_KINDS, fieldTexts, labelled, recordShape } from '../../content/schema/index.ts';
import { COMMANDS } from '../../bot/flows/public.ts';
import { schemaLeaves } from '../../bot/form/schema-walk.ts';
import type { Step } from '../../bot/form/step.ts';
import { DERIVED, leafStep, newRecordSteps } from '../../bot/record/new-steps.ts';
import { ROOT } from './support/harness.ts';

/** Schema paths a step fills (an indexed key, e.g. persons.0.name, counts as persons.*.name). */
function pathsOf(step: Step<any>): string[] {
  if (step.input === 'repeat') return step.item.map((i) => `${step.key}.*.${i.key}`);
  if (step.input === 'files') return [];
  return [step.key.replace(/\.\d+\./, '.*.')];
}

const derived = (path: string) =>
  DERIVED.some((d) => path === d || path.startsWith(`${d.replace(/\.\*$/, '')}.`));

describe('questions from the schema', () => {
  const steps = newRecordSteps();
  const leaves = schemaLeaves(recordShape);

  test('every field of the record is either asked by /new or filled by the bot, and nothing else is asked', () => {
    const asked = new Set(steps.flatMap(pathsOf));
    const missing = leaves.map((l) => l.path.join('.')).filter((p) => !asked.has(p) && !derived(p));
    expect(missing).toEqual([]);
    const known = new Set(leaves.map((l) => l.path.join('.')));
    expect([...asked].filter((p) => !known.has(p))).toEqual([]);
    // The approvals are the reviewers' to give: /new never asks the submitter for them.
    expect([...asked].filter((p) => p.startsWith('approvals'))).toEqual([]);
    expect(
      derived('approvals.*.by') && derived('approvals.*.date') && derived('approvals.*.role'),
    ).toBe(true);
    // Attachments are asked per kind, from the schema's kinds.
    for (const step of steps.filter((s) => s.input === 'files'))
      expect(ATTACHMENT_KINDS).toContain((step as { kind: string }).kind);
  });

  test('help texts are the schema’s descriptions', () => {
    const env = {
      lang: 'zh' as const,
      t: (k: string) => k,
      today: '2026-11-20',
      data: { publisher: { region: '210200' } } as never,
    };
    for (const leaf of leaves) {
      const path = leaf.path.join('.');
      const step = steps.find((s) => pathsOf(s).includes(path) && s.input !== 'repeat');
      if (!step || !leaf.description) continue;
      expect(step.help?.({}, env), path).toContain(leaf.description);
    }
  });

  test('a field added to the schema becomes a question checked by its own schema', () => {
    const leaf = schemaLeaves({
      hotline: labelled(
        z.string().regex(/^\d{5}$/, '5 位数字'),
        { zh: '举报热线', en: 'Hotline' },
        { zh: '5 位', en: '5 digits' },
      ),
    })[0]!;
    const step = leafStep(leaf);
    const env = {
      lang: 'zh' as const,
      t: (k: string) => k,
      today: '2026-11-20',
      data: undefined as never,
    };
    expect(step.label(env)).toBe('举报热线');
    expect(step.help?.({}, env)).toBe('举报热线：5 位');
    expect(step.input).toBe('text');
    if (step.input !== 'text') return;
    expect(step.check('12345', {}, env)).toEqual({ ok: true, value: '12345' });
    expect(step.check('1234', {}, env)).toMatchObject({ ok: false, fix: '5 位数字' });
  });
});

describe('locale files', () => {
  const ids = (locale: string) =>
    new Set(
      [
        ...readFileSync(join(ROOT, 'bot/locales', `${locale}.ftl`), 'utf8').matchAll(
          /^([a-zA-Z][\w-]*) =/gm,
        ),
      ].map((m) => m[1]!),
    );
  const zh = ids('zh-CN');
  const en = ids('en');

  test('every text of both locale files parses (a text Fluent cannot parse is silently dropped and shows as its key)', () => {
    for (const locale of ['zh-CN', 'en']) {
      const parsed = new Set(
        new FluentResource(
          readFileSync(join(ROOT, 'bot/locales', `${locale}.ftl`), 'utf8'),
        ).body.map((m) => m.id),
      );
      expect(
        [...ids(locale)].filter((k) => !parsed.has(k)),
        locale,
      ).toEqual([]);
    }
  });

  test('zh-CN and en define the same texts', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !zh.has(k))).toEqual([]);
  });

  test('every text the bot uses exists, and every field asked has a name', () => {
    const source = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'forge'
            ? []
            : source(join(dir, e.name))
          : e.name.endsWith('.ts')
            ? [readFileSync(join(ROOT, dir, e.name), 'utf8')]
            : [],
      );
    const code = source('bot').join('\n');
    const used = new Set<string>();
    // t('key'), t(cond ? 'a' : 'b'), i18n.t(locale, 'key').
    for (const m of code.matchAll(/(?<!i18n\.)\bt\(\s*'([a-z][\w-]*)'/g)) used.add(m[1]!);
    for (const m of code.matchAll(
      /(?<!i18n\.)\bt\([^'()]*\?\s*'([a-z][\w-]*)'\s*:\s*'([a-z][\w-]*)'/g,
    ))
      used.add(m[1]!).add(m[2]!);
    for (const m of code.matchAll(/i18n\.t\([^,]+,\s*'([a-z][\w-]*)'/g)) used.add(m[1]!);
    // Keys built from a vocabulary.
    const problems = [
      'empty',
      'control',
      'bidi',
      'rtl',
      'emoji',
      'html',
      'yaml',
      'no-content',
      'multiline',
    ];
    for (const p of problems) used.add(`text-${p}`).add(`text-${p}-fix`);
    for (const input of ['choice', 'text', 'files', 'repeat']) used.add(`how-${input}`);
    for (const kind of ATTACHMENT_KINDS) used.add(`files-help-${kind}`);
    for (const outcome of ['delivered', 'published', 'rejected']) used.add(`notice-${outcome}`);
    for (const command of COMMANDS) used.add(`command-${command}`);
    const missing = [...used].filter((k) => !zh.has(k) || !en.has(k));
    expect(missing).toEqual([]);
    // Field names come from the schema (content/schema/field-labels.ts), in both languages.
    const unnamed = newRecordSteps()
      .flatMap(pathsOf)
      .filter((path) => !fieldTexts(path)?.label.zh || !fieldTexts(path)?.label.en);
    expect(unnamed).toEqual([]);
    expect(used.size).toBeGreaterThan(150);
  });
});
