import { AuthChallengeTriggers } from './triggers/auth-challenge-triggers';
import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { KeyEncryption, PasswordHasher, deriveKey } from '@idfed/crypto';
import { TransportConfig } from '@idfed/messaging';
import { ServiceModule } from '@idfed/service-runtime';
import { AttemptCountersRepository } from './attempts/attempt-counters.repository';
import { AttemptLimiter, LOCKOUT_POLICY, UNKNOWN_NAME_KEY } from './attempts/attempt-limiter';
import { LockoutPolicy } from './attempts/attempt-policy';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { AuthSessionSeal } from './auth/auth-session-seal';
import { authFlowProviders } from './auth/flows/auth-flows.registry';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository';
import { Sessions } from './auth/sessions';
import { SignInCompletion } from './auth/sign-in-completion';
import { AppClientsRepository } from './clients/app-clients.repository';
import { ClientCacheInvalidation } from './clients/client-cache-invalidation';
import { ClientsService } from './clients/clients.service';
import { userDirectoryEntities } from './database/entities';
import { UserPoolDomainsRepository } from './domains/user-pool-domains.repository';
import { oauthProviders } from './oauth/oauth.providers';
import { RefreshTokenRenewal } from './auth/refresh-token-renewal';
import { relyingPartyProviders } from './relying-party/relying-party.providers';
import { userDirectoryMigrations } from './database/migrations';
import { USER_DIRECTORY_SCHEMA } from './database/schema';
import { GroupsRepository } from './groups/groups.repository';
import { BackgroundDelivery } from './delivery/background-delivery';
import { MESSAGE_SENDER, MessageSender } from './delivery/message-sender';
import { MessageTriggers, TriggeredMessageSender } from './triggers/message-triggers';
import { PoolsService } from './pools/pools.service';
import { identityProviderProviders } from './providers/providers.providers';
import { riskProviders } from './risk/risk.providers';
import { federationProviders } from './federation/federation.providers';
import { samlProviders } from './saml/saml.providers';
import { managedLoginProviders } from './managed-login/managed-login.providers';
import { UserPoolsRepository } from './pools/user-pools.repository';
import { SigningKeysRepository } from './tokens/signing-keys.repository';
import { SigningKeysService } from './tokens/signing-keys.service';
import { TokenIssuer } from './tokens/token-issuer';
import { USER_DIRECTORY_OPERATIONS } from './user-directory.operations';
import {
  USER_DIRECTORY_CONFIG,
  USER_DIRECTORY_TRANSPORT,
  UserDirectoryConfig,
} from './user-directory.tokens';
import { LAMBDA_ENDPOINTS_CONFIG, lambdaEndpointsConfig } from './triggers/lambda-endpoints';
import { TriggerCaller } from './triggers/trigger-caller';
import { UserPoolTriggers } from './triggers/user-pool-triggers';
import { UserMigrationTrigger } from './triggers/user-migration.trigger';
import { UserMigrations } from './users/user-migrations';
import { PasswordCredentials } from './users/password-credentials';
import { PasswordHistory } from './users/password-history';
import { PasswordHistoryRepository } from './users/password-history.repository';
import { CodeDigest, TotpSecretSeal, VerifierSeal } from './users/secrets-at-rest';
import { mfaProviders } from './mfa/mfa.providers';
import { devicesProviders } from './devices/devices.providers';
import { sessionsProviders } from './sessions/sessions.providers';
import { webAuthnProviders } from './webauthn/webauthn.providers';
import { UserAttributeEdits } from './users/user-attribute-edits';
import { userProviders } from './users/users.providers';
import { userPoolRegionScope } from './common/region-scope';
import { userImportProviders } from './import/user-import.providers';

export interface UserDirectoryOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  databaseUrl: string;
  keyEncryptionKey: Buffer;
  sender: MessageSender;
}

/**
 * Wires the user directory: the operation registry (its handler classes are provided by
 * ServiceModule), the helper classes they inject, and the configuration and keys, each provided
 * once by token from the options.
 */
