import { randomBytes, randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { CommandMeta, FederationBrokerTopics } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { BusClient, OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { FEDERATION_BROKER_CONFIG } from '../src/config/federation-broker.config';
import { IdentityPoolEntity } from '../src/database/entities';
import { FEDERATION_BROKER_SCHEMA } from '../src/database/schema';
import { MergeDeveloperIdentitiesHandler } from '../src/developer/merge-developer-identities.handler';
import { GetIdHandler } from '../src/identities/get-id.handler';
import { IdentitiesRepository } from '../src/identities/identities.repository';
import { IdentityAuthenticator } from '../src/identities/identity-authenticator';
import { IdentityLinks } from '../src/identities/identity-links';
import { LoginsVerifier } from '../src/logins/logins.verifier';
import { UserPoolLoginVerifier } from '../src/logins/user-pool-login.verifier';
import { DeleteIdentityPoolHandler } from '../src/pools/delete-identity-pool.handler';
import { IdentityPoolLookup } from '../src/pools/identity-pool.lookup';
import { IdentityPoolsRepository } from '../src/pools/identity-pools.repository';
import { IssuerKeysRepository } from '../src/tokens/issuer-keys.repository';
import { IssuerKeysService } from '../src/tokens/issuer-keys.service';
import { RevokedSessionsRepository } from '../src/user-pools/revoked-sessions.repository';
import { UserPoolKeysRepository } from '../src/user-pools/user-pool-keys.repository';
import { UserPoolUserStatesRepository } from '../src/user-pools/user-pool-user-states.repository';
import {
  BrokerDatabase,
  countOf as count,
  createBrokerDatabase,
  testBrokerConfig as config,
} from './support/broker-database';
import { TestUserPool } from './support/user-pool-tokens';

/** User-pool logins need no other service; a bus request here would be a bug in the test. */
const noBus = {
  request: () => Promise.reject(new Error('these tests verify user-pool logins only; nothing asks the bus')),
} as unknown as BusClient;

const meta = (requestId: string) => ({ requestId }) as CommandMeta;

/**
 * The identity graph on a real PostgreSQL, in a database of its own: the table's key on
 * (pool, provider, subject) is what keeps concurrent first sign-ins of one user to one identity,
 * and the order in which a unit of work locks links is what keeps two of them from deadlocking.
 */
describe('identities and their logins on PostgreSQL', () => {
  let db: BrokerDatabase;
  let ds: DataSource;
  let links: IdentityLinks;
  let deletePool: DeleteIdentityPoolHandler;
  let merge: MergeDeveloperIdentitiesHandler;
  let getId: GetIdHandler;
  let authenticator: IdentityAuthenticator;
  let userPool: TestUserPool;

  beforeAll(async () => {
    db = await createBrokerDatabase('idfed_fb_int');
    ds = db.ds;
    const module = await Test.createTestingModule({
      providers: [
        IdentitiesRepository,
        IdentityLinks,
        IdentityPoolsRepository,
        IdentityPoolLookup,
        IdentityAuthenticator,
        LoginsVerifier,
        UserPoolLoginVerifier,
        UserPoolKeysRepository,
        UserPoolUserStatesRepository,
        RevokedSessionsRepository,
        IssuerKeysRepository,
        IssuerKeysService,
        DeleteIdentityPoolHandler,
        MergeDeveloperIdentitiesHandler,
        GetIdHandler,
        Transactions,
        { provide: DataSource, useValue: ds },
        { provide: OutboxService, useValue: new OutboxService(FEDERATION_BROKER_SCHEMA) },
        { provide: FEDERATION_BROKER_CONFIG, useValue: config },
        { provide: KeyEncryption, useValue: new KeyEncryption(randomBytes(32)) },
        { provide: BusClient, useValue: noBus },
      ],
    }).compile();
    links = module.get(IdentityLinks);
    deletePool = module.get(DeleteIdentityPoolHandler);
    merge = module.get(MergeDeveloperIdentitiesHandler);
    getId = module.get(GetIdHandler);
    authenticator = module.get(IdentityAuthenticator);
    userPool = await TestUserPool.create();
    // What the user directory's signing-key event leaves behind.
    await module.get(UserPoolKeysRepository).save({
      kid: userPool.kid,
      userPoolId: userPool.userPoolId,
      publicJwk: userPool.publicJwk,
      createdAt: new Date(),
    });
  });

  afterAll(() => db?.drop());

  async function newPool(
    options: { developerProviderName?: string; userPool?: TestUserPool } = {},
  ): Promise<string> {
    const id = `${config.region}:${randomUUID()}`;
    const now = new Date();
    await ds.manager.insert(IdentityPoolEntity, {
      id,
      name: 'pool',
      config: {
        allowUnauthenticatedIdentities: true,
        allowClassicFlow: false,
        supportedLoginProviders: {},
        openIdConnectProviderArns: [],
        cognitoIdentityProviders: options.userPool ? [options.userPool.provider()] : [],
        tags: {},
        ...(options.developerProviderName ? { developerProviderName: options.developerProviderName } : {}),
      },
      roles: {},
      roleMappings: {},
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  const countOf = (sql: string, params: unknown[]) => count(ds, sql, params);
  const identitiesOf = (poolId: string) =>
    countOf(`SELECT count(*)::int AS n FROM federation_broker.identities WHERE pool_id = $1`, [poolId]);
  const loginsOf = (identityId: string) =>
    countOf(`SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE identity_id = $1`, [
      identityId,
    ]);
  const eventsFor = (topic: string, key: string) =>
    countOf(`SELECT count(*)::int AS n FROM federation_broker.outbox WHERE topic = $1 AND key = $2`, [
      topic,
      key,
    ]);
  const outcome = <T>(promise: Promise<T>) =>
    promise.then(
      (value) => ({ value }),
      (err: Error) => ({
        error: err instanceof ServiceError ? err.errorName : `${err.name}: ${err.message}`,
      }),
    );

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
    const guest = await ds.transaction((tx) => links.create(tx, poolId, false, 'guest'));
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
    const other = await ds.transaction((tx) => links.create(tx, poolId, false, 'other'));
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
      [1, 2].map((i) => ds.transaction((tx) => links.unlink(tx, poolId, identityId, [login], `unlink-${i}`))),
    );
    expect(await eventsFor(FederationBrokerTopics.identityUnlinked, identityId)).toBe(1);
    expect(
      await countOf(`SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE pool_id = $1`, [
        poolId,
      ]),
    ).toBe(0);
  });

  it('deletes a pool once when two deletions race, with its identities and logins, announced once', async () => {
    const poolId = await newPool();
    await links.resolve(poolId, [{ provider: 'accounts.google.com', subject: randomUUID() }], undefined, 'l');
    const outcomes = await Promise.all(
      [1, 2].map((i) =>
        deletePool.execute({ IdentityPoolId: poolId }, meta(`delete-${i}`)).then(
          () => 'deleted',
          (err: ServiceError) => err.errorName,
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(['ResourceNotFoundException', 'deleted']);
    expect(await eventsFor(FederationBrokerTopics.identityPoolDeleted, poolId)).toBe(1);
    expect(await identitiesOf(poolId)).toBe(0);
    expect(
      await countOf(`SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE pool_id = $1`, [
        poolId,
      ]),
    ).toBe(0);
  });

  it('merges two developer users in opposite directions at once into one identity, losing no login', async () => {
    const developer = 'login.example';
    const poolId = await newPool({ developerProviderName: developer });
    const a = { provider: developer, subject: `a-${randomUUID()}` };
    const b = { provider: developer, subject: `b-${randomUUID()}` };
    const identityA = await links.resolve(
      poolId,
      [a, { provider: 'accounts.google.com', subject: 'ga' }],
      undefined,
      'a',
    );
    const identityB = await links.resolve(
      poolId,
      [b, { provider: 'www.amazon.com', subject: 'ab' }],
      undefined,
      'b',
    );
    const mergeInto = (source: string, destination: string, i: number) =>
      merge
        .execute(
          {
            IdentityPoolId: poolId,
            DeveloperProviderName: developer,
            SourceUserIdentifier: source,
            DestinationUserIdentifier: destination,
          },
          meta(`merge-${i}`),
        )
        .then(
          (r) => r.IdentityId,
          (err: Error) => `${err.name}: ${err.message}`,
        );
    // A into B while B into A: each locks its source's login first, then its destination's.
    const answers = await Promise.all([
      mergeInto(a.subject, b.subject, 1),
      mergeInto(b.subject, a.subject, 2),
    ]);
    expect(answers[0]).toBe(answers[1]);
    const survivor = answers[0];
    expect([identityA, identityB]).toContain(survivor);
    expect(await identitiesOf(poolId)).toBe(1);
    expect(
      await countOf(
        `SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE pool_id = $1 AND identity_id = $2`,
        [poolId, survivor],
      ),
    ).toBe(4);
    const merged = await countOf(
      `SELECT count(*)::int AS n FROM federation_broker.outbox WHERE topic = $1 AND key = $2`,
      [FederationBrokerTopics.identityMerged, survivor],
    );
    expect(merged).toBe(1);
  });

  it('answers N concurrent GetId calls with one login with one identity', async () => {
    const poolId = await newPool({ userPool });
    const sub = randomUUID();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => userPool.idToken(sub)));
    const answers = await Promise.all(
      tokens.map((token, i) =>
        getId.execute(
          { IdentityPoolId: poolId, Logins: { [userPool.providerName]: token } },
          meta(`get-id-${i}`),
        ),
      ),
    );
    const ids = new Set(answers.map((a) => a.IdentityId));
    expect(ids.size).toBe(1);
    const [identityId] = ids;
    expect(await identitiesOf(poolId)).toBe(1);
    expect(await loginsOf(identityId)).toBe(1);
    expect(await eventsFor(FederationBrokerTopics.identityCreated, identityId)).toBe(1);
    expect(await eventsFor(FederationBrokerTopics.identityLinked, identityId)).toBe(1);
  });

  it('links one login presented for two identities at once to one; the other gets ResourceConflictException', async () => {
    const poolId = await newPool({ userPool });
    const [first, second] = await Promise.all(
      ['first', 'second'].map((g) => ds.transaction((tx) => links.create(tx, poolId, false, g))),
    );
    const token = await userPool.idToken(randomUUID());
    const outcomes = await Promise.all(
      [first, second].map((identityId, i) =>
        outcome(
          authenticator.authenticate(identityId, { [userPool.providerName]: token }, meta(`claim-${i}`)),
        ),
      ),
    );
    const won = outcomes.flatMap((o, i) => ('value' in o ? [[first, second][i]] : []));
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => 'error' in o)).toEqual([{ error: 'ResourceConflictException' }]);
    const lost = won[0] === first ? second : first;
    expect(await loginsOf(won[0])).toBe(1);
    expect(await loginsOf(lost)).toBe(0);
    expect(await eventsFor(FederationBrokerTopics.identityLinked, won[0])).toBe(1);
    expect(await eventsFor(FederationBrokerTopics.identityLinked, lost)).toBe(0);
  });
});
