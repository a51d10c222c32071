/**
 * The web chat's HTTP rules, with a real server and plain requests (no browser): a session cookie
 * that is HttpOnly and SameSite=Strict; a POST without the session's CSRF token, or from another
 * origin, refused; a file past the size limit refused with the reason; rate limits per session.
 */
import { describe, expect, test } from 'vitest';
import { webHarness } from './support.ts';

/** Opens a session; returns the cookie and the CSRF token. */
async function open(origin: string) {
  const r = await fetch(`${origin}/chat/api/session`, { method: 'POST' });
  const cookie = r.headers.get('set-cookie')!;
  const { csrf } = (await r.json()) as { csrf: string };
  return { cookie, pair: cookie.split(';')[0]!, csrf };
}

const send = (origin: string, pair: string, headers: Record<string, string>, body: unknown) =>
  fetch(`${origin}/chat/api/send`, {
    method: 'POST',
    headers: { cookie: pair, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('web chat over HTTP', () => {
  test('session cookie flags; CSRF and cross-origin requests refused; the page has a strict CSP', async () => {
    const h = webHarness();
    const origin = await h.serve();
    const { cookie, pair, csrf } = await open(origin);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/chat/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https (or a trusted proxy) adds it

    const forged = await send(origin, pair, { 'x-csrf-token': 'forged' }, { text: '/objection' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: string }).error).toContain('CSRF');
    const elsewhere = await send(
      origin,
      pair,
      { 'x-csrf-token': csrf, origin: 'https://evil.example' },
      { text: '/objection' },
    );
    expect(elsewhere.status).toBe(403);
    const noSession = await send(origin, '', { 'x-csrf-token': csrf }, { text: '/objection' });
    expect(noSession.status).toBe(401);
    const form = await fetch(`${origin}/chat/api/send`, {
      method: 'POST',
      headers: { cookie: pair, 'x-csrf-token': csrf, 'content-type': 'text/plain' },
      body: 'text=/objection',
    });
    expect(form.status).toBe(415);
    // Nothing reached the bot.
    expect(h.log.lines.join('\n')).not.toMatch(/failed/);
    const ok = await send(origin, pair, { 'x-csrf-token': csrf, origin }, { text: '/objection' });
    expect(ok.status).toBe(200);

    const page = await fetch(`${origin}/chat/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).not.toMatch(/<script>|\son[a-z]+=/);
  });

  test('a file past the limit is refused with the reason, before the bot sees it', async () => {
    const h = webHarness({ config: { maxFileBytes: 1024 } });
    const origin = await h.serve();
    const { pair, csrf } = await open(origin);
    const r = await fetch(`${origin}/chat/api/upload`, {
      method: 'POST',
      headers: { cookie: pair, 'x-csrf-token': csrf, 'content-type': 'application/pdf' },
      body: new Uint8Array(4096),
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: string }).error).toMatch(/文件过大：上限为 1 KB/);
  });

  test('too many requests from one session are refused with the wait', async () => {
    const h = webHarness();
    const origin = await h.serve({ limit: 3, windowMs: 60_000 });
    const { pair, csrf } = await open(origin);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await send(origin, pair, { 'x-csrf-token': csrf }, { text: '/help' })).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });

  test('behind a trusted proxy that reports https, the cookie is Secure', async () => {
    const h = webHarness();
    const { BotHttpServer } = await import('../../../bot/run/http-server.ts');
    const { webChatRoutes } = await import('../../../bot/webchat/http.ts');
    const http = new BotHttpServer().route(
      webChatRoutes({
        channel: h.channel,
        maxFileBytes: 1024,
        rateLimit: { limit: 10, windowMs: 60_000 },
        trustProxy: true,
      }),
    );
    const { port } = await http.listen('127.0.0.1', 0);
    const r = await fetch(`http://127.0.0.1:${port}/chat/api/session`, {
      method: 'POST',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(r.headers.get('set-cookie')).toMatch(/; Secure/);
    await http.drain(Date.now() + 1000);
  });

  test('an open event stream ends when the server drains, so shutdown is not held up', async () => {
    const h = webHarness();
    const { BotHttpServer } = await import('../../../bot/run/http-server.ts');
    const { webChatRoutes } = await import('../../../bot/webchat/http.ts');
    const http = new BotHttpServer();
    http.route(
      webChatRoutes({
        channel: h.channel,
        maxFileBytes: 1024,
        rateLimit: { limit: 10, windowMs: 60_000 },
        trustProxy: false,
        stopping: () => http.stopping,
      }),
    );
    const { port } = await http.listen('127.0.0.1', 0);
    const origin = `http://127.0.0.1:${port}`;
    const { pair } = await open(origin);
    const events = await fetch(`${origin}/chat/api/events`, { headers: { cookie: pair } });
    const reader = events.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry:');
    // A stream left alone lasts a minute; the drain's deadline is shorter, and nothing is cut off.
    expect(await http.drain(Date.now() + 30_000)).toBe(true);
    for (;;) if ((await reader.read()).done) break;
  });
});
