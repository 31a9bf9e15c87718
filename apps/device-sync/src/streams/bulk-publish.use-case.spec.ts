import { CommandMeta } from '@idfed/contracts';
import { Transaction, Transactions } from '@idfed/persistence';
import { SyncClock } from '../common/device-sync.config';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { IdentityPools } from '../pools/identity-pools';
import { RecordsRepository } from '../records/records.repository';
import { BulkPublishUseCase } from './bulk-publish.use-case';
import { BulkPublishesRepository } from './bulk-publishes.repository';
import { CognitoStreams } from './cognito-streams';

const POOL = 'us-east-1:00000000-0000-0000-0000-000000000001';
const tx = {} as Transaction;
const now = new Date('2026-01-02T00:00:00Z');
const admin: CommandMeta = { requestId: 'r', caller: { kind: 'admin', accessKeyId: 'AKIA' } };

describe('BulkPublishUseCase', () => {
  const pools = { assertExists: jest.fn() };
  const streams = { topicOf: jest.fn(), write: jest.fn() };
  const publishes = { claim: jest.fn(), finish: jest.fn() };
  const datasets = { pageLiveOfPool: jest.fn() };
  const records = { allOf: jest.fn() };
  const clock: SyncClock = { now: () => now };
  const transactions = { run: (work: (t: Transaction) => Promise<unknown>) => work(tx) };
  const useCase = new BulkPublishUseCase(
    transactions as unknown as Transactions,
    pools as unknown as IdentityPools,
    streams as unknown as CognitoStreams,
    publishes as unknown as BulkPublishesRepository,
    datasets as unknown as DatasetsRepository,
    records as unknown as RecordsRepository,
    clock,
  );
  const dataset = (identityId: string, datasetName: string) => ({
    identityId,
    datasetName,
    identityPoolId: POOL,
    syncCount: 2,
    lastModifiedAt: now,
  });

  beforeEach(() => {
    jest.clearAllMocks();
    streams.topicOf.mockResolvedValue('device-sync.stream.s');
    publishes.claim.mockResolvedValue({ claimed: true });
    records.allOf.mockResolvedValue([]);
  });

  it('refuses a pool whose streams are not enabled, before claiming anything', async () => {
    streams.topicOf.mockResolvedValue(undefined);
    await expect(useCase.execute({ IdentityPoolId: POOL }, admin)).rejects.toMatchObject({
      errorName: 'InvalidParameterException',
    });
    expect(publishes.claim).not.toHaveBeenCalled();
  });

  it('answers DuplicateRequestException while one runs, AlreadyStreamedException after a success', async () => {
    publishes.claim.mockResolvedValueOnce({ claimed: false, row: { status: 'IN_PROGRESS' } });
    await expect(useCase.execute({ IdentityPoolId: POOL }, admin)).rejects.toMatchObject({
      errorName: 'DuplicateRequestException',
    });
    publishes.claim.mockResolvedValueOnce({ claimed: false, row: { status: 'SUCCEEDED' } });
    await expect(useCase.execute({ IdentityPoolId: POOL }, admin)).rejects.toMatchObject({
      errorName: 'AlreadyStreamedException',
    });
    expect(publishes.claim).toHaveBeenCalledWith(
      POOL,
      now,
      new Date(now.getTime() - 24 * 3600_000),
      new Date(now.getTime() - 600_000),
    );
    expect(streams.write).not.toHaveBeenCalled();
  });

  it('writes every live dataset, page after page, and records the success in the same transaction', async () => {
    const first = Array.from({ length: 100 }, (_, i) => dataset(`us-east-1:${i}`, 'd'));
    datasets.pageLiveOfPool.mockResolvedValueOnce(first).mockResolvedValueOnce([dataset('us-east-1:z', 'e')]);
    await expect(useCase.execute({ IdentityPoolId: POOL }, admin)).resolves.toEqual({ IdentityPoolId: POOL });
    expect(datasets.pageLiveOfPool).toHaveBeenNthCalledWith(2, POOL, first[99], 100, tx);
    expect(streams.write).toHaveBeenCalledTimes(101);
    expect(streams.write).toHaveBeenLastCalledWith(
      'device-sync.stream.s',
      expect.objectContaining({ identityId: 'us-east-1:z', datasetName: 'e', syncCount: 2, deleted: false }),
      'r',
      tx,
    );
    expect(publishes.finish).toHaveBeenCalledWith(POOL, 'SUCCEEDED', now, null, tx);
  });

  it('records a publish that failed as FAILED, with a reason', async () => {
    datasets.pageLiveOfPool.mockRejectedValue(new Error('connection lost'));
    await useCase.execute({ IdentityPoolId: POOL }, admin);
    expect(publishes.finish).toHaveBeenCalledWith(
      POOL,
      'FAILED',
      now,
      'The datasets could not be published.',
    );
  });
});
