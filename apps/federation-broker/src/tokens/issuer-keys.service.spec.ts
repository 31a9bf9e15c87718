import { randomBytes } from 'node:crypto';
import { FederationBrokerTopics } from '@idfed/contracts';
import { KeyEncryption } from '@idfed/crypto';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { FederationBrokerConfig } from '../config/federation-broker.config';
import { IssuerKeyEntity } from '../database/entities';
import { IssuerKeysRepository } from './issuer-keys.repository';
import { IssuerKeysService } from './issuer-keys.service';

const tx = {} as Transaction;
const config = { issuer: 'https://idfed.example/identity' } as FederationBrokerConfig;

/** IssuerKeysService over a mocked repository whose table holds `stored` (nothing: no key yet). */
function setUp(stored?: IssuerKeyEntity, encryption = new KeyEncryption(randomBytes(32))) {
  const repository = {
    lockActivation: jest.fn().mockResolvedValue(undefined),
    findActive: jest.fn().mockResolvedValue(stored),
    insert: jest.fn().mockResolvedValue(undefined),
    find: jest.fn().mockResolvedValue(stored),
    all: jest.fn().mockResolvedValue(stored ? [stored] : []),
  };
  const outbox = { add: jest.fn().mockResolvedValue('event-id'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const service = new IssuerKeysService(
    repository as unknown as IssuerKeysRepository,
    transactions as unknown as Transactions,
    encryption,
    outbox as unknown as OutboxService,
    config,
  );
  return { service, repository, outbox, transactions, encryption };
}

// Each test generates an RSA key pair, which takes seconds on a loaded machine: more room than
// Jest's default 5 s, not a bound on anything the tests check.
jest.setTimeout(30_000);

describe('IssuerKeysService', () => {
  it('creates the first key under the activation lock, sealed, with its event in the same unit of work', async () => {
    const { service, repository, outbox, encryption } = setUp();
    const { kid } = await service.activeKey();
    expect(repository.lockActivation).toHaveBeenCalledWith(tx);
    expect(repository.lockActivation.mock.invocationCallOrder[0]).toBeLessThan(
      repository.findActive.mock.invocationCallOrder[0],
    );
    const [[created, handle]] = repository.insert.mock.calls as [[IssuerKeyEntity, Transaction]];
    expect(handle).toBe(tx);
    expect(created).toMatchObject({ kid, status: 'active', publicJwk: { kid, alg: 'RS256', use: 'sig' } });
    expect(created.publicJwk).not.toHaveProperty('d');
    // The stored private key opens only with the key-encryption key and its own kid.
    expect(encryption.open(created.privateKeyEnc, kid).length).toBeGreaterThan(1000);
    expect(() => encryption.open(created.privateKeyEnc, 'another-kid')).toThrow();
    expect(outbox.add).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({
        topic: FederationBrokerTopics.signingKeyActivated,
        key: config.issuer,
        payload: expect.objectContaining({ kid, issuer: config.issuer, publicJwk: created.publicJwk }),
      }),
    );
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('uses the active key another replica created, creating nothing', async () => {
    const first = setUp();
    await first.service.activeKey();
    const [[stored]] = first.repository.insert.mock.calls as [[IssuerKeyEntity]];
    const second = setUp(stored, first.encryption);
    expect((await second.service.activeKey()).kid).toBe(stored.kid);
    expect(second.repository.insert).not.toHaveBeenCalled();
    expect(second.outbox.add).not.toHaveBeenCalled();
    expect(await second.service.jwks()).toEqual([stored.publicJwk]);
  });

  it('loads the key once per process, and again after a failed attempt', async () => {
    const { service, repository, transactions } = setUp();
    repository.lockActivation.mockRejectedValueOnce(new Error('database unavailable'));
    await expect(service.activeKey()).rejects.toThrow('database unavailable');
    const [a, b] = await Promise.all([service.activeKey(), service.activeKey()]);
    expect(a.kid).toBe(b.kid);
    expect(transactions.run).toHaveBeenCalledTimes(2);
  });
});
