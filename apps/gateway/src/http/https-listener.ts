import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { GATEWAY_LOGGER, GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { createLimitedServer } from './limited-express.adapter';

/**
 * HTTPS beside the plain HTTP port (ADR 0076): with `IDFED_HTTPS_PORT` and the TLS files
 * (`IDFED_TLS_CERT_FILE` / `IDFED_TLS_KEY_FILE`), the gateway's whole HTTP surface (API, OAuth
 * endpoints, hosted pages, JWKS) is served on that port over HTTPS too, by the same Express app
 * with the same timeouts and connection cap; the HTTP port stays plain HTTP. Without
 * `IDFED_HTTPS_PORT` the TLS files switch the HTTP port itself (ADR 0026) and this does nothing.
 */
@Injectable()
export class HttpsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(GATEWAY_LOGGER) private readonly logger: Logger,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const tls = this.options.env.tls;
    if (tls?.httpsPort === undefined) return;
    const app = this.adapterHost.httpAdapter.getInstance<RequestListener>();
    const server = createLimitedServer(this.options.env.httpLimits, app, tls);
    server.on('tlsClientError', () => undefined); // a refused handshake is the client's affair
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(tls.httpsPort, this.options.env.httpHost, () => resolve());
    });
    this.server = server;
    this.logger.info({ port: (server.address() as AddressInfo).port }, 'HTTPS served beside HTTP');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
