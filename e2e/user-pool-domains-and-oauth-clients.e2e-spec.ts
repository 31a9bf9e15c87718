import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

/**
 * User pool domains and the OAuth settings of app clients, through the unchanged AWS SDK: the
 * shapes Cognito answers, a domain unique among pools and one per pool, and the OAuth members'
 * checks refused with Cognito's error names, leaving nothing behind.
 */
describe('user pool domains and OAuth app clients', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  const prefix = () => `app-${randomBytes(4).toString('hex')}`;

  async function newPool(name = 'oauth'): Promise<string> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: name }));
    return UserPool!.Id!;
  }

  beforeAll(() => {
    admin = cognitoAdmin(system);
  });
  afterAll(() => admin.destroy());

  it('creates, describes, updates and deletes a prefix domain; DescribeUserPool names it', async () => {
    const poolId = await newPool();
    const domain = prefix();
    const created = await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    expect(created.ManagedLoginVersion).toBe(1);

    const { DomainDescription: d } = await admin.send(new DescribeUserPoolDomainCommand({ Domain: domain }));
    expect(d).toMatchObject({
      UserPoolId: poolId,
      Domain: domain,
      AWSAccountId: '000000000000',
      Status: 'ACTIVE',
      CloudFrontDistribution: `${domain}.auth.localhost`,
      ManagedLoginVersion: 1,
    });
    expect((await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Domain).toBe(
      domain,
    );

    const updated = await admin.send(
      new UpdateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain, ManagedLoginVersion: 2 }),
    );
    expect(updated.ManagedLoginVersion).toBe(2);

    await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    expect(
      (await admin.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription,
    ).toEqual({});
    expect(
      (await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Domain,
    ).toBeUndefined();
  });

  it('keeps a domain to one pool and a pool to one domain, as Cognito', async () => {
    const first = await newPool();
    const second = await newPool();
    const domain = prefix();
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: domain }));
    await expectAwsError(
      admin.send(new CreateUserPoolDomainCommand({ UserPoolId: second, Domain: domain })),
      'InvalidParameterException',
      'Domain already associated with another user pool.',
    );
    await expectAwsError(
      admin.send(new CreateUserPoolDomainCommand({ UserPoolId: first, Domain: prefix() })),
      'InvalidParameterException',
      'User pool already has a domain configured.',
    );
    // Another pool cannot delete or update it either.
    await expectAwsError(
      admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: second, Domain: domain })),
      'InvalidParameterException',
      'No such domain or user pool exists.',
    );
    await expectAwsError(
      admin.send(
        new UpdateUserPoolDomainCommand({ UserPoolId: second, Domain: domain, ManagedLoginVersion: 2 }),
      ),
      'InvalidParameterException',
    );
    expect(
      (await admin.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription!.UserPoolId,
    ).toBe(first);
    // A deleted pool frees its domain.
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: first }));
    expect(
      (await admin.send(new DescribeUserPoolDomainCommand({ Domain: domain }))).DomainDescription,
    ).toEqual({});
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: second, Domain: domain }));
  });

  it('refuses bad domains: reserved words, bad names, unknown pools, custom domains', async () => {
    const poolId = await newPool();
    await expectAwsError(
      admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `my-cognito-${prefix()}` })),
      'InvalidParameterException',
      'Domain cannot contain reserved word: cognito',
    );
    await expectAwsError(
      admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'Not_A-Prefix' })),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(new CreateUserPoolDomainCommand({ UserPoolId: 'us-east-1_Missing0', Domain: prefix() })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new CreateUserPoolDomainCommand({
          UserPoolId: poolId,
          Domain: prefix(),
          CustomDomainConfig: { CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/abc' },
        }),
      ),
      'InvalidParameterException',
    );
    expect(
      (await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.Domain,
    ).toBeUndefined();
  });

  it('stores, answers and updates an app client OAuth settings', async () => {
    const poolId = await newPool();
    const { UserPoolClient: c } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code', 'implicit'],
        AllowedOAuthScopes: ['openid', 'email', 'profile'],
        CallbackURLs: ['https://app.example.com/cb', 'http://localhost:3000/cb'],
        LogoutURLs: ['https://app.example.com/bye'],
        DefaultRedirectURI: 'https://app.example.com/cb',
        SupportedIdentityProviders: ['COGNITO'],
      }),
    );
    const expected = {
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: ['https://app.example.com/cb', 'http://localhost:3000/cb'],
      LogoutURLs: ['https://app.example.com/bye'],
      DefaultRedirectURI: 'https://app.example.com/cb',
      SupportedIdentityProviders: ['COGNITO'],
    };
    expect(c).toMatchObject(expected);
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c!.ClientId }),
    );
    expect(described.UserPoolClient).toMatchObject(expected);

    const { UserPoolClient: u } = await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: c!.ClientId,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: ['https://other.example.com/cb'],
      }),
    );
    expect(u).toMatchObject({
      ClientName: 'web',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://other.example.com/cb'],
    });
    // Left out: back to the default (none), as Cognito.
    expect(u!.LogoutURLs).toBeUndefined();
    expect(u!.DefaultRedirectURI).toBeUndefined();
    await expectAwsError(
      admin.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: 'nosuchclient1234' })),
      'ResourceNotFoundException',
    );
  });

  it('refuses OAuth settings Cognito refuses, and creates no client', async () => {
    const poolId = await newPool();
    const base = {
      UserPoolId: poolId,
      ClientName: 'bad',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code' as const],
      AllowedOAuthScopes: ['openid'],
      CallbackURLs: ['https://app.example.com/cb'],
    };
    const refusals: [Record<string, unknown>, string][] = [
      [{ CallbackURLs: ['http://app.example.com/cb'] }, 'InvalidParameterException'],
      [{ CallbackURLs: ['https://app.example.com/cb#frag'] }, 'InvalidParameterException'],
      [{ LogoutURLs: ['not a url'] }, 'InvalidParameterException'],
      [{ DefaultRedirectURI: 'https://elsewhere.example.com/cb' }, 'InvalidParameterException'],
      [{ AllowedOAuthScopes: ['openid', 'no.such/scope'] }, 'ScopeDoesNotExistException'],
      [{ AllowedOAuthFlows: [] }, 'InvalidOAuthFlowException'],
      [{ AllowedOAuthFlows: ['code', 'client_credentials'] }, 'InvalidOAuthFlowException'],
      [{ AllowedOAuthFlows: ['client_credentials'], CallbackURLs: undefined }, 'InvalidOAuthFlowException'],
      [{ CallbackURLs: undefined }, 'InvalidParameterException'],
      [{ SupportedIdentityProviders: ['NoSuchProvider'] }, 'InvalidParameterException'],
    ];
    for (const [change, name] of refusals) {
      await expectAwsError(admin.send(new CreateUserPoolClientCommand({ ...base, ...change })), name);
    }
    const { UserPoolClient } = await admin.send(new CreateUserPoolClientCommand(base));
    for (const [change, name] of refusals) {
      await expectAwsError(
        admin.send(
          new UpdateUserPoolClientCommand({
            ...base,
            ClientName: undefined,
            ClientId: UserPoolClient!.ClientId,
            ...change,
          }),
        ),
        name,
      );
    }
    const after = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: UserPoolClient!.ClientId }),
    );
    expect(after.UserPoolClient).toMatchObject({
      CallbackURLs: ['https://app.example.com/cb'],
      AllowedOAuthFlows: ['code'],
    });
  });
});
