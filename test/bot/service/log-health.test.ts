/**
 * The bot's log lines fit journald (one line per event, sd-daemon level prefixes, no colours, no
 * secrets), and /healthz turns unhealthy (503, with the reason) when storage or delivery fails.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { redactor } from '../../../bot/config.ts';
import { EmbeddedSink, LocalGitForge } from '../../../bot/forge/index.ts';
import { healthRoute } from '../../../bot/run/health.ts';
import { BotHttpServer } from '../../../bot/run/http-server.ts';
import { createLogger, secretValues, toJournal } from '../../../bot/run/log.ts';
import { createStorage } from '../../../bot/storage/index.ts';
import { tempDir, testConfig, TEST_TOKEN } from '../support/harness.ts';

function capture(run: () => void): string[] {
  const lines: string[] = [];
  const spy = vi
    .spyOn(console, 'error')
    .mockImplementation((line: string) => void lines.push(line));
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

test('under journald each event is one line with its level prefix, without colours or secrets', () => {
  const forgeToken = 'glpat-secret-forge-token-0001';
  const redact = redactor(
    testConfig({ storage: { kind: 'redis', url: 'redis://:redis-password-42@127.0.0.1:6379' } }),
    secretValues({
      HONGHEI_GITLAB_TOKEN: forgeToken,
      HONGHEI_GITHUB_PRIVATE_KEY_FILE: '/run/secrets/key.pem',
    }),
  );
  const lines = capture(() => {
    const log = createLogger(redact, { journal: true, debug: true });
    log.info('started\nsecond line');
    log.warn(`forge said \u001b[31mno\u001b[0m to ${forgeToken}`);
    log.error(
      `request to https://api.telegram.org/bot${TEST_TOKEN}/getMe failed`,
      new Error('connect to redis://:redis-password-42@127.0.0.1 refused', {
        cause: new Error('ECONNREFUSED'),
      }),
    );
    log.debug('details');
  });
  expect(lines).toHaveLength(4);
  expect(lines.map((l) => l.slice(0, 3))).toEqual(['<6>', '<4>', '<3>', '<7>']);
  for (const line of lines) expect(line).not.toMatch(/\n|\u001b/);
  expect(lines[0]).toBe('<6>started ⏎ second line');
  expect(lines[1]).toBe('<4>forge said no to ***');
  expect(lines[2]).toMatch(
    /^<3>request to https:\/\/api\.telegram\.org\/bot\*\*\*\/getMe failed: connect to redis:\/\/:\*\*\*@127\.0\.0\.1 refused \(cause: ECONNREFUSED\) \| at /,
  );
  expect(lines.join('\n')).not.toMatch(
    new RegExp(`${TEST_TOKEN.split(':')[1]}|redis-password-42|${forgeToken}`),
  );
  // In a terminal the level is a word; the file path of a key is not a secret.
  expect(capture(() => createLogger(redact, { journal: false }).warn('x'))).toEqual([
    '[bot] WARN x',
  ]);
  expect(secretValues({ HONGHEI_GITHUB_PRIVATE_KEY_FILE: '/run/secrets/key.pem' })).toEqual([]);
});

test('journald is recognised by the device and inode systemd names in JOURNAL_STREAM, not by the variable alone', () => {
  const fd = openSync(join(tempDir(), 'stderr.log'), 'w');
  try {
    const { dev, ino } = fstatSync(fd);
    expect(toJournal({ JOURNAL_STREAM: `${dev}:${ino}` }, fd)).toBe(true);
    expect(toJournal({ JOURNAL_STREAM: `${dev}:${ino + 1}` }, fd)).toBe(false);
    expect(toJournal({}, fd)).toBe(false);
  } finally {
    closeSync(fd);
  }
});

async function getHealth(sources: Parameters<typeof healthRoute>[0]) {
  const http = new BotHttpServer().route(healthRoute(sources));
  const { port } = await http.listen('127.0.0.1', 0);
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  } finally {
    await http.drain(Date.now() + 1000);
  }
}

test('/healthz: 503 naming the reason when the storage is closed, or a submission has waited too long for the forge', async () => {
  const dir = tempDir();
  const storage = createStorage({ kind: 'sqlite', path: join(dir, 'bot.sqlite') }, 3600_000);
  const logged: string[] = [];
  // A forge that cannot work (no repository) and a submission stored two hours ago.
  const sink = new EmbeddedSink({
    forge: new LocalGitForge({ repo: join(dir, 'no-such-repo') }),
    dir: join(dir, 'outbox'),
    retryIntervalMs: 0,
    pollIntervalMs: 0,
    now: () => new Date(Date.now() - 2 * 3600_000),
    log: (m) => logged.push(m),
  });
  const sources = { mode: 'webhook' as const, storage, sink, maxBacklogAgeMs: 3600_000 };
  const fresh = await getHealth(sources);
  expect(fresh).toMatchObject({
    status: 200,
    body: { status: 'ok', problems: [], outbox: { backlog: 0 } },
  });
  await sink.submit({
    id: 'health-test-1',
    kind: 'new',
    recordId: 'r1',
    submitter: { chatId: 1 },
    title: '示例',
    body: '示例',
    files: [{ path: 'content/records/x.yaml', content: 'x' }],
    createdAt: new Date().toISOString(),
  });
  await sink.deliverPending();
  expect(logged.join('\n')).toContain('delivering health-test-1 to local failed');
  const late = await getHealth(sources);
  expect(late.status).toBe(503);
  expect(late.body.outbox).toMatchObject({ backlog: 1, oldestAgeSeconds: expect.any(Number) });
  expect(late.body.problems).toEqual([
    expect.stringMatching(
      /^1 submission\(s\) not delivered to the forge, the oldest for 120 min \(limit 60 min\)/,
    ),
  ]);
  await storage.close();
  const closed = await getHealth(sources);
  expect(closed.status).toBe(503);
  expect(closed.body.storage).toEqual({ kind: 'sqlite', reachable: false });
  expect(closed.body.problems[0]).toMatch(/^storage \(sqlite\) is not reachable: /);
  await sink.close();
});

test('the route table: routes are tried in order, a request no route takes gets 404, a failing route 500', async () => {
  const errors: string[] = [];
  const http = new BotHttpServer({ onError: (m) => errors.push(m) })
    .route(async (req, res) => (req.url === '/a' ? (res.end('a'), true) : false))
    .route(async (req) => {
      if (req.url === '/boom') throw new Error('boom');
      return false;
    });
  const { port } = await http.listen('127.0.0.1', 0);
  const get = async (p: string) => {
    const r = await fetch(`http://127.0.0.1:${port}${p}`);
    return `${r.status} ${await r.text()}`;
  };
  expect(await get('/a')).toBe('200 a');
  expect(await get('/b')).toBe('404 not found\n');
  expect(await get('/boom')).toBe('500 internal error\n');
  expect(errors).toEqual(['HTTP GET /boom failed']);
  await http.drain(Date.now() + 1000);
});

test('draining: the request in flight finishes and is answered; past the deadline it is cut off', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const http = new BotHttpServer().route(async (req, res) => {
    await held;
    res.end(`done ${req.url}`);
    return true;
  });
  const { port } = await http.listen('127.0.0.1', 0);
  const inFlight = fetch(`http://127.0.0.1:${port}/update`).then(
    async (r) => `${r.status} ${await r.text()}`,
  );
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if (http.busy) {
        clearInterval(t);
        r();
      }
    }, 10);
  });
  let drained: boolean | undefined;
  const drain = http.drain(Date.now() + 60_000).then((ok) => (drained = ok));
  // Closed for new connections while the one request is still being handled.
  await expect(fetch(`http://127.0.0.1:${port}/new`)).rejects.toThrow();
  expect(drained).toBeUndefined();
  release();
  expect(await inFlight).toBe('200 done /update');
  await drain;
  expect(drained).toBe(true);

  const stuck = new BotHttpServer().route(() => new Promise<boolean>(() => undefined));
  const address = await stuck.listen('127.0.0.1', 0);
  const cut = fetch(`http://127.0.0.1:${address.port}/x`).then(
    () => 'answered',
    () => 'cut off',
  );
  await new Promise<void>((r) => {
    const t = setInterval(() => {
      if (stuck.busy) {
        clearInterval(t);
        r();
      }
    }, 10);
  });
  expect(await stuck.drain(Date.now() + 200)).toBe(false);
  expect(await cut).toBe('cut off');
});
