import { CommandMeta } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { COGNITO_SYNC_LIMITS, SyncClock } from '../common/device-sync.config';
import { DatasetRow } from '../datasets/dataset.row';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { SyncSessionTokens } from '../sessions/sync-session.tokens';
import { CognitoStreams } from '../streams/cognito-streams';
import { SyncTrigger } from '../sync-trigger/sync-trigger';
import { RecordRow } from './record.row';
import { RecordsRepository } from './records.repository';
import { UpdateRecordsUseCase } from './update-records.use-case';

const POOL = 'us-east-1:00000000-0000-0000-0000-000000000001';
const ME = 'us-east-1:00000000-0000-0000-0000-00000000000a';
const tx = {} as Transaction;
const now = new Date('2026-01-01T00:00:00Z');

function dataset(over: Partial<DatasetRow> = {}): DatasetRow {
  return {
    identityId: ME,
    datasetName: 'settings',
    identityPoolId: POOL,
    live: true,
    syncCount: 4,
    deletedAtSyncCount: null,
    numRecords: 1,
    dataStorage: 10,
    createdAt: now,
    lastModifiedAt: now,
    lastModifiedBy: 'phone',
    mergedFromName: null,
    ...over,
  };
}

const record = (key: string, value: string | null, syncCount: number): RecordRow => ({
  key,
  value,
  syncCount,
  lastModifiedAt: now,
  lastModifiedBy: 'phone',
  deviceLastModifiedAt: null,
});

