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
import {
  GRPC_GATEWAY_CLOCK,
  GRPC_GATEWAY_LOGGER,
  GRPC_GATEWAY_OPTIONS,
  GrpcGatewayOptions,
} from '../grpc-gateway.options';

/*
 * The credentials the gRPC server accepts, as the HTTP gateway accepts them (@idfed/authorizer):
 * the admin key, and temporary credentials whose session token opens under credential vending's
 * master key and whose role was not revoked. These subclasses only say where their arguments
 * come from.
 */

/** The revoked role sessions, refreshed from credential vending every IDFED_REVOCATION_REFRESH_MS. */
@Injectable()
export class GrpcRevocationList extends RevocationList {
  constructor(
    @Inject(BusClient) bus: BusClient,
    @Inject(GRPC_GATEWAY_OPTIONS) options: GrpcGatewayOptions,
    @Inject(GRPC_GATEWAY_LOGGER) logger: Logger,
    @Inject(GRPC_GATEWAY_CLOCK) now: () => number,
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
export class GrpcRolePermissionsCache extends RolePermissionsCache {
  constructor(@Inject(BusClient) bus: BusClient, @Inject(GRPC_GATEWAY_CLOCK) now: () => number) {
    super(bus, 5000, now);
  }
}

/** The admin key and temporary credentials of this account. */
@Injectable()
export class GrpcCredentialResolver extends CredentialResolver {
  constructor(
    @Inject(GRPC_GATEWAY_OPTIONS) options: GrpcGatewayOptions,
    @Inject(SessionTokenCodec) codec: SessionTokenCodec,
    @Inject(RevocationList) revocations: RevocationList,
    @Inject(GRPC_GATEWAY_CLOCK) now: () => number,
  ) {
    super(options.env.accountId, options.adminCredentials, codec, revocations, now);
  }
}

@Injectable()
export class GrpcAuthorizer extends Authorizer {
  constructor(
    @Inject(CredentialResolver) credentials: CredentialResolver,
    @Inject(RolePermissionsCache) roles: RolePermissionsCache,
    @Inject(GRPC_GATEWAY_CLOCK) now: () => number,
  ) {
    super(credentials, roles, now);
  }
}

/** IAM users' access keys and their sessions (ADR 0065), looked up in credential vending every call. */
@Injectable()
export class GrpcIamUserKeys extends IamUserKeys {
  constructor(
    @Inject(BusClient) bus: BusClient,
    @Inject(UserAccessKeySealer) sealer: UserAccessKeySealer,
    @Inject(SessionTokenCodec) codec: SessionTokenCodec,
  ) {
    super(bus, sealer, codec);
  }
}

/** Connects the bus, then starts the revocation refresh; stops both on shutdown. */
@Injectable()
export class GrpcBusLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(RevocationList) private readonly revocations: RevocationList,
    @Inject(BusClient) private readonly bus: BusClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.connect();
    await this.revocations.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.revocations.stop();
    await this.bus.close();
  }
}
