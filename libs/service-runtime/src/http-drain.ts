import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Stopping an HTTP server without cutting what it is answering. `server.close()` alone stops new
 * connections but lets keep-alive clients (every AWS SDK) go on sending requests on the ones they
 * hold, so a loaded server never finishes closing. Once draining: every response not yet sent
 * goes out with `Connection: close` and its socket closes after it, idle sockets close at once,
 * and a request that still arrives on a held connection is answered the same way.
 */
export class HttpDrain {
  private draining = false;
  private readonly open = new Set<ServerResponse>();

  constructor(private readonly server: Server) {
    // Listeners run in order: the application's first, so a response written synchronously is
    // already out; `shouldKeepAlive` is only read when the headers are written.
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (this.draining) res.shouldKeepAlive = false;
      this.open.add(res);
      const done = () => this.open.delete(res);
      res.once('finish', done);
      res.once('close', done);
    });
  }

  /** Requests being answered right now. */
  get inFlight(): number {
    return this.open.size;
  }

  /** Stops keeping connections alive and closes the idle ones; the caller then closes the server. */
  start(): void {
    if (this.draining) return;
    this.draining = true;
    for (const res of this.open) if (!res.headersSent) res.shouldKeepAlive = false;
    this.server.closeIdleConnections();
  }

  /** After `graceMs`, whatever is still open is cut (the process is about to exit anyway). */
  forceAfter(graceMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.server.closeAllConnections(), graceMs);
    timer.unref();
    return timer;
  }
}
