import {
  CognitoSyncClient,
  DeleteDatasetCommand,
  DescribeDatasetCommand,
  DescribeIdentityPoolUsageCommand,
  DescribeIdentityUsageCommand,
  ListDatasetsCommand,
  ListIdentityPoolUsageCommand,
  ListRecordsCommand,
  RecordPatch,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { randomBytes } from 'node:crypto';
import { SessionTokenCodec } from '../libs/session-credentials/src';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';
import { syncIdentities } from './support/sync-identities';

/**
 * Cognito Sync with the unchanged AWS SDK (@aws-sdk/client-cognito-sync) against the real gateway:
 * two devices of one identity keeping a dataset in step (ListRecords, then UpdateRecords with the
 * session token and each record's SyncCount), conflicts, deletes seen by the other device, limits,
 * and who may act: the identity's own credentials where its role allows, the admin key anywhere,
 * nobody else.
 */
describe('Cognito Sync datasets and records', () => {
  const system = e2eSystem();
  const { poolWithGuestRole, guest, syncAs, syncAdmin } = syncIdentities(system);

  /** One device's sync: what ListRecords says since `lastSyncCount`, then its patches pushed. */
  async function push(
    client: CognitoSyncClient,
    ids: { IdentityPoolId: string; IdentityId: string; DatasetName: string },
    patches: RecordPatch[],
    DeviceId?: string,
  ) {
    const listed = await client.send(new ListRecordsCommand(ids));
    return client.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken: listed.SyncSessionToken,
        RecordPatches: patches,
        ...(DeviceId ? { DeviceId } : {}),
      }),
    );
  }

  let pool: { poolId: string; roleArn: string };

  beforeAll(async () => {
    pool = await poolWithGuestRole('sync', ['cognito-sync:*']);
  });

  it('keeps two devices of one identity in step, record by record', async () => {
    const me = await guest(pool.poolId);
    const phone = syncAs(me.credentials);
    const laptop = syncAs(me.credentials);
    const ids = { IdentityPoolId: pool.poolId, IdentityId: me.identityId, DatasetName: 'settings' };

    const first = await push(
      phone,
      ids,
      [
        { Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 },
        {
          Op: 'replace',
          Key: 'volume',
          Value: '7',
          SyncCount: 0,
          DeviceLastModifiedDate: new Date(1_700_000_000_000),
        },
      ],
      'phone',
    );
    expect(first.Records!.map((r) => [r.Key, r.Value, r.SyncCount, r.LastModifiedBy])).toEqual([
      ['theme', 'dark', 1, 'phone'],
      ['volume', '7', 1, 'phone'],
    ]);
    expect(first.Records![1].DeviceLastModifiedDate).toEqual(new Date(1_700_000_000_000));

    // The laptop had never synced: it gets everything, and the dataset's sync count.
    const pulled = await laptop.send(new ListRecordsCommand({ ...ids, LastSyncCount: 0 }));
    expect(pulled).toMatchObject({
      DatasetExists: true,
      DatasetSyncCount: 1,
      Count: 2,
      LastModifiedBy: 'phone',
    });
    expect(pulled.Records!.map((r) => [r.Key, r.Value])).toEqual([
      ['theme', 'dark'],
      ['volume', '7'],
    ]);
    expect(pulled.MergedDatasetNames ?? []).toEqual([]);

    // The laptop changes one record and removes the other; the phone learns only what changed.
    await laptop.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken: pulled.SyncSessionToken,
        DeviceId: 'laptop',
        RecordPatches: [
          { Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 1 },
          { Op: 'remove', Key: 'volume', SyncCount: 1 },
        ],
      }),
    );
    const changes = await phone.send(new ListRecordsCommand({ ...ids, LastSyncCount: 1 }));
    expect(changes.DatasetSyncCount).toBe(2);
    expect(changes.Records!.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([
      ['theme', 'light', 2],
      ['volume', undefined, 2],
    ]);
    expect((await phone.send(new ListRecordsCommand({ ...ids, LastSyncCount: 2 }))).Records ?? []).toEqual(
      [],
    );

    const { Dataset } = await phone.send(new DescribeDatasetCommand(ids));
    expect(Dataset).toMatchObject({
      IdentityId: me.identityId,
      DatasetName: 'settings',
      NumRecords: 1,
      DataStorage: 'theme'.length + 'light'.length,
      LastModifiedBy: 'laptop',
    });
    expect(Dataset!.CreationDate).toBeInstanceOf(Date);
    const listed = await laptop.send(
      new ListDatasetsCommand({ IdentityPoolId: pool.poolId, IdentityId: me.identityId }),
    );
    expect(listed.Datasets!.map((d) => d.DatasetName)).toEqual(['settings']);
    const usage = await laptop.send(
      new DescribeIdentityUsageCommand({ IdentityPoolId: pool.poolId, IdentityId: me.identityId }),
    );
    expect(usage.IdentityUsage).toMatchObject({ DatasetCount: 1, DataStorage: 10 });
  });

  it('refuses a stale SyncCount with ResourceConflictException and applies nothing of the call', async () => {
    const me = await guest(pool.poolId);
    const phone = syncAs(me.credentials);
    const laptop = syncAs(me.credentials);
    const ids = { IdentityPoolId: pool.poolId, IdentityId: me.identityId, DatasetName: 'game' };
    await push(phone, ids, [{ Op: 'replace', Key: 'level', Value: '1', SyncCount: 0 }]);
    const laptopView = await laptop.send(new ListRecordsCommand(ids));
    await push(phone, ids, [{ Op: 'replace', Key: 'level', Value: '2', SyncCount: 1 }]);

    // The laptop still thinks level is at SyncCount 1; its other, fresh patch must not land either.
    await expectAwsError(
      laptop.send(
        new UpdateRecordsCommand({
          ...ids,
          SyncSessionToken: laptopView.SyncSessionToken,
          RecordPatches: [
            { Op: 'replace', Key: 'coins', Value: '99', SyncCount: 0 },
            { Op: 'replace', Key: 'level', Value: '5', SyncCount: 1 },
          ],
        }),
      ),
      'ResourceConflictException',
      { status: 409 },
    );
    const after = await laptop.send(new ListRecordsCommand(ids));
    expect(after.DatasetSyncCount).toBe(2);
    expect(after.Records!.map((r) => [r.Key, r.Value])).toEqual([['level', '2']]);

    // Two devices racing the same record from the same SyncCount: exactly one wins.
    const race = await Promise.allSettled(
      ['a', 'b'].map((v) =>
        push(v === 'a' ? phone : laptop, ids, [{ Op: 'replace', Key: 'level', Value: v, SyncCount: 2 }]),
      ),
    );
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as Error).name).toBe('ResourceConflictException');
  });

  it('tells a device that synced before a DeleteDataset, and forgets the dataset', async () => {
    const me = await guest(pool.poolId);
    const phone = syncAs(me.credentials);
    const ids = { IdentityPoolId: pool.poolId, IdentityId: me.identityId, DatasetName: 'notes' };
    await push(phone, ids, [{ Op: 'replace', Key: 'n1', Value: 'hello', SyncCount: 0 }]);
    const { Dataset } = await syncAs(me.credentials).send(new DeleteDatasetCommand(ids));
    expect(Dataset).toMatchObject({ DatasetName: 'notes', NumRecords: 1 });

    const seen = await phone.send(new ListRecordsCommand({ ...ids, LastSyncCount: 1 }));
    expect(seen).toMatchObject({ DatasetExists: false, DatasetDeletedAfterRequestedSyncCount: true });
    expect(seen.Records ?? []).toEqual([]);
    await expectAwsError(phone.send(new DescribeDatasetCommand(ids)), 'ResourceNotFoundException', {
      status: 404,
    });
    await expectAwsError(phone.send(new DeleteDatasetCommand(ids)), 'ResourceNotFoundException', {
      status: 404,
    });
    expect(
      (await phone.send(new ListDatasetsCommand({ IdentityPoolId: pool.poolId, IdentityId: me.identityId })))
        .Datasets ?? [],
    ).toEqual([]);

    // Written again, it is a new dataset: the old record is gone.
    const again = await push(phone, ids, [{ Op: 'replace', Key: 'n2', Value: 'again', SyncCount: 0 }]);
    expect(again.Records![0].SyncCount).toBeGreaterThan(1);
    const fresh = await phone.send(new ListRecordsCommand(ids));
    expect(fresh.Records!.map((r) => r.Key)).toEqual(['n2']);
  });

  it("refuses what Cognito's limits and session tokens forbid, with Cognito's errors", async () => {
    const me = await guest(pool.poolId);
    const phone = syncAs(me.credentials);
    const ids = { IdentityPoolId: pool.poolId, IdentityId: me.identityId };
    // A dataset name outside [a-zA-Z0-9_.:-]{1,128}.
    await expectAwsError(
      phone.send(new ListRecordsCommand({ ...ids, DatasetName: 'bad name!' })),
      'InvalidParameterException',
      /datasetName/,
    );
    // UpdateRecords without a token ListRecords issued for this dataset.
    const other = await phone.send(new ListRecordsCommand({ ...ids, DatasetName: 'a' }));
    await expectAwsError(
      phone.send(
        new UpdateRecordsCommand({
          ...ids,
          DatasetName: 'b',
          SyncSessionToken: other.SyncSessionToken,
          RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }],
        }),
      ),
      'InvalidParameterException',
      /SyncSessionToken/,
    );
    // 1 MB per dataset, filled over several calls (a request body stays under the gateway's 256 KiB).
    const value = 'x'.repeat(200_000);
    for (let i = 0; i < 5; i++) {
      const listed = await phone.send(new ListRecordsCommand({ ...ids, DatasetName: 'big' }));
      await phone.send(
        new UpdateRecordsCommand({
          ...ids,
          DatasetName: 'big',
          SyncSessionToken: listed.SyncSessionToken,
          RecordPatches: [{ Op: 'replace', Key: `r${i}`, Value: value, SyncCount: 0 }],
        }),
      );
    }
    await expectAwsError(
      push(phone, { ...ids, DatasetName: 'big' }, [{ Op: 'replace', Key: 'r5', Value: value, SyncCount: 0 }]),
      'LimitExceededException',
      /limit is 1048576/,
    );
    // 1024 records per dataset.
    const many = Array.from({ length: 1025 }, (_, i) => ({
      Op: 'replace' as const,
      Key: `k${i}`,
      Value: '1',
      SyncCount: 0,
    }));
    await expectAwsError(
      push(phone, { ...ids, DatasetName: 'many' }, many),
      'LimitExceededException',
      /limit is 1024/,
    );
    // 20 datasets per identity ('big' is one already).
    for (let i = 1; i < 20; i++) {
      await push(phone, { ...ids, DatasetName: `d${i}` }, []);
    }
    await expectAwsError(
      push(phone, { ...ids, DatasetName: 'd20' }, []),
      'LimitExceededException',
      /limit is 20/,
    );
    expect((await phone.send(new ListDatasetsCommand({ ...ids, MaxResults: 64 }))).Datasets).toHaveLength(20);
  });

  it("refuses a stranger's credentials, a role without the permission, and credentials past their expiry", async () => {
    const me = await guest(pool.poolId);
    const stranger = await guest(pool.poolId);
    const ids = { IdentityPoolId: pool.poolId, IdentityId: me.identityId, DatasetName: 'private' };
    await push(syncAs(me.credentials), ids, [{ Op: 'replace', Key: 'secret', Value: 's', SyncCount: 0 }]);

    const theirs = syncAs(stranger.credentials);
    await expectAwsError(theirs.send(new ListRecordsCommand(ids)), 'NotAuthorizedException', { status: 403 });
    await expectAwsError(theirs.send(new DeleteDatasetCommand(ids)), 'NotAuthorizedException', {
      status: 403,
    });
    await expectAwsError(
      theirs.send(new ListDatasetsCommand({ IdentityPoolId: pool.poolId, IdentityId: me.identityId })),
      'NotAuthorizedException',
      { status: 403 },
    );
    // Pool-wide usage is for the admin key only.
    await expectAwsError(
      syncAs(me.credentials).send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: pool.poolId })),
      'NotAuthorizedException',
      { status: 403 },
    );

    // A request signed for the stranger's own dataset, sent to mine: the signature covers the path.
    const host = new URL(system.endpoint).host;
    const theirPath = `/identitypools/${encodeURIComponent(pool.poolId)}/identities/${encodeURIComponent(stranger.identityId)}/datasets/private/records`;
    const signed = signRequest(
      { method: 'GET', path: theirPath, query: '', headers: { host }, body: Buffer.alloc(0) },
      stranger.credentials,
      { region: 'us-east-1', service: 'cognito-sync' },
    );
    const myPath = theirPath.replace(
      encodeURIComponent(stranger.identityId),
      encodeURIComponent(me.identityId),
    );
    const { host: _h, ...headers } = signed.headers as Record<string, string>;
    const retargeted = await fetch(`${system.endpoint}${myPath}`, { headers });
    expect([retargeted.status, retargeted.headers.get('x-amzn-errortype')]).toEqual([
      403,
      'InvalidSignatureException:',
    ]);

    // A role that allows only ListDatasets: reading records of its own identity is refused.
    const narrow = await poolWithGuestRole('sync-narrow', ['cognito-sync:ListDatasets']);
    const limited = await guest(narrow.poolId);
    const own = { IdentityPoolId: narrow.poolId, IdentityId: limited.identityId };
    await syncAs(limited.credentials).send(new ListDatasetsCommand(own));
    await expectAwsError(
      syncAs(limited.credentials).send(new ListRecordsCommand({ ...own, DatasetName: 'x' })),
      'NotAuthorizedException',
      { status: 403, message: /cognito-sync:ListRecords/ },
    );

    // The same identity's credentials, expired a minute ago (sealed with the deployment's key).
    const codec = SessionTokenCodec.fromMasterKey(
      Buffer.from(system.commonEnv.IDFED_SESSION_TOKEN_KEY, 'base64'),
    );
    const expired = {
      accessKeyId: 'ASIAEXPIREDSYNCSYNCS',
      secretAccessKey: randomBytes(30).toString('base64'),
    };
    const sessionToken = codec.seal({
      ...expired,
      roleArn: pool.roleArn,
      roleId: 'AROAEXPIREDSYNC00001',
      sessionName: 'CognitoIdentityCredentials',
      subject: me.identityId,
      provider: 'cognito-identity.amazonaws.com',
      webIdentity: {
        keyPrefix: 'cognito-identity.amazonaws.com',
        claims: { sub: me.identityId, aud: pool.poolId },
      },
      issuedAt: Date.now() - 3660_000,
      expiresAt: Date.now() - 60_000,
    });
    await expectAwsError(
      syncAs({ ...expired, sessionToken }).send(new ListRecordsCommand(ids)),
      'ExpiredTokenException',
      { status: 403, message: 'The security token included in the request is expired' },
    );

    // The admin key acts on any identity, as AWS developer credentials do.
    const seen = await syncAdmin.send(new ListRecordsCommand(ids));
    expect(seen.Records!.map((r) => r.Key)).toEqual(['secret']);
    const poolUsage = await syncAdmin.send(
      new DescribeIdentityPoolUsageCommand({ IdentityPoolId: pool.poolId }),
    );
    expect(poolUsage.IdentityPoolUsage!.SyncSessionsCount).toBeGreaterThan(0);
    const pools = await syncAdmin.send(new ListIdentityPoolUsageCommand({ MaxResults: 60 }));
    expect(pools.Count).toBeGreaterThan(0);
  });
});
