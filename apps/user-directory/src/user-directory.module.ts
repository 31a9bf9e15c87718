import { DynamicModule } from '@nestjs/common';
import { IdfedEnv } from '@idfed/config';
import { OutboxService, TransportConfig } from '@idfed/messaging';
import { ServiceModule } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { AuthHandlers } from './auth/auth.handlers';
import { GetUserUseCase } from './auth/get-user.use-case';
import { InitiateAuthUseCase } from './auth/initiate-auth.use-case';
import { PasswordHasher } from './auth/password-hasher';
import { ClientsHandlers } from './clients/clients.handlers';
import { ClientsService } from './clients/clients.service';
import { SigningKeyEntity, userDirectoryEntities } from './database/entities';
import { userDirectoryMigrations } from './database/migrations';
import { USER_DIRECTORY_SCHEMA } from './database/schema';
import { MESSAGE_SENDER, MessageSender } from './delivery/message-sender';
import { PoolsHandlers } from './pools/pools.handlers';
import { PoolsService } from './pools/pools.service';
import { KeyEncryption } from '@idfed/crypto';
import { SigningKeysService } from './tokens/signing-keys.service';
import { TokenIssuer } from './tokens/token-issuer';
import { AdminUsersUseCases } from './users/admin-users.use-cases';
import { ConfirmationUseCases } from './users/confirmation.use-cases';
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
      migrations: userDirectoryMigrations,
      controllers: [PoolsHandlers, ClientsHandlers, UsersHandlers, AuthHandlers],
      providers: [
        { provide: MESSAGE_SENDER, useValue: options.sender },
        { provide: KeyEncryption, useValue: new KeyEncryption(options.keyEncryptionKey) },
        { provide: PasswordHasher, useValue: new PasswordHasher(env.passwordHashMemoryKiB) },
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
          inject: [DataSource, ClientsService, PasswordHasher, MESSAGE_SENDER, OutboxService],
          useFactory: (
            ds: DataSource,
            c: ClientsService,
            h: PasswordHasher,
            s: MessageSender,
            o: OutboxService,
          ) => new SignUpUseCase(ds, c, h, s, o),
        },
        {
          provide: ConfirmationUseCases,
          inject: [DataSource, ClientsService, PoolsService, MESSAGE_SENDER, OutboxService],
          useFactory: (
            ds: DataSource,
            c: ClientsService,
            p: PoolsService,
            s: MessageSender,
            o: OutboxService,
          ) => new ConfirmationUseCases(ds, c, p, s, o),
        },
        {
          provide: AdminUsersUseCases,
          inject: [DataSource, PoolsService, OutboxService],
          useFactory: (ds: DataSource, p: PoolsService, o: OutboxService) => new AdminUsersUseCases(ds, p, o),
        },
        {
          provide: InitiateAuthUseCase,
          inject: [DataSource, ClientsService, PasswordHasher, TokenIssuer],
          useFactory: (ds: DataSource, c: ClientsService, h: PasswordHasher, t: TokenIssuer) =>
            new InitiateAuthUseCase(ds, c, h, t),
        },
        {
          provide: GetUserUseCase,
          inject: [DataSource, SigningKeysService],
          useFactory: (ds: DataSource, keys: SigningKeysService) =>
            new GetUserUseCase(ds, keys, env.publicUrl),
        },
      ],
    });
  },
};
