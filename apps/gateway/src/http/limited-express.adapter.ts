import { createServer, RequestListener } from 'node:http';
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
  constructor(private readonly limits: HttpLimits) {
    super();
  }

  override initHttpServer(): void {
    const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = this.limits;
    const server = createServer(
      {
        headersTimeout: headersTimeoutMs,
        requestTimeout: requestTimeoutMs,
        keepAliveTimeout: keepAliveTimeoutMs,
        connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
      },
      this.getInstance<RequestListener>(),
    );
    // Past the cap Node closes each new connection at once; the ones already open keep working.
    server.maxConnections = maxConnections;
    server.keepAliveTimeout = keepAliveTimeoutMs;
    server.on('clientError', answerClientError);
    this.setHttpServer(server);
  }
}
