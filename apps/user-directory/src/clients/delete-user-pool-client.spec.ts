import { CommandMeta } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { AppClientsRepository } from './app-clients.repository';
import { ClientsService } from './clients.service';
import { DeleteUserPoolClientUseCase } from './delete-user-pool-client.use-case';

const POOL_ID = 'us-east-1_AbCdEf123';
const CLIENT_ID = '1example23456789';
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const meta = { requestId: 'req-1' } as CommandMeta;

function fixture(found: boolean, poolExists = true) {
  const rows = {
    findInPoolForUpdate: jest.fn().mockResolvedValue(found ? { id: CLIENT_ID, poolId: POOL_ID } : undefined),
    delete: jest.fn().mockResolvedValue(undefined),
  };
  const pools = {
    require: jest.fn(() =>
      poolExists ? Promise.resolve({ id: POOL_ID }) : Promise.reject(CognitoErrors.poolNotFound(POOL_ID)),
    ),
  };
  const clients = { forget: jest.fn() };
  const outbox = { add: jest.fn().mockResolvedValue('event-1'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const useCase = new DeleteUserPoolClientUseCase(
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
    rows as unknown as AppClientsRepository,
    pools as unknown as PoolsService,
    clients as unknown as ClientsService,
  );
  return { useCase, rows, clients, outbox };
}

async function refusal(work: Promise<unknown>): Promise<ServiceError> {
  return work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: ServiceError) => e,
  );
}

describe('DeleteUserPoolClient', () => {
  it('deletes the client it holds and forgets the cached copy', async () => {
    const f = fixture(true);
    await expect(f.useCase.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID }, meta)).resolves.toEqual({});
    expect(f.rows.findInPoolForUpdate).toHaveBeenCalledWith(POOL_ID, CLIENT_ID, tx);
    expect(f.rows.delete).toHaveBeenCalledWith(POOL_ID, CLIENT_ID, tx);
    expect(f.clients.forget).toHaveBeenCalledWith(CLIENT_ID);
    // The other replicas learn of it through the outbox, in the same unit of work (ADR 0064).
    expect(f.outbox.add).toHaveBeenCalledWith(tx, expect.objectContaining({ key: expect.any(String) }));
  });

  it('answers ResourceNotFoundException for a client of another pool or none, deleting nothing', async () => {
    const f = fixture(false);
    const e = await refusal(f.useCase.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID }, meta));
    expect(e.errorName).toBe('ResourceNotFoundException');
    expect(f.rows.delete).not.toHaveBeenCalled();
    expect(f.clients.forget).not.toHaveBeenCalled();
    expect(f.outbox.add).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for a pool that does not exist', async () => {
    const f = fixture(true, false);
    const e = await refusal(f.useCase.execute({ UserPoolId: POOL_ID, ClientId: CLIENT_ID }, meta));
    expect(e.errorName).toBe('ResourceNotFoundException');
    expect(f.rows.delete).not.toHaveBeenCalled();
  });

  it('refuses a malformed client id with InvalidParameterException', async () => {
    const f = fixture(true);
    const e = await refusal(f.useCase.execute({ UserPoolId: POOL_ID, ClientId: 'not a client!' }, meta));
    expect(e.errorName).toBe('InvalidParameterException');
  });
});
