import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentitiesCommand,
  DeleteIdentityPoolCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  CognitoSyncClient,
  DeleteDatasetCommand,
  DescribeIdentityPoolUsageCommand,
  ListDatasetsCommand,
  ListRecordsCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { e2eSystem } from './support/e2e-context';

/**
 * Cognito Sync following the federation broker's identity events: a merged identity's datasets
 * move to the surviving identity and show up in its ListRecords' MergedDatasetNames, named
 * `<dataset>.<merged identity id>` as the mobile SDKs' onDatasetsMerged expects; a deleted
 * identity's datasets go, and so do those of every identity of a deleted pool. The events travel through the outbox (over Kafka when distributed), so
 * the checks wait for them.
 */
describe('Cognito Sync and identity merges and deletions', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: admin };
  const identities = new CognitoIdentityClient(base);
  const sync = new CognitoSyncClient(base);
  let poolId: string;

  beforeAll(async () => {
    const pool = await identities.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'sync-merge',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'login.sync.app',
      }),
    );
    poolId = pool.IdentityPoolId!;
  });

  const developer = async (user: string) =>
    (
      await identities.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: poolId,
          Logins: { 'login.sync.app': user },
        }),
      )
    ).IdentityId!;

  async function write(identityId: string, DatasetName: string, Key: string, Value: string, pool = poolId) {
    const ids = { IdentityPoolId: pool, IdentityId: identityId, DatasetName };
    const { SyncSessionToken } = await sync.send(new ListRecordsCommand(ids));
    await sync.send(
      new UpdateRecordsCommand({
        ...ids,
        SyncSessionToken,
        RecordPatches: [{ Op: 'replace', Key, Value, SyncCount: 0 }],
      }),
    );
  }

  const datasetsOf = async (identityId: string, pool = poolId) =>
    (
      (await sync.send(new ListDatasetsCommand({ IdentityPoolId: pool, IdentityId: identityId }))).Datasets ??
      []
    )
      .map((d) => d.DatasetName)
      .sort();

  it("moves a merged identity's datasets to the survivor, reported in MergedDatasetNames", async () => {
    const alice = await developer('sync-alice');
    const bob = await developer('sync-bob');
    await write(alice, 'settings', 'theme', 'dark');
    await write(bob, 'settings', 'theme', 'light');
    await write(bob, 'scores', 'best', '42');

    await identities.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: poolId,
        DeveloperProviderName: 'login.sync.app',
        SourceUserIdentifier: 'sync-bob',
        DestinationUserIdentifier: 'sync-alice',
      }),
    );
    const merged = [`scores.${bob}`, `settings.${bob}`];
    await eventually(async () => expect(await datasetsOf(alice)).toEqual(['settings', ...merged].sort()));
    expect(await datasetsOf(bob)).toEqual([]);

    const settings = await sync.send(
      new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: alice, DatasetName: 'settings' }),
    );
    expect(settings.MergedDatasetNames).toEqual([`settings.${bob}`]);
    expect(settings.Records!.map((r) => r.Value)).toEqual(['dark']);
    const moved = await sync.send(
      new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: alice, DatasetName: `settings.${bob}` }),
    );
    expect(moved.Records!.map((r) => [r.Key, r.Value])).toEqual([['theme', 'light']]);

    // The app merges it into its own dataset and deletes it: the merge is no longer reported.
    await sync.send(
      new DeleteDatasetCommand({ IdentityPoolId: poolId, IdentityId: alice, DatasetName: `settings.${bob}` }),
    );
    const after = await sync.send(
      new ListRecordsCommand({ IdentityPoolId: poolId, IdentityId: alice, DatasetName: 'settings' }),
    );
    expect(after.MergedDatasetNames ?? []).toEqual([]);
  });

  it("drops a deleted identity's datasets", async () => {
    const carol = await developer('sync-carol');
    await write(carol, 'notes', 'n', 'hello');
    expect(await datasetsOf(carol)).toEqual(['notes']);
    await identities.send(new DeleteIdentitiesCommand({ IdentityIdsToDelete: [carol] }));
    await eventually(async () => expect(await datasetsOf(carol)).toEqual([]));
  });

  it("drops the datasets of every identity of a deleted pool, and forgets the pool's usage", async () => {
    const { IdentityPoolId: doomed } = await identities.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'sync-doomed',
        AllowUnauthenticatedIdentities: false,
        DeveloperProviderName: 'login.doomed.app',
      }),
    );
    const member = async (user: string) =>
      (
        await identities.send(
          new GetOpenIdTokenForDeveloperIdentityCommand({
            IdentityPoolId: doomed,
            Logins: { 'login.doomed.app': user },
          }),
        )
      ).IdentityId!;
    const erin = await member('doomed-erin');
    const frank = await member('doomed-frank');
    await write(erin, 'settings', 'theme', 'dark', doomed);
    await write(erin, 'scores', 'best', '7', doomed);
    await write(frank, 'settings', 'theme', 'light', doomed);
    const survivor = await developer('sync-grace');
    await write(survivor, 'settings', 'theme', 'blue');
    const usage = await sync.send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: doomed }));
    expect(usage.IdentityPoolUsage?.SyncSessionsCount).toBe(3);

    await identities.send(new DeleteIdentityPoolCommand({ IdentityPoolId: doomed }));
    await eventually(async () => {
      expect(await datasetsOf(erin, doomed)).toEqual([]);
      expect(await datasetsOf(frank, doomed)).toEqual([]);
    });
    await eventually(() =>
      expectAwsError(
        sync.send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: doomed })),
        'ResourceNotFoundException',
        { status: 404 },
      ),
    );
    // Another pool's identity keeps its data.
    expect(await datasetsOf(survivor)).toEqual(['settings']);
  });
});
