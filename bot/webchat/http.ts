/**
 * The web chat's routes on the bot's HTTP server: the page under /chat/ and its API —
 * POST session (open or resume, returns the CSRF token), redeem (an invitation), send (text or a
 * button), upload (a file, raw body); GET events (the transcript as Server-Sent Events, resumable
 * with Last-Event-ID) and files/<id> (a file of the caller's own chat). Every POST but session
 * needs the session's CSRF token in X-CSRF-Token and, when the browser names one, its own Origin;
 * sends are counted per session and per address (rate limits in the shared store).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatBytes } from '../files.ts';
import { SESSION_TTL_MS, type WebSession } from './accounts.ts';
import { MAX_TEXT, type WebChannel } from './channel.ts';
import { pageRoute } from './page.ts';
import {
  clientIp,
  COOKIE,
  cookies,
  isHttps,
  json,
  readBody,
  Refused,
  sessionCookie,
} from './request.ts';

/** The web chat's HTTP settings. */
export interface WebHttpOptions {
  channel: WebChannel;
  maxFileBytes: number;
  /** Requests per window, per session and (twice as many) per address. */
  rateLimit: { limit: number; windowMs: number };
  /** Trust X-Forwarded-Proto/-For (behind a reverse proxy). */
  trustProxy: boolean;
  /** True while the server shuts down: event streams end so the drain is not held up. */
  stopping?: () => boolean;
  log?: (message: string, error?: unknown) => void;
}

const API = '/chat/api/';