export const UserDirectoryModule = {
  register(options: UserDirectoryOptions): DynamicModule {
    const { env, keyEncryptionKey: kek } = options;
    const config: UserDirectoryConfig = {
      publicUrl: env.publicUrl,
      region: env.region,
      accountId: env.accountId,
      providerEndpoints: {
        googleIssuer: env.googleIssuer,
        facebookGraphUrl: env.facebookGraphUrl,
        amazonApiUrl: env.amazonApiUrl,
        ...env.socialProviderUrls,
      },
      authDomainSuffix: env.authDomainSuffix,
      customDomainCertDir: env.customDomains?.certDir,
      customDomainPublicPort: env.customDomains?.publicPort,
    };
    const lockout: LockoutPolicy = {
      freeFailures: env.lockoutFreeFailures,
      firstLockoutMs: env.lockoutFirstMs,
      maxLockoutMs: env.lockoutMaxMs,
      resetAfterMs: env.lockoutResetMs,
    };
    return ServiceModule.register({
      service: 'user-directory',
      schema: USER_DIRECTORY_SCHEMA,
      transport: options.transport,
      databaseUrl: options.databaseUrl,
      entities: userDirectoryEntities,
      migrations: userDirectoryMigrations(kek),
      rateLimits: env.rateLimits,
      audit: { accountId: env.accountId, region: env.region, reads: env.auditReads },
      operations: USER_DIRECTORY_OPERATIONS,
      regionScope: userPoolRegionScope,
      providers: [
        { provide: USER_DIRECTORY_CONFIG, useValue: config },
        { provide: USER_DIRECTORY_TRANSPORT, useValue: options.transport },
        { provide: LOCKOUT_POLICY, useValue: lockout },
        // Every message goes through the pool's message triggers, if any (ADR 0043).
        MessageTriggers,
        {
          provide: MESSAGE_SENDER,
          useFactory: (triggers: MessageTriggers) => new TriggeredMessageSender(options.sender, triggers),
          inject: [MessageTriggers],
        },
        { provide: LAMBDA_ENDPOINTS_CONFIG, useValue: lambdaEndpointsConfig(env) },
        TriggerCaller,
        UserPoolTriggers,
        AuthChallengeTriggers,
        UserMigrationTrigger,
        UserMigrations,
        // Keys derived from the key-encryption key, each once; no class is handed the key itself.
        { provide: KeyEncryption, useValue: new KeyEncryption(kek) },
        { provide: AuthSessionSeal, useValue: new AuthSessionSeal(kek) },
        { provide: VerifierSeal, useValue: new VerifierSeal(kek) },
        { provide: CodeDigest, useValue: new CodeDigest(kek) },
        { provide: TotpSecretSeal, useValue: new TotpSecretSeal(kek) },
        { provide: UNKNOWN_NAME_KEY, useValue: deriveKey(kek, 'idfed user-directory unknown names v1') },
        { provide: PasswordHasher, useValue: new PasswordHasher(env.passwordHashMemoryKiB) },
        AttemptCountersRepository,
        AttemptLimiter,
        RefreshTokensRepository,
        // GetTokensFromRefreshToken's and the token endpoint's refresh, one code (ADR 0081).
        RefreshTokenRenewal,
        Sessions,
        BackgroundDelivery,
        PasswordCredentials,
        // Beside PasswordCredentials, which it compares with (ADR 0057).
        PasswordHistoryRepository,
        PasswordHistory,
        UserPoolsRepository,
        AppClientsRepository,
        UserPoolDomainsRepository,
        SigningKeysRepository,
        GroupsRepository,
        SigningKeysService,
        TokenIssuer,
        AccessTokenVerifier,
        PoolsService,
        ClientsService,
        // Drops cached clients another replica changed (ADR 0064).
        ClientCacheInvalidation,
        SignInCompletion,
        ...mfaProviders,
        ...devicesProviders,
        ...sessionsProviders,
        ...webAuthnProviders,
        ...authFlowProviders,
        ...oauthProviders,
        ...relyingPartyProviders,
        UserAttributeEdits,
        ...userProviders,
        ...identityProviderProviders,
        ...riskProviders,
        ...federationProviders,
        ...samlProviders,
        ...managedLoginProviders,
        ...userImportProviders(kek),
      ],
    });
  },
};
