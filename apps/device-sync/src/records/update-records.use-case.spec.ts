import { CommandMeta } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { COGNITO_SYNC_LIMITS, SyncClock } from '../common/device-sync.config';
import { DatasetRow } from '../datasets/dataset.row';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { SyncSessionTokens } from '../sessions/sync-session.tokens';
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
  const transactions = { run: (work: (t: Transaction) => Promise<unknown>) => work(tx) };
  const useCase = new UpdateRecordsUseCase(
    transactions as unknown as Transactions,
    datasets as unknown as DatasetsRepository,
    records as unknown as RecordsRepository,
    sessions as unknown as SyncSessionTokens,
    outbox as unknown as OutboxService,
    COGNITO_SYNC_LIMITS,
    clock,
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
});