describe('UpdateRecordsUseCase', () => {
  // The repositories and helpers as the use case sees them: every method a jest mock.
  const datasets = {
    find: jest.fn(),
    lockIdentity: jest.fn(),
    countLive: jest.fn(),
    create: jest.fn(),
    update: jest.fn(),
  };
  const records = { findForUpdate: jest.fn(), upsert: jest.fn() };
  const sessions = { assertValid: jest.fn() };
  const outbox = { add: jest.fn() };
  const clock: SyncClock = { now: () => now };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const trigger = { review: jest.fn() };
  const streams = { publish: jest.fn() };
  const useCase = new UpdateRecordsUseCase(
    transactions as unknown as Transactions,
    datasets as unknown as DatasetsRepository,
    records as unknown as RecordsRepository,
    sessions as unknown as SyncSessionTokens,
    outbox as unknown as OutboxService,
    COGNITO_SYNC_LIMITS,
    clock,
    trigger as unknown as SyncTrigger,
    streams as unknown as CognitoStreams,
  );
  const mine: CommandMeta = {
    requestId: 'r1',
    caller: {
      kind: 'temporary',
      accessKeyId: 'ASIA',
      principalArn: 'arn',
      session: {
        roleArn: 'arn:aws:iam::000000000000:role/r',
        roleId: 'AROA',
        sessionName: 's',
        issuedAt: now.toISOString(),
        expiresAt: now.toISOString(),
        cognitoIdentity: { identityPoolId: POOL, identityId: ME },
      },
    },
  };
  const request = { IdentityPoolId: POOL, IdentityId: ME, DatasetName: 'settings', SyncSessionToken: 't' };

  beforeEach(() => {
    jest.clearAllMocks();
    sessions.assertValid.mockResolvedValue(undefined);
    datasets.find.mockResolvedValue(dataset());
    trigger.review.mockImplementation((_req, _meta, patches: unknown) => Promise.resolve(patches));
  });

  it('raises the sync count once, stamps every patched record with it, and announces the change', async () => {
    records.findForUpdate.mockResolvedValue(new Map([['theme', record('theme', 'dark', 4)]]));
    const answer = await useCase.execute(
      {
        ...request,
        DeviceId: 'laptop',
        RecordPatches: [
          { Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 4 },
          { Op: 'remove', Key: 'theme2', SyncCount: 0 },
        ],
      },
      mine,
    );
    expect(answer.Records.map((r) => [r.Key, r.Value, r.SyncCount, r.LastModifiedBy])).toEqual([
      ['theme', 'light', 5, 'laptop'],
      ['theme2', undefined, 5, 'laptop'],
    ]);
    expect(datasets.update).toHaveBeenCalledWith(
      ME,
      'settings',
      expect.objectContaining({ syncCount: 5, numRecords: 1, dataStorage: 11, lastModifiedBy: 'laptop' }),
      tx,
    );
    expect(outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({
        key: ME,
        payload: expect.objectContaining({ syncCount: 5, deleted: false, deviceId: 'laptop' }) as unknown,
      }),
    );
    // The pool's stream (if enabled) is told of the same change, in the same transaction.
    expect(streams.publish).toHaveBeenCalledWith(
      expect.objectContaining({ syncCount: 5, deleted: false, records: expect.any(Array) as unknown }),
      'r1',
      tx,
    );
  });

  it('refuses the whole call when one patch is stale, writing nothing', async () => {
    records.findForUpdate.mockResolvedValue(new Map([['theme', record('theme', 'dark', 4)]]));
    await expect(
      useCase.execute(
        {
          ...request,
          RecordPatches: [
            { Op: 'replace', Key: 'fresh', Value: 'x', SyncCount: 0 },
            { Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 3 },
          ],
        },
        mine,
      ),
    ).rejects.toMatchObject({ errorName: 'ResourceConflictException' });
    expect(records.upsert).not.toHaveBeenCalled();
    expect(datasets.update).not.toHaveBeenCalled();
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it("refuses another identity's credentials before touching anything", async () => {
    await expect(
      useCase.execute({ ...request, IdentityId: 'us-east-1:00000000-0000-0000-0000-00000000000b' }, mine),
    ).rejects.toMatchObject({ errorName: 'NotAuthorizedException' });
    expect(sessions.assertValid).not.toHaveBeenCalled();
  });

  it('refuses a new dataset past 20 per identity', async () => {
    datasets.find.mockResolvedValue(undefined);
    datasets.countLive.mockResolvedValue(20);
    await expect(useCase.execute({ ...request, RecordPatches: [] }, mine)).rejects.toMatchObject({
      errorName: 'LimitExceededException',
    });
    expect(datasets.lockIdentity).toHaveBeenCalledWith(ME, tx);
    expect(datasets.create).not.toHaveBeenCalled();
  });

  it('refuses duplicate keys and a replace without a value as InvalidParameterException', async () => {
    for (const RecordPatches of [
      [
        { Op: 'replace' as const, Key: 'k', Value: 'a', SyncCount: 0 },
        { Op: 'remove' as const, Key: 'k', SyncCount: 0 },
      ],
      [{ Op: 'replace' as const, Key: 'k', SyncCount: 0 }],
    ]) {
      await expect(useCase.execute({ ...request, RecordPatches }, mine)).rejects.toMatchObject({
        errorName: 'InvalidParameterException',
      });
    }
  });

  it("writes what the pool's trigger answered: a changed value, an added record, a dropped one", async () => {
    records.findForUpdate.mockResolvedValue(new Map([['score', record('score', '10', 4)]]));
    trigger.review.mockResolvedValue([
      { Op: 'replace', Key: 'score', Value: '99', SyncCount: 4 },
      { Op: 'replace', Key: 'badge', Value: 'gold', SyncCount: 0, unchecked: true },
    ]);
    const answer = await useCase.execute(
      {
        ...request,
        RecordPatches: [
          { Op: 'replace', Key: 'score', Value: '100', SyncCount: 4 },
          { Op: 'replace', Key: 'cheat', Value: 'on', SyncCount: 0 },
        ],
      },
      mine,
    );
    expect(records.findForUpdate).toHaveBeenCalledWith(ME, 'settings', ['score', 'badge'], tx);
    expect(answer.Records.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([
      ['score', '99', 5],
      ['badge', 'gold', 5],
    ]);
  });

  it('runs the trigger before its transaction, so no lock is held while it answers', async () => {
    const order: string[] = [];
    trigger.review.mockImplementation((_req, _meta, patches: unknown) => {
      order.push('trigger');
      return Promise.resolve(patches);
    });
    transactions.run.mockImplementationOnce((work: (t: Transaction) => Promise<unknown>) => {
      order.push('transaction');
      return work(tx);
    });
    records.findForUpdate.mockResolvedValue(new Map());
    await useCase.execute(
      { ...request, RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }] },
      mine,
    );
    expect(order).toEqual(['trigger', 'transaction']);
  });

  it('writes nothing when the trigger refuses', async () => {
    trigger.review.mockRejectedValue(
      Object.assign(new Error('refused'), { errorName: 'InvalidLambdaFunctionOutputException' }),
    );
    await expect(
      useCase.execute(
        { ...request, RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }] },
        mine,
      ),
    ).rejects.toMatchObject({ errorName: 'InvalidLambdaFunctionOutputException' });
    expect(transactions.run).not.toHaveBeenCalled();
    expect(records.upsert).not.toHaveBeenCalled();
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it("refuses a device's patch that went stale while the trigger ran, under the lock", async () => {
    // The trigger saw SyncCount 4; another device wrote the record meanwhile.
    records.findForUpdate.mockResolvedValue(new Map([['score', record('score', '12', 5)]]));
    trigger.review.mockResolvedValue([{ Op: 'replace', Key: 'score', Value: '99', SyncCount: 4 }]);
    await expect(
      useCase.execute(
        { ...request, RecordPatches: [{ Op: 'replace', Key: 'score', Value: '100', SyncCount: 4 }] },
        mine,
      ),
    ).rejects.toMatchObject({ errorName: 'ResourceConflictException' });
    expect(records.upsert).not.toHaveBeenCalled();
  });
});
