/**
 * Drives a command through a real pseudo-terminal (util-linux `script`), so it sees a TTY as a
 * person's terminal: each answer is typed only once the prompt it answers has appeared, never on
 * a timer.
 */
import { spawn } from 'node:child_process';

/** A prompt to wait for and the line to type then (none: only wait for it). */
export interface Exchange {
  prompt: string;
  type?: string;
}

/** Runs `command` in a terminal, answering each prompt in turn; resolves with the screen text. */
export function converse(
  command: string,
  cwd: string,
  exchanges: Exchange[],
  timeoutMs: number,
): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TERM: 'dumb' },
    });
    let screen = '';
    let next = 0;
    let seenUpTo = 0;
    const timer = setTimeout(() => {
      child.kill();
      reject(
        new Error(
          `no prompt "${exchanges[next]?.prompt}" within ${timeoutMs} ms; the screen:\n${screen}`,
        ),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8').replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
      // Answer every prompt now on screen, in order, each after the one before it.
      for (
        let at = screen.indexOf(exchanges[next]?.prompt ?? '\0', seenUpTo);
        next < exchanges.length && at >= 0;
        at = screen.indexOf(exchanges[next]?.prompt ?? '\0', seenUpTo)
      ) {
        seenUpTo = at + exchanges[next]!.prompt.length;
        const line = exchanges[next]!.type;
        if (line !== undefined) child.stdin.write(`${line}\r`);
        next++;
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}
