/**
 * Command-line parsing for the scripts: node's parseArgs, plus `--help` printing the script's
 * usage, and an unknown or malformed option answered with what was wrong and the usage (exit 2)
 * instead of a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses process.argv with `options`; `--help` (or `-h`) prints `usage` and exits 0, a wrong
 * option prints the error and `usage` on stderr and exits 2.
 */
export function parseCommandLine<const O extends Options>(usage: string, options: O) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage.trim()}`);
    process.exit(2);
  }
}
