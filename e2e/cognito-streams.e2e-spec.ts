import {
  BulkPublishCommand,
  DeleteDatasetCommand,
  GetBulkPublishDetailsCommand,
  ListRecordsCommand,
  SetIdentityPoolConfigurationCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { expectAwsError } from '../libs/testing/src/aws-errors';
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

  it('bulk publishes a streaming pool once, with its status, and refuses what Cognito refuses', async () => {
    const pool = await sync.poolWithGuestRole('streams-bulk', ['cognito-sync:*']);
    const ids = { IdentityPoolId: pool.poolId };
    const details = () => sync.syncAdmin.send(new GetBulkPublishDetailsCommand(ids));
    // Streams not configured yet: nothing to publish to.
    await expectAwsError(
      sync.syncAdmin.send(new BulkPublishCommand(ids)),
      'InvalidParameterException',
      /not enabled/,
    );
    expect(await details()).toMatchObject({ IdentityPoolId: pool.poolId, BulkPublishStatus: 'NOT_STARTED' });
    await sync.syncAdmin.send(
      new SetIdentityPoolConfigurationCommand({
        ...ids,
        CognitoStreams: {
          StreamName: 'bulk',
          RoleArn: `arn:aws:iam::${system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000'}:role/streams`,
          StreamingStatus: 'ENABLED',
        },
      }),
    );
    const me = await sync.guest(pool.poolId);
    // An identity's own credentials may neither start nor read a bulk publish.
    await expectAwsError(
      sync.syncAs(me.credentials).send(new BulkPublishCommand(ids)),
      'NotAuthorizedException',
      {
        status: 403,
      },
    );
    await expectAwsError(
      sync.syncAs(me.credentials).send(new GetBulkPublishDetailsCommand(ids)),
      'NotAuthorizedException',
      { status: 403 },
    );
    const before = Math.floor(Date.now() / 1000) - 1;
    expect(await sync.syncAdmin.send(new BulkPublishCommand(ids))).toMatchObject({
      IdentityPoolId: pool.poolId,
    });
    const done = await details();
    expect(done).toMatchObject({ IdentityPoolId: pool.poolId, BulkPublishStatus: 'SUCCEEDED' });
    expect(done.BulkPublishStartTime!.getTime() / 1000).toBeGreaterThanOrEqual(before);
    expect(done.BulkPublishCompleteTime!.getTime()).toBeGreaterThanOrEqual(
      done.BulkPublishStartTime!.getTime(),
    );
    // One success per 24 hours.
    await expectAwsError(sync.syncAdmin.send(new BulkPublishCommand(ids)), 'AlreadyStreamedException');
    const missing = { IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' };
    await expectAwsError(sync.syncAdmin.send(new BulkPublishCommand(missing)), 'ResourceNotFoundException', {
      status: 404,
    });
    await expectAwsError(
      sync.syncAdmin.send(new GetBulkPublishDetailsCommand(missing)),
      'ResourceNotFoundException',
      { status: 404 },
    );
  });
});
