import { UserPoolDomain, UserPoolDomainsRepository } from '../src/domains/user-pool-domains.repository';
import { UserDirectoryTestDatabase } from './support/user-directory-database';

/**
 * User pool domains on PostgreSQL (ADR 0060): a pool holds one prefix domain and one custom
 * domain at most, a domain name belongs to one pool, and racing creations of one kind leave one.
 */
describe('UserPoolDomainsRepository on PostgreSQL', () => {
  let db: UserDirectoryTestDatabase;
  let domains: UserPoolDomainsRepository;
  const poolId = 'us-east-1_DomRepo01';
  const otherPool = 'us-east-1_DomRepo02';
  const racePool = 'us-east-1_DomRepo03';

  const domain = (pool: string, name: string, custom: boolean): UserPoolDomain => ({
    domain: name,
    poolId: pool,
    managedLoginVersion: 1,
    ...(custom
      ? { customDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/c1' } }
      : {}),
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const insert = (d: UserPoolDomain) => db.dataSource.transaction((tx) => domains.insert(d, tx));

  beforeAll(async () => {
    db = await UserDirectoryTestDatabase.create('domains');
    for (const id of [poolId, otherPool, racePool]) await db.pool(id);
    domains = new UserPoolDomainsRepository(db.dataSource);
  });
  afterAll(() => db.drop());

  it('keeps one prefix and one custom domain per pool, each name for one pool', async () => {
    expect(await insert(domain(poolId, 'repo-prefix', false))).toBe('created');
    expect(await insert(domain(poolId, 'auth.repo.test', true))).toBe('created');
    expect(await insert(domain(poolId, 'repo-prefix-two', false))).toBe('pool-has-domain');
    expect(await insert(domain(poolId, 'login.repo.test', true))).toBe('pool-has-domain');
    expect(await insert(domain(otherPool, 'repo-prefix', false))).toBe('domain-taken');
    expect(await insert(domain(otherPool, 'auth.repo.test', true))).toBe('domain-taken');

    const both = await domains.domainsOfPool(poolId);
    expect(both.prefix?.domain).toBe('repo-prefix');
    expect(both.custom?.domain).toBe('auth.repo.test');
    expect(await domains.domainsOfPool(otherPool)).toEqual({});

    // Deleting one leaves the other; the freed kind can be taken again.
    expect(await db.dataSource.transaction((tx) => domains.delete('repo-prefix', poolId, tx))).toBe(true);
    expect(await domains.domainsOfPool(poolId)).toEqual({
      custom: expect.objectContaining({ domain: 'auth.repo.test' }),
    });
    expect(await insert(domain(poolId, 'repo-prefix-two', false))).toBe('created');
    // Another pool cannot delete a pool's domain.
    expect(await db.dataSource.transaction((tx) => domains.delete('auth.repo.test', otherPool, tx))).toBe(
      false,
    );
  });

  it('lets one of eight racing prefix creations for a pool win', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => insert(domain(racePool, `race-${i}`, false))),
    );
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'pool-has-domain')).toHaveLength(7);
  });
});
