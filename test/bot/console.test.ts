/**
 * Console mode as a person uses it (issue 9 §5): the real `bot:console` process with piped
 * stdin. /quit ends it while its input is still open, a blank line is answered, and a form left
 * open by an earlier run shows its pending question again and takes the answer to it.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentCopy, ROOT, tempDir } from './support/harness.ts';

const TODAY = '2026-11-20';

/** A content repository in a temp folder, committed on main, as the console's local forge needs it. */
function repository(): string {
  const repo = tempDir('honghei-console-');
  cpSync(join(contentCopy(), 'content'), join(repo, 'content'), { recursive: true });
  const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: repo }).status).toBe(0);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git(
    '-c',
    'user.name=test',
    '-c',
    'user.email=test@example.invalid',
    'commit',
    '-qm',
    'sample content',
  );
  return repo;
}

/** The console process, its output so far, and a way to wait for a text in it. */
function startConsole(repo: string) {
  const child: ChildProcessWithoutNullStreams = spawn(
    join(ROOT, 'node_modules/.bin/node'),
    [join(ROOT, 'scripts/bot.ts'), 'console'],
    {
      cwd: repo,
      env: { ...process.env, HONGHEI_CONTENT_ROOT: repo, HONGHEI_DATE: TODAY },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const waiters: (() => void)[] = [];
  const collect = (d: Buffer) => {
    output += d.toString();
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return {
    child,
    exited,
    get output() {
      return output;
    },
    type: (line: string) => child.stdin.write(`${line}\n`),
    /** Resolves once the output since `from` contains the text; the test's timeout bounds the wait. */
    async waitFor(text: string, from = 0): Promise<string> {
      while (!output.slice(from).includes(text)) {
        if (child.exitCode !== null)
          throw new Error(`the console exited before printing "${text}":\n${output}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return output.slice(from);
    },
  };
}

describe('console mode', () => {
  test('a blank line is answered, /quit exits with stdin still open, and the next run repeats the pending question', async () => {
    const repo = repository();
    const first = startConsole(repo);
    await first.waitFor('从 /new 开始试试。');
    let mark = first.output.length;
    first.type('');
    expect(await first.waitFor('请输入命令，如 /new、/help；/quit 退出。', mark)).toContain(
      '空行没有内容',
    );
    first.type('/new');
    await first.waitFor('(1/20) 名单');
    first.type('2');
    await first.waitFor('(2/20) 主体类型');
    mark = first.output.length;
    first.type('');
    const repeated = await first.waitFor('[6] ✖️ 取消', mark);
    expect(repeated).toContain('表单在等待回答下面的问题');
    expect(repeated).toContain('(2/20) 主体类型');
    first.type('/quit');
    // stdin is not ended: the process must leave on /quit alone.
    expect(await first.exited).toBe(0);
    expect(first.output).toContain('已退出控制台模式。未完成的表单已保存');

    const second = startConsole(repo);
    const resumed = await second.waitFor('[6] ✖️ 取消');
    expect(resumed).toMatch(
      /您有一份未完成的表单（上次运行时保存），接着回答这个问题：\n+🤖 \(2\/20\) 主体类型/,
    );
    // The repeated question's buttons work: 1 is 企业.
    mark = second.output.length;
    second.type('1');
    expect(await second.waitFor('(3/20) 主体名称', mark)).not.toContain('按钮已失效');
    second.type('/cancel');
    await second.waitFor('已取消');
    second.type('/quit');
    expect(await second.exited).toBe(0);
    expect(second.output.slice(-200)).toMatch(/已退出控制台模式。\n?$/);
  }, 120_000);
});
