/**
 * Running npm commands in another checkout as a user would: a clean environment (no vitest or npm
 * variables of this run), output kept for the failure message, long-running servers in their own
 * process group so that stopping one stops npm, its shell and the node process under it.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The variables a user's shell would pass on: PATH, HOME, locale, temp dir, CI, certificates and
 * proxies. Not this run's npm_* (npm_config_local_prefix would point npm at this checkout), vitest's
 * or the bot's.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = [
    'PATH',
    'HOME',
    'LANG',
    'LC_ALL',
    'TMPDIR',
    'CI',
    'TZ',
    'NODE_EXTRA_CA_CERTS',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
  ];
  const env: NodeJS.ProcessEnv = {};
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return { ...env, NO_COLOR: '1', ...extra };
}

/** What a finished command left: its exit code, or the signal that ended it. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a command to its end (stdin gets `input`, then closes). */
export function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? userEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, output: signal ? `${output}\n[ended by ${signal}]` : output }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** A server process started in its own process group. */
export interface Started {
  child: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/** Starts a long-running command; stop() sends SIGTERM to its process group and waits for it. */
export function startServer(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const closed = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          /* already gone */
        }
        const killer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 15_000);
        const code = await closed;
        clearTimeout(killer);
        return code;
      }
      return closed;
    },
  };
}

/** Waits until `ready()` holds, polling; fails after `ms` with what was awaited and the process output. */
export async function until(
  ready: () => boolean | Promise<boolean>,
  what: string,
  ms: number,
  output: () => string = () => '',
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `gave up waiting for ${what} after ${ms / 1000} s; output:\n${output().slice(-4000)}`,
  );
}
