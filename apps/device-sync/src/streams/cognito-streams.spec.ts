import { streamTopicFor } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { CognitoStreams } from './cognito-streams';

const POOL = 'us-east-1:00000000-0000-0000-0000-000000000001';
const ME = 'us-east-1:00000000-0000-0000-0000-00000000000a';
const tx = {} as Transaction;
const at = new Date('2026-01-01T00:00:00Z');

describe('CognitoStreams', () => {
  const pools = { find: jest.fn() };
  const outbox = { add: jest.fn() };
  const streams = new CognitoStreams(
    pools as unknown as PoolConfigurationsRepository,
    outbox as unknown as OutboxService,
  );
  const sync = {
    identityPoolId: POOL,
    identityId: ME,
    datasetName: 'game',
    syncCount: 3,
    deleted: false,
    records: [
      {
        key: 'score',
        value: '10',
        syncCount: 3,
        lastModifiedAt: at,
        lastModifiedBy: 'phone',
        deviceLastModifiedAt: new Date(1_700_000_000_000),
      },
      {
        key: 'old',
        value: null,
        syncCount: 3,
        lastModifiedAt: at,
        lastModifiedBy: 'phone',
        deviceLastModifiedAt: null,
      },
    ],
    at,
  };

  beforeEach(() => jest.clearAllMocks());

  it('writes nothing for a pool without streams, or with streams disabled', async () => {
    pools.find.mockResolvedValueOnce(undefined);
    await streams.publish(sync, 'r', tx);
    pools.find.mockResolvedValueOnce({
      identityPoolId: POOL,
      cognitoStreams: { streamName: 's', streamingStatus: 'DISABLED' },
    });
    await streams.publish(sync, 'r', tx);
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it("writes Cognito's stream record to the stream's topic, keyed by identity, in the change's transaction", async () => {
    pools.find.mockResolvedValue({
      identityPoolId: POOL,
      cognitoStreams: { streamName: 'game-events', streamingStatus: 'ENABLED' },
    });
    await streams.publish(sync, 'r', tx);
    expect(pools.find).toHaveBeenCalledWith(POOL, tx);
    expect(outbox.add).toHaveBeenCalledWith(tx, {
      topic: 'device-sync.stream.game-events',
      key: ME,
      correlationId: 'r',
      payload: {
        identityPoolId: POOL,
        identityId: ME,
        dataSetName: 'game',
        operation: 'replace',
        kinesisSyncRecords: [
          {
            key: 'score',
            value: '10',
            syncCount: 3,
            lastModifiedDate: at.getTime(),
            deviceLastModifiedDate: 1_700_000_000_000,
            lastModifiedBy: 'phone',
            op: 'replace',
          },
          { key: 'old', syncCount: 3, lastModifiedDate: at.getTime(), lastModifiedBy: 'phone', op: 'remove' },
        ],
        lastModifiedDate: at.getTime(),
        payloadType: 'Inline',
        syncCount: 3,
      },
    });
  });

  it('names a deleted dataset as operation remove', async () => {
    pools.find.mockResolvedValue({
      identityPoolId: POOL,
      cognitoStreams: { streamName: 's', streamingStatus: 'ENABLED' },
    });
    await streams.publish({ ...sync, deleted: true, records: [] }, 'r', tx);
    expect(outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({
        payload: expect.objectContaining({ operation: 'remove', kinesisSyncRecords: [] }) as unknown,
      }),
    );
  });

  it('maps characters Kafka does not allow in a topic name to _', () => {
    expect(streamTopicFor('my stream/€')).toBe('device-sync.stream.my_stream__');
    expect(streamTopicFor('Game_Events.v1-a')).toBe('device-sync.stream.Game_Events.v1-a');
  });
});
