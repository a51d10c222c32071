/**
 * The bot as the tests drive it: the real createBot with a copy of the sample content in a
 * temp folder, the local Bot API under the HTTP client (so calls inside conversations are seen
 * too), and a storage and sink of the test's choice. Updates go through bot.handleUpdate.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from 'grammy/types';
import { afterAll } from 'vitest';
import type { BotConfig } from '../../../bot/config.ts';
import { createBot } from '../../../bot/create-bot.ts';
import type { SubmissionSink } from '../../../bot/forge/types.ts';
import { LOCAL_BOT, LocalTelegram } from '../../../bot/local-api/local-telegram.ts';
import { ContentRepository } from '../../../bot/record/repository.ts';
import type { BotServices, Logger } from '../../../bot/services.ts';
import { createStorage, type BotStorage } from '../../../bot/storage/index.ts';
import { botApiFiles } from '../../../bot/files.ts';
import { parseSubmitters } from '../../../bot/submitters.ts';
import { openPrivateFiles, type PrivateFiles } from '../../../bot/private-files/config.ts';
import { createWebChat } from '../../../bot/webchat/index.ts';
import { PROJECT_ROOT, SAMPLE_ROOT } from '../../fixtures/roots.ts';
import { MemorySink } from './memory-sink.ts';

/** The project root (the code: scripts/, bot/, node_modules). */
export const ROOT = PROJECT_ROOT;
/** A token of the right shape; it never leaves this process. */
export const TEST_TOKEN = '1000000001:TEST-token-never-sent-anywhere-xyz';
/** The allow-listed submitter of the tests (unit labour-inspection) and a member of the public. */
export const SUBMITTER = LocalTelegram.user(100000001, 'zh-hans', '示例');
export const PUBLIC = LocalTelegram.user(200000002, 'zh-hans', '公众');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp folder removed after the test file. */
export function tempDir(prefix = 'honghei-bot-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A copy of the sample content (configuration, submitters, records, cases, media) in a temp root. */
export function contentCopy(): string {
  const root = tempDir('honghei-bot-content-');
  for (const part of [
    'publisher.yaml',
    'categories.yaml',
    'submitters.yaml',
    'records',
    'cases',
    'media',
  ]) {
    cpSync(join(SAMPLE_ROOT, 'content', part), join(root, 'content', part), { recursive: true });
  }
  return root;
}

/** A configuration for tests (what loadBotConfig would give, without the environment). */
export function testConfig(overrides: Partial<BotConfig> = {}): BotConfig {
  return {
    token: TEST_TOKEN,
    contentRoot: '.',
    submittersFile: 'content/submitters.yaml',
    storage: { kind: 'memory' },
    formTtlMs: 48 * 3600_000,
    maxFileBytes: 10 * 1024 * 1024,
    rateLimit: { limit: 1000, windowMs: 60_000 },
    apiRoot: 'http://local.telegram.invalid',
    ...overrides,
  };
}

/** Log lines a test can read (and check for secrets). */
export class TestLog implements Logger {
  readonly lines: string[] = [];
  info(message: string) {
    this.lines.push(message);
  }
  error(message: string, error?: unknown) {
    this.lines.push(
      `${message}${error ? `: ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error)}` : ''}`,
    );
  }
}

export interface HarnessOptions {
  root?: string;
  sink?: SubmissionSink;
  storage?: BotStorage;
  config?: Partial<BotConfig>;
  today?: string;
  tg?: LocalTelegram;
  /** Talk to a Bot API over HTTP (config.apiRoot, e.g. an emulator) instead of the local one. */
  network?: boolean;
  /** The private store of non-public attachments; default a directory store in a temp folder. */
  privateFiles?: PrivateFiles;
  /** Install the web chat's channel (bot/webchat) on the bot. */
  web?: boolean;
}

/** A directory private store in a temp folder, with a fixed test secret and address. */
export function testPrivateFiles(dir = tempDir('honghei-private-')): PrivateFiles {
  return openPrivateFiles({
    store: { kind: 'dir', dir },
    secret: 'test-link-secret-0123456789abcdef0123456789',
    baseUrl: 'http://127.0.0.1:8080',
    ttlMs: 14 * 24 * 3600_000,
  });
}

/** A bot wired for a test, and what the test needs to drive and inspect it. */
export function harness(options: HarnessOptions = {}) {
  const root = options.root ?? contentCopy();
  const config = testConfig(options.config);
  const tg = options.tg ?? new LocalTelegram();
  const sink = options.sink ?? new MemorySink();
  const repo = new ContentRepository(root, 0);
  const log = new TestLog();
  let seq = 0;
  const privateFiles = options.privateFiles ?? testPrivateFiles();
  const services: BotServices = {
    repo,
    sink,
    privateFiles,
    files: botApiFiles(new (class {})() as never, { apiRoot: config.apiRoot }),
    submitters: parseSubmitters(
      `submitters:\n  - telegram_id: ${SUBMITTER.id}\n    unit: labour-inspection\n`,
      'test-submitters.yaml',
      repo.publisher,
    ),
    today: () => options.today ?? '2026-11-20',
    randomId: (n) => (++seq).toString(36).padStart(n, '0'),
    now: () => `${options.today ?? '2026-11-20'}T10:00:00+08:00`,
    log,
  };
  const storage = options.storage ?? createStorage({ kind: 'memory' }, config.formTtlMs);
  const web = options.web ? createWebChat(storage, config.formTtlMs) : undefined;
  const transformers = web ? [web.transformer] : [];
  const bot = createBot(
    config,
    options.network
      ? { services, storage, transformers }
      : { services, storage, botInfo: LOCAL_BOT, fetch: tg.fetch, transformers },
  );
  services.files = botApiFiles(bot.api, {
    apiRoot: config.apiRoot,
    ...(options.network ? {} : { fetch: tg.fetch }),
  });
  if (web) services.files = web.files.service(services.files);
  return {
    bot,
    tg,
    sink,
    repo,
    root,
    log,
    storage,
    services,
    config,
    privateFiles,
    web,
    /** Sends updates one after another, as Telegram does for one chat. */
    async send(...updates: Parameters<typeof bot.handleUpdate>[0][]) {
      for (const u of updates) await bot.handleUpdate(u);
    },
    /** A user's actions in turn: text to type, or a button to press (found when it is its turn). */
    async act(user: User, ...actions: (string | { press: string | RegExp })[]) {
      for (const a of actions)
        await bot.handleUpdate(typeof a === 'string' ? tg.text(user, a) : tg.press(user, a.press));
    },
    /** The bot's latest text to a user. */
    last(user: User = SUBMITTER) {
      return tg.last(user.id)?.text ?? '';
    },
  };
}
