import { randomBytes } from 'node:crypto';
import { FederationBrokerTopics } from '@idfed/contracts';
import { decodeJwt, KeyEncryption, verifyRs256 } from '@idfed/crypto';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { FEDERATION_BROKER_SCHEMA } from '../src/database/schema';
import { IssuerKeysRepository } from '../src/tokens/issuer-keys.repository';
import { IssuerKeysService } from '../src/tokens/issuer-keys.service';
import { OpenIdTokenIssuer } from '../src/tokens/openid-token.issuer';
import { BrokerDatabase, countOf, createBrokerDatabase, testBrokerConfig } from './support/broker-database';

/**
 * The broker's issuer key on a real PostgreSQL. The key is created on first use; replicas starting
 * together must agree on one (one row, one activation event), which a transaction-scoped advisory
 * lock guarantees. Each "replica" here is an IssuerKeysService of its own (its own cache) on its own
 * connections of a database no other spec uses.
 */
describe('issuer keys on PostgreSQL', () => {
  let db: BrokerDatabase;
  const encryption = new KeyEncryption(randomBytes(32));
  const outbox = new OutboxService(FEDERATION_BROKER_SCHEMA);

  beforeAll(async () => {
    db = await createBrokerDatabase('idfed_fb_keys');
  });

  afterAll(() => db?.drop());

  const replica = () =>
    new IssuerKeysService(
      new IssuerKeysRepository(db.ds),
      new Transactions(db.ds),
      encryption,
      outbox,
      testBrokerConfig,
    );
  const keyRows = () => countOf(db.ds, `SELECT count(*)::int AS n FROM federation_broker.issuer_keys`, []);
  const activations = () =>
    countOf(db.ds, `SELECT count(*)::int AS n FROM federation_broker.outbox WHERE topic = $1`, [
      FederationBrokerTopics.signingKeyActivated,
    ]);

  it('activates one key when replicas ask for it at once, and each signs with it', async () => {
    const replicas = Array.from({ length: 4 }, replica);
    const keys = await Promise.all(replicas.map((r) => r.activeKey()));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await keyRows()).toBe(1);
    expect(await activations()).toBe(1);
    // A token one replica signs verifies with the public key another reads back.
    const token = await new OpenIdTokenIssuer(replicas[0], testBrokerConfig).issue({
      identityPoolId: 'us-east-1:pool',
      identityId: 'us-east-1:identity',
      amr: ['unauthenticated'],
    });
    const jwt = decodeJwt(token)!;
    expect(jwt.header.kid).toBe(keys[0].kid);
    const publicKey = await replicas[3].verificationKey(keys[0].kid);
    expect(publicKey && verifyRs256(jwt, publicKey)).toBe(true);
    for (const r of replicas) expect((await r.jwks()).map((k) => k.kid)).toEqual([keys[0].kid]);
  });

  it('stores the private key sealed under the key-encryption key, never in the clear', async () => {
    const { kid } = await replica().activeKey();
    const row = await new IssuerKeysRepository(db.ds).find(kid);
    const opened = encryption.open(row!.privateKeyEnc, kid);
    expect(row!.privateKeyEnc.includes(opened.subarray(0, 64))).toBe(false);
    expect(() => new KeyEncryption(randomBytes(32)).open(row!.privateKeyEnc, kid)).toThrow();
    expect(row!.publicJwk).not.toHaveProperty('d');
  });

  it('has a replica started later load the active key instead of creating one', async () => {
    const { kid } = await replica().activeKey();
    expect((await replica().activeKey()).kid).toBe(kid);
    expect(await keyRows()).toBe(1);
    expect(await activations()).toBe(1);
    expect(await replica().verificationKey('no-such-kid')).toBeUndefined();
  });
});
