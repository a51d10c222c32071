/**
 * Console mode stops on SIGTERM as on /quit: the input ends, the outbox is flushed and the
 * process exits 0 instead of dying of the signal.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { ROOT } from '../support/harness.ts';
import { blockingRepo } from './support.ts';

test('console: SIGTERM while waiting for input exits 0', async () => {
  const { root: repo } = blockingRepo();
  const child = spawn(
    join(ROOT, 'node_modules/.bin/node'),
    [join(ROOT, 'scripts/bot.ts'), 'console'],
    {
      cwd: repo,
      env: { ...process.env, HONGHEI_CONTENT_ROOT: repo, HONGHEI_DATE: '2026-11-20' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  onTestFinished(
    () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')),
  );
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  child.stderr.on('data', (d) => (output += d));
  child.stdout.on('data', (d) => {
    output += d;
    // The welcome ends with the hint to start with /new: the console now waits for a line.
    if (/\/new/.test(output) && !child.killed) child.kill('SIGTERM');
  });
  expect(await exited, output).toEqual({ code: 0, signal: null });
}, 60_000);
