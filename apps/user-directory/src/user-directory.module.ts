import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { OutboxService, TransportConfig } from '@idfed/messaging';
import { ServiceModule } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { AttemptLimiter } from './attempts/attempt-limiter';
import { AuthHandlers } from './auth/auth.handlers';
import { GetUserUseCase } from './auth/get-user.use-case';
import { AccessTokenVerifier } from './auth/access-token.verifier';
import { AdminInitiateAuthUseCase } from './auth/admin-initiate-auth.use-case';
import { AuthSessionSeal } from './auth/auth-session-seal';
import { InitiateAuthUseCase } from './auth/initiate-auth.use-case';
import { NewPasswordChallenge } from './auth/new-password-challenge';
import { PasswordHasher } from './auth/password-hasher';
import { RespondToAuthChallengeUseCase } from './auth/respond-to-auth-challenge.use-case';
import { SignInCompletion } from './auth/sign-in-completion';
import { SignOutUseCases } from './auth/sign-out.use-cases';
import { UserSrpAuth } from './auth/user-srp-auth';
import { ClientsHandlers } from './clients/clients.handlers';
import { ClientsService } from './clients/clients.service';
import { SigningKeyEntity, userDirectoryEntities } from './database/entities';
import { userDirectoryMigrations } from './database/migrations';
import { USER_DIRECTORY_SCHEMA } from './database/schema';
import { GroupsHandlers } from './groups/groups.handlers';
import { GroupsUseCases } from './groups/groups.use-cases';
import { BackgroundDelivery } from './delivery/background-delivery';
import { MESSAGE_SENDER, MessageSender } from './delivery/message-sender';
import { PoolsHandlers } from './pools/pools.handlers';
import { PoolsService } from './pools/pools.service';
import { deriveKey, KeyEncryption } from '@idfed/crypto';
import { SigningKeysService } from './tokens/signing-keys.service';
import { TokenIssuer } from './tokens/token-issuer';
import { AccountStateUseCases } from './users/account-state.use-cases';
import { AdminCreateUserUseCase } from './users/admin-create-user.use-case';
import { AdminSetUserPasswordUseCase } from './users/admin-set-user-password.use-case';
import { ChangePasswordUseCase } from './users/change-password.use-case';
import { PasswordResetUseCases } from './users/password-reset.use-cases';
import { ListUsersUseCase } from './users/list-users.use-case';
import { PasswordsHandlers } from './users/passwords.handlers';
import { UserAttributesHandlers } from './users/user-attributes.handlers';
import { UserAttributesUseCases } from './users/user-attributes.use-cases';
import { AdminUsersUseCases } from './users/admin-users.use-cases';
import { ConfirmationUseCases } from './users/confirmation.use-cases';
import { PasswordCredentials } from './users/password-credentials';
import { CodeDigest, VerifierSeal } from './users/secrets-at-rest';
import { SignUpUseCase } from './users/sign-up.use-case';
import { UsersHandlers } from './users/users.handlers';

export interface UserDirectoryOptions {
  env: IdfedEnv;
  transport: TransportConfig;
  databaseUrl: string;
  keyEncryptionKey: Buffer;
  sender: MessageSender;
}

