import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { BusClient, OutboxService, TransportConfig } from '@idfed/messaging';
import { peerBusProviders, ServiceModule } from '@idfed/service-runtime';
import { SessionTokenCodec } from '@idfed/session-credentials';
import { DataSource } from 'typeorm';
import { IamArns } from './common/arns';
import { credentialVendingEntities } from './database/entities';
import { credentialVendingMigrations } from './database/migrations';
import { CREDENTIAL_VENDING_SCHEMA } from './database/schema';
import { OidcProvidersHandlers } from './oidc-providers/oidc-providers.handlers';
import { OidcProvidersService } from './oidc-providers/oidc-providers.service';
import { ManagedPoliciesService } from './policies/managed-policies.service';
import { PoliciesHandlers } from './policies/policies.handlers';
import { RevocationsHandlers } from './revocations/revocations.handlers';
import { RevocationsService } from './revocations/revocations.service';
import { RolePoliciesService } from './roles/role-policies.service';
import { RolesHandlers } from './roles/roles.handlers';
import { RolesService } from './roles/roles.service';
import { AssumeRoleUseCase } from './sts/assume-role.use-case';
import { AssumeRoleWithWebIdentityUseCase } from './sts/assume-role-with-web-identity.use-case';
import { SessionIssuer } from './sts/session-issuer';
import { StsHandlers } from './sts/sts.handlers';
import { JwksClient } from './web-identity/jwks.client';
import { identityPoolIssuer } from './web-identity/identity-pool-issuer';
import { VerifyWebIdentityTokenUseCase } from './web-identity/verify-web-identity-token.use-case';
import { WebIdentityHandlers } from './web-identity/web-identity.handlers';
import { TrustedIssuer, WebIdentityProviders } from './web-identity/web-identity-providers';
import { WebIdentityTokenVerifier } from './web-identity/web-identity-token.verifier';

export interface CredentialVendingOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  databaseUrl: string;
  /** The session-token master key (loadSessionTokenKey): the gateways must hold the same. */
  sessionTokenKey: Buffer;
  /**
   * Issuers trusted by configuration; see TrustedIssuer. Default: idfed's own identity-pool issuer
   * as cognito-identity.amazonaws.com (identityPoolIssuer).
   */
  trustedIssuers?: (bus: BusClient) => TrustedIssuer[];
}

/** Wires credential vending: plain classes built here, so what depends on what reads in one place. */
export const CredentialVendingModule = {
  register(options: CredentialVendingOptions): DynamicModule {
    const arns = new IamArns(options.env.accountId);
    return ServiceModule.register({
      service: 'credential-vending',
      schema: CREDENTIAL_VENDING_SCHEMA,
      transport: options.transport,
      databaseUrl: options.databaseUrl,
      entities: credentialVendingEntities,
      migrations: credentialVendingMigrations,
      rateLimits: options.env.rateLimits,
      controllers: [
        RolesHandlers,
        PoliciesHandlers,
        OidcProvidersHandlers,
        StsHandlers,
        RevocationsHandlers,
        WebIdentityHandlers,
      ],
      providers: [
        { provide: IamArns, useValue: arns },
        { provide: SessionTokenCodec, useValue: SessionTokenCodec.fromMasterKey(options.sessionTokenKey) },
        { provide: JwksClient, useValue: new JwksClient() },
        // Credential vending also asks: the federation broker for its issuer keys.
        ...peerBusProviders('credential-vending', options.transport, options.env.requestTimeoutMs),
        {
          provide: RolesService,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new RolesService(ds, arns),
        },
        {
          provide: ManagedPoliciesService,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new ManagedPoliciesService(ds, arns),
        },
        {
          provide: RolePoliciesService,
          inject: [DataSource, RolesService, ManagedPoliciesService],
          useFactory: (ds: DataSource, roles: RolesService, policies: ManagedPoliciesService) =>
            new RolePoliciesService(ds, roles, policies),
        },
        {
          provide: OidcProvidersService,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new OidcProvidersService(ds, arns),
        },
        {
          provide: WebIdentityProviders,
          inject: [OidcProvidersService, BusClient],
          useFactory: (providers: OidcProvidersService, bus: BusClient) =>
            new WebIdentityProviders(
              providers,
              options.trustedIssuers ? options.trustedIssuers(bus) : [identityPoolIssuer(options.env, bus)],
              options.env.googleIssuer,
            ),
        },
        {
          provide: WebIdentityTokenVerifier,
          inject: [WebIdentityProviders, JwksClient],
          useFactory: (providers: WebIdentityProviders, jwks: JwksClient) =>
            new WebIdentityTokenVerifier(providers, jwks),
        },
        {
          provide: VerifyWebIdentityTokenUseCase,
          inject: [WebIdentityProviders, WebIdentityTokenVerifier],
          useFactory: (providers: WebIdentityProviders, verifier: WebIdentityTokenVerifier) =>
            new VerifyWebIdentityTokenUseCase(providers, verifier),
        },
        {
          provide: SessionIssuer,
          inject: [DataSource, SessionTokenCodec, OutboxService],
          useFactory: (ds: DataSource, codec: SessionTokenCodec, outbox: OutboxService) =>
            new SessionIssuer(ds, codec, outbox),
        },
        {
          provide: AssumeRoleWithWebIdentityUseCase,
          inject: [DataSource, RolesService, ManagedPoliciesService, WebIdentityTokenVerifier, SessionIssuer],
          useFactory: (
            ds: DataSource,
            roles: RolesService,
            policies: ManagedPoliciesService,
            tokens: WebIdentityTokenVerifier,
            issuer: SessionIssuer,
          ) => new AssumeRoleWithWebIdentityUseCase(ds, roles, policies, tokens, issuer),
        },
        {
          provide: AssumeRoleUseCase,
          inject: [DataSource, RolesService, RolePoliciesService, ManagedPoliciesService, SessionIssuer],
          useFactory: (
            ds: DataSource,
            roles: RolesService,
            rolePolicies: RolePoliciesService,
            policies: ManagedPoliciesService,
            issuer: SessionIssuer,
          ) => new AssumeRoleUseCase(ds, arns, roles, rolePolicies, policies, issuer),
        },
        {
          provide: RevocationsService,
          inject: [DataSource, RolesService, OutboxService],
          useFactory: (ds: DataSource, roles: RolesService, outbox: OutboxService) =>
            new RevocationsService(ds, roles, outbox),
        },
      ],
    });
  },
};
