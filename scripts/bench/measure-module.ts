/**
 * Runs another part's own benchmark function in a process of its own and prints its result as the
 * last line of output (JSON), e.g.
 * `node scripts/bench/measure-module.ts scripts/bench/lib/bot-forms.ts measureBot`.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const USAGE = 'usage: node scripts/bench/measure-module.ts <module.ts> <exported function>';
const [file, name] = process.argv.slice(2);
if (!file || !name || file === '--help' || file === '-h') {
  console[file?.startsWith('-') ? 'log' : 'error'](USAGE);
  process.exit(file?.startsWith('-') ? 0 : 2);
}
const module = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
const measure = module[name];
if (typeof measure !== 'function')
  throw new Error(
    `${file} does not export a function ${name}(): the bench calls ${name}() and stores what it returns`,
  );
const result: unknown = await measure();
console.log(`BENCH-RESULT ${JSON.stringify(result)}`);
process.exit(0); // a module may leave timers or sockets open; its result is in
