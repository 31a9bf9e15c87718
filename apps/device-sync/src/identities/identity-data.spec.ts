import { DeviceSyncTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { SyncClock } from '../common/device-sync.config';
import { DatasetRow } from '../datasets/dataset.row';
import { CognitoEventsRepository } from '../cognito-events/cognito-events.repository';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { DevicesRepository } from '../devices/devices.repository';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { RecordRow } from '../records/record.row';
import { RecordsRepository } from '../records/records.repository';
import { SyncSessionsRepository } from '../sessions/sync-sessions.repository';
import { CognitoStreams } from '../streams/cognito-streams';
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

const STREAM_TOPIC = 'device-sync.stream.game';

/**
 * IdentityData over mocked repositories and outbox, in one opaque unit of work; `streamTopic` is
 * the pool's Cognito stream topic (undefined: streams off).
 */
function identityDataWith(datasets: DatasetRow[], streamTopic?: string, records: RecordRow[] = []) {
  const repository = {
    allOfPool: jest.fn().mockResolvedValue(datasets),
    deleteAllOfPool: jest.fn().mockResolvedValue(undefined),
    allOfIdentity: jest.fn().mockResolvedValue(datasets),
    deleteAllOfIdentity: jest.fn().mockResolvedValue(undefined),
    moveTo: jest.fn().mockResolvedValue(true),
  };
  const sessions = {
    deleteOfPool: jest.fn().mockResolvedValue(undefined),
    deleteOfIdentity: jest.fn().mockResolvedValue(undefined),
  };
  const devices = {
    deleteOfPool: jest.fn().mockResolvedValue(undefined),
    deleteOfIdentity: jest.fn().mockResolvedValue(undefined),
  };
  const recordsRepository = { allOf: jest.fn().mockResolvedValue(records) };
  const streams = {
    topicOf: jest.fn().mockResolvedValue(streamTopic),
    write: jest.fn().mockResolvedValue(undefined),
  };
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
    recordsRepository as unknown as RecordsRepository,
    streams as unknown as CognitoStreams,
  );
  return {
    data,
    repository,
    sessions,
    devices,
    poolConfigurations,
    cognitoEvents,
    outbox,
    streams,
    recordsRepository,
  };
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

describe('IdentityData and Cognito streams', () => {
  const record: RecordRow = {
    key: 'theme',
    value: 'light',
    syncCount: 3,
    lastModifiedAt: NOW,
    deviceLastModifiedAt: null,
    lastModifiedBy: 'phone',
  };

  it("streams a deleted pool's live datasets as removed, reading the topic once and before the pool goes", async () => {
    const { data, streams, poolConfigurations } = identityDataWith(
      [
        dataset('us-east-1:a', 'settings', true, 4),
        dataset('us-east-1:a', 'old', false, 2),
        dataset('us-east-1:b', 'scores', true, 1),
      ],
      STREAM_TOPIC,
    );
    await data.removePool(POOL, 'request-3', tx);
    expect(streams.topicOf).toHaveBeenCalledTimes(1);
    expect(streams.topicOf.mock.invocationCallOrder[0]).toBeLessThan(
      poolConfigurations.delete.mock.invocationCallOrder[0],
    );
    expect(
      streams.write.mock.calls.map(([topic, sync]) => [
        topic,
        sync.identityId,
        sync.datasetName,
        sync.deleted,
        sync.syncCount,
        sync.records,
      ]),
    ).toEqual([
      [STREAM_TOPIC, 'us-east-1:a', 'settings', true, 5, []],
      [STREAM_TOPIC, 'us-east-1:b', 'scores', true, 2, []],
    ]);
  });

  it("streams a deleted identity's live datasets as removed", async () => {
    const { data, streams } = identityDataWith([dataset('us-east-1:a', 'settings', true, 4)], STREAM_TOPIC);
    await data.remove('us-east-1:a', 'request-4', tx);
    expect(streams.write).toHaveBeenCalledWith(
      STREAM_TOPIC,
      expect.objectContaining({
        identityId: 'us-east-1:a',
        datasetName: 'settings',
        deleted: true,
        syncCount: 5,
      }),
      'request-4',
      tx,
    );
  });

  it("streams a merge: the survivor's new dataset with its records, the merged identity's removed", async () => {
    const { data, streams, recordsRepository } = identityDataWith(
      [dataset('us-east-1:bob', 'settings', true, 3)],
      STREAM_TOPIC,
      [record],
    );
    const moved = await data.merge('us-east-1:bob', 'us-east-1:alice', 'request-5', tx);
    expect(moved).toEqual(['settings.us-east-1:bob']);
    expect(recordsRepository.allOf).toHaveBeenCalledWith('us-east-1:alice', 'settings.us-east-1:bob', tx);
    expect(
      streams.write.mock.calls.map(([, sync]) => [
        sync.identityId,
        sync.datasetName,
        sync.deleted,
        sync.syncCount,
        sync.records,
      ]),
    ).toEqual([
      ['us-east-1:alice', 'settings.us-east-1:bob', false, 3, [record]],
      ['us-east-1:bob', 'settings', true, 4, []],
    ]);
  });

  it('writes no stream record, and reads no records, for a pool that does not stream', async () => {
    const { data, streams, recordsRepository, outbox } = identityDataWith([
      dataset('us-east-1:bob', 'settings', true, 3),
    ]);
    await data.merge('us-east-1:bob', 'us-east-1:alice', 'request-6', tx);
    await data.remove('us-east-1:bob', 'request-7', tx);
    expect(streams.write).not.toHaveBeenCalled();
    expect(recordsRepository.allOf).not.toHaveBeenCalled();
    expect(outbox.add).toHaveBeenCalled();
  });
});
