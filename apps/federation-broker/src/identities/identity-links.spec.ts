import { FederationBrokerTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { FederationBrokerConfig } from '../config/federation-broker.config';
import { IdentityLoginEntity } from '../database/entities';
import { IdentitiesRepository, LoginAlreadyLinkedError } from './identities.repository';
import { IdentityLinks } from './identity-links';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const OWNER = 'us-east-1:aaaaaaaa-2222-3333-4444-555555555555';
const OTHER = 'us-east-1:bbbbbbbb-2222-3333-4444-555555555555';
const google = { provider: 'accounts.google.com', subject: 'g-1' };
const amazon = { provider: 'www.amazon.com', subject: 'a-1' };

const link = (login: { provider: string; subject: string }, identityId: string): IdentityLoginEntity => ({
  poolId: POOL,
  ...login,
  identityId,
  createdAt: new Date(0),
});

/** IdentityLinks over a mocked repository and outbox; each unit of work gets its own opaque handle. */
function setUp(owned: IdentityLoginEntity[]) {
  const units: Transaction[] = [];
  const transactions = {
    run: jest.fn((work: (tx: Transaction) => Promise<unknown>) => {
      const tx = { unit: units.length } as unknown as Transaction;
      units.push(tx);
      return work(tx);
    }),
  };
  const repository = {
    lockLogins: jest.fn().mockResolvedValue(owned),
    insert: jest.fn().mockResolvedValue(undefined),
    insertLogin: jest.fn().mockResolvedValue(undefined),
    touch: jest.fn().mockResolvedValue(undefined),
    deleteLogin: jest.fn().mockResolvedValue(true),
  };
  const outbox = { add: jest.fn().mockResolvedValue('event-id'), nudge: jest.fn() };
  const config = { region: 'us-east-1' } as FederationBrokerConfig;
  const links = new IdentityLinks(
    repository as unknown as IdentitiesRepository,
    transactions as unknown as Transactions,
    outbox as unknown as OutboxService,
    config,
  );
  const topics = () => outbox.add.mock.calls.map(([, event]: [unknown, { topic: string }]) => event.topic);
  return { links, repository, outbox, transactions, units, topics };
}

const errorName = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );

describe('IdentityLinks.resolve', () => {
  it('creates an identity for logins nobody has, links each in the same unit of work, then nudges the outbox', async () => {
    const { links, repository, outbox, units, topics } = setUp([]);
    const id = await links.resolve(POOL, [google, amazon], undefined, 'req');
    expect(id).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const [tx] = units;
    expect(repository.lockLogins).toHaveBeenCalledWith(POOL, [google, amazon], tx);
    expect(repository.insert).toHaveBeenCalledWith(expect.objectContaining({ id, poolId: POOL }), tx);
    expect(repository.insertLogin).toHaveBeenCalledTimes(2);
    expect(repository.insertLogin).toHaveBeenCalledWith(
      expect.objectContaining({ ...google, identityId: id }),
      tx,
    );
    expect(topics()).toEqual([
      FederationBrokerTopics.identityCreated,
      FederationBrokerTopics.identityLinked,
      FederationBrokerTopics.identityLinked,
    ]);
    expect(outbox.add.mock.calls.every(([handle]) => handle === tx)).toBe(true);
    expect(repository.touch).toHaveBeenCalledWith(id, expect.any(Date), tx);
    expect(outbox.nudge).toHaveBeenCalledTimes(1);
  });

  it("answers the logins' identity and links only the login it does not have yet", async () => {
    const { links, repository, topics } = setUp([link(google, OWNER)]);
    expect(await links.resolve(POOL, [google, amazon], undefined, 'req')).toBe(OWNER);
    expect(repository.insert).not.toHaveBeenCalled();
    expect(repository.insertLogin).toHaveBeenCalledTimes(1);
    expect(repository.insertLogin).toHaveBeenCalledWith(
      expect.objectContaining({ ...amazon, identityId: OWNER }),
      expect.anything(),
    );
    expect(topics()).toEqual([FederationBrokerTopics.identityLinked]);
  });

  it('writes nothing when every login is linked already', async () => {
    const { links, repository, outbox } = setUp([link(google, OWNER)]);
    expect(await links.resolve(POOL, [google], undefined, 'req')).toBe(OWNER);
    expect(repository.insertLogin).not.toHaveBeenCalled();
    expect(repository.touch).not.toHaveBeenCalled();
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it('refuses a login of another identity than the one presented, and logins of two identities', async () => {
    const presented = setUp([link(google, OWNER)]);
    expect(await errorName(presented.links.resolve(POOL, [google], OTHER, 'req'))).toBe(
      'ResourceConflictException',
    );
    expect(presented.repository.insertLogin).not.toHaveBeenCalled();
    const split = setUp([link(google, OWNER), link(amazon, OTHER)]);
    expect(await errorName(split.links.resolve(POOL, [google, amazon], undefined, 'req'))).toBe(
      'ResourceConflictException',
    );
    expect(split.outbox.add).not.toHaveBeenCalled();
  });

  it('runs the unit of work again after losing the race for a login, and finds the winner', async () => {
    const { links, repository, transactions, outbox } = setUp([]);
    repository.insertLogin.mockRejectedValueOnce(new LoginAlreadyLinkedError());
    repository.lockLogins.mockResolvedValueOnce([]).mockResolvedValueOnce([link(google, OWNER)]);
    expect(await links.resolve(POOL, [google], undefined, 'req')).toBe(OWNER);
    expect(transactions.run).toHaveBeenCalledTimes(2);
    expect(outbox.nudge).toHaveBeenCalledTimes(1);
  });

  it('gives up after three lost races, and never retries another failure', async () => {
    const raced = setUp([]);
    raced.repository.insertLogin.mockRejectedValue(new LoginAlreadyLinkedError());
    await expect(raced.links.resolve(POOL, [google], undefined, 'req')).rejects.toBeInstanceOf(
      LoginAlreadyLinkedError,
    );
    expect(raced.transactions.run).toHaveBeenCalledTimes(3);
    const broken = setUp([]);
    broken.repository.insertLogin.mockRejectedValue(new Error('connection lost'));
    await expect(broken.links.resolve(POOL, [google], undefined, 'req')).rejects.toThrow('connection lost');
    expect(broken.transactions.run).toHaveBeenCalledTimes(1);
  });
});

describe('IdentityLinks.unlink', () => {
  it('announces only the links it removed', async () => {
    const { links, repository, topics } = setUp([]);
    repository.deleteLogin.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    const tx = {} as Transaction;
    await links.unlink(tx, POOL, OWNER, [google, amazon], 'req');
    expect(repository.deleteLogin).toHaveBeenCalledWith(POOL, OWNER, google, tx);
    expect(repository.deleteLogin).toHaveBeenCalledWith(POOL, OWNER, amazon, tx);
    expect(topics()).toEqual([FederationBrokerTopics.identityUnlinked]);
    expect(repository.touch).toHaveBeenCalledWith(OWNER, expect.any(Date), tx);
  });
});
