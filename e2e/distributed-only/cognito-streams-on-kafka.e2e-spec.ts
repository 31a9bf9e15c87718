import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  BulkPublishCommand,
  DeleteDatasetCommand,
  ListRecordsCommand,
  SetIdentityPoolConfigurationCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { randomBytes } from 'node:crypto';
import { e2eSystem } from '../support/e2e-context';
import { KafkaObserver, observeTopics } from '../support/kafka-observer';
import { syncIdentities } from '../support/sync-identities';

/**
 * Cognito streams on the self-hosted Kinesis: a pool whose configuration has CognitoStreams
 * ENABLED gets every dataset change on the Kafka topic `device-sync.stream.<StreamName>`, as
 * Cognito's stream record, keyed by identity; a pool with streams DISABLED on the same stream name
 * does not.
 */
describe('Cognito streams on Kafka', () => {
  const system = e2eSystem();
  const sync = syncIdentities(system);
  const streamName = `game-events-${randomBytes(3).toString('hex')}`;
  const topic = `device-sync.stream.${streamName}`;
  let observer: KafkaObserver;

  beforeAll(async () => {
    observer = await observeTopics('cognito-streams', [topic]);
  });

  afterAll(() => observer.stop());

  async function streamingPool(name: string, status: 'ENABLED' | 'DISABLED') {
    const pool = await sync.poolWithGuestRole(name, ['cognito-sync:*']);
    await sync.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: pool.poolId,
        CognitoStreams: {
          StreamName: streamName,
          RoleArn: `arn:aws:iam::${system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000'}:role/streams`,
          StreamingStatus: status,
        },
      }),
    );
    return pool;
  }

  it('publishes every change of an enabled pool, and nothing of a disabled one', async () => {
    const quiet = await streamingPool('streams-off', 'DISABLED');
    const loud = await streamingPool('streams-on', 'ENABLED');
    const other = await sync.guest(quiet.poolId);
    const me = await sync.guest(loud.poolId);
    const write = async (poolId: string, who: typeof me, patches: { Key: string; Value?: string }[]) => {
      const client = sync.syncAs(who.credentials);
      const ids = { IdentityPoolId: poolId, IdentityId: who.identityId, DatasetName: 'game' };
      const listed = await client.send(new ListRecordsCommand(ids));
      const current = new Map((listed.Records ?? []).map((r) => [r.Key!, r.SyncCount!]));
      await client.send(
        new UpdateRecordsCommand({
          ...ids,
          SyncSessionToken: listed.SyncSessionToken,
          DeviceId: 'phone',
          RecordPatches: patches.map((p) => ({
            Op: p.Value === undefined ? ('remove' as const) : ('replace' as const),
            Key: p.Key,
            ...(p.Value !== undefined ? { Value: p.Value } : {}),
            SyncCount: current.get(p.Key) ?? 0,
          })),
        }),
      );
    };
    await write(quiet.poolId, other, [{ Key: 'score', Value: '1' }]);
    await write(loud.poolId, me, [
      { Key: 'score', Value: '10' },
      { Key: 'level', Value: '2' },
    ]);
    await write(loud.poolId, me, [{ Key: 'level' }]);
    await sync.syncAs(me.credentials).send(
      new DeleteDatasetCommand({
        IdentityPoolId: loud.poolId,
        IdentityId: me.identityId,
        DatasetName: 'game',
      }),
    );

    await observer.waitFor(() => observer.seen.filter((e) => e.key === me.identityId).length >= 3);
    const mine = observer.seen
      .filter((e) => e.topic === topic && e.key === me.identityId)
      .map((e) => e.value);
    const record = (over: Record<string, unknown>) => ({
      identityPoolId: loud.poolId,
      identityId: me.identityId,
      dataSetName: 'game',
      payloadType: 'Inline',
      lastModifiedDate: expect.any(Number) as unknown,
      ...over,
    });
    const synced = (key: string, syncCount: number, value?: string) => ({
      key,
      ...(value !== undefined ? { value } : {}),
      syncCount,
      lastModifiedDate: expect.any(Number) as unknown,
      lastModifiedBy: 'phone',
      op: value === undefined ? 'remove' : 'replace',
    });
    expect(mine).toEqual([
      record({
        operation: 'replace',
        syncCount: 1,
        kinesisSyncRecords: [synced('score', 1, '10'), synced('level', 1, '2')],
      }),
      record({ operation: 'replace', syncCount: 2, kinesisSyncRecords: [synced('level', 2)] }),
      record({ operation: 'remove', syncCount: expect.any(Number) as unknown, kinesisSyncRecords: [] }),
    ]);
    expect(observer.seen.filter((e) => e.value.identityPoolId === quiet.poolId)).toEqual([]);
  });

  it('bulk publishes every live dataset of the pool, with all its records', async () => {
    const pool = await streamingPool('streams-bulk-kafka', 'DISABLED');
    const [a, b] = [await sync.guest(pool.poolId), await sync.guest(pool.poolId)];
    for (const [who, dataset] of [
      [a, 'one'],
      [a, 'two'],
      [b, 'one'],
    ] as const) {
      const client = sync.syncAs(who.credentials);
      const ids = { IdentityPoolId: pool.poolId, IdentityId: who.identityId, DatasetName: dataset };
      const listed = await client.send(new ListRecordsCommand(ids));
      await client.send(
        new UpdateRecordsCommand({
          ...ids,
          SyncSessionToken: listed.SyncSessionToken,
          RecordPatches: [{ Op: 'replace', Key: `${dataset}-key`, Value: who.identityId, SyncCount: 0 }],
        }),
      );
    }
    // Written while streams were off: nothing on the stream yet.
    expect(observer.seen.filter((e) => e.value.identityPoolId === pool.poolId)).toEqual([]);
    await sync.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: pool.poolId,
        CognitoStreams: {
          StreamingStatus: 'ENABLED',
          StreamName: streamName,
          RoleArn: `arn:aws:iam::${system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000'}:role/streams`,
        },
      }),
    );
    await sync.syncAdmin.send(new BulkPublishCommand({ IdentityPoolId: pool.poolId }));
    const published = () =>
      observer.seen.filter((e) => e.topic === topic && e.value.identityPoolId === pool.poolId);
    await observer.waitFor(() => published().length >= 3);
    expect(
      published()
        .map((e) => [
          e.key,
          e.value.dataSetName,
          e.value.operation,
          (e.value.kinesisSyncRecords as { key: string; value: string }[]).map((r) => [r.key, r.value]),
        ])
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual(
      [
        [a.identityId, 'one', 'replace', [['one-key', a.identityId]]],
        [a.identityId, 'two', 'replace', [['two-key', a.identityId]]],
        [b.identityId, 'one', 'replace', [['one-key', b.identityId]]],
      ].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    );
  });

  it("streams a merge (the survivor's new dataset, the merged one removed) and a deleted identity", async () => {
    const identities = new CognitoIdentityClient({ ...sync.base, credentials: sync.admin });
    const { IdentityPoolId } = await identities.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'streams-merge',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'login.streams.app',
      }),
    );
    await sync.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId,
        CognitoStreams: {
          StreamName: streamName,
          RoleArn: `arn:aws:iam::${system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000'}:role/streams`,
          StreamingStatus: 'ENABLED',
        },
      }),
    );
    const developer = async (user: string) =>
      (
        await identities.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId,
            Logins: { 'login.streams.app': user },
          }),
        )
      ).IdentityId!;
    const [alice, bob] = [await developer('stream-alice'), await developer('stream-bob')];
    const ids = { IdentityPoolId, IdentityId: bob, DatasetName: 'settings' };
    const { SyncSessionToken } = await sync.syncAdmin.send(new ListRecordsCommand(ids));
    await sync.syncAdmin.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken,
        RecordPatches: [{ Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 0 }],
      }),
    );
    await identities.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId,
        DeveloperProviderName: 'login.streams.app',
        SourceUserIdentifier: 'stream-bob',
        DestinationUserIdentifier: 'stream-alice',
      }),
    );
    const ofPool = () =>
      observer.seen.filter((e) => e.topic === topic && e.value.identityPoolId === IdentityPoolId);
    await observer.waitFor(() => ofPool().length >= 3);
    const seen = ofPool().map((e) => [
      e.key,
      e.value.dataSetName,
      e.value.operation,
      (e.value.kinesisSyncRecords as { key: string; value?: string }[]).map((r) => [r.key, r.value]),
    ]);
    // Stream records are keyed, and so ordered, per identity: bob's two come in order, while
    // alice's may arrive before or after bob's removal (another partition).
    const ofIdentity = (id: string) => seen.filter((record) => record[0] === id);
    expect(ofIdentity(bob)).toEqual([
      [bob, 'settings', 'replace', [['theme', 'light']]],
      [bob, 'settings', 'remove', []],
    ]);
    expect(ofIdentity(alice)).toEqual([[alice, `settings.${bob}`, 'replace', [['theme', 'light']]]]);

    await identities.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [alice] }));
    await observer.waitFor(() => ofPool().length >= 4);
    expect(ofPool()[3]).toMatchObject({
      key: alice,
      value: { dataSetName: `settings.${bob}`, operation: 'remove', kinesisSyncRecords: [] },
    });
    identities.destroy();
  });
});
