/**
 * What the Gitea and GitLab emulators share: an HTTP server on 127.0.0.1, JSON bodies, a count of
 * every request at the HTTP layer, token checks and injected faults (500, 429 with retry-after,
 * answers later than the client waits).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A fault for the next matching requests. */
export interface HttpFault {
  /** Matches "METHOD /path" by regular expression; all requests when absent. */
  match?: RegExp;
  times?: number;
  kind: 'status-500' | 'status-429' | 'slow';
  retryAfter?: number;
  delayMs?: number;
}

/** One request as a route sees it. */
export interface EmuRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingMessage['headers'];
}

/** An answer. */
export interface EmuAnswer {
  status: number;
  body?: unknown;
}

/** The server part of an emulator. */
export abstract class HttpEmulator {
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly violations: string[] = [];
  readonly faults: HttpFault[] = [];
  private server?: Server;
  url = '';

  protected abstract authorised(headers: IncomingMessage['headers']): boolean;
  protected abstract route(request: EmuRequest): EmuAnswer;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://x');
      const entry = { method: req.method ?? 'GET', path: url.pathname + url.search, status: 0 };
      this.requests.push(entry);
      const send = (a: EmuAnswer, headers: Record<string, string> = {}) => {
        entry.status = a.status;
        if (res.destroyed) return;
        res.writeHead(a.status, { 'content-type': 'application/json', ...headers });
        res.end(a.body === undefined ? undefined : JSON.stringify(a.body));
      };
      if (!this.authorised(req.headers))
        return send({ status: 401, body: { message: '401 Unauthorized' } });
      const key = `${entry.method} ${url.pathname}`;
      const fault = this.faults.find((f) => !f.match || f.match.test(key));
      if (fault && (fault.times = (fault.times ?? 1) - 1) <= 0)
        this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault?.kind === 'status-500')
        return send({ status: 500, body: { message: 'Internal Server Error' } });
      if (fault?.kind === 'status-429')
        return send(
          { status: 429, body: { message: 'Too Many Requests' } },
          { 'retry-after': String(fault.retryAfter ?? 1) },
        );
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        this.violations.push(`${key}: body is not JSON`);
        return send({ status: 400, body: { message: 'invalid JSON' } });
      }
      const answer = this.route({
        method: entry.method,
        path: decodeURIComponent(url.pathname),
        query: Object.fromEntries(url.searchParams),
        body,
        headers: req.headers,
      });
      if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs ?? 5000));
      send(answer);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** Records a request that breaks the API's contract and answers as the real server would. */
  protected invalid(what: string, errors: unknown, status = 422): EmuAnswer {
    this.violations.push(`${what}: ${JSON.stringify(errors)}`);
    return { status, body: { message: `invalid request: ${JSON.stringify(errors)}` } };
  }
}
