import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { BusClient, TransportConfig } from '@idfed/messaging';
import { peerBusProviders, ServiceModule } from '@idfed/service-runtime';
import { AuthorizationMessageSealer, SessionTokenCodec } from '@idfed/session-credentials';
import { AccessKeySecrets } from './users/access-key-secrets';
import { SamlPrivateKeys } from './saml-providers/saml-private-keys';
import { MfaSeeds } from './mfa/mfa-seeds';
import { OutboundSigningKeys } from './outbound-federation/outbound-signing-keys';
import { OUTBOUND_ISSUER_BASE, OutboundIssuer } from './outbound-federation/outbound-issuer';
import { OutboundFederationRepository } from './outbound-federation/outbound-federation.repository';
import { MfaDevicesRepository } from './mfa/mfa-devices.repository';
import { VirtualMfaDevices } from './mfa/virtual-mfa-devices';
import { InstanceProfilesRepository } from './instance-profiles/instance-profiles.repository';
import { InstanceProfileLookup } from './instance-profiles/instance-profiles';
import { ServerCertificateKeys } from './server-certificates/server-certificate-keys';
import { ServerCertificatesRepository } from './server-certificates/server-certificates.repository';
import { ServerCertificateLookup } from './server-certificates/server-certificates';
import { SigningCertificatesRepository } from './signing-certificates/signing-certificates.repository';
import { SshPublicKeysRepository } from './ssh-public-keys/ssh-public-keys.repository';
import { ServiceCredentialsRepository } from './service-credentials/service-credentials.repository';
import { ServicePasswords } from './service-credentials/service-passwords';
import { UserLookup } from './users/user.lookup';
import { UserCredentialSteps } from './users/user-credential-steps';
import { UsersRepository } from './users/users.repository';
import { GroupLookup } from './groups/group.lookup';
import { GroupsRepository } from './groups/groups.repository';
import { IamArns } from './common/arns';
import { PasswordHasher } from '@idfed/crypto';
import { AccountSettingsRepository } from './account/account-settings.repository';
import { CredentialReportsRepository } from './credential-reports/credential-reports.repository';
import { StsPreferencesRepository } from './credential-reports/sts-preferences.repository';
import { AuthorizationDetailsRepository } from './account/authorization-details.repository';
import { ATTEMPT_LOCKOUT_POLICY, AttemptCounters } from './account/attempt-counters.repository';
import { LoginPasswords } from './account/login-passwords';
import { LoginProfilePasswords } from './account/login-profile-passwords';
import { LoginProfilesRepository } from './account/login-profiles.repository';
import { PolicySimulation } from './simulation/policy-simulation';
import { PrincipalPolicyReader } from './simulation/principal-policies';
import { credentialVendingOperations } from './credential-vending.operations';
import { credentialVendingEntities } from './database/entities';
import { credentialVendingMigrations } from './database/migrations';
import { CREDENTIAL_VENDING_SCHEMA } from './database/schema';
import { OidcProviderLookup } from './oidc-providers/oidc-provider.lookup';
import { OidcProvidersRepository } from './oidc-providers/oidc-providers.repository';
import { ManagedPoliciesRepository } from './policies/managed-policies.repository';
import { ManagedPolicyLookup } from './policies/managed-policy.lookup';
import { RevocationsRepository } from './revocations/revocations.repository';
import { RoleLookup } from './roles/role.lookup';
import { RolePermissions } from './roles/role-permissions';
import { RolesRepository } from './roles/roles.repository';
import { SamlProviderLookup } from './saml-providers/saml-provider.lookup';
import { SamlProvidersRepository } from './saml-providers/saml-providers.repository';
import { GrpcCallIdsRepository } from './grpc-call-ids/grpc-call-ids.repository';
import { SessionIssuer } from './sts/session-issuer';
import { LongTermKeySessions } from './sts/long-term-key-session';
import { identityPoolIssuer } from './web-identity/identity-pool-issuer';
import { JwksClient } from './web-identity/jwks.client';
import {
  GOOGLE_ISSUER,
  TRUSTED_ISSUERS,
  TrustedIssuer,
  WebIdentityProviders,
} from './web-identity/web-identity-providers';
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

/**
 * Credential vending: its operation registry and the helpers the handlers share, each an
 * injectable class; configuration values are provided by token, built once from the options.
 */
