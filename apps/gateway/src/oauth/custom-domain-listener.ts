import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { certificateVersion, readCustomDomainCertificate } from '@idfed/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServer, Server } from 'node:https';
import { createSecureContext, SecureContext, TLSSocket } from 'node:tls';
import { GATEWAY_LOGGER, GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import type { Logger } from 'pino';
import { CUSTOM_DOMAIN_SNI, DomainRouting } from './domain-routing';
import { meetsSecurityPolicy } from './tls-security-policy';

/** A certificate's files are looked at again (replaced files served) at most this often. */
const RECHECK_MS = 5_000;

/**
 * The custom domains' HTTPS listener (ADR 0049): one port (`IDFED_CUSTOM_DOMAIN_HTTPS_PORT`)
 * serving every custom domain with its own certificate, chosen by the host name of the TLS
 * handshake (SNI): the user directory names the domain's certificate ARN, whose PEM files are read
 * from `IDFED_CUSTOM_DOMAIN_CERT_DIR` and re-read when they change (no restart). A handshake for a
 * name that is no custom domain, or without a name, gets no certificate and fails. Requests go to
 * the gateway's own Express app, marked with the handshake's name for DomainRouting.
 *
 * Each domain's `SecurityPolicy` (ADR 0060) sets the lowest TLS version its clients may use. The
 * listener accepts TLS 1.0 and up (at OpenSSL security level 0, which TLS 1.0 and 1.1 need), since
 * the version is chosen before the name is known and a context chosen by SNI cannot change it:
 * the SNI callback refuses the handshake when the version already chosen is below the domain's
 * policy, and a connection that gets past it anyway is closed before any request is read.
 */
@Injectable()
export class CustomDomainListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  private readonly contexts = new Map<
    string,
    { version: string; context: SecureContext; checkedAt: number }
  >();
  /** Each served name's SecurityPolicy, as last resolved for a handshake. */
  private readonly policies = new Map<string, string | undefined>();

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(GATEWAY_LOGGER) private readonly logger: Logger,
    @Inject(DomainRouting) private readonly domains: DomainRouting,
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const custom = this.options.env.customDomains;
    if (!custom) return;
    const app = this.adapterHost.httpAdapter.getInstance<RequestListener>();
    const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = this.options.env.httpLimits;
    const contextFor = (name: string) => this.contextFor(name);
    const policies = this.policies;
    const server = createServer(
      {
        minVersion: 'TLSv1',
        ciphers: 'DEFAULT@SECLEVEL=0',
        headersTimeout: headersTimeoutMs,
        requestTimeout: requestTimeoutMs,
        keepAliveTimeout: keepAliveTimeoutMs,
        // A function, not an arrow: Node calls it on the handshake's TLSSocket, whose protocol is
        // chosen by then (when it is not, the secureConnection check below still holds).
        SNICallback: function (this: unknown, name, done) {
          const socket = this instanceof TLSSocket ? this : undefined;
          contextFor(name).then(
            (context) => {
              if (!context) return done(new Error(`no custom domain ${name}`));
              const protocol = socket?.getProtocol();
              if (protocol && !meetsSecurityPolicy(protocol, policies.get(name.toLowerCase())))
                return done(new Error(`${protocol} is below the SecurityPolicy of ${name}`));
              done(null, context);
            },
            (err: Error) => done(err),
          );
        },
      },
      (req: IncomingMessage, res: ServerResponse) => {
        const servername = (req.socket as TLSSocket).servername;
        (req as IncomingMessage & { [CUSTOM_DOMAIN_SNI]?: string })[CUSTOM_DOMAIN_SNI] =
          typeof servername === 'string' ? servername.toLowerCase() : '';
        app(req, res);
      },
    );
    server.on('tlsClientError', () => undefined); // a refused handshake is the client's affair
    server.on('secureConnection', (socket: TLSSocket) => {
      const name = typeof socket.servername === 'string' ? socket.servername.toLowerCase() : '';
      if (!meetsSecurityPolicy(socket.getProtocol(), this.policies.get(name))) socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(custom.httpsPort, this.options.env.httpHost, () => resolve());
    });
    this.server = server;
    this.logger.info({ port: custom.httpsPort }, 'custom domains served over HTTPS');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The secure context of a custom domain's certificate, or undefined when it has none. */
  async contextFor(servername: string): Promise<SecureContext | undefined> {
    const dir = this.options.env.customDomains?.certDir;
    const name = servername.toLowerCase();
    if (!dir || !name.includes('.')) return undefined;
    const { certificateArn, securityPolicy } = await this.domains.resolve(name, randomUUID());
    if (!certificateArn) return undefined;
    if (this.policies.size >= 10_000) this.policies.clear();
    this.policies.set(name, securityPolicy);
    const cached = this.contexts.get(certificateArn);
    const now = Date.now();
    if (cached && now - cached.checkedAt < RECHECK_MS) return cached.context;
    const version = certificateVersion(dir, certificateArn);
    if (!version) return undefined;
    if (cached && cached.version === version) {
      cached.checkedAt = now;
      return cached.context;
    }
    const files = readCustomDomainCertificate(dir, certificateArn);
    if (!files) return undefined;
    const context = createSecureContext({ cert: files.cert, key: files.key });
    this.contexts.set(certificateArn, { version: files.version, context, checkedAt: now });
    return context;
  }
}
