import { CommandMeta, FederationBrokerTopics, IdentityMergedEvent } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IdentityLoginEntity, IdentityPoolEntity } from '../database/entities';
import { IdentitiesRepository } from '../identities/identities.repository';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { MergeDeveloperIdentitiesHandler } from './merge-developer-identities.handler';

const POOL = 'us-east-1:11111111-2222-3333-4444-555555555555';
const SOURCE = 'us-east-1:aaaaaaaa-2222-3333-4444-555555555555';
const DESTINATION = 'us-east-1:bbbbbbbb-2222-3333-4444-555555555555';
const DEVELOPER = 'login.example';
const tx = {} as Transaction;

const link = (subject: string, identityId: string, provider = DEVELOPER): IdentityLoginEntity => ({
  poolId: POOL,
  provider,
  subject,
  identityId,
  createdAt: new Date(0),
});

function setUp(locked: IdentityLoginEntity[]) {
  const pool = { id: POOL, config: { developerProviderName: DEVELOPER } } as IdentityPoolEntity;
  const lookup = { require: jest.fn().mockResolvedValue(pool) };
  const repository = {
    lockLogins: jest.fn().mockResolvedValue(locked),
    loginsOf: jest
      .fn()
      .mockResolvedValue([link('alice', SOURCE), link('g-1', SOURCE, 'accounts.google.com')]),
    moveLogins: jest.fn().mockResolvedValue(undefined),
    delete: jest.fn().mockResolvedValue(undefined),
    touch: jest.fn().mockResolvedValue(undefined),
  };
  const outbox = { add: jest.fn().mockResolvedValue('event-id'), nudge: jest.fn() };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const handler = new MergeDeveloperIdentitiesHandler(
    repository as unknown as IdentitiesRepository,
    transactions as unknown as Transactions,
    lookup as unknown as IdentityPoolLookup,
    outbox as unknown as OutboxService,
  );
  return { handler, repository, outbox };
}

const request = {
  IdentityPoolId: POOL,
  DeveloperProviderName: DEVELOPER,
  SourceUserIdentifier: 'alice',
  DestinationUserIdentifier: 'bob',
};
const meta = { requestId: 'req' } as CommandMeta;

describe('MergeDeveloperIdentities', () => {
  it('locks both links in one call, moves the source identity into the destination and announces it', async () => {
    const { handler, repository, outbox } = setUp([link('bob', DESTINATION), link('alice', SOURCE)]);
    expect(await handler.execute(request, meta)).toEqual({ IdentityId: DESTINATION });
    expect(repository.lockLogins).toHaveBeenCalledTimes(1);
    expect(repository.lockLogins).toHaveBeenCalledWith(
      POOL,
      [
        { provider: DEVELOPER, subject: 'alice' },
        { provider: DEVELOPER, subject: 'bob' },
      ],
      tx,
    );
    expect(repository.moveLogins).toHaveBeenCalledWith(SOURCE, DESTINATION, tx);
    expect(repository.delete).toHaveBeenCalledWith(SOURCE, tx);
    expect(repository.touch).toHaveBeenCalledWith(DESTINATION, expect.any(Date), tx);
    const [[handle, event]] = outbox.add.mock.calls as [
      [Transaction, { topic: string; payload: IdentityMergedEvent }],
    ];
    expect(handle).toBe(tx);
    expect(event.topic).toBe(FederationBrokerTopics.identityMerged);
    expect(event.payload).toMatchObject({
      identityId: DESTINATION,
      sourceIdentityId: SOURCE,
      movedLogins: [DEVELOPER, 'accounts.google.com'],
    });
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('changes nothing when both users already share an identity', async () => {
    const { handler, repository, outbox } = setUp([link('alice', DESTINATION), link('bob', DESTINATION)]);
    expect(await handler.execute(request, meta)).toEqual({ IdentityId: DESTINATION });
    expect(repository.moveLogins).not.toHaveBeenCalled();
    expect(repository.delete).not.toHaveBeenCalled();
    expect(outbox.add).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException when either user is unknown, changing nothing', async () => {
    const { handler, repository } = setUp([link('bob', DESTINATION)]);
    const name = await handler.execute(request, meta).then(
      () => undefined,
      (err: ServiceError) => err.errorName,
    );
    expect(name).toBe('ResourceNotFoundException');
    expect(repository.moveLogins).not.toHaveBeenCalled();
  });
});
