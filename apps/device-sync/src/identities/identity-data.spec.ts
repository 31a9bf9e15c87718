import { DeviceSyncTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { SyncClock } from '../common/device-sync.config';
import { DatasetRow } from '../datasets/dataset.row';
import { CognitoEventsRepository } from '../cognito-events/cognito-events.repository';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { DevicesRepository } from '../devices/devices.repository';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { SyncSessionsRepository } from '../sessions/sync-sessions.repository';
import { IdentityData } from './identity-data';

const POOL = 'us-east-1:0b5e7a8c-1d2f-4a3b-9c8d-7e6f5a4b3c2d';
const NOW = new Date('2026-12-06T10:00:00.000Z');
const tx = {} as Transaction;

function dataset(identityId: string, datasetName: string, live: boolean, syncCount: number): DatasetRow {
  return {
    identityId,
    datasetName,
    identityPoolId: POOL,
    live,
    syncCount,
    deletedAtSyncCount: live ? null : syncCount,
    numRecords: live ? 1 : 0,
    dataStorage: live ? 2 : 0,
    createdAt: NOW,
    lastModifiedAt: NOW,
    lastModifiedBy: identityId,
    mergedFromName: null,
  };
}

/** IdentityData over mocked repositories and outbox, in one opaque unit of work. */
function identityDataWith(datasets: DatasetRow[]) {
  const repository = {
    allOfPool: jest.fn().mockResolvedValue(datasets),
    deleteAllOfPool: jest.fn().mockResolvedValue(undefined),
  };
  const sessions = { deleteOfPool: jest.fn().mockResolvedValue(undefined) };
  const devices = { deleteOfPool: jest.fn().mockResolvedValue(undefined) };
  const poolConfigurations = { delete: jest.fn().mockResolvedValue(undefined) };
  const cognitoEvents = { removeAllOfPool: jest.fn().mockResolvedValue(undefined) };
  const outbox = { add: jest.fn().mockResolvedValue('event-id') };
  const clock: SyncClock = { now: () => NOW };
  const data = new IdentityData(
    repository as unknown as DatasetsRepository,
    sessions as unknown as SyncSessionsRepository,
    devices as unknown as DevicesRepository,
    poolConfigurations as unknown as PoolConfigurationsRepository,
    cognitoEvents as unknown as CognitoEventsRepository,
    outbox as unknown as OutboxService,
    clock,
  );
  return { data, repository, sessions, devices, poolConfigurations, cognitoEvents, outbox };
}

describe('IdentityData.removePool', () => {
  it("drops the pool's datasets, sessions, devices and settings and announces each live dataset deleted", async () => {
    const { data, repository, sessions, devices, poolConfigurations, cognitoEvents, outbox } =
      identityDataWith([
        dataset('us-east-1:a', 'settings', true, 4),
        dataset('us-east-1:a', 'old', false, 2),
        dataset('us-east-1:b', 'scores', true, 1),
      ]);
    await data.removePool(POOL, 'request-1', tx);
    expect(repository.allOfPool).toHaveBeenCalledWith(POOL, tx);
    expect(repository.deleteAllOfPool).toHaveBeenCalledWith(POOL, tx);
    expect(sessions.deleteOfPool).toHaveBeenCalledWith(POOL, tx);
    expect(devices.deleteOfPool).toHaveBeenCalledWith(POOL, tx);
    expect(poolConfigurations.delete).toHaveBeenCalledWith(POOL, tx);
    expect(cognitoEvents.removeAllOfPool).toHaveBeenCalledWith(POOL, tx);
    expect(outbox.add.mock.calls).toEqual([
      [
        tx,
        {
          topic: DeviceSyncTopics.datasetChanged,
          key: 'us-east-1:a',
          payload: {
            identityPoolId: POOL,
            identityId: 'us-east-1:a',
            datasetName: 'settings',
            syncCount: 5,
            deleted: true,
            occurredAt: NOW.toISOString(),
          },
          correlationId: 'request-1',
        },
      ],
      [
        tx,
        expect.objectContaining({
          key: 'us-east-1:b',
          payload: expect.objectContaining({ datasetName: 'scores', syncCount: 2, deleted: true }),
        }),
      ],
    ]);
  });

  it('announces nothing for a pool device sync holds nothing of, and still clears its sessions', async () => {
    const { data, sessions, outbox } = identityDataWith([]);
    await data.removePool(POOL, 'request-2', tx);
    expect(outbox.add).not.toHaveBeenCalled();
    expect(sessions.deleteOfPool).toHaveBeenCalledWith(POOL, tx);
  });
});
