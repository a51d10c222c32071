import { defineConfig } from 'vitest/config';

// One configuration for the whole suite. The global setups build the sample site once and start a
// Redis server on 127.0.0.1; tests that need them use inject(). The timeout guard fails the run
// when a test takes more than half its timeout (flaky under load): slow tests set their own.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/site.ts', 'test/setup/redis.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // expect.poll waits for a browser or a server: 1 s by default, which a loaded machine exceeds.
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    reporters: process.env.CI
      ? [
          'default',
          './test/support/timeout-guard.ts',
          ['json', { outputFile: 'test-results/vitest.json' }],
        ]
      : ['default', './test/support/timeout-guard.ts'],
  },
});
