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
    /**
     * PEM files: the server speaks HTTPS with them (ADR 0026), unless `httpsPort` puts HTTPS on a
     * port of its own (HttpsListener, ADR 0076) and leaves this one plain HTTP.
     */
    private readonly tls?: { certFile: string; keyFile: string; httpsPort?: number },
  ) {
    super();
  }

  override initHttpServer(): void {
    const listener = this.getInstance<RequestListener>();
    const tls = this.tls?.httpsPort === undefined ? this.tls : undefined;
    this.setHttpServer(createLimitedServer(this.limits, listener, tls));
  }
}

/**
 * An HTTP server (an HTTPS one with `tls`) with the configured timeouts and connection cap, and
 * AWS-shaped answers to requests Node's parser refuses. An https.Server is an http.Server
 * underneath (same timeouts, limits and events).
 */
export function createLimitedServer(
  limits: HttpLimits,
  listener: RequestListener,
  tls?: { certFile: string; keyFile: string },
): Server {
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections } = limits;
  const options = {
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
  };
  const server: Server = tls
    ? createTlsServer({ ...options, cert: readTls(tls.certFile), key: readTls(tls.keyFile) }, listener)
    : createServer(options, listener);
  // Past the cap Node closes each new connection at once; the ones already open keep working.
  server.maxConnections = maxConnections;
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.on('clientError', answerClientError);
  return server;
}

function readTls(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new Error(`cannot read the TLS file ${file}: ${(err as Error).message}`);
  }
}
