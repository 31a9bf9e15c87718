import { randomBytes, randomUUID } from 'node:crypto';
import { OutboundFederationRepository } from '../src/outbound-federation/outbound-federation.repository';
import {
  KEY_ROTATION_MS,
  OutboundIssuer,
  RETIRED_KEY_PUBLISHED_MS,
} from '../src/outbound-federation/outbound-issuer';
import { OutboundSigningKeys } from '../src/outbound-federation/outbound-signing-keys';
import { createServiceDatabase, ServiceDatabase } from './support/service-database';

/**
 * Outbound identity federation on a real PostgreSQL (ADR 0086): enabling and disabling answer once
 * each however many replicas race, the issuer is kept across Disable, one key per algorithm is
 * active whatever replicas race to make it, and a key is rotated after 30 days while the retired
 * one stays published for 65 minutes.
 */
describe('outbound identity federation on PostgreSQL', () => {
  let db: ServiceDatabase;
  let now = Date.now();
  let repository: OutboundFederationRepository;
  const master = randomBytes(32);
  // Two issuers on one database stand for two replicas (each its own opened-key cache).
  const replica = () =>
    new OutboundIssuer(repository, new OutboundSigningKeys(master), 'https://idfed.test', () => now);

  beforeAll(async () => {
    db = await createServiceDatabase();
    repository = new OutboundFederationRepository(db.ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('enables once of ten racing enables, disables once of ten, and keeps the issuer', async () => {
    expect(await repository.issuer()).toBeUndefined();
    const enabled = await Promise.all(Array.from({ length: 10 }, () => repository.enable(randomUUID())));
    const issuers = enabled.filter((id): id is string => id !== undefined);
    expect(issuers).toHaveLength(1);
    expect(await repository.issuer()).toEqual({ issuerId: issuers[0], enabled: true });

    const disabled = await Promise.all(Array.from({ length: 10 }, () => repository.disable()));
    expect(disabled.filter(Boolean)).toHaveLength(1);
    expect(await repository.issuer()).toEqual({ issuerId: issuers[0], enabled: false });
    expect(await repository.disable()).toBe(false);

    expect(await repository.enable(randomUUID())).toBe(issuers[0]);
    expect(await repository.enable(randomUUID())).toBeUndefined();
  });

  it('makes one active key per algorithm when replicas race for it', async () => {
    const keys = await Promise.all(
      Array.from({ length: 6 }, (_, i) => replica().signingKey(i % 2 ? 'RS256' : 'ES384')),
    );
    expect(new Set(keys.filter((k) => k.algorithm === 'ES384').map((k) => k.kid)).size).toBe(1);
    expect(new Set(keys.filter((k) => k.algorithm === 'RS256').map((k) => k.kid)).size).toBe(1);
    const published = await replica().publicKeys();
    expect(published.map((k) => k.alg).sort()).toEqual(['ES384', 'RS256']);
    // Another replica signs with the key one made: it opens the sealed private key.
    const token = replica().sign(keys[0], { sub: 'x' });
    expect(token.split('.')).toHaveLength(3);
  });

  it('rotates a key after 30 days, publishing the retired one 65 minutes more', async () => {
    const first = await replica().signingKey('ES384');
    now += KEY_ROTATION_MS - 1000;
    expect((await replica().signingKey('ES384')).kid).toBe(first.kid);
    now += 2000;
    const rotated = await Promise.all([replica().signingKey('ES384'), replica().signingKey('ES384')]);
    expect(rotated[0].kid).not.toBe(first.kid);
    expect(rotated[1].kid).toBe(rotated[0].kid);
    const kids = async () => (await replica().publicKeys()).map((k) => k.kid);
    expect(await kids()).toEqual(expect.arrayContaining([first.kid, rotated[0].kid]));
    now += RETIRED_KEY_PUBLISHED_MS + 1000;
    expect(await kids()).not.toContain(first.kid);
    expect(await kids()).toContain(rotated[0].kid);
  });
});
