import { CommandMeta, FederationBrokerTopics } from '@idfed/contracts';
import { OutboxService, ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IdentityPoolEntity } from '../database/entities';
import { DeleteIdentityPoolHandler } from './delete-identity-pool.handler';
import { IdentityPoolLookup } from './identity-pool.lookup';
import { IdentityPoolsRepository } from './identity-pools.repository';
import { SetIdentityPoolRolesHandler } from './set-identity-pool-roles.handler';
import { GetPrincipalTagAttributeMapHandler } from './get-principal-tag-attribute-map.handler';
import { SetPrincipalTagAttributeMapHandler } from './set-principal-tag-attribute-map.handler';
import { UpdateIdentityPoolHandler } from './update-identity-pool.handler';

const POOL_ID = 'us-east-1:0b5e7a8c-1d2f-4a3b-9c8d-7e6f5a4b3c2d';
const tx = {} as Transaction;

function pool(developerProviderName?: string): IdentityPoolEntity {
  return {
    id: POOL_ID,
    name: 'before',
    config: {
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      supportedLoginProviders: {},
      ...(developerProviderName ? { developerProviderName } : {}),
      openIdConnectProviderArns: [],
      cognitoIdentityProviders: [],
      tags: {},
    },
    roles: {},
    roleMappings: {},
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** The repository as the handlers see it: every query mocked, units of work run in place. */
function repositoryWith(found: IdentityPoolEntity | undefined) {
  const repository = {
    find: jest.fn().mockResolvedValue(found),
    update: jest.fn().mockResolvedValue(undefined),
    delete: jest.fn().mockResolvedValue(undefined),
  };
  const transactions = { run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)) };
  const typed = repository as unknown as IdentityPoolsRepository;
  return {
    repository,
    transactions,
    lookup: new IdentityPoolLookup(typed),
    typed,
    units: transactions as unknown as Transactions,
  };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('UpdateIdentityPool', () => {
  const request = (DeveloperProviderName?: string) => ({
    IdentityPoolId: POOL_ID,
    IdentityPoolName: 'after',
    AllowUnauthenticatedIdentities: true,
    ...(DeveloperProviderName ? { DeveloperProviderName } : {}),
  });

  it('updates the locked pool in one transaction and answers the new description', async () => {
    const { repository, lookup, typed, units } = repositoryWith(pool());
    const answer = await new UpdateIdentityPoolHandler(typed, lookup, units).execute(
      request('login.example'),
    );
    expect(repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    expect(repository.update).toHaveBeenCalledWith(
      POOL_ID,
      expect.objectContaining({
        name: 'after',
        config: expect.objectContaining({ developerProviderName: 'login.example' }),
      }),
      tx,
    );
    expect(answer).toMatchObject({ IdentityPoolName: 'after', DeveloperProviderName: 'login.example' });
  });

  it('refuses to change a developer provider name once set, writing nothing', async () => {
    const { repository, lookup, typed, units } = repositoryWith(pool('login.example'));
    const handler = new UpdateIdentityPoolHandler(typed, lookup, units);
    expect(await errorName(handler.execute(request('other.example')))).toBe('InvalidParameterException');
    expect(await errorName(handler.execute(request()))).toBe('InvalidParameterException');
    expect(repository.update).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for a pool that does not exist', async () => {
    const { repository, lookup, typed, units } = repositoryWith(undefined);
    expect(await errorName(new UpdateIdentityPoolHandler(typed, lookup, units).execute(request()))).toBe(
      'ResourceNotFoundException',
    );
    expect(repository.update).not.toHaveBeenCalled();
  });
});

describe('SetIdentityPoolRoles', () => {
  const role = 'arn:aws:iam::123456789012:role/guest';

  it('stores the roles and mappings of the locked pool', async () => {
    const { repository, lookup, typed, units } = repositoryWith(pool());
    await new SetIdentityPoolRolesHandler(typed, lookup, units).execute({
      IdentityPoolId: POOL_ID,
      Roles: { unauthenticated: role },
    });
    expect(repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    expect(repository.update).toHaveBeenCalledWith(
      POOL_ID,
      { roles: { unauthenticated: role }, roleMappings: {} },
      tx,
    );
  });

  it('refuses a role kind or ARN Cognito does not take before touching the pool', async () => {
    const { repository, transactions, lookup, typed, units } = repositoryWith(pool());
    const handler = new SetIdentityPoolRolesHandler(typed, lookup, units);
    expect(await errorName(handler.execute({ IdentityPoolId: POOL_ID, Roles: { admin: role } }))).toBe(
      'InvalidParameterException',
    );
    expect(
      await errorName(handler.execute({ IdentityPoolId: POOL_ID, Roles: { authenticated: 'not-an-arn' } })),
    ).toBe('InvalidParameterException');
    expect(transactions.run).not.toHaveBeenCalled();
    expect(repository.update).not.toHaveBeenCalled();
  });
});

describe('DeleteIdentityPool', () => {
  const meta = { requestId: 'request-1' } as CommandMeta;
  const outboxMock = () => {
    const outbox = { add: jest.fn().mockResolvedValue('event-id') };
    return { outbox, typed: outbox as unknown as OutboxService };
  };

  it('deletes the locked pool and announces it once, keyed by the pool, in the same unit of work', async () => {
    const { repository, lookup, typed, units, transactions } = repositoryWith(pool());
    const { outbox, typed: outboxTyped } = outboxMock();
    expect(
      await new DeleteIdentityPoolHandler(typed, lookup, units, outboxTyped).execute(
        { IdentityPoolId: POOL_ID },
        meta,
      ),
    ).toEqual({});
    expect(transactions.run).toHaveBeenCalledTimes(1);
    expect(repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    expect(repository.delete).toHaveBeenCalledWith(POOL_ID, tx);
    expect(outbox.add).toHaveBeenCalledTimes(1);
    expect(outbox.add).toHaveBeenCalledWith(tx, {
      topic: FederationBrokerTopics.identityPoolDeleted,
      key: POOL_ID,
      payload: { identityPoolId: POOL_ID, occurredAt: expect.any(String) },
      correlationId: 'request-1',
    });
  });

  it('answers ResourceNotFoundException for a pool that does not exist, deleting and announcing nothing', async () => {
    const { repository, lookup, typed, units } = repositoryWith(undefined);
    const { outbox, typed: outboxTyped } = outboxMock();
    expect(
      await errorName(
        new DeleteIdentityPoolHandler(typed, lookup, units, outboxTyped).execute(
          { IdentityPoolId: POOL_ID },
          meta,
        ),
      ),
    ).toBe('ResourceNotFoundException');
    expect(repository.delete).not.toHaveBeenCalled();
    expect(outbox.add).not.toHaveBeenCalled();
  });
});

describe('Set/GetPrincipalTagAttributeMap', () => {
  const GOOGLE = 'accounts.google.com';

  it("replaces one provider's map under the pool's row lock, keeping the others", async () => {
    const found = { ...pool(), principalTagMaps: { other: { useDefaults: true, principalTags: {} } } };
    const { repository, lookup, typed, units } = repositoryWith(found);
    const answer = await new SetPrincipalTagAttributeMapHandler(typed, lookup, units).execute({
      IdentityPoolId: POOL_ID,
      IdentityProviderName: GOOGLE,
      PrincipalTags: { dept: 'hd' },
    });
    expect(answer).toEqual({
      IdentityPoolId: POOL_ID,
      IdentityProviderName: GOOGLE,
      UseDefaults: false,
      PrincipalTags: { dept: 'hd' },
    });
    expect(repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    expect(repository.update).toHaveBeenCalledWith(
      POOL_ID,
      {
        principalTagMaps: {
          other: { useDefaults: true, principalTags: {} },
          [GOOGLE]: { useDefaults: false, principalTags: { dept: 'hd' } },
        },
      },
      tx,
    );
  });

  it('answers the defaults spelled out, and a provider never mapped without tags', async () => {
    const found = { ...pool(), principalTagMaps: { [GOOGLE]: { useDefaults: true, principalTags: {} } } };
    const { lookup } = repositoryWith(found);
    const get = new GetPrincipalTagAttributeMapHandler(lookup);
    expect(await get.execute({ IdentityPoolId: POOL_ID, IdentityProviderName: GOOGLE })).toEqual({
      IdentityPoolId: POOL_ID,
      IdentityProviderName: GOOGLE,
      UseDefaults: true,
      PrincipalTags: { client: 'aud', username: 'sub' },
    });
    expect(
      await get.execute({ IdentityPoolId: POOL_ID, IdentityProviderName: 'graph.facebook.com' }),
    ).toEqual({
      IdentityPoolId: POOL_ID,
      IdentityProviderName: 'graph.facebook.com',
      UseDefaults: false,
    });
  });

  it('refuses an unknown pool and a bad request, leaving nothing written', async () => {
    const { repository, lookup, typed, units } = repositoryWith(undefined);
    const set = new SetPrincipalTagAttributeMapHandler(typed, lookup, units);
    expect(
      await errorName(
        set.execute({ IdentityPoolId: POOL_ID, IdentityProviderName: GOOGLE, UseDefaults: true }),
      ),
    ).toBe('ResourceNotFoundException');
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'sub']));
    expect(
      await errorName(
        set.execute({ IdentityPoolId: POOL_ID, IdentityProviderName: GOOGLE, PrincipalTags: many }),
      ),
    ).toBe('InvalidParameterException');
    expect(repository.update).not.toHaveBeenCalled();
  });
});