export const CredentialVendingModule = {
  register(options: CredentialVendingOptions): DynamicModule {
    const { env } = options;
    return ServiceModule.register({
      service: 'credential-vending',
      schema: CREDENTIAL_VENDING_SCHEMA,
      transport: options.transport,
      databaseUrl: options.databaseUrl,
      entities: credentialVendingEntities,
      migrations: credentialVendingMigrations,
      rateLimits: env.rateLimits,
      audit: { accountId: env.accountId, region: env.region, reads: env.auditReads },
      operations: credentialVendingOperations,
      providers: [
        // Credential vending also asks: the federation broker for its issuer keys.
        ...peerBusProviders('credential-vending', options.transport, env.requestTimeoutMs),
        { provide: IamArns, useValue: new IamArns(env.accountId) },
        { provide: SessionTokenCodec, useValue: SessionTokenCodec.fromMasterKey(options.sessionTokenKey) },
        { provide: AccessKeySecrets, useValue: new AccessKeySecrets(options.sessionTokenKey) },
        { provide: SamlPrivateKeys, useValue: new SamlPrivateKeys(options.sessionTokenKey) },
        // IAM virtual MFA devices' seeds (ADR 0072).
        { provide: MfaSeeds, useValue: new MfaSeeds(options.sessionTokenKey) },
        // Outbound identity federation's signing keys and issuer URLs (ADR 0086).
        { provide: OutboundSigningKeys, useValue: new OutboundSigningKeys(options.sessionTokenKey) },
        { provide: OUTBOUND_ISSUER_BASE, useValue: env.publicUrl },
        // IAM users' console passwords and the lockout of guessed secrets (ADR 0084).
        {
          provide: LoginPasswords,
          useValue: new LoginPasswords(
            options.sessionTokenKey,
            new PasswordHasher(env.passwordHashMemoryKiB),
          ),
        },
        {
          provide: ATTEMPT_LOCKOUT_POLICY,
          useValue: {
            freeFailures: env.lockoutFreeFailures,
            firstLockoutMs: env.lockoutFirstMs,
            maxLockoutMs: env.lockoutMaxMs,
            resetAfterMs: env.lockoutResetMs,
          },
        },
        // IAM service-specific passwords' digests (ADR 0085).
        { provide: ServicePasswords, useValue: new ServicePasswords(options.sessionTokenKey) },
        // IAM server certificates' private keys (ADR 0085).
        { provide: ServerCertificateKeys, useValue: new ServerCertificateKeys(options.sessionTokenKey) },
        {
          provide: AuthorizationMessageSealer,
          useValue: new AuthorizationMessageSealer(options.sessionTokenKey),
        },
        { provide: JwksClient, useValue: new JwksClient() },
        { provide: GOOGLE_ISSUER, useValue: env.googleIssuer },
        {
          // The default issuer asks the broker for its keys, so the list needs the bus client.
          provide: TRUSTED_ISSUERS,
          inject: [BusClient],
          useFactory: (bus: BusClient): TrustedIssuer[] =>
            options.trustedIssuers ? options.trustedIssuers(bus) : [identityPoolIssuer(env, bus)],
        },
        RolesRepository,
        UsersRepository,
        UserLookup,
        UserCredentialSteps,
        GroupsRepository,
        GroupLookup,
        ManagedPoliciesRepository,
        OidcProvidersRepository,
        RevocationsRepository,
        RoleLookup,
        RolePermissions,
        ManagedPolicyLookup,
        OidcProviderLookup,
        SessionIssuer,
        LongTermKeySessions,
        WebIdentityProviders,
        WebIdentityTokenVerifier,
        SamlProvidersRepository,
        GrpcCallIdsRepository,
        SamlProviderLookup,
        MfaDevicesRepository,
        VirtualMfaDevices,
        PolicySimulation,
        PrincipalPolicyReader,
        OutboundFederationRepository,
        OutboundIssuer,
        AccountSettingsRepository,
        AuthorizationDetailsRepository,
        LoginProfilesRepository,
        LoginProfilePasswords,
        AttemptCounters,
        // IAM instance profiles (ADR 0085).
        InstanceProfilesRepository,
        InstanceProfileLookup,
        // IAM server certificates (ADR 0085).
        ServerCertificatesRepository,
        ServerCertificateLookup,
        SigningCertificatesRepository,
        SshPublicKeysRepository,
        ServiceCredentialsRepository,
        // IAM credential reports (ADR 0093).
        CredentialReportsRepository,
        StsPreferencesRepository,
      ],
    });
  },
};
