import { randomUUID } from 'node:crypto';
import { IamArns } from '../src/common/arns';
import { NewSamlProvider, SamlProvidersRepository } from '../src/saml-providers/saml-providers.repository';
import { ACCOUNT, createServiceDatabase, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

function provider(name: string): NewSamlProvider {
  return {
    arn: arns.samlProvider(name),
    name,
    providerUuid: randomUUID(),
    metadataDocument: '<EntityDescriptor/>',
    entityId: `https://${name}.idp.test/metadata`,
    signingCertificates: ['MIIB'],
    validUntil: new Date('2120-01-01T00:00:00Z'),
    tags: [{ Key: 'env', Value: 'test' }],
    assertionEncryptionMode: null,
    privateKeys: [],
  };
}

/**
 * SamlProvidersRepository on a real PostgreSQL: one provider per name, and an assertion accepted
 * once however many requests (replicas) present it at the same time.
 */
describe('SamlProvidersRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let providers: SamlProvidersRepository;
  let other: SamlProvidersRepository;

  beforeAll(async () => {
    db = await createServiceDatabase();
    providers = new SamlProvidersRepository(db.ds);
    // A second repository on the same database stands for another replica of the service.
    other = new SamlProvidersRepository(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const name = () => `corp-${randomUUID().slice(0, 8)}`;

  it('changes tags under a row lock: racing TagSAMLProvider calls each keep their tag', async () => {
    const n = name();
    await providers.insert(provider(n));
    const arn = arns.samlProvider(n);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? other : providers).changeTags(arn, (tags) => [...tags, { Key: `k${i}`, Value: `${i}` }]),
      ),
    );
    const tags = (await providers.findByArn(arn))!.tags;
    expect(tags).toHaveLength(9);
    expect(tags[0]).toEqual({ Key: 'env', Value: 'test' });
    expect(await providers.changeTags(arn, () => undefined)).toBe(true);
    expect(await providers.changeTags(arns.samlProvider(`absent-${n}`), () => [])).toBe(false);
  });

  it('registers a name once when registrations race, updates and deletes it', async () => {
    const n = name();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => providers.insert(provider(n))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const arn = arns.samlProvider(n);
    expect(await providers.findByArn(arn)).toMatchObject({ name: n, signingCertificates: ['MIIB'] });
    expect(
      await providers.update(arn, () => ({
        metadataDocument: '<EntityDescriptor id="2"/>',
        entityId: 'https://new.idp.test',
        signingCertificates: ['MIIC'],
        validUntil: new Date('2121-01-01T00:00:00Z'),
        assertionEncryptionMode: 'Allowed',
      })),
    ).toBe(true);
    expect(await providers.findByArn(arn)).toMatchObject({
      entityId: 'https://new.idp.test',
      signingCertificates: ['MIIC'],
      assertionEncryptionMode: 'Allowed',
      tags: [{ Key: 'env', Value: 'test' }],
    });
    await providers.delete(arn);
    expect(await providers.findByArn(arn)).toBeUndefined();
    expect(await providers.update(arn, () => ({ metadataDocument: 'x' }))).toBe(false);
  });

  it('changes private keys under a row lock; a refused change writes nothing', async () => {
    const n = name();
    await providers.insert(provider(n));
    const arn = arns.samlProvider(n);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? other : providers).update(arn, (p) => ({
          privateKeys: [
            ...p.privateKeys,
            { keyId: `K${i}`, timestamp: new Date().toISOString(), sealed: 'AA' },
          ],
        })),
      ),
    );
    expect((await providers.findByArn(arn))!.privateKeys.map((k) => k.keyId).sort()).toEqual([
      'K0',
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
    ]);
    await expect(
      providers.update(arn, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect((await providers.findByArn(arn))!.privateKeys).toHaveLength(6);
  });

  it('records an assertion once when replicas race, per provider, and forgets it once expired', async () => {
    const arn = arns.samlProvider(name());
    const id = `_a${randomUUID()}`;
    const until = new Date(Date.now() + 5 * 60_000);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? other : providers).recordAssertion(arn, id, until)),
    );
    expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(1);
    expect(await other.recordAssertion(arn, id, until)).toBe('replayed');
    expect(await providers.recordAssertion(arns.samlProvider(name()), id, until)).toBe('recorded');

    const expired = `_a${randomUUID()}`;
    await providers.recordAssertion(arn, expired, new Date(Date.now() - 1000));
    await providers.recordAssertion(arn, `_a${randomUUID()}`, until); // purges on the way
    const rows = await db.ds.query<unknown[]>(
      `SELECT 1 FROM credential_vending.saml_assertions_used WHERE assertion_id = $1`,
      [expired],
    );
    expect(rows).toHaveLength(0);
  });

  it('binds an assertion to the identity pool that accepted it: again there, nowhere else', async () => {
    const arn = arns.samlProvider(name());
    const until = new Date(Date.now() + 5 * 60_000);
    const pool = 'cognito-identity:us-east-1:00000000-0000-4000-8000-00000000000a';
    const id = `_a${randomUUID()}`;
    expect(await providers.recordAssertion(arn, id, until, pool)).toBe('recorded');
    expect(await other.recordAssertion(arn, id, until, pool)).toBe('recorded');
    expect(await other.recordAssertion(arn, id, until, `${pool}b`)).toBe('replayed');
    expect(await other.recordAssertion(arn, id, until)).toBe('replayed');
    const bySts = `_a${randomUUID()}`;
    expect(await providers.recordAssertion(arn, bySts, until)).toBe('recorded');
    expect(await other.recordAssertion(arn, bySts, until, pool)).toBe('replayed');
  });
});
