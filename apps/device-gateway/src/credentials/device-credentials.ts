import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { Authorizer, CredentialResolver, RevocationList, RolePermissionsCache } from '@idfed/authorizer';
import { BusClient } from '@idfed/messaging';
import { SessionTokenCodec } from '@idfed/session-credentials';
import {
  DEVICE_GATEWAY_CLOCK,
  DEVICE_GATEWAY_LOGGER,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from '../device-gateway.options';

/*
 * The gateway's verifier of temporary credentials, as it is (@idfed/authorizer): the session-token
 * codec (credential vending's master key, provided by the module), the revocation list, the role
 * policy cache and the authorizer. These subclasses only say where their constructor arguments
 * come from. No admin key: a socket belongs to an identity.
 */

/** The revoked role sessions, refreshed from credential vending every IDFED_REVOCATION_REFRESH_MS. */
@Injectable()
export class DeviceRevocationList extends RevocationList {
  constructor(
    @Inject(BusClient) bus: BusClient,
    @Inject(DEVICE_GATEWAY_OPTIONS) options: DeviceGatewayOptions,
    @Inject(DEVICE_GATEWAY_LOGGER) logger: Logger,
    @Inject(DEVICE_GATEWAY_CLOCK) now: () => number,
  ) {
    let lastWarning = 0;
    super(bus, {
      refreshMs: options.env.revocationRefreshMs,
      now,
      onError: (err) => {
        // Once a minute at most: credential vending being down is already loud elsewhere.
        if (Date.now() - lastWarning < 60_000) return;
        lastWarning = Date.now();
        logger.warn({ err: err.message }, 'could not refresh the session revocation list');
      },
    });
  }
}

/** The roles' policies, asked of credential vending and cached a few seconds. */
@Injectable()
export class DeviceRolePermissionsCache extends RolePermissionsCache {
  constructor(@Inject(BusClient) bus: BusClient, @Inject(DEVICE_GATEWAY_CLOCK) now: () => number) {
    super(bus, 5000, now);
  }
}

/** Temporary credentials of this account; the admin key is nobody's socket. */
@Injectable()
export class DeviceCredentialResolver extends CredentialResolver {
  constructor(
    @Inject(DEVICE_GATEWAY_OPTIONS) options: DeviceGatewayOptions,
    @Inject(SessionTokenCodec) codec: SessionTokenCodec,
    @Inject(RevocationList) revocations: RevocationList,
    @Inject(DEVICE_GATEWAY_CLOCK) now: () => number,
  ) {
    super(options.env.accountId, undefined, codec, revocations, now);
  }
}

@Injectable()
export class DeviceAuthorizer extends Authorizer {
  constructor(
    @Inject(CredentialResolver) credentials: CredentialResolver,
    @Inject(RolePermissionsCache) roles: RolePermissionsCache,
    @Inject(DEVICE_GATEWAY_CLOCK) now: () => number,
  ) {
    super(credentials, roles, now);
  }
}

/** Starts the revocation refresh once the bus is connected, and stops it on shutdown. */
@Injectable()
export class RevocationRefresh implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(RevocationList) private readonly revocations: RevocationList,
    @Inject(BusClient) private readonly bus: BusClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.connect();
    await this.revocations.start();
  }

  onApplicationShutdown(): void {
    this.revocations.stop();
  }
}
