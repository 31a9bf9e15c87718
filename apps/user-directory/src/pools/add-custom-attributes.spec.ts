import { CommandMeta, UserDirectoryTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { ClientsService } from '../clients/clients.service';
import { UserPoolEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { AddCustomAttributesUseCase } from './add-custom-attributes.use-case';
import { poolConfigFromRequest } from './pool-config';
import { PoolsService } from './pools.service';
import { UserPoolsRepository } from './user-pools.repository';
import { RunningImports } from '../import/running-imports';
import { UserImportJobsRepository } from '../import/user-import-jobs.repository';

const POOL_ID = 'us-east-1_AbCdEf123';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta = { requestId: 'req-1' } as CommandMeta;

function pool(): UserPoolEntity {
  return {
    id: POOL_ID,
    name: 'pool',
    config: poolConfigFromRequest(
      { PoolName: 'pool', Schema: [{ Name: 'tenant', AttributeDataType: 'String' }] },
      'arn:aws:cognito-idp:us-east-1:123456789012:userpool/' + POOL_ID,
    ),
    createdAt: new Date(1000),
    updatedAt: new Date(2000),
  };
}

function fixture(found: UserPoolEntity | undefined, importRunning = false) {
  const repository = {
    find: jest.fn().mockResolvedValue(found),
    updateSettings: jest.fn().mockResolvedValue(undefined),
  };
  const outbox = { add: jest.fn().mockResolvedValue('event-1'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const clients = { forgetPool: jest.fn() };
  const repo = repository as unknown as UserPoolsRepository;
  const pools = new PoolsService(repo, { forgetPool: jest.fn() } as unknown as SigningKeysService);
  const useCase = new AddCustomAttributesUseCase(
    pools,
    repo,
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
    clients as unknown as ClientsService,
    new RunningImports({ hasActiveJob: async () => importRunning } as unknown as UserImportJobsRepository),
  );
  return { repository, outbox, clients, useCase };
}

async function errorOf(promise: Promise<unknown>): Promise<ServiceError | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err,
  );
}

describe('AddCustomAttributesUseCase', () => {
  it('refuses while an import job of the pool runs: UserImportInProgressException, nothing stored', async () => {
    const f = fixture(pool(), true);
    const err = await errorOf(
      f.useCase.execute(
        { UserPoolId: POOL_ID, CustomAttributes: [{ Name: 'plan', AttributeDataType: 'String' }] },
        meta,
      ),
    );
    expect(err?.getError()).toMatchObject({ name: 'UserImportInProgressException' });
    expect(f.repository.updateSettings).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('stores the schema with the new attributes under the row lock and writes the settings event in the same transaction', async () => {
    const found = pool();
    const f = fixture(found);
    await f.useCase.execute(
      { UserPoolId: POOL_ID, CustomAttributes: [{ Name: 'plan', AttributeDataType: 'Number' }] },
      meta,
    );
    expect(f.repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    const [id, name, config, , usedTx] = f.repository.updateSettings.mock.calls[0];
    expect([id, name, usedTx]).toEqual([POOL_ID, 'pool', tx]);
    expect(config.schema.slice(-2).map((a: { Name: string }) => a.Name)).toEqual([
      'custom:tenant',
      'custom:plan',
    ]);
    // Everything else of the pool is as it was.
    expect({ ...config, schema: found.config.schema }).toEqual(found.config);
    expect(f.outbox.add).toHaveBeenCalledWith(tx, {
      topic: UserDirectoryTopics.userPoolSettingsChanged,
      key: POOL_ID,
      payload: { userPoolId: POOL_ID, changed: ['SchemaAttributes'], occurredAt: expect.any(String) },
      correlationId: 'req-1',
    });
    expect(f.outbox.nudge).toHaveBeenCalled();
    expect(f.clients.forgetPool).toHaveBeenCalledWith(POOL_ID);
  });

  it('writes nothing, no event, when one attribute of the call is refused', async () => {
    const f = fixture(pool());
    const err = await errorOf(
      f.useCase.execute(
        {
          UserPoolId: POOL_ID,
          CustomAttributes: [
            { Name: 'fine', AttributeDataType: 'String' },
            { Name: 'tenant', AttributeDataType: 'String' },
          ],
        },
        meta,
      ),
    );
    expect(err?.getError()).toEqual({
      name: 'InvalidParameterException',
      message: 'custom:tenant: Existing attribute already has name custom:tenant.',
    });
    expect(f.repository.updateSettings).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    const f = fixture(undefined);
    const err = await errorOf(
      f.useCase.execute(
        { UserPoolId: POOL_ID, CustomAttributes: [{ Name: 'a', AttributeDataType: 'String' }] },
        meta,
      ),
    );
    expect(err?.getError()).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(f.outbox.add).not.toHaveBeenCalled();
  });
});