/** A route of the bot's HTTP server (run/http-server.ts HttpHandler, which this folder does not import). */
export type WebRoute = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The routes (the page and the API) as one handler for BotHttpServer.route. */
export function webChatRoutes(options: WebHttpOptions): WebRoute {
  const page = pageRoute();
  const { channel, trustProxy } = options;
  const { accounts, transcripts, files } = channel.parts;
  const store = transcripts.store;

  const sessionOf = async (req: IncomingMessage): Promise<WebSession | undefined> =>
    accounts.session(cookies(req)[COOKIE]);

  /** The checks of every state-changing request; returns its session. */
  const guard = async (req: IncomingMessage): Promise<WebSession> => {
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    const own = `${isHttps(req, trustProxy) ? 'https' : 'http'}://${host}`;
    if ((origin && origin !== own) || req.headers['sec-fetch-site'] === 'cross-site')
      throw new Refused(403, '请求来自其他网站，已拒绝（CSRF 保护）。请直接在本页面操作。');
    const session = await sessionOf(req);
    if (!session) throw new Refused(401, '会话已过期，请刷新页面。');
    if (req.headers['x-csrf-token'] !== session.csrf)
      throw new Refused(403, '请求缺少有效的安全令牌（CSRF 保护），请刷新页面后重试。');
    const { limit, windowMs } = options.rateLimit;
    const window = Math.floor(Date.now() / windowMs);
    const perSession = await store.count(`rate:s:${session.chatId}:${window}`, windowMs);
    const perIp = await store.count(`rate:ip:${clientIp(req, trustProxy)}:${window}`, windowMs);
    if (perSession > limit || perIp > limit * 2)
      throw new Refused(429, `操作过于频繁，请 ${Math.ceil(windowMs / 1000)} 秒后再试。`);
    return session;
  };

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method === 'POST' && path === 'session') {
      // The page asks for English only where the site has it (publisher.yaml languages).
      const { publisher } = channel.parts.services.repo;
      const asked = JSON.parse(
        (await readBody(req, 1024, '请求过大。')).toString('utf8') || '{}',
      ) as {
        lang?: unknown;
      };
      const lang = asked.lang === 'en' && publisher.languages.includes('en') ? 'en' : 'zh-CN';
      const cookie = cookies(req)[COOKIE];
      let existing = await sessionOf(req);
      if (existing && existing.lang !== lang) existing = await accounts.setLang(cookie!, lang);
      const opened = existing ? undefined : await accounts.openSession(lang);
      const session = existing ?? opened!.session;
      const account = await accounts.accountOf(session);
      const unit = account && publisher.units.find((u) => u.id === account.unit);
      json(
        res,
        200,
        {
          csrf: session.csrf,
          unit: unit?.name ?? null,
          maxFileBytes: options.maxFileBytes,
          lang: session.lang,
          languages: publisher.languages,
        },
        opened
          ? { 'set-cookie': sessionCookie(opened.cookie, isHttps(req, trustProxy), SESSION_TTL_MS) }
          : {},
      );
      return;
    }
    if (req.method === 'POST' && path === 'redeem') {
      const session = await guard(req);
      const body = JSON.parse(
        (await readBody(req, 4096, '请求过大。')).toString('utf8') || '{}',
      ) as { invite?: unknown };
      const account = await accounts.redeem(cookies(req)[COOKIE]!, String(body.invite ?? ''));
      if (!account)
        throw new Refused(400, '邀请链接无效、已使用或已过期：请向管理员索取新的邀请链接。');
      const unit = channel.parts.services.repo.publisher.units.find((u) => u.id === account.unit);
      options.log?.(
        `web chat ${session.chatId}: invitation redeemed, account ${account.id} (${account.unit})`,
      );
      json(res, 200, { ok: true, unit: unit?.name ?? account.unit });
      return;
    }
    if (req.method === 'POST' && path === 'send') {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw new Refused(415, '请求格式不对（需要 JSON）。');
      const session = await guard(req);
      const body = JSON.parse(
        (await readBody(req, 64 * 1024, `文字过长：最多 ${MAX_TEXT} 字。`)).toString('utf8') ||
          '{}',
      ) as Record<string, unknown>;
      if (typeof body.text === 'string' && body.text.trim()) {
        if (body.text.length > MAX_TEXT) throw new Refused(413, `文字过长：最多 ${MAX_TEXT} 字。`);
        await channel.handle(session, { type: 'text', text: body.text });
      } else if (
        typeof body.data === 'string' &&
        Number.isSafeInteger(body.messageId) &&
        body.data.length <= 64
      )
        await channel.handle(session, {
          type: 'button',
          messageId: Number(body.messageId),
          data: body.data,
        });
      else throw new Refused(400, '没有可发送的内容。');
      json(res, 200, { ok: true, seq: await transcripts.length(session.chatId) });
      return;
    }
    if (req.method === 'POST' && path === 'upload') {
      const session = await guard(req);
      const max = options.maxFileBytes;
      const bytes = await readBody(
        req,
        max,
        `文件过大：上限为 ${formatBytes(max)}。请压缩或拆分后再上传。`,
      );
      if (!bytes.byteLength) throw new Refused(400, '文件是空的，请重新选择。');
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file'))
        .replace(/[\\/\u0000-\u001f]/g, '_')
        .slice(0, 120);
      const mime = String(req.headers['content-type'] ?? 'application/octet-stream').slice(0, 100);
      await channel.handle(session, { type: 'file', name, mime, bytes });
      json(res, 200, { ok: true, seq: await transcripts.length(session.chatId) });
      return;
    }
    if (req.method === 'GET' && path === 'events') return events(req, res);
    const file = /^files\/(webfile-[0-9a-f]{24})$/.exec(path);
    if (req.method === 'GET' && file) {
      const session = await sessionOf(req);
      const f = session && (await files.bytes(file[1]!));
      if (!f || f.chatId !== session!.chatId) throw new Refused(404, '文件不存在或已过期。');
      res
        .writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          'x-content-type-options': 'nosniff',
        })
        .end(f.bytes);
      return;
    }
    throw new Refused(404, '没有这个接口。');
  };

  /** The transcript as Server-Sent Events; each stream lasts a minute, EventSource reconnects. */
  const events = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const session = await sessionOf(req);
    if (!session) throw new Refused(401, '会话已过期，请刷新页面。');
    const chatId = session.chatId;
    let sent = Number(
      req.headers['last-event-id'] ?? new URL(req.url!, 'http://x').searchParams.get('after') ?? 0,
    );
    if (!Number.isSafeInteger(sent) || sent < 0) sent = 0;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 1000\n\n');
    let busy = false;
    let again = false;
    const flush = async () => {
      if (busy) return void (again = true);
      busy = true;
      try {
        do {
          again = false;
          for (const e of await transcripts.since(chatId, sent)) {
            res.write(`id: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`);
            sent = e.seq;
          }
        } while (again);
      } finally {
        busy = false;
      }
    };
    const unwatch = transcripts.watch(chatId, () => void flush().catch(() => res.destroy()));
    await flush();
    // Other instances and the outbox append too: look again every two seconds.
    let ticks = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        ticks++;
        if (options.stopping?.() || ticks >= 30) return void res.end();
        if (ticks % 8 === 0) res.write(': keep-alive\n\n');
        void flush().catch(() => res.destroy());
      }, 2000);
      res.once('close', () => {
        clearInterval(timer);
        unwatch();
        resolve();
      });
    });
  };

  return async (req, res) => {
    const path = req.url?.split('?')[0] ?? '';
    if (path !== '/chat' && !path.startsWith('/chat/')) return false;
    try {
      if (path.startsWith(API)) await api(req, res, path.slice(API.length));
      else if (!(await page(req, res, path))) throw new Refused(404, '页面不存在。');
    } catch (error) {
      if (!(error instanceof Refused) && !(error instanceof SyntaxError)) throw error;
      const status = error instanceof Refused ? error.status : 400;
      const message = error instanceof Refused ? error.message : '请求格式不对。';
      if (!res.headersSent) json(res, status, { error: message });
      else res.end();
    }
    return true;
  };
}
