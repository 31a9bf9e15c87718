import { ServiceError } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { IamArns } from './arns';
import { ManagedPolicyEntity, OidcProviderEntity } from '../database/entities';
import { ManagedPoliciesRepository } from '../policies/managed-policies.repository';
import { ManagedPolicyLookup } from '../policies/managed-policy.lookup';
import { ListPolicyTagsHandler } from '../policies/list-policy-tags.handler';
import { TagPolicyHandler } from '../policies/tag-policy.handler';
import { UntagPolicyHandler } from '../policies/untag-policy.handler';
import { OidcProviderLookup } from '../oidc-providers/oidc-provider.lookup';
import { OidcProvidersRepository } from '../oidc-providers/oidc-providers.repository';
import { ListOpenIDConnectProviderTagsHandler } from '../oidc-providers/list-open-id-connect-provider-tags.handler';
import { TagOpenIDConnectProviderHandler } from '../oidc-providers/tag-open-id-connect-provider.handler';
import { UntagOpenIDConnectProviderHandler } from '../oidc-providers/untag-open-id-connect-provider.handler';

const arns = new IamArns('123456789012');
const tx = { unitOfWork: 'handle' } as unknown as Transaction;
const transactions = {
  run: jest.fn((work: (t: Transaction) => Promise<unknown>) => work(tx)),
} as unknown as Transactions;
const POLICY_ARN = 'arn:aws:iam::123456789012:policy/team-read';
const OIDC_ARN = 'arn:aws:iam::123456789012:oidc-provider/issuer.example.com';

async function errorOf(promise: Promise<unknown>): Promise<{ name?: string; message?: string }> {
  return promise.then(
    () => ({}),
    (err: ServiceError) => ({ name: err.errorName, message: err.message }),
  );
}

function policySetUp(tags: ManagedPolicyEntity['tags']) {
  const policy = { policyId: 'ANPAEXAMPLE1', arn: POLICY_ARN, tags } as ManagedPolicyEntity;
  const repo = {
    findByArn: jest.fn().mockResolvedValue(policy),
    setTags: jest.fn().mockResolvedValue(undefined),
  };
  const repository = repo as unknown as ManagedPoliciesRepository;
  const lookup = new ManagedPolicyLookup(repository, arns);
  return {
    repo,
    tag: new TagPolicyHandler(transactions, repository, lookup),
    untag: new UntagPolicyHandler(transactions, repository, lookup),
    list: new ListPolicyTagsHandler(lookup),
  };
}

function oidcSetUp(tags: OidcProviderEntity['tags']) {
  const provider = { arn: OIDC_ARN, tags } as OidcProviderEntity;
  const repo = {
    findByArn: jest.fn().mockResolvedValue(provider),
    setTags: jest.fn().mockResolvedValue(undefined),
  };
  const repository = repo as unknown as OidcProvidersRepository;
  const lookup = new OidcProviderLookup(repository, arns);
  return {
    repo,
    tag: new TagOpenIDConnectProviderHandler(transactions, repository, lookup),
    untag: new UntagOpenIDConnectProviderHandler(transactions, repository, lookup),
    list: new ListOpenIDConnectProviderTagsHandler(lookup),
  };
}

