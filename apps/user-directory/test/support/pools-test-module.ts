import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { KeyEncryption } from '@idfed/crypto';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { AppClientsRepository } from '../../src/clients/app-clients.repository';
import { ClientsService } from '../../src/clients/clients.service';
import { CreateUserPoolClientUseCase } from '../../src/clients/create-user-pool-client.use-case';
import { DescribeUserPoolClientUseCase } from '../../src/clients/describe-user-pool-client.use-case';
import { ListUserPoolClientsUseCase } from '../../src/clients/list-user-pool-clients.use-case';
import { PoolOAuthNamesReader } from '../../src/clients/pool-oauth-names';
import { IdentityProvidersRepository } from '../../src/providers/identity-providers.repository';
import { ResourceServersRepository } from '../../src/resource-servers/resource-servers.repository';
import { USER_DIRECTORY_SCHEMA } from '../../src/database/schema';
import { CreateUserPoolUseCase } from '../../src/pools/create-user-pool.use-case';
import { DeleteUserPoolUseCase } from '../../src/pools/delete-user-pool.use-case';
import { DescribeUserPoolUseCase } from '../../src/pools/describe-user-pool.use-case';
import { GetJwksUseCase } from '../../src/pools/get-jwks.use-case';
import { ListUserPoolsUseCase } from '../../src/pools/list-user-pools.use-case';
import { PoolsService } from '../../src/pools/pools.service';
import { UserPoolsRepository } from '../../src/pools/user-pools.repository';
import { SigningKeysRepository } from '../../src/tokens/signing-keys.repository';
import { UserPoolDomainsRepository } from '../../src/domains/user-pool-domains.repository';
import { SigningKeysService } from '../../src/tokens/signing-keys.service';
import { CodeDigest } from '../../src/users/secrets-at-rest';
import { USER_DIRECTORY_CONFIG, UserDirectoryConfig } from '../../src/user-directory.tokens';
import { TEST_KEK } from './pools-test-database';
import { providerEndpointsUnder } from '../../src/providers/provider-endpoints';
import { LAMBDA_ENDPOINTS_CONFIG, LambdaEndpointsConfig } from '../../src/triggers/lambda-endpoints';
import { TriggerCaller } from '../../src/triggers/trigger-caller';
import { UserPoolTriggers } from '../../src/triggers/user-pool-triggers';
import { RunningImports } from '../../src/import/running-imports';
import { UserImportJobsRepository } from '../../src/import/user-import-jobs.repository';

const config: UserDirectoryConfig = {
  publicUrl: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accountId: '000000000000',
  providerEndpoints: providerEndpointsUnder('http://127.0.0.1:1'),
  authDomainSuffix: 'auth.localhost',
};

/** No trigger endpoints: a pool naming a Lambda function is refused, and none is ever called. */
const noTriggers: LambdaEndpointsConfig = {
  accountId: config.accountId,
  endpoints: new Map(),
  timeoutMs: 5000,
  maxAnswerBytes: 1024,
};

/** The pool, client and signing-key classes as the service wires them, on the given database. */
export function poolsTestModule(dataSource: DataSource, extra: unknown[] = []): Promise<TestingModule> {
  return Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: dataSource },
      { provide: OutboxService, useValue: new OutboxService(USER_DIRECTORY_SCHEMA) },
      { provide: KeyEncryption, useValue: new KeyEncryption(TEST_KEK) },
      // For the users' helpers a spec may add (userProviders' VerificationCodes).
      { provide: CodeDigest, useValue: new CodeDigest(TEST_KEK) },
      { provide: USER_DIRECTORY_CONFIG, useValue: config },
      { provide: LAMBDA_ENDPOINTS_CONFIG, useValue: noTriggers },
      TriggerCaller,
      UserPoolTriggers,
      Transactions,
      UserPoolsRepository,
      AppClientsRepository,
      SigningKeysRepository,
      UserPoolDomainsRepository,
      // What CreateUserPoolClient checks SupportedIdentityProviders and custom scopes against.
      IdentityProvidersRepository,
      ResourceServersRepository,
      PoolOAuthNamesReader,
      // What DeleteUserPool asks before it deletes (UserImportInProgressException, ADR 0058).
      UserImportJobsRepository,
      RunningImports,
      SigningKeysService,
      PoolsService,
      ClientsService,
      CreateUserPoolUseCase,
      DeleteUserPoolUseCase,
      DescribeUserPoolUseCase,
      ListUserPoolsUseCase,
      GetJwksUseCase,
      CreateUserPoolClientUseCase,
      DescribeUserPoolClientUseCase,
      ListUserPoolClientsUseCase,
      ...(extra as never[]),
    ],
  }).compile();
}
