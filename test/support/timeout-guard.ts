/**
 * A vitest reporter that fails the run when a test took more than half of its timeout: on a
 * loaded machine such a test is one slow moment away from a flaky failure. It names each one with
 * its duration and timeout, so the fix is to make the test faster or to give it an honest,
 * explicit timeout (at least twice what it takes under load), and closes every run with the tests
 * closest to their timeouts.
 *
 * A test's timeout is its own (`it(…, ms)`, `describe(…, { timeout })`) or testTimeout. Hooks are
 * not checked: the reporter API does not say which timeout a hook was given (`beforeAll(fn, ms)`).
 */
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';

/** The share of its timeout a test may take. */
export const TIMEOUT_SHARE = 0.5;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export default class TimeoutGuard implements Reporter {
  private vitest!: Vitest;
  private readonly slow: string[] = [];
  /** Every test with its duration and timeout, for the closing summary. */
  private readonly shares: { what: string; duration: number; timeout: number }[] = [];

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  private check(what: string, duration: number, timeout: number): void {
    if (timeout > 0) this.shares.push({ what, duration, timeout });
    if (timeout > 0 && duration > timeout * TIMEOUT_SHARE) {
      this.slow.push(`${what}: ${seconds(duration)} of its ${seconds(timeout)} timeout`);
    }
  }

  onTestCaseResult(test: TestCase): void {
    const duration = test.diagnostic()?.duration;
    if (duration === undefined) return;
    this.check(
      `${test.module.moduleId.replace(`${this.vitest.config.root}/`, '')} > ${test.fullName}`,
      duration,
      test.options.timeout ?? this.vitest.config.testTimeout,
    );
  }

  onTestRunEnd(_modules: readonly TestModule[]): void {
    const closest = this.shares
      .sort((a, b) => b.duration / b.timeout - a.duration / a.timeout)
      .slice(0, 5);
    if (closest.length) {
      this.vitest.logger.log(
        `\nClosest to their timeouts:\n${closest.map((s) => `  ${Math.round((s.duration / s.timeout) * 100)}%  ${s.what}: ${seconds(s.duration)} of ${seconds(s.timeout)}`).join('\n')}`,
      );
    }
    if (!this.slow.length) return;
    this.vitest.logger.error(
      `\n${this.slow.length} test(s) took more than ${TIMEOUT_SHARE * 100}% of their timeout, which makes them flaky under load:\n` +
        `${this.slow.map((s) => `  ${s}`).join('\n')}\n` +
        'Make them faster, or give them an explicit timeout of at least twice what they take (it(name, fn, ms) or describe(name, { timeout: ms }, …)).\n',
    );
    process.exitCode = 1;
  }
}
