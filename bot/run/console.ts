/**
 * Console mode: the same bot and the same conversations in a terminal, without Telegram. The bot
 * talks to the local Bot API (local-api/local-telegram.ts); what it sends is printed with numbered
 * buttons, and what you type becomes the update Telegram would send. Submissions go through the
 * outbox to the local git forge: a confirmed /new ends as a branch submission/<id> with the record.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { publicationDate } from '../../content/schema/index.ts';
import type { BotConfig } from '../config.ts';
import { createBot } from '../create-bot.ts';
import { botApiFiles } from '../files.ts';
import { createSubmissionSink } from '../forge/index.ts';
import { CANCEL_DATA } from '../form/io.ts';
import { createI18n, localeFor } from '../i18n.ts';
import { LOCAL_BOT, LocalTelegram, type SentMessage } from '../local-api/local-telegram.ts';
import { noticeText } from '../notifier.ts';
import { openPrivateFiles, privateFilesConfig } from '../private-files/config.ts';
import { ContentRepository } from '../record/repository.ts';
import type { BotServices } from '../services.ts';
import { createStorage } from '../storage/index.ts';
import { loadSubmitters } from '../submitters.ts';
import { consoleLogger, randomId } from './app.ts';

/** Where console mode reads and writes. */
export interface ConsoleOptions {
  /** The content repository; also the git repository branches are made in (unless `repo`). */
  root: string;
  repo?: string;
  base?: string;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** The Telegram user you play (default: the first allow-listed submitter). */
  userId?: number;
  /** Telegram language code of that user (en for English). */
  language?: string;
  submittersFile?: string;
  /** State (forms in progress survive a restart) and outbox, under <root>/.honghei by default. */
  stateFile?: string;
  outboxDir?: string;
  env?: NodeJS.ProcessEnv;
}

/** A token of the right shape for the local Bot API; it is never sent to Telegram. */
const CONSOLE_TOKEN = '1000000001:local-console-token-never-sent-to-telegram';

function mimeOf(path: string): string {
  const ext = path.split('.').pop()?.toLowerCase();
  return ext === 'pdf'
    ? 'application/pdf'
    : ext === 'png'
      ? 'image/png'
      : ext === 'webp'
        ? 'image/webp'
        : ext === 'jpg' || ext === 'jpeg'
          ? 'image/jpeg'
          : 'application/octet-stream';
}