/** Wires the user directory: plain classes built here, so what depends on what reads in one place. */
export const UserDirectoryModule = {
  register(options: UserDirectoryOptions): DynamicModule {
    const { env } = options;
    return ServiceModule.register({
      service: 'user-directory',
      schema: USER_DIRECTORY_SCHEMA,
      transport: options.transport,
      databaseUrl: options.databaseUrl,
      entities: userDirectoryEntities,
      migrations: userDirectoryMigrations(options.keyEncryptionKey),
      rateLimits: env.rateLimits,
      controllers: [
        PoolsHandlers,
        ClientsHandlers,
        UsersHandlers,
        UserAttributesHandlers,
        PasswordsHandlers,
        AuthHandlers,
        GroupsHandlers,
      ],
      providers: [
        { provide: MESSAGE_SENDER, useValue: options.sender },
        { provide: KeyEncryption, useValue: new KeyEncryption(options.keyEncryptionKey) },
        { provide: PasswordHasher, useValue: new PasswordHasher(env.passwordHashMemoryKiB) },
        { provide: AuthSessionSeal, useValue: new AuthSessionSeal(options.keyEncryptionKey) },
        { provide: VerifierSeal, useValue: new VerifierSeal(options.keyEncryptionKey) },
        { provide: CodeDigest, useValue: new CodeDigest(options.keyEncryptionKey) },
        { provide: BackgroundDelivery, useValue: new BackgroundDelivery(options.sender) },
        {
          provide: AttemptLimiter,
          inject: [DataSource],
          useFactory: (ds: DataSource) =>
            new AttemptLimiter(
              ds,
              {
                freeFailures: env.lockoutFreeFailures,
                firstLockoutMs: env.lockoutFirstMs,
                maxLockoutMs: env.lockoutMaxMs,
                resetAfterMs: env.lockoutResetMs,
              },
              deriveKey(options.keyEncryptionKey, 'idfed user-directory unknown names v1'),
            ),
        },
        {
          provide: PasswordCredentials,
          inject: [PasswordHasher, VerifierSeal],
          useFactory: (h: PasswordHasher, v: VerifierSeal) => new PasswordCredentials(h, v),
        },
        {
          provide: SigningKeysService,
          inject: [DataSource, KeyEncryption],
          useFactory: (ds: DataSource, kek: KeyEncryption) =>
            new SigningKeysService(ds.getRepository(SigningKeyEntity), kek),
        },
        {
          provide: TokenIssuer,
          inject: [SigningKeysService],
          useFactory: (keys: SigningKeysService) => new TokenIssuer(keys, env.publicUrl),
        },
        {
          provide: PoolsService,
          inject: [DataSource, SigningKeysService, OutboxService],
          useFactory: (ds: DataSource, keys: SigningKeysService, outbox: OutboxService) =>
            new PoolsService(ds, keys, outbox, { region: env.region, accountId: env.accountId }),
        },
        {
          provide: ClientsService,
          inject: [DataSource, PoolsService, KeyEncryption],
          useFactory: (ds: DataSource, pools: PoolsService, kek: KeyEncryption) =>
            new ClientsService(ds, pools, kek),
        },
        {
          provide: SignUpUseCase,
          inject: [
            DataSource,
            ClientsService,
            PasswordCredentials,
            MESSAGE_SENDER,
            OutboxService,
            CodeDigest,
          ],
          useFactory: (
            ds: DataSource,
            c: ClientsService,
            p: PasswordCredentials,
            s: MessageSender,
            o: OutboxService,
            codes: CodeDigest,
          ) => new SignUpUseCase(ds, c, p, s, o, codes),
        },
        {
          provide: ConfirmationUseCases,
          inject: [
            DataSource,
            ClientsService,
            PoolsService,
            BackgroundDelivery,
            OutboxService,
            AttemptLimiter,
            CodeDigest,
          ],
          useFactory: (
            ds: DataSource,
            c: ClientsService,
            p: PoolsService,
            d: BackgroundDelivery,
            o: OutboxService,
            a: AttemptLimiter,
            codes: CodeDigest,
          ) => new ConfirmationUseCases(ds, c, p, d, o, a, codes),
        },
        {
          provide: AdminUsersUseCases,
          inject: [DataSource, PoolsService, OutboxService, AccessTokenVerifier],
          useFactory: (ds: DataSource, p: PoolsService, o: OutboxService, t: AccessTokenVerifier) =>
            new AdminUsersUseCases(ds, p, o, t),
        },
        {
          provide: SignInCompletion,
          inject: [DataSource, TokenIssuer, AuthSessionSeal],
          useFactory: (ds: DataSource, t: TokenIssuer, seal: AuthSessionSeal) =>
            new SignInCompletion(ds, t, seal),
        },
        {
          provide: NewPasswordChallenge,
          inject: [DataSource, AuthSessionSeal, PasswordCredentials, SignInCompletion],
          useFactory: (
            ds: DataSource,
            seal: AuthSessionSeal,
            p: PasswordCredentials,
            done: SignInCompletion,
          ) => new NewPasswordChallenge(ds, seal, p, done),
        },
        {
          provide: UserSrpAuth,
          inject: [DataSource, AuthSessionSeal, SignInCompletion, AttemptLimiter, PasswordCredentials],
          useFactory: (
            ds: DataSource,
            seal: AuthSessionSeal,
            done: SignInCompletion,
            a: AttemptLimiter,
            p: PasswordCredentials,
          ) => new UserSrpAuth(ds, seal, done, a, p),
        },
        {
          provide: InitiateAuthUseCase,
          inject: [
            DataSource,
            ClientsService,
            TokenIssuer,
            PasswordCredentials,
            SignInCompletion,
            UserSrpAuth,
            AttemptLimiter,
          ],
          useFactory: (
            ds: DataSource,
            c: ClientsService,
            t: TokenIssuer,
            p: PasswordCredentials,
            done: SignInCompletion,
            srp: UserSrpAuth,
            a: AttemptLimiter,
          ) => new InitiateAuthUseCase(ds, c, t, p, done, srp, a),
        },
        {
          provide: RespondToAuthChallengeUseCase,
          inject: [ClientsService, UserSrpAuth, NewPasswordChallenge],
          useFactory: (c: ClientsService, srp: UserSrpAuth, np: NewPasswordChallenge) =>
            new RespondToAuthChallengeUseCase(c, srp, np),
        },
        {
          provide: AccessTokenVerifier,
          inject: [DataSource, SigningKeysService],
          useFactory: (ds: DataSource, keys: SigningKeysService) =>
            new AccessTokenVerifier(ds, keys, env.publicUrl),
        },
        {
          provide: GetUserUseCase,
          inject: [AccessTokenVerifier],
          useFactory: (tokens: AccessTokenVerifier) => new GetUserUseCase(tokens),
        },
        {
          provide: SignOutUseCases,
          inject: [DataSource, PoolsService, ClientsService, AccessTokenVerifier, OutboxService],
          useFactory: (
            ds: DataSource,
            p: PoolsService,
            c: ClientsService,
            tokens: AccessTokenVerifier,
            o: OutboxService,
          ) => new SignOutUseCases(ds, p, c, tokens, o),
        },
        {
          provide: PasswordResetUseCases,
          inject: [
            DataSource,
            ClientsService,
            PasswordCredentials,
            BackgroundDelivery,
            AttemptLimiter,
            CodeDigest,
          ],
          useFactory: (
            ds: DataSource,
            c: ClientsService,
            p: PasswordCredentials,
            d: BackgroundDelivery,
            a: AttemptLimiter,
            codes: CodeDigest,
          ) => new PasswordResetUseCases(ds, c, p, d, a, codes),
        },
        {
          provide: ChangePasswordUseCase,
          inject: [DataSource, AccessTokenVerifier, PasswordCredentials],
          useFactory: (ds: DataSource, t: AccessTokenVerifier, p: PasswordCredentials) =>
            new ChangePasswordUseCase(ds, t, p),
        },
        {
          provide: AdminSetUserPasswordUseCase,
          inject: [DataSource, PoolsService, PasswordCredentials, OutboxService],
          useFactory: (ds: DataSource, pools: PoolsService, p: PasswordCredentials, o: OutboxService) =>
            new AdminSetUserPasswordUseCase(ds, pools, p, o),
        },
        {
          provide: AdminCreateUserUseCase,
          inject: [DataSource, PoolsService, PasswordCredentials, MESSAGE_SENDER, OutboxService],
          useFactory: (
            ds: DataSource,
            pools: PoolsService,
            p: PasswordCredentials,
            s: MessageSender,
            o: OutboxService,
          ) => new AdminCreateUserUseCase(ds, pools, p, s, o),
        },
        {
          provide: ListUsersUseCase,
          inject: [DataSource, PoolsService],
          useFactory: (ds: DataSource, p: PoolsService) => new ListUsersUseCase(ds, p),
        },
        {
          provide: UserAttributesUseCases,
          inject: [DataSource, PoolsService, AccessTokenVerifier, MESSAGE_SENDER, AttemptLimiter, CodeDigest],
          useFactory: (
            ds: DataSource,
            p: PoolsService,
            t: AccessTokenVerifier,
            s: MessageSender,
            a: AttemptLimiter,
            codes: CodeDigest,
          ) => new UserAttributesUseCases(ds, p, t, s, a, codes),
        },
        {
          provide: AdminInitiateAuthUseCase,
          inject: [ClientsService, InitiateAuthUseCase, UserSrpAuth],
          useFactory: (c: ClientsService, i: InitiateAuthUseCase, srp: UserSrpAuth) =>
            new AdminInitiateAuthUseCase(c, i, srp),
        },
        {
          provide: GroupsUseCases,
          inject: [DataSource, PoolsService],
          useFactory: (ds: DataSource, p: PoolsService) => new GroupsUseCases(ds, p),
        },
        {
          provide: AccountStateUseCases,
          inject: [DataSource, PoolsService, OutboxService],
          useFactory: (ds: DataSource, p: PoolsService, o: OutboxService) =>
            new AccountStateUseCases(ds, p, o),
        },
      ],
    });
  },
};
