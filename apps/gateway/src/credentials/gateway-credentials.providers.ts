import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Provider } from '@nestjs/common';
import type { Logger } from 'pino';
import { Authorizer, CredentialResolver } from '@idfed/authorizer';
import { BusClient } from '@idfed/messaging';
import { loadSessionTokenKey, SessionTokenCodec } from '@idfed/session-credentials';
import { GATEWAY_LOGGER, GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { RevocationList } from './revocation-list';
import { RolePermissionsCache } from './role-permissions.cache';

/**
 * What the gateway needs to accept temporary credentials and answer authorization questions: the
 * session-token codec (same master key as credential vending), the revocation list, the role
 * policy cache, and the authorizer on top of them.
 */
export const gatewayCredentialProviders: Provider[] = [
  {
    provide: SessionTokenCodec,
    inject: [GATEWAY_OPTIONS, GATEWAY_LOGGER],
    useFactory: (options: GatewayOptions, logger: Logger) =>
      SessionTokenCodec.fromMasterKey(
        options.sessionTokenKey ?? loadSessionTokenKey(options.env, (m) => logger.info(m)),
      ),
  },
  {
    provide: RevocationList,
    inject: [BusClient, GATEWAY_OPTIONS, GATEWAY_LOGGER],
    useFactory: (bus: BusClient, options: GatewayOptions, logger: Logger) => {
      let lastWarning = 0;
      return new RevocationList(bus, {
        refreshMs: options.env.revocationRefreshMs,
        onError: (err) => {
          // Once a minute at most: credential vending being down is already loud elsewhere.
          if (Date.now() - lastWarning < 60_000) return;
          lastWarning = Date.now();
          logger.warn({ err: err.message }, 'could not refresh the session revocation list');
        },
      });
    },
  },
  {
    provide: RolePermissionsCache,
    inject: [BusClient],
    useFactory: (bus: BusClient) => new RolePermissionsCache(bus),
  },
  {
    provide: CredentialResolver,
    inject: [GATEWAY_OPTIONS, SessionTokenCodec, RevocationList],
    useFactory: (options: GatewayOptions, codec: SessionTokenCodec, revocations: RevocationList) =>
      new CredentialResolver(options.env.accountId, options.adminCredentials, codec, revocations),
  },
  {
    provide: Authorizer,
    inject: [CredentialResolver, RolePermissionsCache],
    useFactory: (credentials: CredentialResolver, roles: RolePermissionsCache) =>
      new Authorizer(credentials, roles),
  },
];

/** Starts the revocation refresh once the bus is connected, and stops it on shutdown. */
@Injectable()
export class RevocationListLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(RevocationList) private readonly revocations: RevocationList,
    @Inject(BusClient) private readonly bus: BusClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Connecting is idempotent: whichever bootstrap hook runs first connects, the other waits for it.
    await this.bus.connect();
    await this.revocations.start();
  }

  onApplicationShutdown(): void {
    this.revocations.stop();
  }
}
