import { digestOf } from '../src/oauth/oauth-grants';
import { SamlRepository } from '../src/saml/saml.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * The SAML sign-in state on PostgreSQL (ADR 0025): a RelayState's request is taken by exactly one
 * of many concurrent ACS posts and found only by its digest; an assertion id is accepted once
 * however many deliveries race, per pool and provider, and a long-expired one is swept.
 */
describe('SamlRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let saml: SamlRepository;
  const poolId = 'us-east-1_SamlRepo';

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('saml');
    await db.pool(poolId);
    saml = new SamlRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  const request = (relay: string) =>
    saml.insertRequest(digestOf(relay), {
      poolId,
      providerName: 'Okta',
      requestId: `_req-${relay}`,
      browserHash: digestOf(`browser-${relay}`),
      params: { client_id: 'c', redirect_uri: 'https://app.example.com/cb', response_type: 'code' },
      acsUrl: 'http://localhost/us-east-1_SamlRepo/saml2/idpresponse',
      expiresAt: new Date(Date.now() + 600_000),
    });

  it('gives a request to exactly one of many concurrent takers, by the digest only', async () => {
    await request('race-relay');
    const stored = await db.dataSource.query<{ relay_hash: Buffer }[]>(
      `SELECT relay_hash FROM user_directory.saml_requests WHERE request_id = '_req-race-relay'`,
    );
    expect(stored[0].relay_hash.equals(digestOf('race-relay'))).toBe(true);
    const taken = await Promise.all(
      Array.from({ length: 8 }, () => saml.takeRequest(digestOf('race-relay'))),
    );
    const winners = taken.filter((t) => t !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({
      poolId,
      providerName: 'Okta',
      requestId: '_req-race-relay',
      params: { client_id: 'c', response_type: 'code' },
    });
    expect(winners[0].browserHash.equals(digestOf('browser-race-relay'))).toBe(true);
    expect(await saml.takeRequest(digestOf('race-relay'))).toBeUndefined();
  });

  it('gives a LogoutRequest to exactly one of many concurrent takers, by the digest only (ADR 0069)', async () => {
    await saml.insertLogoutRequest(digestOf('logout-relay'), {
      poolId,
      providerName: 'Okta',
      requestId: '_logout-1',
      next: { kind: 'redirect', location: 'https://app.example.com/bye' },
      expiresAt: new Date(Date.now() + 600_000),
    });
    const stored = await db.dataSource.query<{ relay_hash: Buffer }[]>(
      `SELECT relay_hash FROM user_directory.saml_logout_requests WHERE request_id = '_logout-1'`,
    );
    expect(stored[0].relay_hash.equals(digestOf('logout-relay'))).toBe(true);
    expect(await saml.takeLogoutRequest(Buffer.from('logout-relay'))).toBeUndefined();
    const taken = await Promise.all(
      Array.from({ length: 8 }, () => saml.takeLogoutRequest(digestOf('logout-relay'))),
    );
    const winners = taken.filter((t) => t !== undefined);
    expect(winners).toEqual([
      expect.objectContaining({
        poolId,
        providerName: 'Okta',
        requestId: '_logout-1',
        next: { kind: 'redirect', location: 'https://app.example.com/bye' },
      }),
    ]);
    expect(await saml.takeLogoutRequest(digestOf('logout-relay'))).toBeUndefined();
  });

  it('accepts an assertion id once among racing deliveries, per pool and provider', async () => {
    const until = new Date(Date.now() + 300_000);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => saml.rememberAssertion(poolId, 'Okta', '_assertion-1', until)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await saml.rememberAssertion(poolId, 'Okta', '_assertion-1', until)).toBe(false);
    expect(await saml.rememberAssertion(poolId, 'Other', '_assertion-1', until)).toBe(true);
  });

  it('sweeps assertion ids long expired', async () => {
    await saml.rememberAssertion(poolId, 'Okta', '_old', new Date(Date.now() - 120_000));
    await saml.rememberAssertion(poolId, 'Okta', '_new', new Date(Date.now() + 300_000));
    const left = await db.dataSource.query<{ assertion_id: string }[]>(
      `SELECT assertion_id FROM user_directory.saml_assertions WHERE assertion_id IN ('_old', '_new')`,
    );
    expect(left.map((r) => r.assertion_id)).toEqual(['_new']);
  });
});
