import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { KeyEncryption } from '@idfed/crypto';
import { TransportConfig } from '@idfed/messaging';
import { peerBusProviders, ServiceModule } from '@idfed/service-runtime';
import { FEDERATION_BROKER_CONFIG, federationBrokerConfig } from './config/federation-broker.config';
import { federationBrokerEntities } from './database/entities';
import { federationBrokerMigrations } from './database/migrations';
import { FEDERATION_BROKER_SCHEMA } from './database/schema';
import { UserDirectoryConsumer } from './events/user-directory.consumer';
import { federationBrokerOperations } from './federation-broker.operations';
import { IdentitiesRepository } from './identities/identities.repository';
import { IdentityAuthenticator } from './identities/identity-authenticator';
import { IdentityDescriptions } from './identities/identity-descriptions';
import { IdentityLinks } from './identities/identity-links';
import { LoginsVerifier } from './logins/logins.verifier';
import { UserPoolLoginVerifier } from './logins/user-pool-login.verifier';
import { IdentityPoolLookup } from './pools/identity-pool.lookup';
import { IdentityPoolsRepository } from './pools/identity-pools.repository';
import { IssuerKeysRepository } from './tokens/issuer-keys.repository';
import { IssuerKeysService } from './tokens/issuer-keys.service';
import { OpenIdTokenIssuer } from './tokens/openid-token.issuer';
import { RevokedSessionsRepository } from './user-pools/revoked-sessions.repository';
import { UserPoolKeysRepository } from './user-pools/user-pool-keys.repository';
import { UserPoolUserStatesRepository } from './user-pools/user-pool-user-states.repository';
import { identityPoolRegionScope } from './common/region-scope';

export interface FederationBrokerOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  databaseUrl: string;
  keyEncryptionKey: Buffer;
}

/**
 * The federation broker: its operation registry, the event consumer of the user directory, and
 * the helpers the handlers share, each an injectable class reading its configuration by token.
 */
export const FederationBrokerModule = {
  register(options: FederationBrokerOptions): DynamicModule {
    const { env } = options;
    return ServiceModule.register({
      service: 'federation-broker',
      schema: FEDERATION_BROKER_SCHEMA,
      transport: options.transport,
      databaseUrl: options.databaseUrl,
      entities: federationBrokerEntities,
      migrations: federationBrokerMigrations,
      rateLimits: env.rateLimits,
      audit: { accountId: env.accountId, region: env.region, reads: env.auditReads },
      operations: federationBrokerOperations,
      regionScope: identityPoolRegionScope,
      controllers: [UserDirectoryConsumer],
      providers: [
        // The broker also asks: credential vending for credentials and token checks.
        ...peerBusProviders('federation-broker', options.transport, env.requestTimeoutMs),
        { provide: FEDERATION_BROKER_CONFIG, useValue: federationBrokerConfig(env) },
        { provide: KeyEncryption, useValue: new KeyEncryption(options.keyEncryptionKey) },
        IdentityPoolsRepository,
        IdentityPoolLookup,
        IdentitiesRepository,
        IdentityLinks,
        IdentityAuthenticator,
        IdentityDescriptions,
        UserPoolKeysRepository,
        UserPoolUserStatesRepository,
        RevokedSessionsRepository,
        UserPoolLoginVerifier,
        LoginsVerifier,
        IssuerKeysRepository,
        IssuerKeysService,
        OpenIdTokenIssuer,
      ],
    });
  },
};
