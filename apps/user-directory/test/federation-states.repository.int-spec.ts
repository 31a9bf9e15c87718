import { digestOf } from '../src/oauth/oauth-grants';
import {
  FederationState,
  FederationStatesRepository,
} from '../src/relying-party/federation-states.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * The states of redirects to identity providers on PostgreSQL (ADR 0024): taken once however many
 * answers race, found only by the digest of the state, with the app's request as it was stored;
 * states long expired are swept when a new one is stored.
 */
describe('FederationStatesRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let states: FederationStatesRepository;
  const poolId = 'us-east-1_FedStates';

  const aState = (over: Partial<FederationState> = {}): FederationState => ({
    poolId,
    providerName: 'Google',
    bindingHash: digestOf('the-binding'),
    callbackUrl: `http://localhost:8080/${poolId}/oauth2/idpresponse`,
    params: { client_id: 'app', response_type: 'code', state: 'app-state', identity_provider: 'Google' },
    expiresAt: new Date(Date.now() + 600_000),
    ...over,
  });

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('fedstates');
    states = new FederationStatesRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('gives a state to exactly one of many concurrent answers, as it was stored', async () => {
    await states.insert(digestOf('race-state'), aState());
    const taken = await Promise.all(Array.from({ length: 8 }, () => states.take(digestOf('race-state'))));
    const winners = taken.filter((t) => t !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({
      poolId,
      providerName: 'Google',
      callbackUrl: `http://localhost:8080/${poolId}/oauth2/idpresponse`,
      params: { client_id: 'app', response_type: 'code', state: 'app-state', identity_provider: 'Google' },
    });
    expect(winners[0].bindingHash.equals(digestOf('the-binding'))).toBe(true);
    expect(await states.take(digestOf('race-state'))).toBeUndefined();
  });

  it('stores the digest of the state only, and sweeps states expired for a minute', async () => {
    await states.insert(digestOf('old-state'), aState({ expiresAt: new Date(Date.now() - 120_000) }));
    const stored = await db.dataSource.query<{ state_hash: Buffer }[]>(
      `SELECT state_hash FROM user_directory.federation_states`,
    );
    expect(stored.map((r) => r.state_hash.toString('hex'))).toContain(digestOf('old-state').toString('hex'));
    expect(stored.some((r) => r.state_hash.toString('utf8').includes('old-state'))).toBe(false);
    await states.insert(digestOf('new-state'), aState());
    expect(await states.take(digestOf('old-state'))).toBeUndefined();
    expect(await states.take(digestOf('new-state'))).toBeDefined();
  });
});
