import { randomBytes, randomUUID } from 'node:crypto';
import { AuthSessionUsesRepository } from '../src/auth/auth-session-uses.repository';
import { MfaCodesRepository } from '../src/mfa/mfa-codes.repository';
import { UserMfaRepository } from '../src/mfa/user-mfa.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * A user's software token on PostgreSQL: a code's time step is accepted once, however many
 * verifications of it run at once; a pending secret becomes the token only if it is still the one
 * checked; MFA sessions are answered once.
 */
describe('UserMfaRepository and AuthSessionUsesRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let rows: UserMfaRepository;
  let uses: AuthSessionUsesRepository;
  let codes: MfaCodesRepository;
  const poolId = 'us-east-1_MfaRepo';

  async function aUser(): Promise<string> {
    const sub = randomUUID();
    await db.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, $3, $3, 'CONFIRMED', true, '{}'::jsonb)`,
      [sub, poolId, `user-${sub}`],
    );
    return sub;
  }

  /** A user with a verified, enabled token whose last accepted step is `step`. */
  async function enrolled(step: number): Promise<{ sub: string; secret: Buffer }> {
    const sub = await aUser();
    const secret = randomBytes(40);
    await rows.storePending(sub, secret, new Date());
    expect(await rows.activatePending(sub, secret, step, 'phone', true, new Date())).toBe('activated');
    return { sub, secret };
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('mfa');
    await db.pool(poolId);
    rows = new UserMfaRepository(db.dataSource);
    uses = new AuthSessionUsesRepository(db.dataSource);
    codes = new MfaCodesRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('stores a pending secret without touching the verified one, and activates it once', async () => {
    const { sub, secret } = await enrolled(100);
    const next = randomBytes(40);
    await rows.storePending(sub, next, new Date());
    const before = await rows.find(sub);
    expect(before).toMatchObject({ totpEnabled: true, preferred: 'SOFTWARE_TOKEN_MFA', totpLastStep: 100 });
    expect(before!.totpSecretEnc).toEqual(secret);
    expect(before!.totpPendingEnc).toEqual(next);
    // A stale pending value (replaced meanwhile) does not activate.
    expect(await rows.activatePending(sub, randomBytes(40), 101, null, false, new Date())).toBe('stale');
    expect(await rows.activatePending(sub, next, 101, 'tablet', false, new Date())).toBe('activated');
    const after = await rows.find(sub);
    expect(after).toMatchObject({
      totpEnabled: true,
      totpDeviceName: 'tablet',
      totpLastStep: 101,
      totpPendingEnc: null,
    });
    expect(after!.totpSecretEnc).toEqual(next);
    expect(await rows.activatePending(sub, next, 102, null, false, new Date())).toBe('stale');
  });

  it('refuses a step already accepted, or an older one', async () => {
    const { sub, secret } = await enrolled(200);
    expect(await rows.useStep(sub, secret, 200)).toBe(false);
    expect(await rows.useStep(sub, secret, 199)).toBe(false);
    expect(await rows.useStep(sub, secret, 201)).toBe(true);
    expect(await rows.useStep(sub, secret, 201)).toBe(false);
    // A code checked against a secret the user no longer has is not accepted.
    expect(await rows.useStep(sub, randomBytes(40), 300)).toBe(false);
  });

  it('lets exactly one of many concurrent uses of one code win', async () => {
    const { sub, secret } = await enrolled(500);
    const results = await Promise.all(Array.from({ length: 8 }, () => rows.useStep(sub, secret, 501)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await rows.find(sub))!.totpLastStep).toBe(501);
  });

  it('lets exactly one of two concurrent verifications of one pending code win', async () => {
    const sub = await aUser();
    const pending = randomBytes(40);
    await rows.storePending(sub, pending, new Date());
    const results = await Promise.all([
      rows.activatePending(sub, pending, 700, 'a', false, new Date()),
      rows.activatePending(sub, pending, 700, 'b', false, new Date()),
    ]);
    expect(results.sort()).toEqual(['activated', 'stale']);
  });

  it('keeps the preference changes, and goes with its user', async () => {
    const { sub } = await enrolled(10);
    await db.dataSource.transaction((tx) =>
      rows.savePreference(
        sub,
        { totpEnabled: false, smsEnabled: true, emailEnabled: false, preferred: 'SMS_MFA' },
        new Date(),
        tx,
      ),
    );
    expect(await rows.find(sub)).toMatchObject({
      totpEnabled: false,
      smsEnabled: true,
      emailEnabled: false,
      preferred: 'SMS_MFA',
    });
    // A user with no row yet (SMS or email turned on before any software token) gets one.
    const fresh = await aUser();
    await db.dataSource.transaction((tx) =>
      rows.savePreference(
        fresh,
        { totpEnabled: false, smsEnabled: false, emailEnabled: true, preferred: null },
        new Date(),
        tx,
      ),
    );
    expect(await rows.find(fresh)).toMatchObject({ emailEnabled: true, totpSecretEnc: null });
    await db.dataSource.query(`DELETE FROM user_directory.users WHERE sub = $1`, [sub]);
    expect(await rows.find(sub)).toBeUndefined();
  });

  it('answers the recovery media as one row, with an MFA row, without one, and for no user (ADR 0068)', async () => {
    const sms = await aUser();
    await db.dataSource.transaction((tx) =>
      rows.savePreference(
        sms,
        { totpEnabled: false, smsEnabled: true, emailEnabled: false, preferred: 'SMS_MFA' },
        new Date(),
        tx,
      ),
    );
    expect(await rows.recoveryMedia(sms)).toEqual({ sms: true, email: false });
    expect(await rows.recoveryMedia(await aUser())).toEqual({ sms: false, email: false });
    expect(await rows.recoveryMedia(randomUUID())).toEqual({ sms: false, email: false });
  });

  it('records a session as used once, concurrent uses included, and forgets expired ones', async () => {
    const id = randomUUID();
    const until = new Date(Date.now() + 180_000);
    const results = await Promise.all(Array.from({ length: 5 }, () => uses.useOnce(id, until)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const old = randomUUID();
    await uses.useOnce(old, new Date(Date.now() - 1000));
    await uses.forgetExpired(new Date());
    const left = await db.dataSource.query<{ session_id: string }[]>(
      `SELECT session_id FROM user_directory.auth_session_uses WHERE session_id = ANY($1::uuid[])`,
      [[id, old]],
    );
    expect(left.map((r) => r.session_id)).toEqual([id]);
  });

  it('gives a one-time code to exactly one of concurrent answers, forgets expired codes, goes with its user', async () => {
    const sub = await aUser();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + 180_000);
    await codes.insert(id, { userSub: sub, factor: 'SMS_MFA', codeDigest: 'd'.repeat(64), expiresAt });
    const taken = await Promise.all(Array.from({ length: 5 }, () => codes.take(id)));
    expect(taken.filter(Boolean)).toEqual([
      { userSub: sub, factor: 'SMS_MFA', codeDigest: 'd'.repeat(64), expiresAt },
    ]);
    expect(await codes.take(id)).toBeUndefined();

    const old = randomUUID();
    const live = randomUUID();
    await codes.insert(old, {
      userSub: sub,
      factor: 'EMAIL_OTP',
      codeDigest: 'e',
      expiresAt: new Date(Date.now() - 1),
    });
    await codes.insert(live, { userSub: sub, factor: 'EMAIL_OTP', codeDigest: 'f', expiresAt });
    await codes.forgetExpired(new Date());
    expect(await codes.take(old)).toBeUndefined();
    const gone = randomUUID();
    await codes.insert(gone, { userSub: sub, factor: 'EMAIL_OTP', codeDigest: 'g', expiresAt });
    await db.dataSource.query(`DELETE FROM user_directory.users WHERE sub = $1`, [sub]);
    expect(await codes.take(gone)).toBeUndefined();
    expect(await codes.take(live)).toBeUndefined();
  });
});
