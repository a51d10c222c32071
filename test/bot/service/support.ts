/**
 * The bot as a real process for the service tests: a content repository made with git in a temp
 * folder (the local forge delivers into it), the local Bot API (bot/local-api) served over HTTP so
 * the child process can reach it, and helpers to start the bot, wait for its health and stop it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Update } from 'grammy/types';
import { afterAll } from 'vitest';
import { LocalTelegram } from '../../../bot/local-api/local-telegram.ts';
import { contentCopy, ROOT, tempDir, TEST_TOKEN } from '../support/harness.ts';

// A failed test must not leave a bot running or a git hook waiting: both are ended after the file.
const children: ChildProcess[] = [];
const releases: (() => void)[] = [];
afterAll(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() =>
        a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no free port')),
      );
    });
  });
}

/** Waits until `check` returns a value (not undefined/false), polling every 50 ms. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  tries = 1200,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** Runs git in a repository. */
export const git = (repo: string, ...args: string[]) =>
  execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

/**
 * A deployment's two repositories, as docs/deploy.md sets them up: the checkout the bot reads
 * (`root`, the project's sample content and allow-list committed on main) and the bare repository
 * the local forge writes submission branches into (`forge`). The forge's reference-transaction
 * hook holds every update of a submission branch until the file `release` exists, after writing
 * `entered`: delivery to the forge is then demonstrably in flight.
 */
export function blockingRepo(): {
  root: string;
  forge: string;
  control: string;
  entered: string;
  release: () => void;
} {
  const root = tempDir('honghei-service-repo-');
  cpSync(join(contentCopy(), 'content'), join(root, 'content'), { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(
    root,
    '-c',
    'user.name=test',
    '-c',
    'user.email=test@example.invalid',
    'commit',
    '-qm',
    'sample content',
  );
  const forge = join(tempDir('honghei-service-forge-'), 'content.git');
  execFileSync('git', ['clone', '-q', '--bare', root, forge]);
  const control = tempDir('honghei-service-hook-');
  const entered = join(control, 'entered');
  const hook = join(forge, 'hooks/reference-transaction');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      '# Holds the creation of a submission branch (refs locked, not yet written) until released.',
      'refs=$(cat)',
      `if [ "$1" = prepared ] && echo "$refs" | grep -q refs/heads/submission/; then`,
      `  touch '${entered}'`,
      `  while [ ! -f '${join(control, 'release')}' ]; do sleep 0.05; done`,
      'fi',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(hook, 0o755);
  const release = () => writeFileSync(join(control, 'release'), '');
  releases.push(release);
  return { root, forge, control, entered, release };
}

/**
 * The local Bot API over HTTP. getUpdates (polling mode) answers queued updates at once, or
 * holds the long poll until its timeout or until the client gives up, as Telegram does.
 */
export async function telegramServer(): Promise<{
  tg: LocalTelegram;
  url: string;
  queue: Update[];
  polls: Poll[];
  close(): Promise<void>;
}> {
  const tg = new LocalTelegram();
  const queue: Update[] = [];
  const polls: Poll[] = [];
  let offset = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.url?.endsWith('/getUpdates')) {
        const p = body ? (JSON.parse(body) as { offset?: number; timeout?: number }) : {};
        const poll: Poll = { offset: p.offset ?? 0, timeout: p.timeout ?? 0 };
        polls.push(poll);
        res.once('close', () => (poll.ended = res.writableEnded ? 'answered' : 'abandoned'));
        if (p.offset) offset = p.offset;
        const pending = () => queue.filter((u) => u.update_id >= offset);
        for (
          let waited = 0;
          !pending().length && waited < poll.timeout * 1000 && !res.destroyed;
          waited += 50
        )
          await new Promise((r) => setTimeout(r, 50));
        if (!res.destroyed)
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: true, result: pending() }));
        return;
      }
      const answer = await tg.fetch(`http://telegram.local${req.url}`, {
        method: req.method,
        ...(body ? { body } : {}),
      });
      res
        .writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        })
        .end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    tg,
    queue,
    polls,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A getUpdates call: its offset and timeout, and how it ended (the client gave up on it, or it was answered). */
export interface Poll {
  offset: number;
  timeout: number;
  ended?: 'answered' | 'abandoned';
}

/** A running bot process. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything it wrote to stderr and stdout so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Whether this machine can emulate the unit's file-system protection: a user and mount namespace
 * (unshare -rm) in which / is read-only, and setpriv for no_new_privs.
 */
export const canSandbox =
  spawnSync('unshare', [
    '-rm',
    'sh',
    '-c',
    'mount -o remount,bind,ro / && exec setpriv --no-new-privs true',
  ]).status === 0;

/**
 * The command that runs argv as systemd runs the unit's ExecStart with ProtectSystem=strict,
 * ReadWritePaths=<writable>, PrivateTmp (TMPDIR: a private folder) and NoNewPrivileges: every
 * other path is read-only.
 */
export function sandboxed(writable: string[], argv: string[]): string[] {
  const binds = writable.map((p) => `mount --bind '${p}' '${p}'`).join(' && ');
  return [
    'unshare',
    '-rm',
    'sh',
    '-c',
    `${binds} && mount -o remount,bind,ro / && exec setpriv --no-new-privs "$@"`,
    'sh',
    ...argv,
  ];
}

/**
 * Starts `node scripts/bot.ts <mode>` with the environment given (on top of PATH and HOME); with
 * `writable`, inside the sandbox above, able to write those folders only.
 */
export function startBot(
  mode: 'polling' | 'webhook',
  cwd: string,
  env: Record<string, string>,
  writable?: string[],
): BotProcess {
  const argv = [join(ROOT, 'node_modules/.bin/node'), join(ROOT, 'scripts/bot.ts'), mode];
  const [command, ...args] = writable ? sandboxed(writable, argv) : argv;
  const child = spawn(command!, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? cwd,
      BOT_TOKEN: TEST_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** GET /healthz: status and JSON, or undefined while nothing listens. */
export async function health(
  base: string,
): Promise<{ status: number; body: Record<string, any> } | undefined> {
  try {
    const res = await fetch(`${base}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  } catch {
    return undefined;
  }
}

/** Waits until the bot answers /healthz (or fails with its output if it exits first). */
export async function healthy(bot: BotProcess, base: string) {
  let gone = false;
  void bot.exited.then(() => (gone = true));
  return waitFor(`the bot's health endpoint at ${base}`, async () => {
    if (gone) throw new Error(`the bot exited before it was ready:\n${bot.output()}`);
    return health(base);
  });
}

export { existsSync };
