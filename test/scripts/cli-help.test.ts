/**
 * The scripts' command lines (scripts/lib/cli.ts): `--help` prints the script's usage and exits 0,
 * a wrong option prints what was wrong and the usage on stderr and exits 2, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usageOf } from '../../scripts/lib/cli.ts';

const ROOT = join(import.meta.dirname, '../..');
const NODE = join(ROOT, 'node_modules/.bin/node');

/** Each script and a line of its usage. */
const SCRIPTS: [string, string][] = [
  ['build', '--date YYYY-MM-DD'],
  ['validate', '--stage publish|submission'],
  ['review', 'npm run review -- list'],
  ['import', 'FILE.xlsx|FILE.csv'],
  ['private-files', 'npm run private-files -- add'],
  ['users', 'npm run users -- invite'],
  ['search-recall', '--site DIR'],
];

describe('the scripts’ command lines', () => {
  for (const [script, usage] of SCRIPTS)
    it(`${script}: --help prints the usage, a wrong option the error and the usage`, () => {
      const run = (arg: string) =>
        spawnSync(NODE, [join(ROOT, 'scripts', `${script}.ts`), arg], {
          cwd: ROOT,
          encoding: 'utf8',
        });
      const help = run('--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(usage);
      const wrong = run('--wrong-option');
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain("Unknown option '--wrong-option'");
      expect(wrong.stderr).toContain(usage);
      expect(wrong.stderr).not.toContain('    at ');
    });

  it('reads a usage from a script’s opening comment, without the comment marks', () => {
    const usage = usageOf(new URL('../../scripts/build.ts', import.meta.url).href);
    expect(usage.split('\n')[0]).toBe(
      'npm run build [-- --date YYYY-MM-DD] [--out DIR] [--root DIR] [--quiet]',
    );
    expect(usage).not.toMatch(/^\s*\*/m);
  });
});
