import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { FederationBrokerTopics, UserDirectoryTopics } from '@idfed/contracts';
import { BusContext, Headers, InboxService, OutboxService, ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { FEDERATION_BROKER_CONFIG } from '../src/config/federation-broker.config';
import { IdentityPoolEntity } from '../src/database/entities';
import { FEDERATION_BROKER_SCHEMA } from '../src/database/schema';
import { UserDirectoryConsumer } from '../src/events/user-directory.consumer';
import { IdentitiesRepository } from '../src/identities/identities.repository';
import { IdentityLinks } from '../src/identities/identity-links';
import { UserPoolLoginVerifier } from '../src/logins/user-pool-login.verifier';
import { RevokedSessionsRepository } from '../src/user-pools/revoked-sessions.repository';
import { UserPoolKeysRepository } from '../src/user-pools/user-pool-keys.repository';
import { UserPoolUserStatesRepository } from '../src/user-pools/user-pool-user-states.repository';
import {
  BrokerDatabase,
  countOf,
  createBrokerDatabase,
  testBrokerConfig as config,
} from './support/broker-database';
import { TestUserPool } from './support/user-pool-tokens';

/**
 * What the broker caches from the user directory's events (user-pool keys, user states, revoked
 * sessions), written by its consumer on a real PostgreSQL: redeliveries apply once, concurrent
 * events of one user lose nothing, and ServerSideTokenCheck reads what they left.
 */
describe('user-pool keys, user states and revoked sessions on PostgreSQL', () => {
  let db: BrokerDatabase;
  let ds: DataSource;
  let consumer: UserDirectoryConsumer;
  let links: IdentityLinks;
  let verifier: UserPoolLoginVerifier;
  let userPool: TestUserPool;

  beforeAll(async () => {
    db = await createBrokerDatabase('idfed_fb_states');
    ds = db.ds;
    const module = await Test.createTestingModule({
      controllers: [UserDirectoryConsumer],
      providers: [
        IdentitiesRepository,
        IdentityLinks,
        UserPoolKeysRepository,
        UserPoolUserStatesRepository,
        RevokedSessionsRepository,
        UserPoolLoginVerifier,
        Transactions,
        { provide: DataSource, useValue: ds },
        { provide: InboxService, useValue: new InboxService(ds, FEDERATION_BROKER_SCHEMA) },
        { provide: OutboxService, useValue: new OutboxService(FEDERATION_BROKER_SCHEMA) },
        { provide: FEDERATION_BROKER_CONFIG, useValue: config },
      ],
    }).compile();
    consumer = module.get(UserDirectoryConsumer);
    links = module.get(IdentityLinks);
    verifier = module.get(UserPoolLoginVerifier);
    userPool = await TestUserPool.create();
    await consumer.keyActivated(
      {
        userPoolId: userPool.userPoolId,
        kid: userPool.kid,
        publicJwk: userPool.publicJwk,
        occurredAt: new Date().toISOString(),
      },
      delivery(UserDirectoryTopics.signingKeyActivated),
    );
  });

  afterAll(() => db?.drop());

  /** One delivery of an event; the same id again is a redelivery. */
  function delivery(topic: string, eventId: string = randomUUID()): BusContext {
    return new BusContext({
      delivery: 'event',
      topic,
      key: 'k',
      headers: { [Headers.eventId]: eventId, [Headers.correlationId]: `corr-${eventId}` },
    });
  }

  const userEvent = (sub: string, occurredAt: Date, extra: Record<string, unknown> = {}) => ({
    userPoolId: userPool.userPoolId,
    sub,
    username: `user-${sub}`,
    occurredAt: occurredAt.toISOString(),
    ...extra,
  });

  const stateOf = async (sub: string) => {
    const rows = await ds.query<Record<string, unknown>[]>(
      `SELECT deleted, disabled, tokens_valid_after, updated_at FROM federation_broker.user_pool_user_states
        WHERE user_pool_id = $1 AND sub = $2`,
      [userPool.userPoolId, sub],
    );
    return rows[0];
  };

  async function newIdentityPool(): Promise<string> {
    const id = `${config.region}:${randomUUID()}`;
    const now = new Date();
    await ds.manager.insert(IdentityPoolEntity, {
      id,
      name: 'pool',
      config: {
        allowUnauthenticatedIdentities: false,
        allowClassicFlow: false,
        supportedLoginProviders: {},
        openIdConnectProviderArns: [],
        cognitoIdentityProviders: [userPool.provider(true)],
        tags: {},
      },
      roles: {},
      roleMappings: {},
      createdAt: now,
      updatedAt: now,
    });
    return id;
  }

  const verify = (token: string, serverSideTokenCheck = true) =>
    verifier
      .verify(
        {
          providerName: userPool.providerName,
          userPoolId: userPool.userPoolId,
          clientIds: [userPool.clientId],
          serverSideTokenCheck,
        },
        token,
      )
      .then(
        (login) => login.subject,
        (err: ServiceError) => `${err.errorName}: ${err.message}`,
      );

  it('applies a redelivered user-deleted event once: the second delivery changes nothing', async () => {
    const sub = randomUUID();
    const login = { provider: userPool.providerName, subject: sub };
    const identityIds = await Promise.all(
      [await newIdentityPool(), await newIdentityPool()].map((poolId) =>
        links.resolve(poolId, [login], undefined, 'l'),
      ),
    );
    const eventId = randomUUID();
    const event = userEvent(sub, new Date('2026-01-02T03:04:05.000Z'));
    await consumer.userDeleted(event, delivery(UserDirectoryTopics.userDeleted, eventId));
    const unlinked = (identityId: string) =>
      countOf(ds, `SELECT count(*)::int AS n FROM federation_broker.outbox WHERE topic = $1 AND key = $2`, [
        FederationBrokerTopics.identityUnlinked,
        identityId,
      ]);
    const snapshot = async () => ({
      state: await stateOf(sub),
      logins: await countOf(
        ds,
        `SELECT count(*)::int AS n FROM federation_broker.identity_logins WHERE subject = $1`,
        [sub],
      ),
      identities: await ds.query(
        `SELECT id, updated_at FROM federation_broker.identities WHERE id = ANY($1) ORDER BY id`,
        [identityIds],
      ),
      unlinked: await Promise.all(identityIds.map(unlinked)),
    });
    const afterFirst = await snapshot();
    expect(afterFirst.state).toMatchObject({
      deleted: true,
      disabled: false,
      tokens_valid_after: new Date(event.occurredAt),
    });
    expect(afterFirst.logins).toBe(0);
    expect(afterFirst.unlinked).toEqual([1, 1]);
    await consumer.userDeleted(event, delivery(UserDirectoryTopics.userDeleted, eventId));
    expect(await snapshot()).toEqual(afterFirst);
    expect(
      await countOf(ds, `SELECT count(*)::int AS n FROM federation_broker.inbox WHERE event_id = $1`, [
        eventId,
      ]),
    ).toBe(1);
    // What the identity pools' ServerSideTokenCheck makes of it.
    expect(await verify(await userPool.idToken(sub))).toMatch(/^NotAuthorizedException: .*no longer exists/);
    expect(await verify(await userPool.idToken(sub), false)).toBe(sub);
  });

  it('merges a disable and a sign-out of one user delivered at once, losing neither', async () => {
    const subs = Array.from({ length: 8 }, () => randomUUID());
    const disabledAt = new Date('2026-02-01T00:00:00.000Z');
    const signedOutAt = new Date('2026-02-01T00:00:07.000Z');
    const sessions = subs.map(() => randomUUID());
    await Promise.all(
      subs.flatMap((sub, i) => [
        consumer.disabled(
          userEvent(sub, disabledAt, { tokensValidAfter: disabledAt.toISOString() }),
          delivery(UserDirectoryTopics.userDisabled),
        ),
        consumer.signedOut(
          userEvent(sub, signedOutAt, {
            tokensValidAfter: signedOutAt.toISOString(),
            revokedSessions: [sessions[i]],
          }),
          delivery(UserDirectoryTopics.userSignedOut),
        ),
      ]),
    );
    for (const sub of subs) {
      expect(await stateOf(sub)).toMatchObject({
        disabled: true,
        deleted: false,
        tokens_valid_after: signedOutAt,
      });
    }
    expect(await new RevokedSessionsRepository(ds).isRevoked(userPool.userPoolId, sessions[0])).toBe(true);
    expect(await new RevokedSessionsRepository(ds).isRevoked(userPool.userPoolId, randomUUID())).toBe(false);
  });

  it('keeps the newest revocation time and a deleted user deleted, whatever order events arrive in', async () => {
    const sub = randomUUID();
    const later = new Date('2026-03-01T00:00:10.000Z');
    const earlier = new Date('2026-03-01T00:00:01.000Z');
    await consumer.signedOut(
      userEvent(sub, later, { tokensValidAfter: later.toISOString() }),
      delivery(UserDirectoryTopics.userSignedOut),
    );
    await consumer.disabled(
      userEvent(sub, earlier, { tokensValidAfter: earlier.toISOString() }),
      delivery(UserDirectoryTopics.userDisabled),
    );
    expect(await stateOf(sub)).toMatchObject({ disabled: true, tokens_valid_after: later });
    await consumer.enabled(userEvent(sub, later), delivery(UserDirectoryTopics.userEnabled));
    expect(await stateOf(sub)).toMatchObject({ disabled: false, tokens_valid_after: later });
    await consumer.userDeleted(userEvent(sub, earlier), delivery(UserDirectoryTopics.userDeleted));
    await consumer.enabled(userEvent(sub, later), delivery(UserDirectoryTopics.userEnabled));
    expect(await stateOf(sub)).toMatchObject({ deleted: true, disabled: false, tokens_valid_after: later });
  });

  it("refuses a revoked session's tokens only, and only with the server-side check", async () => {
    const sub = randomUUID();
    const token = await userPool.idToken(sub);
    const originJti = String(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).origin_jti);
    expect(await verify(token)).toBe(sub);
    const revoke = () =>
      consumer.sessionRevoked(
        {
          userPoolId: userPool.userPoolId,
          sub,
          username: 'u',
          originJti,
          occurredAt: new Date().toISOString(),
        },
        delivery(UserDirectoryTopics.sessionRevoked),
      );
    await Promise.all([revoke(), revoke()]);
    expect(await verify(token)).toBe('NotAuthorizedException: Token has been revoked.');
    expect(await verify(await userPool.idToken(sub))).toBe(sub);
    expect(await verify(token, false)).toBe(sub);
  });

  it("stores a pool's keys by kid and forgets them when the pool is deleted", async () => {
    const other = await TestUserPool.create();
    const announce = () =>
      consumer.keyActivated(
        {
          userPoolId: other.userPoolId,
          kid: other.kid,
          publicJwk: other.publicJwk,
          occurredAt: new Date().toISOString(),
        },
        delivery(UserDirectoryTopics.signingKeyActivated),
      );
    await Promise.all([announce(), announce()]);
    const keys = new UserPoolKeysRepository(ds);
    expect(await keys.find(other.kid)).toMatchObject({
      userPoolId: other.userPoolId,
      publicJwk: other.publicJwk,
    });
    const otherProvider = {
      providerName: other.providerName,
      userPoolId: other.userPoolId,
      clientIds: [other.clientId],
      serverSideTokenCheck: false,
    };
    const sub = randomUUID();
    expect((await verifier.verify(otherProvider, await other.idToken(sub))).subject).toBe(sub);
    await consumer.poolDeleted(
      { userPoolId: other.userPoolId, occurredAt: new Date().toISOString() },
      delivery(UserDirectoryTopics.userPoolDeleted),
    );
    expect(await keys.find(other.kid)).toBeUndefined();
    expect(await keys.find(userPool.kid)).toBeDefined();
    const refused = await verifier.verify(otherProvider, await other.idToken(sub)).then(
      () => undefined,
      (err: ServiceError) => err.errorName,
    );
    expect(refused).toBe('NotAuthorizedException');
  });
});
