import { randomBytes } from 'node:crypto';
import { Provider } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OutboxService } from '@idfed/messaging';
import { migrateServiceSchema, serviceDataSourceOptions, Transactions } from '@idfed/persistence';
import { AuthorizationMessageSealer, SessionTokenCodec } from '@idfed/session-credentials';
import { PasswordHasher } from '@idfed/crypto';
import { AccountSettingsRepository } from '../../src/account/account-settings.repository';
import { AuthorizationDetailsRepository } from '../../src/account/authorization-details.repository';
import { CredentialReportsRepository } from '../../src/credential-reports/credential-reports.repository';
import { StsPreferencesRepository } from '../../src/credential-reports/sts-preferences.repository';
import { ATTEMPT_LOCKOUT_POLICY, AttemptCounters } from '../../src/account/attempt-counters.repository';
import { LoginPasswords } from '../../src/account/login-passwords';
import { LoginProfilePasswords } from '../../src/account/login-profile-passwords';
import { LoginProfilesRepository } from '../../src/account/login-profiles.repository';
import { IamArns } from '../../src/common/arns';
import { credentialVendingOperations } from '../../src/credential-vending.operations';
import { credentialVendingEntities } from '../../src/database/entities';
import { credentialVendingMigrations } from '../../src/database/migrations';
import { CREDENTIAL_VENDING_SCHEMA } from '../../src/database/schema';
import { OidcProviderLookup } from '../../src/oidc-providers/oidc-provider.lookup';
import { OidcProvidersRepository } from '../../src/oidc-providers/oidc-providers.repository';
import { ManagedPoliciesRepository } from '../../src/policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../../src/policies/managed-policy.lookup';
import { RevocationsRepository } from '../../src/revocations/revocations.repository';
import { RoleLookup } from '../../src/roles/role.lookup';
import { RolePermissions } from '../../src/roles/role-permissions';
import { PolicySimulation } from '../../src/simulation/policy-simulation';
import { PrincipalPolicyReader } from '../../src/simulation/principal-policies';
import { RolesRepository } from '../../src/roles/roles.repository';
import { SamlProviderLookup } from '../../src/saml-providers/saml-provider.lookup';
import { SamlPrivateKeys } from '../../src/saml-providers/saml-private-keys';
import { SamlProvidersRepository } from '../../src/saml-providers/saml-providers.repository';
import { LongTermKeySessions } from '../../src/sts/long-term-key-session';
import { SessionIssuer } from '../../src/sts/session-issuer';
import { AccessKeySecrets } from '../../src/users/access-key-secrets';
import { UserLookup } from '../../src/users/user.lookup';
import { UserCredentialSteps } from '../../src/users/user-credential-steps';
import { UsersRepository } from '../../src/users/users.repository';
import { GroupLookup } from '../../src/groups/group.lookup';
import { GroupsRepository } from '../../src/groups/groups.repository';
import { GrpcCallIdsRepository } from '../../src/grpc-call-ids/grpc-call-ids.repository';
import { JwksClient } from '../../src/web-identity/jwks.client';
import { MfaDevicesRepository } from '../../src/mfa/mfa-devices.repository';
import { MfaSeeds } from '../../src/mfa/mfa-seeds';
import { VirtualMfaDevices } from '../../src/mfa/virtual-mfa-devices';
import { WebIdentityProviders } from '../../src/web-identity/web-identity-providers';
import { WebIdentityTokenVerifier } from '../../src/web-identity/web-identity-token.verifier';
import { InstanceProfilesRepository } from '../../src/instance-profiles/instance-profiles.repository';
import { InstanceProfileLookup } from '../../src/instance-profiles/instance-profiles';
import { ServerCertificateKeys } from '../../src/server-certificates/server-certificate-keys';
import { ServerCertificatesRepository } from '../../src/server-certificates/server-certificates.repository';
import { ServerCertificateLookup } from '../../src/server-certificates/server-certificates';
import { SigningCertificatesRepository } from '../../src/signing-certificates/signing-certificates.repository';
import { SshPublicKeysRepository } from '../../src/ssh-public-keys/ssh-public-keys.repository';
import { ServiceCredentialsRepository } from '../../src/service-credentials/service-credentials.repository';
import { ServicePasswords } from '../../src/service-credentials/service-passwords';
import { OutboundSigningKeys } from '../../src/outbound-federation/outbound-signing-keys';
import { OUTBOUND_ISSUER_BASE, OutboundIssuer } from '../../src/outbound-federation/outbound-issuer';
import { OutboundFederationRepository } from '../../src/outbound-federation/outbound-federation.repository';

