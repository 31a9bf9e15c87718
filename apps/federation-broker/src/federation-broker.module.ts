import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { KeyEncryption } from '@idfed/crypto';
import { BusClient, OutboxService, TransportConfig } from '@idfed/messaging';
import { peerBusProviders, ServiceModule } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { IdentityCredentialsService } from './credentials/identity-credentials.service';
import { federationBrokerEntities } from './database/entities';
import { federationBrokerMigrations } from './database/migrations';
import { FEDERATION_BROKER_SCHEMA } from './database/schema';
import { UserDirectoryConsumer } from './events/user-directory.consumer';
import { DeveloperIdentitiesService } from './identities/developer-identities.service';
import { IdentitiesHandlers } from './identities/identities.handlers';
import { IdentitiesService } from './identities/identities.service';
import { IdentityLinks } from './identities/identity-links';
import { LoginsVerifier } from './logins/logins.verifier';
import { UserPoolLoginVerifier } from './logins/user-pool-login.verifier';
import { IdentityPoolsHandlers } from './pools/identity-pools.handlers';
import { IdentityPoolsService } from './pools/identity-pools.service';
import { IssuerKeysService } from './tokens/issuer-keys.service';
import { OpenIdTokenIssuer } from './tokens/openid-token.issuer';

export interface FederationBrokerOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  databaseUrl: string;
  keyEncryptionKey: Buffer;
}

/** The issuer of the broker's OpenID tokens; credential vending trusts it as cognito-identity.amazonaws.com. */
export function brokerIssuer(env: IdfedEnv): string {
  return `${env.publicUrl}/identity`;
}

/** Wires the federation broker: plain classes built here, so what depends on what reads in one place. */
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
      rateLimits: options.env.rateLimits,
      controllers: [IdentityPoolsHandlers, IdentitiesHandlers, UserDirectoryConsumer],
      providers: [
        // The broker also asks: credential vending for credentials and token checks.
        ...peerBusProviders('federation-broker', options.transport, env.requestTimeoutMs),
        { provide: KeyEncryption, useValue: new KeyEncryption(options.keyEncryptionKey) },
        {
          provide: IdentityPoolsService,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new IdentityPoolsService(ds, env.region),
        },
        {
          provide: IdentityLinks,
          inject: [DataSource, OutboxService],
          useFactory: (ds: DataSource, outbox: OutboxService) => new IdentityLinks(ds, outbox, env.region),
        },
        {
          provide: UserPoolLoginVerifier,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new UserPoolLoginVerifier(ds, env.publicUrl),
        },
        {
          provide: LoginsVerifier,
          inject: [UserPoolLoginVerifier, BusClient, IssuerKeysService],
          useFactory: (userPools: UserPoolLoginVerifier, bus: BusClient, keys: IssuerKeysService) =>
            new LoginsVerifier(
              userPools,
              bus,
              { facebookGraphUrl: env.facebookGraphUrl, amazonApiUrl: env.amazonApiUrl },
              keys,
              brokerIssuer(env),
            ),
        },
        {
          provide: IssuerKeysService,
          inject: [DataSource, KeyEncryption, OutboxService],
          useFactory: (ds: DataSource, kek: KeyEncryption, outbox: OutboxService) =>
            new IssuerKeysService(ds, kek, outbox, brokerIssuer(env)),
        },
        {
          provide: OpenIdTokenIssuer,
          inject: [IssuerKeysService],
          useFactory: (keys: IssuerKeysService) => new OpenIdTokenIssuer(keys, brokerIssuer(env)),
        },
        {
          provide: IdentitiesService,
          inject: [DataSource, IdentityPoolsService, LoginsVerifier, IdentityLinks, OutboxService],
          useFactory: (
            ds: DataSource,
            p: IdentityPoolsService,
            v: LoginsVerifier,
            l: IdentityLinks,
            o: OutboxService,
          ) => new IdentitiesService(ds, p, v, l, o),
        },
        {
          provide: IdentityCredentialsService,
          inject: [IdentitiesService, OpenIdTokenIssuer, BusClient],
          useFactory: (i: IdentitiesService, t: OpenIdTokenIssuer, bus: BusClient) =>
            new IdentityCredentialsService(i, t, bus),
        },
        {
          provide: DeveloperIdentitiesService,
          inject: [
            DataSource,
            IdentityPoolsService,
            IdentityLinks,
            LoginsVerifier,
            OpenIdTokenIssuer,
            OutboxService,
          ],
          useFactory: (
            ds: DataSource,
            p: IdentityPoolsService,
            l: IdentityLinks,
            v: LoginsVerifier,
            t: OpenIdTokenIssuer,
            o: OutboxService,
          ) => new DeveloperIdentitiesService(ds, p, l, v, t, o),
        },
      ],
    });
  },
};
