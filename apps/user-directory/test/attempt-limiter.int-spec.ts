import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ServiceError } from '@idfed/messaging';
import { migrateServiceSchema, serviceDataSourceOptions } from '@idfed/persistence';
import {
  AttemptLimiter,
  AttemptReservation,
  AttemptSubject,
  userSubject,
} from '../src/attempts/attempt-limiter';
import { AttemptCountersRepository } from '../src/attempts/attempt-counters.repository';
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
  // Gives up waiting for a slot at once, so a test can see that every slot is held.
  let impatient: AttemptLimiter;
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
  const BUSY = 'TooManyRequestsException: Too many requests for this user at once, please try again.';

  /** A reserved check whose verification answers `right` after a turn of the event loop. */
  async function checked(subject: AttemptSubject, right: boolean, via = limiter): Promise<Outcome> {
    try {
      const verdict = await via.check('password', subject, async () => {
        await new Promise((r) => setImmediate(r));
        return right ? 'right' : 'wrong';
      });
      return verdict;
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const { name, message } = err.getError() as { name: string; message: string };
      return `${name}: ${message}`;
    }
  }
  async function reserved(subject: AttemptSubject, via = limiter): Promise<AttemptReservation | string> {
    try {
      return await via.reserve('password', subject);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const { name, message } = err.getError() as { name: string; message: string };
      return `${name}: ${message}`;
    }
  }
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
    // Waiting for a slot is bounded in real time; far beyond what these tests take, so that no
    // outcome depends on how fast the machine is.
    const patient = { maxWaitMs: 600_000 };
    limiter = new AttemptLimiter(
      new AttemptCountersRepository(replicas[0]),
      COGNITO_LOCKOUT_POLICY,
      nameKey,
      clock,
      patient,
    );
    otherReplica = new AttemptLimiter(
      new AttemptCountersRepository(replicas[1]),
      COGNITO_LOCKOUT_POLICY,
      nameKey,
      clock,
      patient,
    );
    impatient = new AttemptLimiter(
      new AttemptCountersRepository(replicas[1]),
      COGNITO_LOCKOUT_POLICY,
      nameKey,
      clock,
      { maxWaitMs: 0 },
    );
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

  describe('checks in reserved slots (ChangePassword)', () => {
    /** Runs `calls` at once, spread over both replicas, counting how many verifications overlap. */
    async function concurrently(subject: AttemptSubject, rights: boolean[]) {
      let running = 0;
      let mostAtOnce = 0;
      let verified = 0;
      const outcomes = await Promise.all(
        rights.map(async (right, i) => {
          try {
            const verdict = await (i % 2 ? otherReplica : limiter).check('password', subject, async () => {
              verified++;
              mostAtOnce = Math.max(mostAtOnce, ++running);
              await new Promise((r) => setImmediate(r));
              running--;
              return right ? 'right' : 'wrong';
            });
            return verdict;
          } catch (err) {
            const { name, message } = (err as ServiceError).getError() as { name: string; message: string };
            return `${name}: ${message}`;
          }
        }),
      );
      return { outcomes, mostAtOnce, verified };
    }

    it('checks 50 concurrent right passwords on two replicas, five at a time, and leaves no lockout', async () => {
      const erin = freshUser();
      const { outcomes, mostAtOnce } = await concurrently(erin, Array(50).fill(true));
      expect(outcomes).toEqual(Array(50).fill('right'));
      expect(mostAtOnce).toBeLessThanOrEqual(5);
      // Nothing left behind: five free failures, as for a user never seen.
      for (let i = 0; i < 5; i++) expect(await checked(erin, false)).toBe('wrong');
      expect(await checked(erin, true)).toBe(PASSWORD_LOCKED);
    });

    it('checks exactly five of 400 concurrent wrong passwords on two replicas, then locks out', async () => {
      const frank = freshUser();
      const { outcomes, verified } = await concurrently(frank, Array(400).fill(false));
      expect(verified).toBe(5);
      expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(5);
      expect(outcomes.filter((o) => o === PASSWORD_LOCKED)).toHaveLength(395);
      // The lockout then grows one guess at a time, as with sign-in.
      now += 1000;
      const next = await concurrently(frank, Array(50).fill(false));
      expect(next.verified).toBe(1);
      expect(next.outcomes.filter((o) => o === PASSWORD_LOCKED)).toHaveLength(49);
    });

    it('checks no more than the free failures left when right and wrong passwords race', async () => {
      const gina = freshUser();
      const { verified, outcomes } = await concurrently(
        gina,
        Array.from({ length: 100 }, (_, i) => i % 10 === 0),
      );
      // Whatever the order, a wrong password is checked only while failures + checks in flight
      // stay within five since the last right one.
      expect(outcomes.filter((o) => o === 'wrong').length).toBeLessThanOrEqual(verified);
      expect(outcomes.every((o) => ['right', 'wrong', PASSWORD_LOCKED].includes(o))).toBe(true);
    });

    it('shares the count with sign-in: failures there leave fewer slots here', async () => {
      const hank = freshUser();
      for (let i = 0; i < 3; i++) expect(await attempt('password', hank)).toBe('admitted');
      const held = [await reserved(hank), await reserved(hank)] as AttemptReservation[];
      expect(await reserved(hank, impatient)).toBe(BUSY);
      expect(await attempt('password', hank, impatient)).toBe(BUSY);
      await limiter.settle(held[0], 'wrong');
      await limiter.settle(held[1], 'wrong');
      expect(await checked(hank, true)).toBe(PASSWORD_LOCKED);
      expect(await attempt('password', hank)).toBe(PASSWORD_LOCKED);
    });

    it('does not count a check that learnt nothing, and a right one forgets the failures', async () => {
      const ivy = freshUser();
      for (let i = 0; i < 4; i++) expect(await checked(ivy, false)).toBe('wrong');
      for (let i = 0; i < 10; i++) {
        const slot = (await reserved(ivy)) as AttemptReservation;
        await limiter.settle(slot, 'not-a-guess');
      }
      await expect(
        limiter.check('password', ivy, () => Promise.reject(new Error('verifier unreadable'))),
      ).rejects.toThrow('verifier unreadable');
      expect(await checked(ivy, true)).toBe('right');
      for (let i = 0; i < 5; i++) expect(await checked(ivy, false)).toBe('wrong');
      expect(await checked(ivy, true)).toBe(PASSWORD_LOCKED);
    });

    it('keeps a replaced password for a minute only', async () => {
      const kim = freshUser();
      const replaced = { srpSalt: 'ab12', srpVerifierEnc: Buffer.from('sealed'), passwordHash: null };
      await replicas[0].transaction((m) => limiter.noteReplaced(m, kim, replaced));
      expect(await otherReplica.recentlyReplaced(kim)).toEqual(replaced);
      expect(await otherReplica.recentlyReplaced(freshUser())).toBeUndefined();
      // Noting it neither counts a failure nor takes a slot.
      for (let i = 0; i < 5; i++) expect(await checked(kim, false)).toBe('wrong');
      expect(await checked(kim, true)).toBe(PASSWORD_LOCKED);
      now += 60_000;
      expect(await otherReplica.recentlyReplaced(kim)).toBeUndefined();
    });

    it('keeps a replaced password only if the change that replaced it commits', async () => {
      const lee = freshUser();
      const replaced = { srpSalt: 'cd34', srpVerifierEnc: Buffer.from('sealed'), passwordHash: null };
      await expect(
        replicas[0].transaction(async (m) => {
          await limiter.noteReplaced(m, lee, replaced);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await otherReplica.recentlyReplaced(lee)).toBeUndefined();
    });

    it('lets the reservations of a replica that died lapse, and a late settle frees no newer slot', async () => {
      const jack = freshUser();
      const dead: AttemptReservation[] = [];
      for (let i = 0; i < 5; i++) dead.push((await reserved(jack)) as AttemptReservation);
      // Every slot held: a caller is told to come back, which is not a lockout.
      expect(await reserved(jack, impatient)).toBe(BUSY);
      now += 60_000;
      const live: AttemptReservation[] = [];
      for (let i = 0; i < 5; i++) live.push((await reserved(jack)) as AttemptReservation);
      await limiter.settle(dead[0], 'not-a-guess');
      expect(await reserved(jack, impatient)).toBe(BUSY);
      await limiter.settle(live[0], 'not-a-guess');
      expect(await reserved(jack, impatient)).toHaveProperty('epoch');
    });
  });
});
