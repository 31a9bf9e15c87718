import { randomUUID } from 'node:crypto';
import { AuthorizationCodesRepository } from '../src/oauth/authorization-codes.repository';
import { HostedSessionsRepository } from '../src/oauth/hosted-sessions.repository';
import { digestOf } from '../src/oauth/oauth-grants';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * Authorization codes and hosted sessions on PostgreSQL: a code is redeemed once however many
 * redemptions race, is found only by the digest of its value, and goes with its user; an expired
 * code is answered (for the caller to refuse) and gone; a session is closed for good.
 */
describe('AuthorizationCodesRepository and HostedSessionsRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let codes: AuthorizationCodesRepository;
  let sessions: HostedSessionsRepository;
  const poolId = 'us-east-1_OAuthRepo';
  const clientId = 'oauthrepoclient00000000001';

  async function aUser(): Promise<string> {
    const sub = randomUUID();
    await db.dataSource.query(
      `INSERT INTO user_directory.users (sub, pool_id, username, username_key, status, enabled, attributes)
       VALUES ($1, $2, $3, $3, 'CONFIRMED', true, '{}'::jsonb)`,
      [sub, poolId, `user-${sub}`],
    );
    return sub;
  }

  async function aCode(value: string, userSub: string, expiresAt = new Date(Date.now() + 300_000)) {
    await codes.insert({
      codeHash: digestOf(value),
      poolId,
      clientId,
      userSub,
      redirectUri: 'https://app.example.com/cb',
      scopes: ['openid', 'email'],
      nonce: 'n-1',
      codeChallenge: 'c'.repeat(43),
      codeChallengeMethod: 'S256',
      authTime: new Date(),
      expiresAt,
    });
  }

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('oauth');
    await db.pool(poolId);
    await db.dataSource.query(
      `INSERT INTO user_directory.app_clients (id, pool_id, name, secret_enc, config, created_at, updated_at)
       VALUES ($1, $2, 'app', NULL, '{}'::jsonb, now(), now())`,
      [clientId, poolId],
    );
    codes = new AuthorizationCodesRepository(db.dataSource);
    sessions = new HostedSessionsRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('gives a code to exactly one of many concurrent redemptions', async () => {
    const sub = await aUser();
    await aCode('race-code', sub);
    const taken = await Promise.all(Array.from({ length: 8 }, () => codes.consume(digestOf('race-code'))));
    const winners = taken.filter((t) => t !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({
      clientId,
      userSub: sub,
      scopes: ['openid', 'email'],
      nonce: 'n-1',
      codeChallengeMethod: 'S256',
    });
    expect(await codes.consume(digestOf('race-code'))).toBeUndefined();
  });

  it('stores only the digest of a code, and answers an expired code once so it can be refused', async () => {
    const sub = await aUser();
    await aCode('stored-code', sub);
    const rows = await db.dataSource.query<{ code_hash: Buffer }[]>(
      `SELECT code_hash FROM user_directory.authorization_codes WHERE user_sub = $1`,
      [sub],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].code_hash.toString('latin1')).not.toContain('stored-code');
    await aCode('old-code', sub, new Date(Date.now() - 1000));
    const expired = await codes.consume(digestOf('old-code'));
    expect(expired!.expiresAt.getTime()).toBeLessThan(Date.now());
    expect(await codes.consume(digestOf('old-code'))).toBeUndefined();
  });

  it('drops a user’s codes and sessions with the user', async () => {
    const sub = await aUser();
    await aCode('doomed-code', sub);
    await sessions.insert(digestOf('doomed-session'), {
      poolId,
      userSub: sub,
      authTime: new Date(),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    await db.dataSource.query(`DELETE FROM user_directory.users WHERE sub = $1`, [sub]);
    expect(await codes.consume(digestOf('doomed-code'))).toBeUndefined();
    expect(await sessions.find(digestOf('doomed-session'))).toBeUndefined();
  });

  it('finds a session by its digest until it is closed', async () => {
    const sub = await aUser();
    await sessions.insert(digestOf('browser-1'), {
      poolId,
      userSub: sub,
      authTime: new Date(),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect(await sessions.find(digestOf('browser-1'))).toMatchObject({ poolId, userSub: sub });
    expect(await sessions.find(digestOf('browser-2'))).toBeUndefined();
    await sessions.delete(digestOf('browser-1'));
    expect(await sessions.find(digestOf('browser-1'))).toBeUndefined();
  });

  it('keeps the SAML sign-in a session came from, for its single logout (ADR 0069)', async () => {
    const sub = await aUser();
    const expiresAt = new Date(Date.now() + 3600_000);
    await sessions.insert(digestOf('saml-browser'), {
      poolId,
      userSub: sub,
      authTime: new Date(),
      expiresAt,
    });
    await sessions.insert(digestOf('other-browser'), {
      poolId,
      userSub: sub,
      authTime: new Date(),
      expiresAt,
    });
    expect((await sessions.find(digestOf('saml-browser')))?.saml).toBeUndefined();
    await sessions.attachSaml(digestOf('saml-browser'), {
      providerName: 'Corp',
      nameId: 'alice@corp.test',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      sessionIndex: '_s1',
    });
    await sessions.attachSaml(digestOf('no-such-session'), { providerName: 'Corp', nameId: 'mallory' });
    expect((await sessions.find(digestOf('saml-browser')))?.saml).toEqual({
      providerName: 'Corp',
      nameId: 'alice@corp.test',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      sessionIndex: '_s1',
    });
    expect((await sessions.find(digestOf('other-browser')))?.saml).toBeUndefined();
    expect(await sessions.find(digestOf('no-such-session'))).toBeUndefined();
  });
});
