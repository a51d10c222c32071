/**
 * Starts a Redis server (Debian's redis-server) on 127.0.0.1 and a free port for the suite. In CI
 * a missing server is an error; on a developer's machine the Redis tests report themselves as
 * skipped, loudly, with the command that installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** redis://127.0.0.1:PORT, or '' when no server could be started outside CI. */
    redisUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForPing(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
      encoding: 'utf8',
    });
    if (r.stdout?.trim() === 'PONG') return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`redis-server on 127.0.0.1:${port} did not answer PING within 10 s`);
}

export default async function setup(project: TestProject) {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error) {
    const message =
      'redis-server is not installed: the Redis tests cannot run. Install it with: apt-get install -y redis-server';
    if (process.env.CI) throw new Error(message);
    console.warn(`\n!!! ${message} (they are reported as skipped)\n`);
    project.provide('redisUrl', '');
    return;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'honghei-redis-'));
  const server: ChildProcess = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
  await waitForPing(port);
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  return () => {
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
