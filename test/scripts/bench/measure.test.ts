import { describe, expect, test } from 'vitest';
import { measure, measureOrThrow } from '../../../scripts/bench/lib/measure.ts';

const node = process.execPath;

describe('measuring a command', () => {
  test('sums the memory of the whole process tree and times the run', async () => {
    // A parent holding ~150 MB starts a child holding ~150 MB; both live together for a second.
    const hold = (mb: number) =>
      `const b = Buffer.alloc(${mb} * 2 ** 20, 1); setTimeout(() => b.length, 1200);`;
    const script = `${hold(150)} require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(hold(150))}], { stdio: 'inherit' });`;
    const m = await measure(node, ['-e', script]);
    expect(m.exitCode).toBe(0);
    expect(m.wallMs).toBeGreaterThan(1000);
    expect(m.peakTreeRss).toBeGreaterThan(300 * 2 ** 20);
    expect(m.peakProcessRss).toBeGreaterThan(150 * 2 ** 20);
    expect(m.peakProcessRss).toBeLessThan(m.peakTreeRss);
    expect(m.peakRss).toBe(m.peakTreeRss);
  });

  test('splits the run where a named process starts', async () => {
    const script = `setTimeout(() => require('node:child_process').spawn('sleep', ['0.6'], { stdio: 'inherit' }), 500);`;
    const m = await measure(node, ['-e', script], { splitAt: 'sleep' });
    expect(m.split?.beforeMs).toBeGreaterThan(400);
    expect(m.split?.afterMs).toBeGreaterThan(400);
    expect(m.peakByName.sleep).toBeGreaterThan(0);
  });

  test('passes output lines on and reports a failure with them', async () => {
    const lines: string[] = [];
    const m = await measure(
      node,
      ['-e', 'console.log("一"); console.error("二"); process.exit(3)'],
      { onLine: (l) => lines.push(l) },
    );
    expect(m.exitCode).toBe(3);
    expect(lines.sort()).toEqual(['一', '二'].sort());
    await expect(
      measureOrThrow('the step', node, ['-e', 'console.error("broken here"); process.exit(2)']),
    ).rejects.toThrow(/the step failed \(exit 2\)[\s\S]*broken here/);
  });
});
