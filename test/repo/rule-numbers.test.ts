/**
 * Rule numbers in user-facing text come from the configuration or the schema's constants, never
 * from a literal: a message that says "3 个工作日" would go on saying 3 after a publisher sets
 * objection_working_days: 5. This scans the bot's messages, the validator's messages and the
 * site's texts for the rule numbers written out (the objection days, the publication years, the
 * longest holiday, a file size) and fails naming file:line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_HOLIDAY_DAYS } from '../../content/schema/calendar.ts';
import { publisherSchema } from '../../content/schema/config.ts';
import { MAX_PUBLICATION_YEARS } from '../../content/schema/record-rules.ts';
import { PROJECT_ROOT } from '../fixtures/roots.ts';

const DAYS = publisherSchema.shape.objection_working_days.parse(undefined);
const CHINESE = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const n = (value: number) => `(?:${value}|${CHINESE[value] ?? value})`;
const alone = (value: number) => `(?<![\\d.\\-–])${n(value)}`;

/** A rule number written out, with what to use instead. */
const RULES: [RegExp, string][] = [
  [
    new RegExp(`${alone(DAYS)}\\s*个?工作日|${alone(DAYS)}\\s*working days?`, 'i'),
    'objection_working_days (publisher.yaml): { $days } in .ftl, a value in a message',
  ],
  [
    new RegExp(
      `${alone(MAX_PUBLICATION_YEARS)}\\s*年(?![\\d度])|${alone(MAX_PUBLICATION_YEARS)}\\s*years?|three years`,
      'i',
    ),
    'MAX_PUBLICATION_YEARS (content/schema/record-rules.ts), passed as a value',
  ],
  [
    new RegExp(`${alone(MAX_HOLIDAY_DAYS)}\\s*天|${alone(MAX_HOLIDAY_DAYS)}\\s*days`, 'i'),
    'MAX_HOLIDAY_DAYS (content/schema/calendar.ts), passed as a value',
  ],
  [
    /(?<![\d.])\d+\s*[MK]B\b/,
    'the file limit (BOT_MAX_FILE_MB, bot/config.ts maxFileBytes): { $max }',
  ],
];

const files = (dir: string, ext: RegExp): string[] =>
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));

/** The texts people read: the bot's messages, the validator's, the site's. */
const SOURCES = [
  ...files('bot/locales', /\.ftl$/),
  ...files('content/schema', /^(messages.*|calendar-messages)\.ts$/),
  ...files('site/i18n', /\.ts$/),
  ...files('site/lib', /\.ts$/),
  ...files('site', /\.astro$/),
  // The sample's guide pages, which `npm run init` gives every publisher as starting text.
  ...files('test/fixtures/sample/content/pages', /\.mdx$/),
];

/** Lines to leave: comments, and the field labels the schema will carry (issue 13, "labels"). */
const skip = (line: string) => /^\s*(#|\/\/|\*|\/\*)/.test(line) || /^field-[\w-]+\s*=/.test(line);

describe('rule numbers in user-facing text', () => {
  test('the scan reads the bot, the validator and the site', () => {
    expect(SOURCES.filter((f) => f.endsWith('.ftl'))).toHaveLength(2);
    expect(SOURCES.some((f) => f.startsWith('content/schema/messages'))).toBe(true);
    expect(SOURCES.some((f) => f.endsWith('.astro'))).toBe(true);
  });

  test('no message writes a configured rule number as a literal', () => {
    const found: string[] = [];
    for (const file of SOURCES) {
      readFileSync(join(PROJECT_ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (skip(line)) return;
          for (const [pattern, instead] of RULES) {
            const hit = pattern.exec(line);
            if (hit) found.push(`${relative('.', file)}:${i + 1}: "${hit[0]}" — use ${instead}`);
          }
        });
    }
    expect(found).toEqual([]);
  });

  test('the scan finds a literal where there is one', () => {
    const hits = [
      '收到后 3 个工作日内',
      '超过 3 年',
      'longer than 3 years',
      '超过 14 天',
      '超过 20 MB',
    ].map((t) => RULES.some(([p]) => p.test(t)));
    expect(hits).toEqual([true, true, true, true, true]);
    expect(RULES.some(([p]) => p.test('2026 年第 3 季度，第 3–8 位，13 年'))).toBe(false);
  });
});
