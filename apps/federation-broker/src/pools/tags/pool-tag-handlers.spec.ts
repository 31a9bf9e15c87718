import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { FederationBrokerConfig } from '../../config/federation-broker.config';
import { IdentityPoolEntity } from '../../database/entities';
import { IdentityPoolLookup } from '../identity-pool.lookup';
import { IdentityPoolsRepository } from '../identity-pools.repository';
import { identityPoolArn } from './identity-pool-arn';
import { ListTagsForResourceHandler } from './list-tags-for-resource.handler';
import { TagResourceHandler } from './tag-resource.handler';
import { UntagResourceHandler } from './untag-resource.handler';

const testBrokerConfig: FederationBrokerConfig = {
  region: 'us-east-1',
  accountId: '000000000000',
  publicUrl: 'http://127.0.0.1:1',
  issuer: 'http://127.0.0.1:1/identity',
  social: { facebookGraphUrl: 'http://127.0.0.1:1', amazonApiUrl: 'http://127.0.0.1:1' },
};
const POOL_ID = 'us-east-1:0b5e7a8c-1d2f-4a3b-9c8d-7e6f5a4b3c2d';
const ARN = identityPoolArn(testBrokerConfig, POOL_ID);
const tx = {} as Transaction;

function pool(tags: Record<string, string>): IdentityPoolEntity {
  return {
    id: POOL_ID,
    name: 'tagged',
    config: {
      allowUnauthenticatedIdentities: true,
      allowClassicFlow: false,
      supportedLoginProviders: {},
      openIdConnectProviderArns: [],
      cognitoIdentityProviders: [],
      tags,
    },
    roles: {},
    roleMappings: {},
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

/** The handlers over a mocked repository; units of work run in place. */
function handlersWith(found: IdentityPoolEntity | undefined) {
  const repository = {
    find: jest.fn().mockResolvedValue(found),
    update: jest.fn().mockResolvedValue(undefined),
  };
  const typed = repository as unknown as IdentityPoolsRepository;
  const lookup = new IdentityPoolLookup(typed);
  const transactions = {
    run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
  } as unknown as Transactions;
  return {
    repository,
    tag: new TagResourceHandler(testBrokerConfig, lookup, typed, transactions),
    untag: new UntagResourceHandler(testBrokerConfig, lookup, typed, transactions),
    list: new ListTagsForResourceHandler(testBrokerConfig, lookup),
  };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('identity pool tags', () => {
  it('adds and overwrites tags under the row lock, keeping the rest of the configuration', async () => {
    const h = handlersWith(pool({ team: 'a', env: 'dev' }));
    await h.tag.execute({ ResourceArn: ARN, Tags: { env: 'prod', owner: 'ops' } });
    expect(h.repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    const [, changes] = h.repository.update.mock.calls[0] as [
      string,
      { config: IdentityPoolEntity['config'] },
    ];
    expect(changes.config.tags).toEqual({ team: 'a', env: 'prod', owner: 'ops' });
    expect(changes.config.allowUnauthenticatedIdentities).toBe(true);
  });

  it('removes the keys named and ignores keys the pool does not have', async () => {
    const h = handlersWith(pool({ team: 'a', env: 'dev' }));
    await h.untag.execute({ ResourceArn: ARN, TagKeys: ['env', 'absent'] });
    const [, changes] = h.repository.update.mock.calls[0] as [
      string,
      { config: IdentityPoolEntity['config'] },
    ];
    expect(changes.config.tags).toEqual({ team: 'a' });
  });

  it('lists the tags, {} for none', async () => {
    expect(await handlersWith(pool({ a: '1' })).list.execute({ ResourceArn: ARN })).toEqual({
      Tags: { a: '1' },
    });
    expect(await handlersWith(pool({})).list.execute({ ResourceArn: ARN })).toEqual({ Tags: {} });
  });

  it('refuses more than 50 tags in all and changes nothing', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const h = handlersWith(pool(fifty));
    expect(await errorName(h.tag.execute({ ResourceArn: ARN, Tags: { k0: 'overwrite' } }))).toBeUndefined();
    expect(await errorName(h.tag.execute({ ResourceArn: ARN, Tags: { extra: 'v' } }))).toBe(
      'InvalidParameterException',
    );
    expect(h.repository.update).toHaveBeenCalledTimes(1);
  });

  it("refuses AWS's reserved aws: keys", async () => {
    const h = handlersWith(pool({}));
    expect(await errorName(h.tag.execute({ ResourceArn: ARN, Tags: { 'AWS:cost': 'x' } }))).toBe(
      'InvalidParameterException',
    );
    expect(h.repository.update).not.toHaveBeenCalled();
  });

  it('tells a malformed ARN from one naming a pool this deployment does not have', async () => {
    const h = handlersWith(pool({}));
    const other = [
      `arn:aws:cognito-identity:eu-west-1:000000000000:identitypool/${POOL_ID}`,
      `arn:aws:cognito-identity:us-east-1:111111111111:identitypool/${POOL_ID}`,
    ];
    for (const ResourceArn of other) {
      expect(await errorName(h.list.execute({ ResourceArn }))).toBe('ResourceNotFoundException');
    }
    const malformed = [
      `arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_abc`,
      `arn:aws:cognito-identity:us-east-1:000000000000:pool/${POOL_ID}`,
      'not-an-arn-at-all-but-long',
    ];
    for (const ResourceArn of malformed) {
      expect(await errorName(h.tag.execute({ ResourceArn, Tags: { a: 'b' } }))).toBe(
        'InvalidParameterException',
      );
    }
    expect(await errorName(handlersWith(undefined).list.execute({ ResourceArn: ARN }))).toBe(
      'ResourceNotFoundException',
    );
    expect(h.repository.find).not.toHaveBeenCalled();
  });
});