describe('TagPolicy, UntagPolicy, ListPolicyTags', () => {
  it('adds tags under the row lock, a key in another case replacing the old one', async () => {
    const s = policySetUp([
      { Key: 'Team', Value: 'dev' },
      { Key: 'cost', Value: '1' },
    ]);
    await s.tag.execute({ PolicyArn: POLICY_ARN, Tags: [{ Key: 'team', Value: 'ops' }] });
    expect(s.repo.findByArn).toHaveBeenCalledWith(POLICY_ARN, tx, true);
    expect(s.repo.setTags).toHaveBeenCalledWith(
      'ANPAEXAMPLE1',
      [
        { Key: 'cost', Value: '1' },
        { Key: 'team', Value: 'ops' },
      ],
      tx,
    );
  });

  it('refuses a 51st tag, an aws: key (any case) and a malformed key, writing nothing', async () => {
    const s = policySetUp(Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' })));
    expect(
      await errorOf(s.tag.execute({ PolicyArn: POLICY_ARN, Tags: [{ Key: 'new', Value: 'v' }] })),
    ).toEqual({
      name: 'LimitExceeded',
      message: 'Cannot exceed quota for TagsPerPolicy: 50',
    });
    expect(
      (await errorOf(s.tag.execute({ PolicyArn: POLICY_ARN, Tags: [{ Key: 'AWS:team', Value: 'v' }] }))).name,
    ).toBe('InvalidInput');
    expect(
      (await errorOf(s.tag.execute({ PolicyArn: POLICY_ARN, Tags: [{ Key: 'bad key!', Value: 'v' }] }))).name,
    ).toBe('ValidationError');
    expect(
      (await errorOf(s.tag.execute({ PolicyArn: POLICY_ARN, Tags: [{ Key: 'k', Value: 'x'.repeat(257) }] })))
        .name,
    ).toBe('ValidationError');
    expect(s.repo.setTags).not.toHaveBeenCalled();
  });

  it('removes keys in any case, writing nothing when none was there', async () => {
    const s = policySetUp([
      { Key: 'Team', Value: 'dev' },
      { Key: 'cost', Value: '1' },
    ]);
    await s.untag.execute({ PolicyArn: POLICY_ARN, TagKeys: ['nothing'] });
    expect(s.repo.setTags).not.toHaveBeenCalled();
    await s.untag.execute({ PolicyArn: POLICY_ARN, TagKeys: ['TEAM'] });
    expect(s.repo.setTags).toHaveBeenCalledWith('ANPAEXAMPLE1', [{ Key: 'cost', Value: '1' }], tx);
  });

  it('lists in order, paged; NoSuchEntity for an unknown policy', async () => {
    const s = policySetUp([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
      { Key: 'c', Value: '3' },
    ]);
    const first = await s.list.execute({ PolicyArn: POLICY_ARN, MaxItems: 2 });
    expect(first.Tags.map((t) => t.Key)).toEqual(['a', 'b']);
    expect(first.IsTruncated).toBe(true);
    expect(await s.list.execute({ PolicyArn: POLICY_ARN, Marker: first.Marker })).toEqual({
      Tags: [{ Key: 'c', Value: '3' }],
      IsTruncated: false,
    });
    s.repo.findByArn.mockResolvedValue(undefined);
    expect((await errorOf(s.list.execute({ PolicyArn: POLICY_ARN }))).name).toBe('NoSuchEntity');
  });
});

describe('TagOpenIDConnectProvider, UntagOpenIDConnectProvider, ListOpenIDConnectProviderTags', () => {
  it('tags, untags and lists a provider under its row lock', async () => {
    const s = oidcSetUp([{ Key: 'env', Value: 'dev' }]);
    await s.tag.execute({ OpenIDConnectProviderArn: OIDC_ARN, Tags: [{ Key: 'ENV', Value: 'prod' }] });
    expect(s.repo.findByArn).toHaveBeenCalledWith(OIDC_ARN, tx, true);
    expect(s.repo.setTags).toHaveBeenCalledWith(OIDC_ARN, [{ Key: 'ENV', Value: 'prod' }], tx);
    await s.untag.execute({ OpenIDConnectProviderArn: OIDC_ARN, TagKeys: ['Env'] });
    expect(s.repo.setTags).toHaveBeenLastCalledWith(OIDC_ARN, [], tx);
    expect(await s.list.execute({ OpenIDConnectProviderArn: OIDC_ARN })).toEqual({
      Tags: [{ Key: 'env', Value: 'dev' }],
      IsTruncated: false,
    });
  });

  it('refuses 51 tags, aws: keys and an unknown provider', async () => {
    const s = oidcSetUp(Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' })));
    expect(
      await errorOf(s.tag.execute({ OpenIDConnectProviderArn: OIDC_ARN, Tags: [{ Key: 'x', Value: '' }] })),
    ).toEqual({ name: 'LimitExceeded', message: 'Cannot exceed quota for TagsPerOpenIdConnectProvider: 50' });
    expect(
      (
        await errorOf(
          s.tag.execute({ OpenIDConnectProviderArn: OIDC_ARN, Tags: [{ Key: 'aws:x', Value: '' }] }),
        )
      ).name,
    ).toBe('InvalidInput');
    s.repo.findByArn.mockResolvedValue(undefined);
    expect((await errorOf(s.list.execute({ OpenIDConnectProviderArn: OIDC_ARN }))).name).toBe('NoSuchEntity');
    expect(s.repo.setTags).not.toHaveBeenCalled();
  });
});
