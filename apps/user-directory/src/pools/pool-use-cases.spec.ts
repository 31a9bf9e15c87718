import { TriggerCaller } from '../triggers/trigger-caller';
import { UserPoolDomainsRepository } from '../domains/user-pool-domains.repository';
import { CommandMeta, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { UserPoolEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { CreateUserPoolUseCase } from './create-user-pool.use-case';
import { DeleteUserPoolUseCase } from './delete-user-pool.use-case';
import { DescribeUserPoolUseCase } from './describe-user-pool.use-case';
import { ListUserPoolsUseCase } from './list-user-pools.use-case';
import { poolConfigFromRequest } from './pool-config';
import { PoolsService } from './pools.service';
import { UserPoolsRepository } from './user-pools.repository';
import { providerEndpointsUnder } from '../providers/provider-endpoints';
import { RunningImports } from '../import/running-imports';
import { UserImportJobsRepository } from '../import/user-import-jobs.repository';

const POOL_ID = 'us-east-1_AbCdEf123';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta = { requestId: 'req-1' } as CommandMeta;
const noImports = new RunningImports({
  hasActiveJob: async () => false,
} as unknown as UserImportJobsRepository);

function pool(deletionProtection: 'ACTIVE' | 'INACTIVE' = 'INACTIVE'): UserPoolEntity {
  return {
    id: POOL_ID,
    name: 'pool',
    config: poolConfigFromRequest({ PoolName: 'pool', DeletionProtection: deletionProtection }, 'arn'),
    createdAt: new Date(1000),
    updatedAt: new Date(2000),
  };
}

/** The repositories and collaborators as the use cases see them: every query mocked. */
function fixture(found: UserPoolEntity | undefined) {
  const repository = {
    insert: jest.fn().mockResolvedValue(undefined),
    find: jest.fn().mockResolvedValue(found),
    delete: jest.fn().mockResolvedValue(undefined),
    countUsers: jest.fn().mockResolvedValue(3),
    page: jest.fn(),
  };
  const keys = {
    createForPool: jest.fn().mockResolvedValue({ kid: 'kid-1', publicJwk: { kid: 'kid-1' } }),
    forgetPool: jest.fn(),
  };
  const outbox = { add: jest.fn().mockResolvedValue('event-1'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const repo = repository as unknown as UserPoolsRepository;
  const pools = new PoolsService(repo, keys as unknown as SigningKeysService);
  return {
    repository,
    keys,
    outbox,
    transactions,
    repo,
    pools,
    typedOutbox: outbox as unknown as OutboxService,
    typedTransactions: transactions as unknown as Transactions,
    typedKeys: keys as unknown as SigningKeysService,
  };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('CreateUserPool', () => {
  const settings = {
    region: 'us-east-1',
    accountId: '123456789012',
    publicUrl: 'http://x',
    providerEndpoints: providerEndpointsUnder('http://x'),
    authDomainSuffix: 'auth.localhost',
  };

  const noTriggers = new TriggerCaller({
    accountId: '123456789012',
    endpoints: new Map([['greet', 'http://127.0.0.1:9/greet']]),
    secret: Buffer.alloc(32, 1),
    timeoutMs: 5000,
    maxAnswerBytes: 1024,
  });

  it('stores a LambdaConfig naming configured functions and echoes it', async () => {
    const f = fixture(undefined);
    const useCase = new CreateUserPoolUseCase(
      f.repo,
      f.typedTransactions,
      f.typedKeys,
      f.typedOutbox,
      settings,
      noTriggers,
    );
    const LambdaConfig = {
      PreSignUp: 'arn:aws:lambda:us-east-1:123456789012:function:greet',
      PreTokenGenerationConfig: {
        LambdaVersion: 'V2_0' as const,
        LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:greet',
      },
    };
    const { UserPool } = await useCase.execute({ PoolName: 'mine', LambdaConfig }, meta);
    expect(UserPool.LambdaConfig).toEqual(LambdaConfig);
    expect(f.repository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ config: expect.objectContaining({ lambdaConfig: LambdaConfig }) }),
      tx,
    );
  });

  it.each([
    ['an unconfigured name', 'arn:aws:lambda:us-east-1:123456789012:function:other'],
    ['another account', 'arn:aws:lambda:us-east-1:210987654321:function:greet'],
    ['another region', 'arn:aws:lambda:eu-west-1:123456789012:function:greet'],
    ['a qualifier', 'arn:aws:lambda:us-east-1:123456789012:function:greet:1'],
  ])('refuses a trigger of %s before touching the database', async (_what, arn) => {
    const f = fixture(undefined);
    const useCase = new CreateUserPoolUseCase(
      f.repo,
      f.typedTransactions,
      f.typedKeys,
      f.typedOutbox,
      settings,
      noTriggers,
    );
    await expect(
      useCase.execute({ PoolName: 'mine', LambdaConfig: { PostAuthentication: arn } }, meta),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    expect(f.transactions.run).not.toHaveBeenCalled();
  });

  it('inserts the pool, its first key and the key event in one unit of work', async () => {
    const f = fixture(undefined);
    const useCase = new CreateUserPoolUseCase(
      f.repo,
      f.typedTransactions,
      f.typedKeys,
      f.typedOutbox,
      settings,
      noTriggers,
    );
    const { UserPool } = await useCase.execute({ PoolName: 'mine' }, meta);
    expect(UserPool.Name).toBe('mine');
    expect(UserPool.Id).toMatch(/^us-east-1_/);
    expect(UserPool.Arn).toBe(`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${UserPool.Id}`);
    expect(f.transactions.run).toHaveBeenCalledTimes(1);
    expect(f.repository.insert).toHaveBeenCalledWith(
      expect.objectContaining({ id: UserPool.Id, name: 'mine' }),
      tx,
    );
    expect(f.keys.createForPool).toHaveBeenCalledWith(tx, UserPool.Id);
    expect(f.outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({ topic: UserDirectoryTopics.signingKeyActivated, key: UserPool.Id }),
    );
    expect(f.outbox.nudge).toHaveBeenCalled();
  });

  it('creates the pool in the region the request was signed for: its id and ARN name it (ADR 0032)', async () => {
    const f = fixture(undefined);
    const useCase = new CreateUserPoolUseCase(
      f.repo,
      f.typedTransactions,
      f.typedKeys,
      f.typedOutbox,
      settings,
      noTriggers,
    );
    const { UserPool } = await useCase.execute({ PoolName: 'mine' }, { ...meta, region: 'ap-southeast-2' });
    expect(UserPool.Id).toMatch(/^ap-southeast-2_[0-9A-Za-z]{9}$/);
    expect(UserPool.Arn).toBe(`arn:aws:cognito-idp:ap-southeast-2:123456789012:userpool/${UserPool.Id}`);
  });

  it('refuses an invalid name before touching the database', async () => {
    const f = fixture(undefined);
    const useCase = new CreateUserPoolUseCase(
      f.repo,
      f.typedTransactions,
      f.typedKeys,
      f.typedOutbox,
      settings,
      noTriggers,
    );
    expect(await errorName(useCase.execute({ PoolName: '' }, meta))).toBe('InvalidParameterException');
    expect(f.transactions.run).not.toHaveBeenCalled();
  });
});

describe('DeleteUserPool', () => {
  it('deletes the locked pool with its event, then forgets its keys and clients', async () => {
    const f = fixture(pool());
    const forgotten: string[] = [];
    f.pools.onPoolDeleted((id) => forgotten.push(id));
    const useCase = new DeleteUserPoolUseCase(f.typedTransactions, f.pools, f.repo, f.typedOutbox, noImports);
    expect(await useCase.execute({ UserPoolId: POOL_ID }, meta)).toEqual({});
    expect(f.repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    expect(f.repository.delete).toHaveBeenCalledWith(POOL_ID, tx);
    expect(f.outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({ topic: UserDirectoryTopics.userPoolDeleted, key: POOL_ID }),
    );
    expect(f.keys.forgetPool).toHaveBeenCalledWith(POOL_ID);
    expect(forgotten).toEqual([POOL_ID]);
  });

  it('keeps a deletion-protected pool: no delete, no event, nothing forgotten', async () => {
    const f = fixture(pool('ACTIVE'));
    const useCase = new DeleteUserPoolUseCase(f.typedTransactions, f.pools, f.repo, f.typedOutbox, noImports);
    expect(await errorName(useCase.execute({ UserPoolId: POOL_ID }, meta))).toBe('InvalidParameterException');
    expect(f.repository.delete).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
    expect(f.keys.forgetPool).not.toHaveBeenCalled();
  });

  it('refuses to delete a pool while one of its import jobs runs: UserImportInProgressException, nothing deleted', async () => {
    const f = fixture(pool());
    const jobs = { hasActiveJob: jest.fn().mockResolvedValue(true) };
    const running = new RunningImports(jobs as unknown as UserImportJobsRepository);
    const useCase = new DeleteUserPoolUseCase(f.typedTransactions, f.pools, f.repo, f.typedOutbox, running);
    expect(await errorName(useCase.execute({ UserPoolId: POOL_ID }, meta))).toBe(
      'UserImportInProgressException',
    );
    expect(jobs.hasActiveJob).toHaveBeenCalledWith(POOL_ID, tx);
    expect(f.repository.delete).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for a missing pool', async () => {
    const f = fixture(undefined);
    const useCase = new DeleteUserPoolUseCase(f.typedTransactions, f.pools, f.repo, f.typedOutbox, noImports);
    expect(await errorName(useCase.execute({ UserPoolId: POOL_ID }, meta))).toBe('ResourceNotFoundException');
    expect(f.repository.delete).not.toHaveBeenCalled();
  });
});

describe('DescribeUserPool', () => {
  it('answers the pool with its user count, and validates the id before any lookup', async () => {
    const f = fixture(pool());
    const domains = {
      domainsOfPool: jest.fn().mockResolvedValue({ prefix: { domain: 'my-app', poolId: POOL_ID } }),
    };
    const useCase = new DescribeUserPoolUseCase(
      f.pools,
      f.repo,
      domains as unknown as UserPoolDomainsRepository,
    );
    const { UserPool } = await useCase.execute({ UserPoolId: POOL_ID });
    expect(UserPool.EstimatedNumberOfUsers).toBe(3);
    expect(UserPool.Domain).toBe('my-app');
    expect(f.repository.countUsers).toHaveBeenCalledWith(POOL_ID);
    expect(await errorName(useCase.execute({ UserPoolId: 'not a pool id' }))).toBe(
      'InvalidParameterException',
    );
    expect(f.repository.find).toHaveBeenCalledTimes(1);
  });
});

describe('DescribeUserPool with a custom domain', () => {
  it('answers a custom domain as CustomDomain, not Domain (ADR 0049)', async () => {
    const f = fixture(pool());
    const domains = {
      domainsOfPool: jest.fn().mockResolvedValue({
        custom: {
          domain: 'auth.example.test',
          poolId: POOL_ID,
          customDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/c1' },
        },
      }),
    };
    const useCase = new DescribeUserPoolUseCase(
      f.pools,
      f.repo,
      domains as unknown as UserPoolDomainsRepository,
    );
    const { UserPool } = await useCase.execute({ UserPoolId: POOL_ID });
    expect(UserPool.CustomDomain).toBe('auth.example.test');
    expect(UserPool.Domain).toBeUndefined();
  });

  it('answers both a prefix Domain and a CustomDomain when the pool has both (ADR 0060)', async () => {
    const f = fixture(pool());
    const domains = {
      domainsOfPool: jest.fn().mockResolvedValue({
        prefix: { domain: 'my-app', poolId: POOL_ID },
        custom: {
          domain: 'auth.example.test',
          poolId: POOL_ID,
          customDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/c1' },
        },
      }),
    };
    const useCase = new DescribeUserPoolUseCase(
      f.pools,
      f.repo,
      domains as unknown as UserPoolDomainsRepository,
    );
    const { UserPool } = await useCase.execute({ UserPoolId: POOL_ID });
    expect(UserPool.Domain).toBe('my-app');
    expect(UserPool.CustomDomain).toBe('auth.example.test');
  });
});

describe('PoolsService.require', () => {
  it('takes the pool id first, or the transaction first in the older form', async () => {
    const f = fixture(pool());
    await f.pools.require(POOL_ID);
    await f.pools.require(POOL_ID, tx, true);
    await f.pools.require(tx, POOL_ID);
    expect(f.repository.find.mock.calls).toEqual([
      [POOL_ID, undefined, false],
      [POOL_ID, tx, true],
      [POOL_ID, tx, false],
    ]);
  });

  it('validates whatever a request carried as the pool id', async () => {
    const f = fixture(pool());
    expect(await errorName(f.pools.require(42 as unknown as string))).toBe('InvalidParameterException');
    expect(await errorName(f.pools.require(tx, undefined as unknown as string))).toBe(
      'InvalidParameterException',
    );
    expect(f.repository.find).not.toHaveBeenCalled();
  });
});

const HOME = { region: 'us-east-1', accountId: '000000000000' };

describe('ListUserPools', () => {
  it("lists the pools of the request's region, and the home region's when it names none (ADR 0032)", async () => {
    const f = fixture(undefined);
    f.repository.page.mockResolvedValue({ page: [] });
    const useCase = new ListUserPoolsUseCase(f.repo, HOME as never);
    await useCase.execute(
      { MaxResults: 5 },
      { requestId: 'r', caller: { kind: 'anonymous' }, region: 'eu-west-1' },
    );
    expect(f.repository.page).toHaveBeenLastCalledWith(undefined, 5, 'eu-west-1');
    await useCase.execute({ MaxResults: 5 }, { requestId: 'r', caller: { kind: 'anonymous' } });
    expect(f.repository.page).toHaveBeenLastCalledWith(undefined, 5, 'us-east-1');
  });

  it('continues after the key its token carried, and hands back the next one', async () => {
    const f = fixture(undefined);
    f.repository.page
      .mockResolvedValueOnce({ page: [pool()], next: POOL_ID })
      .mockResolvedValueOnce({ page: [] });
    const useCase = new ListUserPoolsUseCase(f.repo, HOME as never);
    const first = await useCase.execute({ MaxResults: 1 });
    expect(f.repository.page).toHaveBeenLastCalledWith(undefined, 1, 'us-east-1');
    expect(first.UserPools).toEqual([{ Id: POOL_ID, Name: 'pool', CreationDate: 1, LastModifiedDate: 2 }]);
    const second = await useCase.execute({ MaxResults: 1, NextToken: first.NextToken });
    expect(f.repository.page).toHaveBeenLastCalledWith(POOL_ID, 1, 'us-east-1');
    expect(second.NextToken).toBeUndefined();
    expect(await errorName(useCase.execute({ MaxResults: 1, NextToken: 'garbage!' }))).toBe(
      'InvalidParameterException',
    );
  });
});
