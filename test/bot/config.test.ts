/**
 * Start-up configuration: the environment and the submitters' allow-list are checked before the
 * bot answers anyone, and each mistake names the variable or file:line and the fix.
 */
import { describe, expect, test, vi } from 'vitest';
import { loadBotConfig, redactor } from '../../bot/config.ts';
import { parseSubmitters } from '../../bot/submitters.ts';
import { loadPublisher } from '../../content/schema/index.ts';
import { SAMPLE_ROOT } from '../fixtures/roots.ts';
import { TEST_TOKEN } from './support/harness.ts';

const publisher = loadPublisher(SAMPLE_ROOT);

describe('environment', () => {
  test('defaults: embedded storage, 48 h forms, 10 MB files, 30 updates a minute', () => {
    const config = loadBotConfig({ BOT_TOKEN: TEST_TOKEN });
    expect(config).toMatchObject({
      storage: { kind: 'sqlite', path: '.honghei/bot.sqlite' },
      formTtlMs: 48 * 3600_000,
      maxFileBytes: 10 * 1024 * 1024,
      rateLimit: { limit: 30, windowMs: 60_000 },
      apiRoot: 'https://api.telegram.org',
    });
    expect(
      loadBotConfig({ BOT_TOKEN: TEST_TOKEN, HONGHEI_REDIS_URL: 'redis://127.0.0.1:6379' }).storage,
    ).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6379' });
  });

  test('every wrong variable is named with an example', () => {
    expect(() => loadBotConfig({})).toThrowErrorMatchingInlineSnapshot(`
      [Error: the bot's environment is not valid:
        BOT_TOKEN: BOT_TOKEN is not set: create a bot with @BotFather and set BOT_TOKEN=123456:ABC…]
    `);
    expect(() =>
      loadBotConfig({
        BOT_TOKEN: 'abc',
        BOT_MAX_FILE_MB: '50',
        BOT_RATE_LIMIT: 'lots',
        HONGHEI_REDIS_URL: 'localhost:6379',
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [Error: the bot's environment is not valid:
        BOT_TOKEN: BOT_TOKEN does not look like a bot token: copy it from @BotFather, e.g. BOT_TOKEN=123456789:AAE…
        HONGHEI_REDIS_URL: HONGHEI_REDIS_URL must start with redis://, e.g. redis://127.0.0.1:6379
        BOT_MAX_FILE_MB: BOT_MAX_FILE_MB cannot exceed 20: the Bot API does not let bots download larger files
        BOT_RATE_LIMIT: BOT_RATE_LIMIT is updates/seconds, e.g. BOT_RATE_LIMIT=30/60]
    `);
    expect(() =>
      loadBotConfig({ BOT_TOKEN: TEST_TOKEN }, 'webhook'),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: webhook mode needs BOT_WEBHOOK_URL (e.g. https://bot.example.org/telegram) and BOT_WEBHOOK_SECRET (e.g. from: openssl rand -hex 32); missing: BOT_WEBHOOK_URL, BOT_WEBHOOK_SECRET]`,
    );
  });

  test('the content root: HONGHEI_CONTENT_ROOT, or its former name HONGHEI_ROOT with a warning; both differing is refused', () => {
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(
        loadBotConfig({ BOT_TOKEN: TEST_TOKEN, HONGHEI_CONTENT_ROOT: SAMPLE_ROOT }).contentRoot,
      ).toBe(SAMPLE_ROOT);
      expect(loadBotConfig({ BOT_TOKEN: TEST_TOKEN, HONGHEI_ROOT: SAMPLE_ROOT }).contentRoot).toBe(
        SAMPLE_ROOT,
      );
    } finally {
      warn.mockRestore();
    }
    expect(() =>
      loadBotConfig({
        BOT_TOKEN: TEST_TOKEN,
        HONGHEI_CONTENT_ROOT: SAMPLE_ROOT,
        HONGHEI_ROOT: '/srv/honghei/app',
      }),
    ).toThrow(
      /HONGHEI_CONTENT_ROOT: HONGHEI_CONTENT_ROOT=".*" and its former name HONGHEI_ROOT="\/srv\/honghei\/app" differ/,
    );
  });

  test('every HONGHEI_* setting the bot reads is checked at start, the forge’s too', () => {
    expect(() =>
      loadBotConfig({
        BOT_TOKEN: TEST_TOKEN,
        HONGHEI_FORGE: 'svn',
        HONGHEI_WEBHOOK_PORT: 'eighty',
        HONGHEI_PRIVATE_LINK_DAYS: '0',
      }),
    ).toThrow(
      [
        "the bot's environment is not valid:",
        '  HONGHEI_FORGE: HONGHEI_FORGE=svn is not a forge: choose local, github, gitea or gitlab, e.g. HONGHEI_FORGE=gitea',
        '  HONGHEI_WEBHOOK_PORT: HONGHEI_WEBHOOK_PORT must be a port number, e.g. HONGHEI_WEBHOOK_PORT=8787',
        '  HONGHEI_PRIVATE_LINK_DAYS: HONGHEI_PRIVATE_LINK_DAYS must be above 0, e.g. 14',
      ].join('\n'),
    );
  });

  test('the token and the webhook secret never survive redaction', () => {
    const config = loadBotConfig(
      {
        BOT_TOKEN: TEST_TOKEN,
        BOT_WEBHOOK_URL: 'https://bot.example.org/telegram',
        BOT_WEBHOOK_SECRET: 'webhook-secret-0123456789abcdef',
      },
      'webhook',
    );
    const redact = redactor(config);
    expect(
      redact(
        `GET https://api.telegram.org/bot${TEST_TOKEN}/getMe, secret webhook-secret-0123456789abcdef, key ${TEST_TOKEN.split(':')[1]}`,
      ),
    ).toBe('GET https://api.telegram.org/bot***/getMe, secret ***, key ***');
  });
});

describe('submitters allow-list', () => {
  test('the sample file is valid and maps users to the publisher’s units', () => {
    const submitters = parseSubmitters(
      'submitters:\n  - telegram_id: 123456789\n    unit: women\n',
      'bot/submitters.yaml',
      publisher,
    );
    expect(submitters.unitOf(123456789)).toEqual({
      id: 'women',
      name: '女职工部',
      categories: ['female-workers'],
    });
    expect(submitters.unitOf(987654321)).toBeUndefined();
  });

  test('mistakes name the file, line and fix', () => {
    expect(() =>
      parseSubmitters(
        'submitters:\n  - telegram_id: 1\n    unit: legal\n  - telegram_id: 2\n    unit: legl\n',
        'bot/submitters.yaml',
        publisher,
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[Error: bot/submitters.yaml:5:11  submitters.1.unit  unit "legl" is not in content/publisher.yaml — use one of: legal, women, grassroots, labour-inspection, relations]`,
    );
    expect(() =>
      parseSubmitters(
        'submitters:\n  - telegram_id: "12ab"\n    unit: legal\n',
        'bot/submitters.yaml',
        publisher,
      ),
    ).toThrowError(
      /^bot\/submitters\.yaml:2:18  submitters\.0\.telegram_id  .* — write entries as "- telegram_id: 123456789"/,
    );
    expect(() =>
      parseSubmitters(
        'submitters:\n  - telegram_id: 7\n    unit: legal\n  - telegram_id: 7\n    unit: women\n',
        'bot/submitters.yaml',
        publisher,
      ),
    ).toThrowError(
      'bot/submitters.yaml:4:18  submitters.1.telegram_id  user 7 is listed twice — keep one entry per user',
    );
    expect(() =>
      parseSubmitters(
        'submitters:\n  - telegram_id: 7\n   unit: legal\n',
        'bot/submitters.yaml',
        publisher,
      ),
    ).toThrowError(/^bot\/submitters\.yaml:\d+:\d+  \(file\)  YAML syntax error/);
  });
});
