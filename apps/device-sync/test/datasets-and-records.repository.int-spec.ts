import { randomBytes, randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CommandMeta, DeviceSyncTopics, DeviceSyncWire as W } from '@idfed/contracts';
import { InboxService, OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { COGNITO_SYNC_LIMITS, DEVICE_SYNC_CONFIG, SyncClock } from '../src/common/device-sync.config';
import { DEVICE_SYNC_SCHEMA } from '../src/database/schema';
import { DatasetRemoval } from '../src/datasets/dataset-removal';
import { DatasetsRepository } from '../src/datasets/datasets.repository';
import { DevicesRepository } from '../src/devices/devices.repository';
import { DeleteDatasetUseCase } from '../src/datasets/delete-dataset.use-case';
import { IdentityData, mergedDatasetName } from '../src/identities/identity-data';
import { ListRecordsUseCase } from '../src/records/list-records.use-case';
import { RecordsRepository } from '../src/records/records.repository';
import { UpdateRecordsUseCase } from '../src/records/update-records.use-case';
import { SyncSessionTokens } from '../src/sessions/sync-session.tokens';
import { SyncSessionsRepository } from '../src/sessions/sync-sessions.repository';
import { CognitoEventsRepository } from '../src/cognito-events/cognito-events.repository';
import { PoolConfigurationsRepository } from '../src/pools/pool-configurations.repository';
import { CognitoStreams } from '../src/streams/cognito-streams';
import { SyncTrigger } from '../src/sync-trigger/sync-trigger';
import { SyncTriggerClient } from '../src/sync-trigger/sync-trigger.client';
import { SYNC_TRIGGER_CONFIG, triggerArn } from '../src/sync-trigger/sync-trigger.config';
import { endpointKey } from '../src/sync-trigger/sync-trigger.signature';
import { eventually } from '../../../libs/testing/src/eventually';
import { startSyncTriggerStandin, SyncTriggerStandin } from '../../../libs/testing/src/sync-trigger-standin';
import { DeviceSyncTestDatabase } from './support/device-sync-test-database';

/** A clock the spec moves, for session expiry without sleeping. */
class MovableClock extends SyncClock {
  offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * Datasets and records on a real PostgreSQL, in a database of its own: what only the database can
 * show. Two devices patching one record from the same SyncCount serialise on the dataset's row lock
 * and exactly one wins; concurrent creations respect the identity's dataset limit; a refused call
 * leaves nothing behind; record pages do not lose records that share a sync count.
 */
describe('datasets and records on PostgreSQL', () => {
  const db = new DeviceSyncTestDatabase('int');
  const poolId = `us-east-1:${randomUUID()}`;
  const admin: CommandMeta = { requestId: 'int', caller: { kind: 'admin', accessKeyId: 'AKIAINT' } };
  let ds: DataSource;
  let update: UpdateRecordsUseCase;
  let list: ListRecordsUseCase;
  let remove: DeleteDatasetUseCase;
  let records: RecordsRepository;
  let identityData: IdentityData;
  const clock = new MovableClock();
  const triggerSecret = randomBytes(32);
  let standin: SyncTriggerStandin;
  let cognitoEvents: CognitoEventsRepository;
  const triggerConfig = {
    region: 'us-east-1',
    accountId: '000000000000',
    endpoints: new Map<string, string>(),
    secret: triggerSecret,
    timeoutMs: 60_000,
    maxAnswerBytes: 1024 * 1024,
  };

  beforeAll(async () => {
    ds = await db.create(24);
    standin = await startSyncTriggerStandin((name) => endpointKey(triggerSecret, name));
    triggerConfig.endpoints.set('hold', `${standin.url}/hold`);
    const module = await Test.createTestingModule({
      providers: [
        UpdateRecordsUseCase,
        ListRecordsUseCase,
        DeleteDatasetUseCase,
        DatasetsRepository,
        RecordsRepository,
        SyncSessionsRepository,
        DevicesRepository,
        SyncSessionTokens,
        DatasetRemoval,
        IdentityData,
        Transactions,
        { provide: SyncClock, useValue: clock },
        { provide: DataSource, useValue: ds },
        { provide: OutboxService, useValue: new OutboxService(DEVICE_SYNC_SCHEMA) },
        { provide: DEVICE_SYNC_CONFIG, useValue: COGNITO_SYNC_LIMITS },
        CognitoEventsRepository,
        PoolConfigurationsRepository,
        CognitoStreams,
        SyncTrigger,
        SyncTriggerClient,
        { provide: SYNC_TRIGGER_CONFIG, useValue: triggerConfig },
      ],
    }).compile();
    update = module.get(UpdateRecordsUseCase);
    list = module.get(ListRecordsUseCase);
    remove = module.get(DeleteDatasetUseCase);
    records = module.get(RecordsRepository);
    identityData = module.get(IdentityData);
    cognitoEvents = module.get(CognitoEventsRepository);
  });

  afterAll(async () => {
    await standin?.close();
    await db.drop();
  });

  const newIdentity = () => `us-east-1:${randomUUID()}`;
  const ids = (identityId: string, name = 'settings') => ({
    IdentityPoolId: poolId,
    IdentityId: identityId,
    DatasetName: name,
  });

  async function patch(identityId: string, name: string, patches: W.RecordPatch[], device?: string) {
    const { SyncSessionToken } = await list.execute(ids(identityId, name), admin);
    return update.execute(
      {
        ...ids(identityId, name),
        SyncSessionToken,
        RecordPatches: patches,
        ...(device ? { DeviceId: device } : {}),
      },
      admin,
    );
  }

  const count = async (sql: string, params: unknown[]) => (await ds.query<{ n: number }[]>(sql, params))[0].n;
  const changedEvents = (identityId: string) =>
    count(`SELECT count(*)::int AS n FROM device_sync.outbox WHERE topic = $1 AND key = $2`, [
      DeviceSyncTopics.datasetChanged,
      identityId,
    ]);

  it('lets exactly one of many devices patching one record from the same SyncCount win', async () => {
    const identity = newIdentity();
    await patch(identity, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'v0', SyncCount: 0 }]);
    const sessions = await Promise.all(
      Array.from({ length: 8 }, () => list.execute(ids(identity), admin).then((r) => r.SyncSessionToken)),
    );
    const outcomes = await Promise.allSettled(
      sessions.map((token, i) =>
        update.execute(
          {
            ...ids(identity),
            SyncSessionToken: token,
            DeviceId: `device-${i}`,
            RecordPatches: [
              { Op: 'replace', Key: `only-${i}`, Value: 'x', SyncCount: 0 },
              { Op: 'replace', Key: 'theme', Value: `v${i}`, SyncCount: 1 },
            ],
          },
          admin,
        ),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
      expect((lost.reason as ServiceError).errorName).toBe('ResourceConflictException');
    }
    // Nothing of the refused calls landed: one winner's two records, the first write's one.
    const listed = await list.execute(ids(identity), admin);
    expect(listed.DatasetSyncCount).toBe(2);
    expect(listed.Records.map((r) => r.Key).sort()).toHaveLength(2);
    expect(await changedEvents(identity)).toBe(2);
  });

  it('keeps an identity at 20 datasets when devices create the last ones at once', async () => {
    const identity = newIdentity();
    for (let i = 0; i < 18; i++) await patch(identity, `d${i}`, []);
    const outcomes = await Promise.allSettled(
      ['x1', 'x2', 'x3', 'x4'].map((name) => patch(identity, name, [])),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(2);
    for (const lost of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
      expect((lost.reason as ServiceError).errorName).toBe('LimitExceededException');
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM device_sync.datasets WHERE identity_id = $1 AND live`, [
        identity,
      ]),
    ).toBe(20);
  });

  it('pages records changed since a sync count without losing ties, tombstones included', async () => {
    const identity = newIdentity();
    await patch(
      identity,
      'p',
      ['a', 'b', 'c', 'd', 'e'].map((Key) => ({ Op: 'replace' as const, Key, Value: Key, SyncCount: 0 })),
    );
    await patch(identity, 'p', [{ Op: 'remove', Key: 'c', SyncCount: 1 }]);
    const seen: string[] = [];
    let cursor: { syncCount: number; key: string } | undefined;
    do {
      const page = await records.pageChangedSince(identity, 'p', 0, cursor, 2);
      seen.push(...page.page.map((r) => `${r.key}@${r.syncCount}${r.value === null ? '-' : ''}`));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(['a@1', 'b@1', 'd@1', 'e@1', 'c@2-']);
    expect((await records.pageChangedSince(identity, 'p', 1, undefined, 10)).page.map((r) => r.key)).toEqual([
      'c',
    ]);
  });

  it('deletes a dataset with its records, and remembers the sync count it went at', async () => {
    const identity = newIdentity();
    await patch(identity, 'gone', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]);
    await remove.execute(ids(identity, 'gone'), admin);
    expect(
      await count(`SELECT count(*)::int AS n FROM device_sync.records WHERE identity_id = $1`, [identity]),
    ).toBe(0);
    const after = await list.execute({ ...ids(identity, 'gone'), LastSyncCount: 1 }, admin);
    expect(after).toMatchObject({
      DatasetExists: false,
      DatasetDeletedAfterRequestedSyncCount: true,
      DatasetSyncCount: 2,
    });
    expect(await changedEvents(identity)).toBe(2);
  });

  it('refuses a sync session token once it has expired, or for another dataset', async () => {
    const identity = newIdentity();
    const { SyncSessionToken } = await list.execute(ids(identity, 'one'), admin);
    const patches: W.RecordPatch[] = [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }];
    await expect(
      update.execute({ ...ids(identity, 'two'), SyncSessionToken, RecordPatches: patches }, admin),
    ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    clock.offsetMs = COGNITO_SYNC_LIMITS.syncSessionTtlMs + 1000;
    try {
      await expect(
        update.execute({ ...ids(identity, 'one'), SyncSessionToken, RecordPatches: patches }, admin),
      ).rejects.toMatchObject({ errorName: 'InvalidParameterException' });
    } finally {
      clock.offsetMs = 0;
    }
    // Only the digest is stored: the token itself is nowhere in the table.
    const stored = await ds.query<{ hex: string }[]>(
      `SELECT encode(token_hash, 'hex') AS hex FROM device_sync.sync_sessions WHERE identity_id = $1`,
      [identity],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].hex).not.toContain(Buffer.from(SyncSessionToken, 'base64url').toString('hex'));
  });

  it("moves a merged identity's live datasets to the survivor under Cognito's merged names", async () => {
    const source = newIdentity();
    const destination = newIdentity();
    await patch(source, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'light', SyncCount: 0 }]);
    await patch(source, 'old', []);
    await remove.execute(ids(source, 'old'), admin);
    await patch(destination, 'settings', [{ Op: 'replace', Key: 'theme', Value: 'dark', SyncCount: 0 }]);

    const moved = await ds.transaction((tx) => identityData.merge(source, destination, 'int', tx));
    expect(moved).toEqual([`settings.${source}`]);
    expect(
      await count(`SELECT count(*)::int AS n FROM device_sync.datasets WHERE identity_id = $1`, [source]),
    ).toBe(0);
    const listed = await list.execute(ids(destination), admin);
    expect(listed.MergedDatasetNames).toEqual([`settings.${source}`]);
    const mergedRecords = await list.execute(ids(destination, `settings.${source}`), admin);
    expect(mergedRecords.Records.map((r) => [r.Key, r.Value])).toEqual([['theme', 'light']]);
    expect(mergedDatasetName('n'.repeat(128), source)).toHaveLength(128);
  });

  it("drops a deleted pool's datasets, records, sessions and usage once, leaving other pools", async () => {
    const deletedPool = `us-east-1:${randomUUID()}`;
    const a = newIdentity();
    const b = newIdentity();
    const other = newIdentity();
    const inPool = (identityId: string, name: string) => ({
      IdentityPoolId: deletedPool,
      IdentityId: identityId,
      DatasetName: name,
    });
    const write = async (scope: { IdentityPoolId: string; IdentityId: string; DatasetName: string }) => {
      const { SyncSessionToken } = await list.execute(scope, admin);
      await update.execute(
        {
          ...scope,
          SyncSessionToken,
          RecordPatches: [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }],
        },
        admin,
      );
    };
    await write(inPool(a, 'settings'));
    await write(inPool(a, 'scores'));
    await write(inPool(b, 'settings'));
    await remove.execute(inPool(b, 'settings'), admin);
    await patch(other, 'settings', [{ Op: 'replace', Key: 'k', Value: 'v', SyncCount: 0 }]);
    const eventsBefore = (await changedEvents(a)) + (await changedEvents(b));

    const inbox = new InboxService(ds, DEVICE_SYNC_SCHEMA);
    const eventId = randomUUID();
    const apply = () =>
      inbox.processOnce('int-spec', eventId, (tx) => identityData.removePool(deletedPool, 'int', tx));
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);

    for (const table of ['datasets', 'records', 'sync_sessions']) {
      expect(
        await count(`SELECT count(*)::int AS n FROM device_sync.${table} WHERE identity_id = ANY($1)`, [
          [a, b],
        ]),
      ).toBe(0);
    }
    expect(
      await count(`SELECT count(*)::int AS n FROM device_sync.pool_usage WHERE identity_pool_id = $1`, [
        deletedPool,
      ]),
    ).toBe(0);
    // The two live datasets are announced deleted, once; the one already deleted is not.
    expect((await changedEvents(a)) + (await changedEvents(b)) - eventsBefore).toBe(2);
    const announced = await ds.query<
      { payload: { datasetName: string; deleted: boolean; syncCount: number } }[]
    >(`SELECT payload FROM device_sync.outbox WHERE topic = $1 AND key = $2 ORDER BY id DESC LIMIT 2`, [
      DeviceSyncTopics.datasetChanged,
      a,
    ]);
    expect(
      announced.map((r) => r.payload).sort((x, y) => x.datasetName.localeCompare(y.datasetName)),
    ).toEqual([
      expect.objectContaining({ datasetName: 'scores', deleted: true, syncCount: 2 }),
      expect.objectContaining({ datasetName: 'settings', deleted: true, syncCount: 2 }),
    ]);
    // Another pool's identity keeps its data.
    expect((await list.execute(ids(other), admin)).Records.map((r) => r.Key)).toEqual(['k']);
  });

  it("holds no lock while a pool's trigger runs, and refuses the patch that went stale meanwhile", async () => {
    const triggerPool = `us-east-1:${randomUUID()}`;
    const identity = newIdentity();
    const scope = { IdentityPoolId: triggerPool, IdentityId: identity, DatasetName: 'game' };
    await ds.transaction((tx) =>
      cognitoEvents.put(triggerPool, 'SyncTrigger', triggerArn(triggerConfig, 'hold'), new Date(), tx),
    );
    const device: CommandMeta = {
      requestId: 'int-trigger',
      caller: {
        kind: 'temporary',
        accessKeyId: 'ASIAINT',
        principalArn: 'arn:aws:sts::000000000000:assumed-role/r/s',
        session: {
          roleArn: 'arn:aws:iam::000000000000:role/r',
          roleId: 'AROAINT',
          sessionName: 's',
          issuedAt: new Date().toISOString(),
          expiresAt: new Date(Date.now() + 3600_000).toISOString(),
          cognitoIdentity: { identityPoolId: triggerPool, identityId: identity },
        },
      },
    };
    const { SyncSessionToken: phoneToken } = await list.execute(scope, device);
    const phone = update.execute(
      {
        ...scope,
        SyncSessionToken: phoneToken,
        RecordPatches: [{ Op: 'replace', Key: 'score', Value: '1', SyncCount: 0 }],
      },
      device,
    );
    const settled = phone.then(
      () => 'applied',
      (err: ServiceError) => err.errorName,
    );
    // The trigger holds the phone's call: the laptop's write of the same record goes through meanwhile.
    await eventually(async () => {
      const res = await fetch(`${standin.url}/calls?identityId=${encodeURIComponent(identity)}`);
      expect(((await res.json()) as { accepted: unknown[] }).accepted).toHaveLength(1);
    });
    const { SyncSessionToken: laptopToken } = await list.execute(scope, admin);
    await update.execute(
      {
        ...scope,
        SyncSessionToken: laptopToken,
        RecordPatches: [{ Op: 'replace', Key: 'score', Value: '2', SyncCount: 0 }],
      },
      admin,
    );
    await fetch(`${standin.url}/release`, { method: 'POST' });
    expect(await settled).toBe('ResourceConflictException');
    const listed = await list.execute(scope, admin);
    expect(listed.Records.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([['score', '2', 1]]);
    expect(await changedEvents(identity)).toBe(1);
  });
});