/** Prints a bot message with its buttons numbered 1, 2, … */
function render(m: SentMessage): string {
  let n = 0;
  const rows = m.buttons.map((row) => '   ' + row.map((b) => `[${++n}] ${b.text}`).join('   '));
  return `\n🤖 ${m.text.replace(/\n/g, '\n   ')}\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}

/** True for a form's question: every question carries the cancel button. */
const isQuestion = (m: SentMessage) => m.buttons.flat().some((b) => b.data === CANCEL_DATA);

/**
 * The question a form waits on, kept beside the state file: a terminal, unlike a chat, does not
 * keep the bot's last message on screen across a restart, so a resumed form shows it again.
 */
class PendingQuestion {
  private readonly file: string;
  constructor(stateFile: string) {
    this.file = `${stateFile}.pending.json`;
  }
  /** Remembers the latest message to the user: a question, or nothing pending. */
  note(m: SentMessage): void {
    if (isQuestion(m)) {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify(m));
    } else rmSync(this.file, { force: true });
  }
  read(): SentMessage | undefined {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as SentMessage;
    } catch {
      return undefined;
    }
  }
}

/** Runs console mode until the input ends or /quit. */
export async function runConsole(o: ConsoleOptions): Promise<void> {
  const env = o.env ?? process.env;
  const root = resolve(o.root);
  const out = (text: string) => o.output.write(`${text}\n`);
  const repo = new ContentRepository(root);
  const submitters = loadSubmitters(
    o.submittersFile ?? join(root, 'content/submitters.yaml'),
    repo.publisher,
  );
  const config: BotConfig = {
    token: CONSOLE_TOKEN,
    contentRoot: root,
    submittersFile: o.submittersFile ?? join(root, 'content/submitters.yaml'),
    storage: { kind: 'sqlite', path: o.stateFile ?? join(root, '.honghei/console-state.sqlite') },
    formTtlMs: 48 * 3600_000,
    maxFileBytes: 10 * 1024 * 1024,
    rateLimit: { limit: 1000, windowMs: 60_000 },
    apiRoot: 'http://local.telegram.invalid',
  };
  const log = consoleLogger((t) => t);
  const submittersUser = o.userId ?? submitters.ids()[0] ?? 100000001;
  const stateFile =
    config.storage.kind === 'sqlite'
      ? config.storage.path
      : join(root, '.honghei/console-state.sqlite');
  const pending = new PendingQuestion(stateFile);
  const tg = new LocalTelegram();
  tg.onSend = (m) => {
    out(render(m));
    // A document the bot sends (/batch's template, the annotated workbook) is saved to open it.
    const document = m.text.startsWith('📎 ') ? tg.documents.at(-1) : undefined;
    if (document) {
      const path = join(root, '.honghei/console-files', basename(document.name));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, document.bytes);
      out(`   → ${path}`);
    }
    if (m.chatId === submittersUser) pending.note(m);
  };
  const i18n = createI18n();
  const locale = localeFor(o.language);
  const sink = createSubmissionSink({
    forge: { kind: 'local', repo: o.repo ?? root, base: o.base ?? 'main' },
    outbox: { kind: 'file', dir: o.outboxDir ?? join(root, '.honghei/console-outbox') },
    retryIntervalMs: 500,
    notify: async (n) => void out(`\n📣 ${noticeText(i18n, n)}`),
    log: (m) => log.info(m),
  });
  const storage = createStorage(config.storage, config.formTtlMs);
  // Console mode keeps non-public attachments in a directory beside its state, never in content/.
  const privateFiles = openPrivateFiles(
    privateFilesConfig({
      ...env,
      HONGHEI_PRIVATE_STORE: 'dir',
      HONGHEI_PRIVATE_DIR: env.HONGHEI_PRIVATE_DIR ?? join(root, '.honghei/private'),
    }),
    { contentRoot: root },
  );
  const services: BotServices = {
    repo,
    sink,
    submitters,
    log,
    privateFiles,
    files: undefined as never,
    today: () => publicationDate(env),
    randomId,
    now: () => new Date().toISOString(),
  };
  const bot = createBot(config, { services, storage, botInfo: LOCAL_BOT, fetch: tg.fetch });
  services.files = botApiFiles(bot.api, { apiRoot: config.apiRoot, fetch: tg.fetch });
  const userId = submittersUser;
  const user = LocalTelegram.user(userId, o.language ?? 'zh-hans', 'Console');

  const lines = createInterface({ input: o.input, terminal: false });
  // SIGTERM/SIGINT end the input like /quit: the update in flight finishes, the outbox is flushed.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => lines.close());
  out(
    i18n.t(locale, 'console-welcome', {
      user: String(userId),
      unit: submitters.unitOf(userId)?.name ?? '—',
      root,
    }),
  );
  // A form left open by an earlier run (the state file keeps it): show the question it waits on.
  const waiting = pending.read();
  const stored = (await storage.conversations.read(`form:${userId}`)) as
    { state?: Record<string, unknown> } | undefined;
  if (waiting && stored?.state && Object.keys(stored.state).length) {
    out(`\n${i18n.t(locale, 'console-resumed')}`);
    tg.sent.push({ ...waiting, messageId: 0 });
    out(render(waiting));
  }
  const lastToUser = () => [...tg.sent].reverse().find((m) => m.chatId === user.id);
  for await (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      // Nothing typed: repeat what the bot waits for, instead of silence.
      const last = lastToUser();
      out(
        last && isQuestion(last)
          ? `${i18n.t(locale, 'console-blank-pending')}${render(last)}`
          : i18n.t(locale, 'console-blank'),
      );
      continue;
    }
    if (line === '/quit' || line === '/exit') {
      const last = lastToUser();
      out(i18n.t(locale, last && isQuestion(last) ? 'console-bye-pending' : 'console-bye'));
      break;
    }
    const keyboard =
      [...tg.sent]
        .reverse()
        .find((m) => m.chatId === user.id && m.buttons.length)
        ?.buttons.flat() ?? [];
    const byNumber = /^\d{1,2}$/.test(line) ? keyboard[Number(line) - 1] : undefined;
    // A button's text pressed by typing it, with or without its leading symbol (✅ 完成 or 完成).
    const plain = (t: string) => t.replace(/^[^\p{L}\p{N}]+/u, '').trim();
    const byLabel = keyboard.find((b) => b.text === line || plain(b.text) === line);
    try {
      const file = /^\/(file|photo)\s+(.+)$/.exec(line);
      let update;
      if (byNumber ?? byLabel)
        update = tg.pressData(
          user,
          (byNumber ?? byLabel)!.data,
          [...tg.sent].reverse().find((m) => m.buttons.flat().includes((byNumber ?? byLabel)!))
            ?.messageId,
        );
      else if (file) {
        const path = resolve(file[2]!.replace(/^["']|["']$/g, ''));
        const bytes = readFileSync(path);
        update =
          file[1] === 'photo'
            ? tg.photo(user, bytes)
            : tg.document(user, bytes, basename(path), mimeOf(path));
      } else update = tg.text(user, line);
      await bot.handleUpdate(update);
    } catch (error) {
      out(`⚠️ ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The input is done with: closed, so a terminal's stdin does not keep the process alive after /quit.
  lines.close();
  (o.input as { destroy?: () => void }).destroy?.();
  await sink.reconcile();
  await sink.close();
  await privateFiles.store.close();
  await storage.close();
}
