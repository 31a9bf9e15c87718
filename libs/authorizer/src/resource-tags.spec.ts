import { BusClient, CommandFailedError } from '@idfed/messaging';
import { RESOURCE_TAGS_TTL_MS, ResourceTags } from './resource-tags';

const ACCOUNT = '123456789012';
const POOL = `arn:aws:cognito-idp:eu-west-1:${ACCOUNT}:userpool/eu-west-1_abcDEF123`;
const IDENTITY_POOL = `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/us-east-1:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b`;

function setUp() {
  const request = jest.fn();
  const bus = { request } as unknown as BusClient;
  return { request, tags: new ResourceTags(bus, { accountId: ACCOUNT, adminAccessKeyId: 'AKIDADMIN' }) };
}

describe('ResourceTags', () => {
  let now = 1_000_000;
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it("reads a user pool's tags as the admin key, in the pool's region, as aws:ResourceTag only", async () => {
    const s = setUp();
    s.request.mockResolvedValue({ Tags: { team: 'blue' } });
    expect(await s.tags.context('cognito-idp:DescribeUserPool', POOL)).toEqual({
      'aws:ResourceTag/team': 'blue',
    });
    const [operation, payload, meta] = s.request.mock.calls[0];
    expect(operation.name).toBe('ListTagsForResource');
    expect(payload).toEqual({ ResourceArn: POOL });
    expect(meta).toMatchObject({ caller: { kind: 'admin', accessKeyId: 'AKIDADMIN' }, region: 'eu-west-1' });
  });

  it('reads identity pools, policies and providers by their own operations', async () => {
    const s = setUp();
    s.request.mockImplementation((op: { name: string }) =>
      Promise.resolve(
        op.name === 'ListTagsForResource'
          ? { Tags: { a: '1' } }
          : { Tags: [{ Key: 'a', Value: '1' }], IsTruncated: false },
      ),
    );
    const arns = [
      IDENTITY_POOL,
      `arn:aws:iam::${ACCOUNT}:policy/team/read`,
      `arn:aws:iam::${ACCOUNT}:oidc-provider/issuer.example.com`,
      `arn:aws:iam::${ACCOUNT}:saml-provider/corp`,
    ];
    for (const arn of arns) expect(await s.tags.context('x:Act', arn)).toEqual({ 'aws:ResourceTag/a': '1' });
    expect(s.request.mock.calls.map(([op]: [{ name: string }]) => op.name)).toEqual([
      'ListTagsForResource',
      'ListPolicyTags',
      'ListOpenIDConnectProviderTags',
      'ListSAMLProviderTags',
    ]);
  });

  it('gives users and roles iam:ResourceTag too, by their name whatever the path', async () => {
    const s = setUp();
    s.request.mockResolvedValueOnce({ Role: { Tags: [{ Key: 'team', Value: 'red' }] } });
    expect(await s.tags.context('iam:TagRole', `arn:aws:iam::${ACCOUNT}:role/ops/deployer`)).toEqual({
      'aws:ResourceTag/team': 'red',
      'iam:ResourceTag/team': 'red',
    });
    expect(s.request.mock.calls[0][1]).toEqual({ RoleName: 'deployer' });
  });

  it('names an IAM user or role by its stored ARN, path included, and leaves other resources as given', async () => {
    const s = setUp();
    s.request.mockResolvedValueOnce({ User: { Arn: `arn:aws:iam::${ACCOUNT}:user/division/ann`, Tags: [] } });
    expect(await s.tags.resolve('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/ann`)).toEqual({
      resource: `arn:aws:iam::${ACCOUNT}:user/division/ann`,
      context: {},
    });
    // Remembered with the tags: the next decision needs no lookup.
    expect((await s.tags.resolve('iam:TagUser', `arn:aws:iam::${ACCOUNT}:user/ann`)).resource).toBe(
      `arn:aws:iam::${ACCOUNT}:user/division/ann`,
    );
    expect(s.request).toHaveBeenCalledTimes(1);
    s.request.mockRejectedValueOnce(new CommandFailedError({ name: 'NoSuchEntity', message: 'x' }));
    expect(await s.tags.resolve('iam:GetUser', `arn:aws:iam::${ACCOUNT}:user/gone`)).toEqual({
      resource: `arn:aws:iam::${ACCOUNT}:user/gone`,
      context: {},
    });
    expect(await s.tags.resolve('iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/x/new`)).toEqual({
      resource: `arn:aws:iam::${ACCOUNT}:user/x/new`,
      context: {},
    });
  });

  it('looks nothing up for *, another account, or a Create of the resource', async () => {
    const s = setUp();
    expect(await s.tags.context('cognito-idp:ListUserPools', '*')).toEqual({});
    expect(await s.tags.context('iam:GetRole', 'arn:aws:iam::999999999999:role/x')).toEqual({});
    expect(await s.tags.context('iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/x`)).toEqual({});
    expect(s.request).not.toHaveBeenCalled();
  });

  it('remembers tags for the TTL only; forget drops them at once', async () => {
    const s = setUp();
    s.request
      .mockResolvedValueOnce({ Tags: { team: 'blue' } })
      .mockResolvedValueOnce({ Tags: { team: 'red' } });
    await s.tags.context('cognito-idp:ListUsers', POOL);
    now += RESOURCE_TAGS_TTL_MS - 1;
    expect(await s.tags.context('cognito-idp:ListUsers', POOL)).toEqual({ 'aws:ResourceTag/team': 'blue' });
    expect(s.request).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await s.tags.context('cognito-idp:ListUsers', POOL)).toEqual({ 'aws:ResourceTag/team': 'red' });
    s.request.mockResolvedValueOnce({ Tags: {} });
    s.tags.forget(POOL);
    expect(await s.tags.context('cognito-idp:ListUsers', POOL)).toEqual({});
    expect(s.request).toHaveBeenCalledTimes(3);
  });

  it('has no tags for a resource that is not there, and does not remember that', async () => {
    const s = setUp();
    s.request.mockRejectedValueOnce(
      new CommandFailedError({ name: 'ResourceNotFoundException', message: 'x' }),
    );
    expect(await s.tags.context('cognito-idp:ListUsers', POOL)).toEqual({});
    s.request.mockResolvedValueOnce({ Tags: { team: 'blue' } });
    expect(await s.tags.context('cognito-idp:ListUsers', POOL)).toEqual({ 'aws:ResourceTag/team': 'blue' });
    s.request.mockRejectedValueOnce(new Error('bus down'));
    s.tags.forget(POOL);
    await expect(s.tags.context('cognito-idp:ListUsers', POOL)).rejects.toThrow('bus down');
  });

  it("puts an idfed resource's tags in place of an asker's, and leaves other resources' to the asker", async () => {
    const s = setUp();
    s.request.mockResolvedValue({ Tags: { team: 'red' } });
    const asked = {
      'aws:ResourceTag/team': 'blue',
      'AWS:resourcetag/owner': 'me',
      'iam:ResourceTag/team': 'blue',
      'aws:SourceIp': '203.0.113.9',
    };
    expect(await s.tags.askedContext('cognito-idp:ListUsers', POOL, asked)).toEqual({
      'aws:SourceIp': '203.0.113.9',
      'aws:ResourceTag/team': 'red',
    });
    const docs = 'arn:aws:docs:::doc/a';
    expect(await s.tags.askedContext('docs:GetDocument', docs, asked)).toEqual(asked);
    const elsewhere = POOL.replace(ACCOUNT, '999999999999');
    expect(await s.tags.askedContext('cognito-idp:ListUsers', elsewhere, asked)).toEqual(asked);
    expect(s.request).toHaveBeenCalledTimes(1);
  });

  it('reads as the given key when the gateway has no admin key, and refuses to guess without one', async () => {
    const request = jest.fn().mockResolvedValue({ Tags: { team: 'blue' } });
    const tags = new ResourceTags({ request } as unknown as BusClient, { accountId: ACCOUNT });
    expect(await tags.context('cognito-idp:ListUsers', POOL, 'ASIAREADER')).toEqual({
      'aws:ResourceTag/team': 'blue',
    });
    expect(request.mock.calls[0][2]).toMatchObject({ caller: { kind: 'admin', accessKeyId: 'ASIAREADER' } });
    tags.forget(POOL);
    await expect(tags.context('cognito-idp:ListUsers', POOL)).rejects.toThrow(/admin key/);
  });

  it("gives the entity's current boundary as iam:PermissionsBoundary on the actions AWS lists it for", async () => {
    const s = setUp();
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/dev-boundary`;
    s.request.mockImplementation((op: { name: string }) =>
      Promise.resolve(
        op.name === 'GetUser'
          ? {
              User: {
                Arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
                Tags: [],
                PermissionsBoundary: {
                  PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
                  PermissionsBoundaryArn: boundary,
                },
              },
            }
          : { Role: { Arn: `arn:aws:iam::${ACCOUNT}:role/app`, Tags: [] } },
      ),
    );
    const user = `arn:aws:iam::${ACCOUNT}:user/dev`;
    for (const action of [
      'iam:AttachUserPolicy',
      'iam:PutUserPolicy',
      'iam:DeleteUserPolicy',
      'iam:DetachUserPolicy',
      'iam:DeleteUserPermissionsBoundary',
    ]) {
      expect(await s.tags.context(action, user)).toEqual({ 'iam:PermissionsBoundary': boundary });
    }
    // Not a key of GetUser, and PutUserPermissionsBoundary names the new one in its request.
    expect(await s.tags.context('iam:GetUser', user)).toEqual({});
    expect(await s.tags.context('iam:PutUserPermissionsBoundary', user)).toEqual({});
    // A role without a boundary has none to match.
    expect(await s.tags.context('iam:AttachRolePolicy', `arn:aws:iam::${ACCOUNT}:role/app`)).toEqual({});
  });
});
