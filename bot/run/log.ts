/**
 * The bot's log lines, for a terminal and for journald alike: one line per event (a stack or a
 * multi-line message is folded onto it), no ANSI colours, every secret redacted. Under systemd
 * (JOURNAL_STREAM is set when stderr is the journal) each line starts with the sd-daemon level
 * prefix (<3> error, <4> warning, <6> info, <7> debug), so `journalctl -p warning` finds the
 * problems; in a terminal the level is a word.
 */
import { fstatSync } from 'node:fs';
import type { Logger } from '../services.ts';

/** sd-daemon(3) priorities. */
const LEVELS = {
  error: { prefix: '<3>', word: 'ERROR ' },
  warn: { prefix: '<4>', word: 'WARN ' },
  info: { prefix: '<6>', word: '' },
  debug: { prefix: '<7>', word: 'DEBUG ' },
} as const;
type Level = keyof typeof LEVELS;

// CSI and OSC sequences: a message quoting a tool's coloured output must not colour the journal.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** An error's message and its causes' messages. */
function messages(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return `${error.message}${error.cause ? ` (cause: ${messages(error.cause)})` : ''}`;
}

/** An error with its causes and the first frames of its stack, as text. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) => l.trim());
  return `${messages(error)}${frames.length ? ` | ${frames.join(' | ')}` : ''}`;
}

/** One log line: redacted, without colours, folded onto one line. */
export function formatLine(
  level: Level,
  message: string,
  redact: (text: string) => string,
  journal: boolean,
): string {
  const text = redact(message)
    .replace(ANSI, '')
    .replace(/\r?\n\s*/g, ' ⏎ ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return journal ? `${LEVELS[level].prefix}${text}` : `[bot] ${LEVELS[level].word}${text}`;
}

/**
 * Whether stderr is connected to the journal: systemd sets JOURNAL_STREAM=<device>:<inode> of the
 * unit's stderr, and a process whose stderr was redirected elsewhere (a test run started from a
 * service, a pipe to a file) must not write level prefixes there (systemd.exec(5), JOURNAL_STREAM).
 */
export function toJournal(env: NodeJS.ProcessEnv = process.env, fd = 2): boolean {
  const stream = env.JOURNAL_STREAM?.split(':');
  if (stream?.length !== 2) return false;
  try {
    const { dev, ino } = fstatSync(fd);
    return String(dev) === stream[0] && String(ino) === stream[1];
  } catch {
    return false;
  }
}

/** The bot's logger on stderr; `redact` removes the configuration's secrets from every line. */
export function createLogger(
  redact: (text: string) => string,
  options: { journal?: boolean; debug?: boolean } = {},
): Required<Logger> {
  const journal = options.journal ?? toJournal();
  const write = (level: Level, message: string, error?: unknown) =>
    console.error(
      formatLine(
        level,
        `${message}${error === undefined ? '' : `: ${describeError(error)}`}`,
        redact,
        journal,
      ),
    );
  return {
    info: (message) => write('info', message),
    warn: (message, error) => write('warn', message, error),
    error: (message, error) => write('error', message, error),
    debug: (message) => (options.debug ? write('debug', message) : undefined),
  };
}

/**
 * The values of secret-looking environment variables (…TOKEN, …SECRET, …PASSWORD, …KEY): the
 * forge tokens are read by the forge layer, not the bot's configuration, and must not reach a log
 * line either.
 */
export function secretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  return Object.entries(env)
    .filter(
      ([name, value]) =>
        /(TOKEN|SECRET|PASSWORD|_KEY)$/.test(name) &&
        value &&
        value.length >= 8 &&
        !/(_FILE|_PATH)$/.test(name),
    )
    .map(([, value]) => value!);
}
