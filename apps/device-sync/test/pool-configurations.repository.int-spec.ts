import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PoolConfigurationsRepository } from '../src/pools/pool-configurations.repository';
import { DeviceSyncTestDatabase } from './support/device-sync-test-database';

/**
 * Pool configurations on a real PostgreSQL: a change replaces only the sections it carries, also
 * when two changes of different sections race on a pool that has no row yet.
 */
describe('PoolConfigurationsRepository on PostgreSQL', () => {
  const db = new DeviceSyncTestDatabase('cfg');
  const ROLE = 'arn:aws:iam::123456789012:role/cognito';
  const GCM = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
  let ds: DataSource;
  let repository: PoolConfigurationsRepository;
  const newPool = () => `us-east-1:${randomUUID()}`;

  beforeAll(async () => {
    ds = await db.create(12);
    repository = new PoolConfigurationsRepository(ds);
  });

  afterAll(async () => {
    await db.drop();
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
