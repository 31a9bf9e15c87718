import {
  Inject,
  Injectable,
  InjectionToken,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Provider,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { BusClient } from '@idfed/messaging';
import { SessionTokenCodec, UserAccessKeySealer } from '@idfed/session-credentials';
import { Authorizer } from './authorizer';
import { AdminKey, CredentialResolver } from './credential.resolver';
import { IamUserKeys } from './iam-user-keys';
import { RevocationList } from './revocation-list';
import { RolePermissionsCache } from './role-permissions.cache';

/** What a gateway's credential providers read from its own options. */
export interface GatewayCredentialSettings {
  accountId: string;
  revocationRefreshMs: number;
  /** The admin key the gateway accepts; none for the device gateway (a socket is an identity's). */
  admin?: AdminKey;
}

export interface CredentialProvidersOptions {
  /** The gateway's options object and how to read the settings above from it. */
  options: InjectionToken;
  settings: (options: never) => GatewayCredentialSettings;
  logger: InjectionToken;
  /** The gateway's clock (tests drive it); Date.now when the gateway has none. */
  clock?: InjectionToken;
  /** IAM users' access keys (ADR 0033, 0065): the HTTP and gRPC gateways take them. */
  iamUserKeys: boolean;
  /** Whether stopping the revocation refresh also closes the bus (no other lifecycle does). */
  closeBusOnShutdown: boolean;
}

/** The clock of a gateway that provides none. */
const CLOCK_DEFAULT = Symbol('CREDENTIALS_CLOCK');

/** The token under which the lifecycle below learns whether to close the bus. */
const CLOSE_BUS_ON_SHUTDOWN = Symbol('CLOSE_BUS_ON_SHUTDOWN');

/** Connects the bus, then starts the revocation refresh; stops it (and the bus, if asked) on shutdown. */
@Injectable()
export class RevocationListLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(RevocationList) private readonly revocations: RevocationList,
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(CLOSE_BUS_ON_SHUTDOWN) private readonly closeBus: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Connecting is idempotent: whichever bootstrap hook runs first connects, the others wait for it.
    await this.bus.connect();
    await this.revocations.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.revocations.stop();
    if (this.closeBus) await this.bus.close();
  }
}

/**
 * The providers every gateway needs to accept idfed's credentials and decide with the policy
 * engine: the revocation list (refreshed from credential vending), the roles' policy cache, the
 * credential resolver, the authorizer and, where the gateway takes them, IAM users' keys. The
 * classes are written without Nest; this says once where each gateway's arguments come from.
 * The gateway provides `SessionTokenCodec` (and `UserAccessKeySealer` with IAM users' keys).
 */
export function credentialProviders(o: CredentialProvidersOptions): Provider[] {
  const clock = o.clock ?? CLOCK_DEFAULT;
  const settings = (options: unknown) => o.settings(options as never);
  const providers: Provider[] = [
    ...(o.clock ? [] : [{ provide: CLOCK_DEFAULT, useValue: Date.now }]),
    { provide: CLOSE_BUS_ON_SHUTDOWN, useValue: o.closeBusOnShutdown },
    {
      provide: RevocationList,
      inject: [BusClient, o.options, o.logger, clock],
      useFactory: (bus: BusClient, options: unknown, logger: Logger, now: () => number) => {
        let lastWarning = 0;
        return new RevocationList(bus, {
          refreshMs: settings(options).revocationRefreshMs,
          now,
          onError: (err) => {
            // Once a minute at most: credential vending being down is already loud elsewhere.
            if (Date.now() - lastWarning < 60_000) return;
            lastWarning = Date.now();
            logger.warn({ err: err.message }, 'could not refresh the session revocation list');
          },
        });
      },
    },
    RevocationListLifecycle,
    {
      provide: RolePermissionsCache,
      inject: [BusClient, clock],
      // Roles' policies are asked of credential vending and kept a few seconds.
      useFactory: (bus: BusClient, now: () => number) => new RolePermissionsCache(bus, 5000, now),
    },
    {
      provide: CredentialResolver,
      inject: [o.options, SessionTokenCodec, RevocationList, clock],
      useFactory: (
        options: unknown,
        codec: SessionTokenCodec,
        revocations: RevocationList,
        now: () => number,
      ) => {
        const { accountId, admin } = settings(options);
        return new CredentialResolver(accountId, admin, codec, revocations, now);
      },
    },
    {
      provide: Authorizer,
      inject: [CredentialResolver, RolePermissionsCache, clock],
      useFactory: (credentials: CredentialResolver, roles: RolePermissionsCache, now: () => number) =>
        new Authorizer(credentials, roles, now),
    },
  ];
  if (o.iamUserKeys) {
    providers.push({
      provide: IamUserKeys,
      inject: [BusClient, UserAccessKeySealer, SessionTokenCodec],
      useFactory: (bus: BusClient, sealer: UserAccessKeySealer, codec: SessionTokenCodec) =>
        new IamUserKeys(bus, sealer, codec),
    });
  }
  return providers;
}
