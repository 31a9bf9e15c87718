import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { deviceSyncMigrations } from '../src/database/migrations';
import { DEVICE_SYNC_SCHEMA } from '../src/database/schema';
import { PoolConfigurationsRepository } from '../src/pools/pool-configurations.repository';

/**
 * Pool configurations on a real PostgreSQL: a change replaces only the sections it carries, also
 * when two changes of different sections race on a pool that has no row yet.
 */
describe('PoolConfigurationsRepository on PostgreSQL', () => {
  const dbName = `idfed_ds_cfg_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const ROLE = 'arn:aws:iam::123456789012:role/cognito';
  const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
  let serverUrl: string;
  let ds: DataSource;
  let repository: PoolConfigurationsRepository;
  const newPool = () => `us-east-1:${randomUUID()}`;

  beforeAll(async () => {
    serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    ds = new DataSource(
      serviceDataSourceOptions({
        url: url.toString(),
        schema: DEVICE_SYNC_SCHEMA,
        entities: [],
        migrations: deviceSyncMigrations,
        poolSize: 12,
      }),
    );
    await ds.initialize();
    await migrateServiceSchema(ds, DEVICE_SYNC_SCHEMA);
    repository = new PoolConfigurationsRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await c.end();
  });

  it('has nothing for a pool never configured', async () => {
    expect(await repository.find(newPool())).toBeUndefined();
  });

  it('replaces the section given and keeps the other', async () => {
    const pool = newPool();
    await repository.apply(pool, { pushSync: { applicationArns: [GCM], roleArn: ROLE } }, new Date());
    const after = await repository.apply(
      pool,
      { cognitoStreams: { streamName: 'changes', roleArn: ROLE, streamingStatus: 'ENABLED' } },
      new Date(),
    );
    expect(after).toEqual({
      identityPoolId: pool,
      pushSync: { applicationArns: [GCM], roleArn: ROLE },
      cognitoStreams: { streamName: 'changes', roleArn: ROLE, streamingStatus: 'ENABLED' },
    });
    await repository.apply(pool, { pushSync: { applicationArns: [] } }, new Date());
    expect(await repository.find(pool)).toEqual({
      identityPoolId: pool,
      pushSync: { applicationArns: [] },
      cognitoStreams: { streamName: 'changes', roleArn: ROLE, streamingStatus: 'ENABLED' },
    });
  });

  it('keeps both sections when two first changes of one pool race', async () => {
    for (let round = 0; round < 10; round++) {
      const pool = newPool();
      await Promise.all([
        repository.apply(pool, { pushSync: { applicationArns: [GCM], roleArn: ROLE } }, new Date()),
        repository.apply(pool, { cognitoStreams: { streamingStatus: 'DISABLED' } }, new Date()),
      ]);
      expect(await repository.find(pool)).toEqual({
        identityPoolId: pool,
        pushSync: { applicationArns: [GCM], roleArn: ROLE },
        cognitoStreams: { streamingStatus: 'DISABLED' },
      });
    }
  });

  it('refuses a streaming status the model does not have', async () => {
    await expect(
      repository.apply(
        newPool(),
        { cognitoStreams: { streamingStatus: 'PAUSED' as unknown as 'ENABLED' } },
        new Date(),
      ),
    ).rejects.toThrow(/check constraint/);
  });
});
