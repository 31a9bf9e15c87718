import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { UserPoolEntity } from '../../database/entities';
import { SigningKeysService } from '../../tokens/signing-keys.service';
import { UserDirectoryConfig } from '../../user-directory.tokens';
import { poolConfigFromRequest } from '../pool-config';
import { PoolsService } from '../pools.service';
import { UserPoolsRepository } from '../user-pools.repository';
import { ListTagsForResourceUseCase } from './list-tags-for-resource.use-case';
import { TagResourceUseCase } from './tag-resource.use-case';
import { UntagResourceUseCase } from './untag-resource.use-case';
import { providerEndpointsUnder } from '../../providers/provider-endpoints';

const POOL_ID = 'us-east-1_AbCdEf123';
const config: UserDirectoryConfig = {
  publicUrl: 'http://127.0.0.1:1',
  region: 'us-east-1',
  accountId: '123456789012',
  providerEndpoints: providerEndpointsUnder('http://127.0.0.1:1'),
  authDomainSuffix: 'auth.localhost',
};
const ARN = `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL_ID}`;
const tx = { unitOfWork: 'handle' } as unknown as Transaction;

function pool(tags: Record<string, string>): UserPoolEntity {
  return {
    id: POOL_ID,
    name: 'pool',
    config: poolConfigFromRequest({ PoolName: 'pool', UserPoolTags: tags }, ARN),
    createdAt: new Date(1000),
    updatedAt: new Date(2000),
  };
}

/** The use cases over a mocked repository; units of work run in place. */
function fixture(found: UserPoolEntity | undefined) {
  const repository = {
    find: jest.fn().mockResolvedValue(found),
    updateConfig: jest.fn().mockResolvedValue(undefined),
  };
  const repo = repository as unknown as UserPoolsRepository;
  const pools = new PoolsService(repo, {} as SigningKeysService);
  const transactions = {
    run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
  } as unknown as Transactions;
  return {
    repository,
    tag: new TagResourceUseCase(config, pools, repo, transactions),
    untag: new UntagResourceUseCase(config, pools, repo, transactions),
    list: new ListTagsForResourceUseCase(config, pools),
  };
}

async function errorName(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (err: ServiceError) => err.errorName,
  );
}

describe('user pool tags', () => {
  it('adds and overwrites tags of the pool locked in the unit of work', async () => {
    const f = fixture(pool({ team: 'a' }));
    await f.tag.execute({ ResourceArn: ARN, Tags: { team: 'b', env: 'dev' } });
    expect(f.repository.find).toHaveBeenCalledWith(POOL_ID, tx, true);
    expect(f.repository.updateConfig).toHaveBeenCalledWith(
      POOL_ID,
      expect.objectContaining({ tags: { team: 'b', env: 'dev' } }),
      expect.any(Date),
      tx,
    );
  });

  it('removes the keys named, ignoring absent ones, and lists what is left', async () => {
    const f = fixture(pool({ team: 'a', env: 'dev' }));
    await f.untag.execute({ ResourceArn: ARN, TagKeys: ['env', 'absent'] });
    expect(f.repository.updateConfig).toHaveBeenCalledWith(
      POOL_ID,
      expect.objectContaining({ tags: { team: 'a' } }),
      expect.any(Date),
      tx,
    );
    expect(await fixture(pool({ team: 'a' })).list.execute({ ResourceArn: ARN })).toEqual({
      Tags: { team: 'a' },
    });
  });

  it('refuses a 51st tag and aws: keys with InvalidParameterException, writing nothing', async () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const f = fixture(pool(fifty));
    expect(await errorName(f.tag.execute({ ResourceArn: ARN, Tags: { more: 'v' } }))).toBe(
      'InvalidParameterException',
    );
    expect(await errorName(f.tag.execute({ ResourceArn: ARN, Tags: { 'aws:x': 'v' } }))).toBe(
      'InvalidParameterException',
    );
    expect(f.repository.updateConfig).not.toHaveBeenCalled();
  });

  it('answers ResourceNotFoundException for other regions, accounts and missing pools, InvalidParameterException for other ARNs', async () => {
    const f = fixture(pool({}));
    for (const ResourceArn of [
      `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL_ID}`,
      `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${POOL_ID}`,
    ]) {
      expect(await errorName(f.list.execute({ ResourceArn }))).toBe('ResourceNotFoundException');
    }
    expect(f.repository.find).not.toHaveBeenCalled();
    expect(await errorName(fixture(undefined).list.execute({ ResourceArn: ARN }))).toBe(
      'ResourceNotFoundException',
    );
    for (const ResourceArn of [
      'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:abc',
      `arn:aws:cognito-idp:us-east-1:123456789012:pool/${POOL_ID}`,
    ]) {
      expect(await errorName(f.untag.execute({ ResourceArn, TagKeys: ['a'] }))).toBe(
        'InvalidParameterException',
      );
    }
  });

  it("names a pool only in the request's region, which the ARN and the pool id must both name (ADR 0032)", async () => {
    const euPool = 'eu-west-1_AbCdEf123';
    const euArn = `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${euPool}`;
    const inEu = {
      requestId: 'r',
      caller: { kind: 'admin' as const, accessKeyId: 'AKIA' },
      region: 'eu-west-1',
    };
    // Signed for eu-west-1: an ARN of us-east-1 (even of a pool that exists) names nothing there.
    expect(await errorName(fixture(pool({})).list.execute({ ResourceArn: ARN }, inEu))).toBe(
      'ResourceNotFoundException',
    );
    // An ARN whose region and pool id disagree names no pool anywhere.
    const mixed = `arn:aws:cognito-idp:eu-west-1:123456789012:userpool/${POOL_ID}`;
    expect(await errorName(fixture(pool({})).list.execute({ ResourceArn: mixed }, inEu))).toBe(
      'ResourceNotFoundException',
    );
    const f = fixture(pool({ team: 'eu' }));
    await f.list.execute({ ResourceArn: euArn }, inEu);
    expect(f.repository.find).toHaveBeenCalledWith(euPool, undefined, false);
  });
});
