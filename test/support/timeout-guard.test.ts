/**
 * The timeout guard (timeout-guard.ts) run as the suite runs it: the vitest command line on a
 * fixture file whose tests take a known share of their timeouts. The run must exit 1, naming
 * exactly the tests over half their timeout (a test's own and a describe block's), and not the
 * one well under it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
// The vitest command line as npm test runs it (its bin, vitest.mjs, is not an exported subpath).
const vitestCli = join(root, 'node_modules/vitest/vitest.mjs');

describe('the timeout guard', () => {
  it('fails the run and names each test that took more than half its timeout', async () => {
    const result = await run(
      process.execPath,
      [vitestCli, 'run', '--config', 'test/support/fixtures/guard.config.ts'],
      {
        cwd: root,
        env: { ...process.env, CI: '', NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    ).then(
      () => ({ code: 0, output: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
    expect(result.code).toBe(1);
    // All three tests passed: the failure is the guard's.
    expect(result.output).toMatch(/Tests\s+3 passed/);
    const named = [
      ...result.output.matchAll(
        /^ {2}test\/support\/fixtures\/timing\.fixture\.ts > (.+): [\d.]+ s of its ([\d.]+) s timeout$/gm,
      ),
    ].map((m) => [m[1], m[2]]);
    expect(named.sort()).toEqual([
      ['a suite with its own timeout > takes more than half of it', '5.0'],
      ['takes two thirds of its timeout', '4.0'],
    ]);
  }, 60_000);
});