export const ACCOUNT = '123456789012';

/** Credential vending's schema, migrated, in a PostgreSQL database of its own (IDFED_TEST_DATABASE_URL's server). */
export interface ServiceDatabase {
  ds: DataSource;
  drop(): Promise<void>;
}

export async function createServiceDatabase(): Promise<ServiceDatabase> {
  const serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
  const dbName = `idfed_cv_int_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const ds = new DataSource(
    serviceDataSourceOptions({
      url: url.toString(),
      schema: CREDENTIAL_VENDING_SCHEMA,
      entities: credentialVendingEntities,
      migrations: credentialVendingMigrations,
      // Every racer holds a connection of its own, as replicas would.
      poolSize: 24,
    }),
  );
  await ds.initialize();
  await migrateServiceSchema(ds, CREDENTIAL_VENDING_SCHEMA);
  return {
    ds,
    drop: async () => {
      await ds.destroy();
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
      await c.end();
    },
  };
}

/** The service's own classes, wired by Nest as the service wires them, on this database. */
export function serviceModule(ds: DataSource, extra: Provider[] = []): Promise<TestingModule> {
  return Test.createTestingModule({
    providers: [
      ...new Set(credentialVendingOperations.map((b) => b.handler)),
      { provide: DataSource, useValue: ds },
      Transactions,
      { provide: OutboxService, useValue: new OutboxService(CREDENTIAL_VENDING_SCHEMA) },
      { provide: IamArns, useValue: new IamArns(ACCOUNT) },
      { provide: SessionTokenCodec, useValue: SessionTokenCodec.fromMasterKey(randomBytes(32)) },
      { provide: JwksClient, useValue: new JwksClient() },
      { provide: AccessKeySecrets, useValue: new AccessKeySecrets(randomBytes(32)) },
      { provide: AuthorizationMessageSealer, useValue: new AuthorizationMessageSealer(randomBytes(32)) },
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
      SamlProviderLookup,
      { provide: SamlPrivateKeys, useValue: new SamlPrivateKeys(randomBytes(32)) },
      GrpcCallIdsRepository,
      { provide: MfaSeeds, useValue: new MfaSeeds(randomBytes(32)) },
      MfaDevicesRepository,
      VirtualMfaDevices,
      PolicySimulation,
      PrincipalPolicyReader,
      // ADR 0084: account settings, console passwords, attempt counters (lockouts as the e2e system's).
      AccountSettingsRepository,
      AuthorizationDetailsRepository,
      LoginProfilesRepository,
      LoginProfilePasswords,
      AttemptCounters,
      { provide: LoginPasswords, useValue: new LoginPasswords(randomBytes(32), new PasswordHasher(1024)) },
      {
        provide: ATTEMPT_LOCKOUT_POLICY,
        useValue: { freeFailures: 5, firstLockoutMs: 600_000, maxLockoutMs: 600_000, resetAfterMs: 900_000 },
      },
      // IAM instance profiles, server and signing certificates, SSH public keys (ADR 0085).
      InstanceProfilesRepository,
      InstanceProfileLookup,
      { provide: ServerCertificateKeys, useValue: new ServerCertificateKeys(randomBytes(32)) },
      ServerCertificatesRepository,
      ServerCertificateLookup,
      SigningCertificatesRepository,
      SshPublicKeysRepository,
      ServiceCredentialsRepository,
      { provide: ServicePasswords, useValue: new ServicePasswords(randomBytes(32)) },
      // Outbound identity federation (ADR 0086).
      { provide: OutboundSigningKeys, useValue: new OutboundSigningKeys(randomBytes(32)) },
      { provide: OUTBOUND_ISSUER_BASE, useValue: 'http://127.0.0.1:4566' },
      OutboundFederationRepository,
      OutboundIssuer,
      // IAM credential reports (ADR 0093).
      CredentialReportsRepository,
      StsPreferencesRepository,
      ...extra,
    ],
  }).compile();
}
