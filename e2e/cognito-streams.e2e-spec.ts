import {
  DeleteDatasetCommand,
  ListRecordsCommand,
  SetIdentityPoolConfigurationCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { e2eSystem } from './support/e2e-context';
import { syncIdentities } from './support/sync-identities';

/**
 * A pool streaming its changes syncs as any other: the stream record is written in the change's
 * own transaction (over Kafka it reaches `device-sync.stream.<StreamName>`, checked in
 * distributed-only/cognito-streams-on-kafka; embedded without Kafka it is relayed to no one).
 */
describe('Cognito streams, seen from the devices', () => {
  const system = e2eSystem();
  const sync = syncIdentities(system);

  it('keeps syncing and deleting a dataset of a pool whose streams are enabled', async () => {
    const pool = await sync.poolWithGuestRole('streams-devices', ['cognito-sync:*']);
    await sync.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        IdentityPoolId: pool.poolId,
        CognitoStreams: {
          StreamName: 'devices',
          RoleArn: `arn:aws:iam::${system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000'}:role/streams`,
          StreamingStatus: 'ENABLED',
        },
      }),
    );
    const me = await sync.guest(pool.poolId);
    const phone = sync.syncAs(me.credentials);
    const ids = { IdentityPoolId: pool.poolId, IdentityId: me.identityId, DatasetName: 'notes' };
    const listed = await phone.send(new ListRecordsCommand(ids));
    const written = await phone.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken: listed.SyncSessionToken,
        RecordPatches: [{ Op: 'replace', Key: 'a', Value: '1', SyncCount: 0 }],
      }),
    );
    expect(written.Records!.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([['a', '1', 1]]);
    await phone.send(new DeleteDatasetCommand(ids));
    expect((await phone.send(new ListRecordsCommand(ids))).DatasetExists).toBe(false);
  });
});
