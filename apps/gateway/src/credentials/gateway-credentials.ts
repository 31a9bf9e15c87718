import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  Authorizer,
  CredentialResolver,
  IamUserKeys,
  RevocationList,
  RolePermissionsCache,
} from '@idfed/authorizer';
import { BusClient } from '@idfed/messaging';
import { SessionTokenCodec, UserAccessKeySealer } from '@idfed/session-credentials';
import { GATEWAY_LOGGER, GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';

/*
 * What the gateway needs to accept temporary credentials and answer authorization questions: the
 * session-token codec (same master key as credential vending, provided by the module), the
 * revocation list, the role policy cache, and the authorizer on top of them. Their classes are
 * written without Nest (they live in @idfed/authorizer, shared with the device gateway): these
 * subclasses only say where their constructor arguments come from.
 */

/** The revoked role sessions, refreshed from credential vending every IDFED_REVOCATION_REFRESH_MS. */
@Injectable()
export class GatewayRevocationList extends RevocationList {
  constructor(
    @Inject(BusClient) bus: BusClient,
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    @Inject(GATEWAY_LOGGER) logger: Logger,
  ) {
    let lastWarning = 0;
    super(bus, {
      refreshMs: options.env.revocationRefreshMs,
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
export class GatewayRolePermissionsCache extends RolePermissionsCache {
  constructor(@Inject(BusClient) bus: BusClient) {
    super(bus);
  }
}

/** The admin key and temporary credentials of this gateway's account. */
@Injectable()
export class GatewayCredentialResolver extends CredentialResolver {
  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    @Inject(SessionTokenCodec) codec: SessionTokenCodec,
    @Inject(RevocationList) revocations: RevocationList,
  ) {
    super(options.env.accountId, options.adminCredentials, codec, revocations);
  }
}

/** Decisions over the gateway's credentials and the roles' policies cached from credential vending. */
@Injectable()
export class GatewayAuthorizer extends Authorizer {
  constructor(
    @Inject(CredentialResolver) credentials: CredentialResolver,
    @Inject(RolePermissionsCache) roles: RolePermissionsCache,
  ) {
    super(credentials, roles);
  }
}

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

/** IAM users' access keys and their sessions (ADR 0033, 0065), looked up in credential vending. */
@Injectable()
export class GatewayIamUserKeys extends IamUserKeys {
  constructor(
    @Inject(BusClient) bus: BusClient,
    @Inject(UserAccessKeySealer) sealer: UserAccessKeySealer,
    @Inject(SessionTokenCodec) codec: SessionTokenCodec,
  ) {
    super(bus, sealer, codec);
  }
}
