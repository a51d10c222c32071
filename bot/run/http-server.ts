/**
 * The bot's one HTTP server, in every server mode (polling and webhook), bound to BOT_HOST:BOT_PORT
 * (127.0.0.1:8080 by default). Modules register handlers into a small route table: each handler
 * answers the requests it knows and returns true, or returns false to pass the request on; a
 * request no handler takes gets 404. The Telegram webhook, the health endpoint and signed links
 * to private files are such handlers.
 *
 * Shutdown drains it: the listening socket closes, requests that still arrive on open
 * connections are answered 503 (Telegram delivers those updates again later), and the requests
 * in flight are awaited, up to a deadline.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route: answers the request and returns true, or returns false to leave it to the next one. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** The route table and the server that runs it. */
export class BotHttpServer {
  readonly server: Server;
  private readonly handlers: HttpHandler[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private draining = false;
  private readonly onError: (message: string, error: unknown) => void;

  constructor(options: { onError?: (message: string, error: unknown) => void } = {}) {
    this.onError = options.onError ?? ((m, e) => console.error(m, e));
    this.server = createServer((req, res) => {
      if (this.draining) {
        res
          .writeHead(503, {
            'content-type': 'text/plain; charset=utf-8',
            connection: 'close',
            'retry-after': '5',
          })
          .end('shutting down: try again shortly\n');
        return;
      }
      const done = this.dispatch(req, res).finally(() => this.inFlight.delete(done));
      this.inFlight.add(done);
    });
  }

  /** Adds a route; routes are tried in the order they were added. */
  route(handler: HttpHandler): this {
    this.handlers.push(handler);
    return this;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      for (const handler of this.handlers) if (await handler(req, res)) return;
      if (!res.headersSent)
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    } catch (error) {
      this.onError(`HTTP ${req.method} ${req.url?.split('?')[0]} failed`, error);
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('internal error\n');
      else res.destroy();
    }
    // A handler that answered asynchronously (grammY's webhook) is done when its response is.
    if (!res.writableEnded) await new Promise<void>((resolve) => res.once('close', resolve));
  }

  /** Listens on host:port (port 0: a free port); resolves with the address. */
  async listen(host: string, port: number): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return this.server.address() as AddressInfo;
  }

  /** True once drain() began: long-lived responses (the web chat's event streams) end. */
  get stopping(): boolean {
    return this.draining;
  }

  /** Requests being handled now. */
  get busy(): number {
    return this.inFlight.size;
  }

  /**
   * Stops taking requests and waits for those in flight, at most until `deadline` (ms since the
   * epoch); then closes every connection. Resolves true when nothing was cut off.
   */
  async drain(deadline: number): Promise<boolean> {
    this.draining = true;
    const closed = new Promise<void>((resolve) =>
      this.server.listening ? this.server.close(() => resolve()) : resolve(),
    );
    this.server.closeIdleConnections();
    let finished = true;
    while (this.inFlight.size) {
      const left = deadline - Date.now();
      if (left <= 0) {
        finished = false;
        break;
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((r) => (timer = setTimeout(r, left))),
      ]);
      clearTimeout(timer);
    }
    this.server.closeAllConnections();
    await closed;
    return finished;
  }
}
