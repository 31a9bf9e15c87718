import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ServiceError } from '@idfed/messaging';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import { AttemptLimiter, AttemptSubject, userSubject } from '../src/attempts/attempt-limiter';
import { AttemptFlow, COGNITO_LOCKOUT_POLICY } from '../src/attempts/attempt-policy';
import { userDirectoryEntities } from '../src/database/entities';
import { userDirectoryMigrations } from '../src/database/migrations';
import { USER_DIRECTORY_SCHEMA } from '../src/database/schema';
import { PoolConfig } from '../src/pools/pool-config';

/** 'admitted', or the AWS error name of a refusal. */
type Outcome = string;

/** Lockout against a real PostgreSQL, with the clock in the test's hands: no sleeps, no timing. */
describe('AttemptLimiter on PostgreSQL', () => {
  const dbName = `idfed_ud_attempts_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let serverUrl: string;
  const replicas: DataSource[] = [];
  let now = Date.UTC(2030, 0, 1);
  const clock = () => new Date(now);
  const nameKey = randomBytes(32);
  let limiter: AttemptLimiter;
  let otherReplica: AttemptLimiter;
  let n = 0;
  const freshUser = (): AttemptSubject => userSubject({ poolId: 'us-east-1_Attempts1', sub: `sub-${n++}` });

  async function attempt(flow: AttemptFlow, subject: AttemptSubject, via = limiter): Promise<Outcome> {
    try {
      await via.begin(flow, subject);
      return 'admitted';
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const { name, message } = err.getError() as { name: string; message: string };
      return `${name}: ${message}`;
    }
  }
  const PASSWORD_LOCKED = 'NotAuthorizedException: Password attempts exceeded';
  const CODE_LOCKED = 'LimitExceededException: Attempt limit exceeded, please try after some time.';

  beforeAll(async () => {
    serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    for (let i = 0; i < 2; i++) {
      const ds = new DataSource(
        serviceDataSourceOptions({
          url: url.toString(),
          schema: USER_DIRECTORY_SCHEMA,
          entities: userDirectoryEntities,
          migrations: userDirectoryMigrations(randomBytes(32)),
        }),
      );
      await ds.initialize();
      replicas.push(ds);
    }
    await migrateServiceSchema(replicas[0], USER_DIRECTORY_SCHEMA);
    limiter = new AttemptLimiter(replicas[0], COGNITO_LOCKOUT_POLICY, nameKey, clock);
    otherReplica = new AttemptLimiter(replicas[1], COGNITO_LOCKOUT_POLICY, nameKey, clock);
  });

  afterAll(async () => {
    for (const ds of replicas) await ds.destroy();
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await c.end();
  });

  it('allows five failures, then locks out for 1 s, 2 s, 4 s... up to 15 minutes, as Cognito documents', async () => {
    const alice = freshUser();
    for (let i = 0; i < 5; i++) expect(await attempt('password', alice)).toBe('admitted');
    // The fifth failure started a lockout of 2^(5-5) = 1 s.
    expect(await attempt('password', alice)).toBe(PASSWORD_LOCKED);
    now += 999;
    expect(await attempt('password', alice)).toBe(PASSWORD_LOCKED);
    now += 1;
    expect(await attempt('password', alice)).toBe('admitted'); // sixth failure: 2 s
    now += 1999;
    expect(await attempt('password', alice)).toBe(PASSWORD_LOCKED);
    now += 1;
    expect(await attempt('password', alice)).toBe('admitted'); // seventh: 4 s
    now += 3999;
    expect(await attempt('password', alice)).toBe(PASSWORD_LOCKED);
    // Refused attempts do not lengthen the next lockout.
    for (let i = 0; i < 20; i++) expect(await attempt('password', alice)).toBe(PASSWORD_LOCKED);
    now += 1;
    expect(await attempt('password', alice)).toBe('admitted'); // eighth: 8 s
    now += 8000;
    for (let failures = 9; failures <= 16; failures++) {
      expect(await attempt('password', alice)).toBe('admitted');
      const lockout = Math.min(15 * 60 * 1000, 1000 * 2 ** (failures - 5));
      now += lockout - 1;
      expect(await attempt('password', alice)).toBe(PASSWORD_LOCKED);
      now += 1;
    }
  });

  it('forgets the failures after a success, and after 15 quiet minutes following a lockout', async () => {
    const bob = freshUser();
    for (let i = 0; i < 4; i++) expect(await attempt('password', bob)).toBe('admitted');
    await limiter.succeeded('password', bob);
    for (let i = 0; i < 5; i++) expect(await attempt('password', bob)).toBe('admitted');
    expect(await attempt('password', bob)).toBe(PASSWORD_LOCKED);

    now += 1000 + 15 * 60 * 1000;
    for (let i = 0; i < 5; i++) expect(await attempt('password', bob)).toBe('admitted');
    expect(await attempt('password', bob)).toBe(PASSWORD_LOCKED);
  });

  it('counts each flow apart, and answers codes with LimitExceededException', async () => {
    const carol = freshUser();
    for (let i = 0; i < 5; i++) expect(await attempt('forgot-password', carol)).toBe('admitted');
    expect(await attempt('forgot-password', carol)).toBe(CODE_LOCKED);
    expect(await attempt('confirm-sign-up', carol)).toBe('admitted');
    expect(await attempt('verify-attribute', carol)).toBe('admitted');
    expect(await attempt('code-delivery', carol)).toBe('admitted');
    expect(await attempt('password', carol)).toBe('admitted');
    expect(await attempt('mfa-code', carol)).toBe('admitted');
  });

  it('locks an unknown name out after as many tries as a user, whatever its case in a case-insensitive pool', async () => {
    const config = { caseSensitive: false } as PoolConfig;
    const ghost = (name: string) => limiter.unknownName('us-east-1_Attempts1', config, name);
    expect(ghost('Nobody')).toEqual(ghost('nobody'));
    expect(ghost('nobody').key).not.toContain('nobody');
    // Keyed: a database dump alone gives nothing to guess what strangers typed against.
    expect(ghost('nobody').key).toBe(`name:${createHmac('sha256', nameKey).update('nobody').digest('hex')}`);
    expect(ghost('nobody').key).not.toContain(createHash('sha256').update('nobody').digest('hex'));
    for (let i = 0; i < 5; i++)
      expect(await attempt('password', ghost(i % 2 ? 'NOBODY' : 'nobody'))).toBe('admitted');
    expect(await attempt('password', ghost('Nobody'))).toBe(PASSWORD_LOCKED);
  });

  it('admits exactly five of 60 parallel guesses spread over two replicas', async () => {
    const dave = freshUser();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => attempt('password', dave, i % 2 ? otherReplica : limiter)),
    );
    expect(outcomes.filter((o) => o === 'admitted')).toHaveLength(5);
    expect(outcomes.filter((o) => o === PASSWORD_LOCKED)).toHaveLength(55);
  });
});
