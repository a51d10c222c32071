/**
 * The code is formatted by Prettier (print width 100, the Astro plugin; .prettierrc.json): a file
 * that is not fails here, naming the file, so the style is checked in CI rather than remembered.
 * Fix with `npm run format`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../fixtures/roots.ts';

const run = promisify(execFile);

test('every code file is formatted by Prettier', { timeout: 180_000 }, async () => {
  const prettier = `${PROJECT_ROOT}/node_modules/.bin/prettier`;
  const result = await run(prettier, ['--list-different', '.'], { cwd: PROJECT_ROOT }).then(
    () => ({ unformatted: [] as string[] }),
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      // --list-different exits 1 and lists the files when some are not formatted; any other
      // failure (a syntax error, a missing plugin) is an error of its own.
      if (error.code !== 1 || error.stderr) throw new Error(`prettier failed: ${error.stderr}`);
      return { unformatted: (error.stdout ?? '').split('\n').filter(Boolean) };
    },
  );
  expect(result.unformatted, 'run `npm run format` to format these files').toEqual([]);
});
