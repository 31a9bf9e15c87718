import { randomBytes, randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { FederationBrokerTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { migrateServiceSchema, serviceDataSourceOptions, Transactions } from '@idfed/persistence';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../src/config/federation-broker.config';
import { federationBrokerEntities, IdentityPoolEntity } from '../src/database/entities';
import { federationBrokerMigrations } from '../src/database/migrations';
import { FEDERATION_BROKER_SCHEMA } from '../src/database/schema';
import { IdentityLinks } from '../src/identities/identity-links';
import { DeleteIdentityPoolHandler } from '../src/pools/delete-identity-pool.handler';
import { IdentityPoolLookup } from '../src/pools/identity-pool.lookup';
import { IdentityPoolsRepository } from '../src/pools/identity-pools.repository';

const config: FederationBrokerConfig = {
  region: 'us-east-1',
  publicUrl: 'http://127.0.0.1:1',
  issuer: 'http://127.0.0.1:1/identity',
  social: { facebookGraphUrl: 'http://127.0.0.1:1', amazonApiUrl: 'http://127.0.0.1:1' },
};

/**
 * The identity graph on a real PostgreSQL, in a database of its own: the table's key on
 * (pool, provider, subject) is what keeps concurrent first sign-ins of one user to one identity.
 */
describe('identity links and pools on PostgreSQL', () => {
  const dbName = `idfed_fb_int_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let serverUrl: string;
  let ds: DataSource;
  let links: IdentityLinks;
  let deletePool: DeleteIdentityPoolHandler;

  beforeAll(async () => {
    serverUrl = process.env.IDFED_TEST_DATABASE_URL!;
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`CREATE DATABASE "${dbName}"`);
    await c.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    ds = new DataSource(
      serviceDataSourceOptions({
        url: url.toString(),
        schema: FEDERATION_BROKER_SCHEMA,
        entities: federationBrokerEntities,
        migrations: federationBrokerMigrations,
        // Every racer holds a connection of its own, as replicas would.
        poolSize: 24,
      }),
    );
    await ds.initialize();
    await migrateServiceSchema(ds, FEDERATION_BROKER_SCHEMA);
    const module = await Test.createTestingModule({
      providers: [
        IdentityLinks,
        IdentityPoolsRepository,
        IdentityPoolLookup,
        DeleteIdentityPoolHandler,
        Transactions,
        { provide: DataSource, useValue: ds },
        { provide: OutboxService, useValue: new OutboxService(FEDERATION_BROKER_SCHEMA) },
        { provide: FEDERATION_BROKER_CONFIG, useValue: config },
      ],
    }).compile();
    links = module.get(IdentityLinks);
    deletePool = module.get(DeleteIdentityPoolHandler);
  });

  afterAll(async () => {
    await ds?.destroy();
    const c = new Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}"`);
    await c.end();
  });

  async function newPool(): Promise<string> {
    const id = `${config.region}:${randomUUID()}`;
    const now = new Date();
    await ds.manager.insert(IdentityPoolEntity, {
      id,
      name: 'pool',
      config: {} as IdentityPoolEntity['config'],
      roles: {},
      roleMappings: {},
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  async function countOf(sql: string, params: unknown[]): Promise<number> {
    const [row] = await ds.query<{ n: number }[]>(sql, params);
    return row.n;
  }

  const identitiesOf = (poolId: string) =>
    countOf(`SELECT count(*)::int AS n FROM federation_broker.identities WHERE pool_id = $1`, [poolId]);
  const eventsFor = (topic: string, key: string) =>
    countOf(`SELECT count(*)::int AS n FROM federation_broker.outbox WHERE topic = $1 AND key = $2`, [
      topic,
      key,
    ]);

  it('gives concurrent first sign-ins of one login one identity, with one created and one linked event', async () => {
    const poolId = await newPool();
    const login = { provider: 'accounts.google.com', subject: randomUUID() };
    const racers = 12;
    const ids = await Promise.all(
      Array.from({ length: racers }, (_, i) => links.resolve(poolId, [login], undefined, `race-${i}`)),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await identitiesOf(poolId)).toBe(1);
    const [identityId] = ids;
    expect(await eventsFor(FederationBrokerTopics.identityCreated, identityId)).toBe(1);
    expect(await eventsFor(FederationBrokerTopics.identityLinked, identityId)).toBe(1);
  });

  it('links concurrent new logins of one identity to it, each once', async () => {
    const poolId = await newPool();
    const guest = await ds.transaction((m) => links.create(m, poolId, false, 'guest'));
    const logins = Array.from({ length: 6 }, (_, i) => ({ provider: `p${i}.example`, subject: 'same-user' }));
    // Each login twice, all at once: a retry after losing a race must not link anything twice.
    const ids = await Promise.all(
      [...logins, ...logins].map((l, i) => links.resolve(poolId, [l], guest, `link-${i}`)),
    );
    expect(new Set(ids)).toEqual(new Set([guest]));
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE identity_id = $1`,
        [guest],
      ),
    ).toBe(logins.length);
    expect(await eventsFor(FederationBrokerTopics.identityLinked, guest)).toBe(logins.length);
    expect(await identitiesOf(poolId)).toBe(1);
  });

  it('refuses a login of another identity as ResourceConflictException and changes nothing', async () => {
    const poolId = await newPool();
    const mine = { provider: 'graph.facebook.com', subject: randomUUID() };
    const owner = await links.resolve(poolId, [mine], undefined, 'owner');
    const other = await ds.transaction((m) => links.create(m, poolId, false, 'other'));
    const refused = await links
      .resolve(poolId, [mine, { provider: 'www.amazon.com', subject: 'x' }], other, 'steal')
      .then(
        () => undefined,
        (err: ServiceError) => err.errorName,
      );
    expect(refused).toBe('ResourceConflictException');
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE identity_id = $1`,
        [other],
      ),
    ).toBe(0);
    expect(await links.resolve(poolId, [mine], undefined, 'again')).toBe(owner);
  });

  it('unlinks a login once when two removals race', async () => {
    const poolId = await newPool();
    const login = { provider: 'accounts.google.com', subject: randomUUID() };
    const identityId = await links.resolve(poolId, [login], undefined, 'link');
    await Promise.all(
      [1, 2].map((i) => ds.transaction((m) => links.unlink(m, poolId, identityId, [login], `unlink-${i}`))),
    );
    expect(await eventsFor(FederationBrokerTopics.identityUnlinked, identityId)).toBe(1);
    expect(
      await countOf(`SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE pool_id = $1`, [
        poolId,
      ]),
    ).toBe(0);
  });

  it('deletes a pool once when two deletions race, with its identities and logins', async () => {
    const poolId = await newPool();
    await links.resolve(poolId, [{ provider: 'accounts.google.com', subject: randomUUID() }], undefined, 'l');
    const outcomes = await Promise.all(
      [1, 2].map(() =>
        deletePool.execute({ IdentityPoolId: poolId }).then(
          () => 'deleted',
          (err: ServiceError) => err.errorName,
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(['ResourceNotFoundException', 'deleted']);
    expect(await identitiesOf(poolId)).toBe(0);
    expect(
      await countOf(`SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE pool_id = $1`, [
        poolId,
      ]),
    ).toBe(0);
  });
});
