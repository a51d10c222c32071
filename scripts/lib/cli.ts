/**
 * Command-line parsing for the scripts: node's parseArgs, plus `--help` printing the script's
 * usage, and an unknown or malformed option answered with what was wrong and the usage (exit 2)
 * instead of a stack trace. A script's usage is written once: a usage string, or its opening
 * comment (`usageOf`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses process.argv with `options` (and positionals when `allowPositionals`); `--help` (or
 * `-h`) prints `usage` and exits 0, a wrong option prints the error and `usage` on stderr and
 * exits 2.
 */
export function parseCommandLine<const O extends Options, const P extends boolean = false>(
  usage: string,
  options: O,
  allowPositionals?: P,
) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
  try {
    return parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: (allowPositionals ?? false) as P,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage.trim()}`);
    process.exit(2);
  }
}

/** The opening comment of a script (its `import.meta.url`), without the comment marks: its usage. */
export function usageOf(scriptUrl: string): string {
  const text = readFileSync(fileURLToPath(scriptUrl), 'utf8');
  const comment = /^(?:#!.*\n)?\/\*\*\n([\s\S]*?)\n\s*\*\//.exec(text)?.[1];
  if (!comment)
    throw new Error(
      `${fileURLToPath(scriptUrl)} opens with no /** … */ comment: write the script's usage there`,
    );
  return comment.replace(/^ \* ?/gm, '').replace(/^ \*$/gm, '');
}
