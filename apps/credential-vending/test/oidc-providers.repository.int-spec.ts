import { randomUUID } from 'node:crypto';
import { Transactions } from '@idfed/persistence';
import { IamArns } from '../src/common/arns';
import { NewOidcProvider, OidcProvidersRepository } from '../src/oidc-providers/oidc-providers.repository';
import { ACCOUNT, createServiceDatabase, ServiceDatabase } from './support/service-database';

const arns = new IamArns(ACCOUNT);

function provider(host: string): NewOidcProvider {
  return {
    arn: arns.oidcProvider(host),
    urlKey: host,
    issuer: `https://${host}`,
    clientIds: ['web'],
    thumbprints: ['a'.repeat(40)],
    tags: [{ Key: 'env', Value: 'test' }],
  };
}

/** OidcProvidersRepository on a real PostgreSQL: one provider per URL, client id lists under a row lock. */
describe('OidcProvidersRepository on PostgreSQL', () => {
  let db: ServiceDatabase;
  let providers: OidcProvidersRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    db = await createServiceDatabase();
    providers = new OidcProvidersRepository(db.ds);
    transactions = new Transactions(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  const host = () => `${randomUUID().slice(0, 8)}.idp.example.com`;

  it('registers a URL once, also when the registrations race, and finds it by ARN and by URL', async () => {
    const url = host();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => providers.insert(provider(url))));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    const stored = await providers.findByArn(arns.oidcProvider(url));
    expect(stored).toMatchObject({ ...provider(url), createdAt: expect.any(Date) as Date });
    expect(await providers.findByUrlKey(url)).toEqual(stored);
    expect(await providers.findByUrlKey(`${url}/other`)).toBeUndefined();
  });

  it('a locked provider serialises changes to its client ids: no addition is lost', async () => {
    const url = host();
    await providers.insert(provider(url));
    const arn = arns.oidcProvider(url);
    const added = Array.from({ length: 8 }, (_, i) => `client-${i}`);
    await Promise.all(
      added.map((clientId) =>
        transactions.run(async (tx) => {
          const current = await providers.findByArn(arn, tx, true);
          await providers.setClientIds(arn, [...current!.clientIds, clientId], tx);
        }),
      ),
    );
    expect([...(await providers.findByArn(arn))!.clientIds].sort()).toEqual(['web', ...added].sort());
  });

  it('lists providers in ARN order and deletes one', async () => {
    const urls = [host(), host(), host()];
    for (const url of urls) await providers.insert(provider(url));
    const listed = (await providers.list()).map((p) => p.arn);
    const ours = listed.filter((arn) => urls.some((u) => arn.endsWith(u)));
    expect(ours).toEqual([...ours].sort());
    expect(ours).toHaveLength(3);
    await providers.delete(arns.oidcProvider(urls[0]));
    expect(await providers.findByArn(arns.oidcProvider(urls[0]))).toBeUndefined();
  });
});
