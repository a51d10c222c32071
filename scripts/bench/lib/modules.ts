/**
 * The bot's and the forges' own measurements (bot/bench.ts measureBot(), bot/forge/bench.ts
 * measureForgeCalls()), run when those modules exist and skipped with a notice when they do not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from './measure.ts';
import { NODE, REPO } from './project.ts';

export const MODULES = {
  bot: {
    file: 'bot/bench.ts',
    fn: 'measureBot',
    what: 'bot per-update time and stored bytes per form',
  },
  forge: {
    file: 'bot/forge/bench.ts',
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
