/**
 * The bot's and the forges' measurements (scripts/bench/lib/bot-forms.ts measureBot(),
 * test/bot/forge/calls-bench.ts measureForgeCalls(), which drives the test emulators), each run in a
 * process of its own by path, and skipped with a notice when its module is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './measure.ts';
import { NODE, REPO } from './project.ts';

export const MODULES = {
  bot: {
    file: 'scripts/bench/lib/bot-forms.ts',
    fn: 'measureBot',
    what: 'bot per-update time and stored bytes per form',
  },
  forge: {
    file: 'test/bot/forge/calls-bench.ts',
    fn: 'measureForgeCalls',
    what: 'forge HTTP calls per submission',
  },
} as const;

/** Runs one module's measurement; undefined (with a printed notice) when the module is absent. */
export async function measureModule(
  name: keyof typeof MODULES,
  say: (m: string) => void,
): Promise<unknown> {
  const { file, fn, what } = MODULES[name];
  if (!existsSync(join(REPO, file))) {
    say(`notice: ${file} is not there yet — skipping the ${what}`);
    return undefined;
  }
  say(`${name}: ${file} ${fn}() …`);
  const run = await measure(NODE, [join(REPO, 'scripts/bench/measure-module.ts'), file, fn], {
    cwd: REPO,
    onLine: (line) => !line.startsWith('BENCH-RESULT ') && say(`  ${name}: ${line}`),
  });
  const last = run.tail.findLast((l) => l.startsWith('BENCH-RESULT '));
  if (run.exitCode !== 0 || !last)
    throw new Error(`${file} ${fn}() failed (exit ${run.exitCode}):\n${run.tail.join('\n')}`);
  return JSON.parse(last.slice('BENCH-RESULT '.length));
}
