import { readFileSync } from 'node:fs';
import { createServer, RequestListener, Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { HttpLimits } from '@idfed/config';
import { answerClientError } from './client-error.responder';

/**
 * Express with an HTTP server that does not wait on clients forever. Node's defaults let a client
 * hold a connection for 300 s with a partial body and accept connections without limit, and they
 * check the timeouts only every 30 s; these come from configuration instead
 * (`IDFED_HTTP_*`), and are checked often enough to bound a slow client's hold near its limit.
 */
export class LimitedExpressAdapter extends ExpressAdapter {
  constructor(
    private readonly limits: HttpLimits,
    /** PEM files: the server speaks HTTPS with them (ADR 0026). */
    private readonly tls?: { certFile: string; keyFile: string },
  ) {
    super();
  }

  override initHttpServer(): void {
    const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = this.limits;
    const options = {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    };
    const listener = this.getInstance<RequestListener>();
    // An https.Server is an http.Server underneath (same timeouts, limits and events).
    const server: Server = this.tls
      ? createTlsServer(
          { ...options, cert: readTls(this.tls.certFile), key: readTls(this.tls.keyFile) },
          listener,
        )
      : createServer(options, listener);
    // Past the cap Node closes each new connection at once; the ones already open keep working.
    server.maxConnections = maxConnections;
    server.keepAliveTimeout = keepAliveTimeoutMs;
    server.on('clientError', answerClientError);
    this.setHttpServer(server);
  }
}

function readTls(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`cannot read the TLS file ${file}: ${(err as Error).message}`);
  }
}
