import { randomBytes } from 'node:crypto';
import { AwsError } from '@idfed/aws-protocol';
import { AccessKeyPrincipalResult } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { newSecretAccessKey, newUserAccessKeyId, UserAccessKeySealer } from '@idfed/session-credentials';
import { IamUserKeys } from './iam-user-keys';
import { operationTarget } from './operation-resources';

const ACCOUNT = '123456789012';
const master = randomBytes(32);
const sealer = new UserAccessKeySealer(master);
const doc = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

function setUp(answer: Partial<AccessKeyPrincipalResult> | Error, keyId = newUserAccessKeyId()) {
  const secret = newSecretAccessKey();
  const request = jest.fn();
  if (answer instanceof Error) request.mockRejectedValue(answer);
  else
    request.mockResolvedValue({
      SecretEnc: sealer.seal(keyId, secret).toString('base64'),
      Status: 'Active',
      UserName: 'alice',
      UserId: 'AIDAEXAMPLEEXAMPLE01',
      UserArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      Policies: [],
      ...answer,
    });
  const keys = new IamUserKeys({ request } as unknown as BusClient, sealer);
  return { keys, keyId, secret, request };
}

async function denial(run: () => void): Promise<{ name: string; message: string } | undefined> {
  try {
    run();
    return undefined;
  } catch (err) {
    return { name: (err as AwsError).errorName, message: (err as AwsError).message };
  }
}

describe('IamUserKeys', () => {
  it('opens the secret of an active key and reads the policies', async () => {
    const s = setUp({
      Policies: [{ Label: 'inline/p', Document: doc([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]) }],
    });
    const user = await s.keys.resolve(s.keyId, ACCOUNT);
    expect(user).toMatchObject({
      secret: s.secret,
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      accountId: ACCOUNT,
    });
    expect(user!.policies).toHaveLength(1);
  });

  it('treats an inactive key, an unknown key, a non-AKIA id and a secret sealed elsewhere as unknown', async () => {
    expect(await setUp({ Status: 'Inactive' }).keys.resolve(newUserAccessKeyId(), ACCOUNT)).toBeUndefined();
    const inactive = setUp({ Status: 'Inactive' });
    expect(await inactive.keys.resolve(inactive.keyId, ACCOUNT)).toBeUndefined();
    const missing = setUp(new CommandFailedError({ name: 'NoSuchEntity', message: 'No such access key.' }));
    expect(await missing.keys.resolve(missing.keyId, ACCOUNT)).toBeUndefined();
    const temporary = setUp({});
    expect(await temporary.keys.resolve('ASIAEXAMPLEEXAMPLE01', ACCOUNT)).toBeUndefined();
    expect(temporary.request).not.toHaveBeenCalled();
    const elsewhere = setUp({
      SecretEnc: new UserAccessKeySealer(randomBytes(32)).seal('AKIAX', 's').toString('base64'),
    });
    expect(await elsewhere.keys.resolve(elsewhere.keyId, ACCOUNT)).toBeUndefined();
  });

  it('lets a failing bus fail the request rather than answer unknown', async () => {
    const s = setUp(new Error('bus down'));
    await expect(s.keys.resolve(s.keyId, ACCOUNT)).rejects.toThrow('bus down');
  });

  it("refuses in AWS's words: no allow, a boundary, an explicit deny", async () => {
    const s = setUp({
      Policies: [
        {
          Label: 'inline/p',
          Document: doc([
            { Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' },
            { Effect: 'Deny', Action: 'cognito-idp:DeleteUserPool', Resource: '*' },
          ]),
        },
      ],
      PermissionsBoundary: {
        Label: `arn:aws:iam::${ACCOUNT}:policy/b`,
        Document: doc([
          { Effect: 'Allow', Action: ['cognito-idp:List*', 'cognito-idp:DeleteUserPool'], Resource: '*' },
        ]),
      },
    });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    const arn = user.arn;
    expect(
      await denial(() => s.keys.authorize(user, 'cognito-idp:ListUserPools', '*', 'json')),
    ).toBeUndefined();
    expect(await denial(() => s.keys.authorize(user, 'cognito-idp:CreateUserPool', '*', 'json'))).toEqual({
      name: 'AccessDeniedException',
      message: `User: ${arn} is not authorized to perform: cognito-idp:CreateUserPool on resource: * because no permissions boundary allows the cognito-idp:CreateUserPool action`,
    });
    expect(await denial(() => s.keys.authorize(user, 'cognito-idp:DeleteUserPool', '*', 'query'))).toEqual({
      name: 'AccessDenied',
      message: `User: ${arn} is not authorized to perform: cognito-idp:DeleteUserPool on resource: * with an explicit deny in an identity-based policy`,
    });
    expect(await denial(() => s.keys.authorize(user, 'iam:ListUsers', '*', 'query'))).toEqual({
      name: 'AccessDenied',
      message: `User: ${arn} is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the iam:ListUsers action`,
    });
  });

  it('offers aws:username and iam:PolicyARN to conditions', async () => {
    const s = setUp({
      Policies: [
        {
          Label: 'inline/self',
          Document: doc([
            {
              Effect: 'Allow',
              Action: 'iam:AttachUserPolicy',
              Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
              Condition: { ArnEquals: { 'iam:PolicyARN': `arn:aws:iam::${ACCOUNT}:policy/readers` } },
            },
          ]),
        },
      ],
    });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    const self = operationTarget(
      'iam',
      'AttachUserPolicy',
      { UserName: 'alice', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/readers` },
      'us-east-1',
      ACCOUNT,
    );
    expect(self.resource).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(
      await denial(() => s.keys.authorize(user, self.action, self.resource, 'query', self.context)),
    ).toBeUndefined();
    const admin = operationTarget(
      'iam',
      'AttachUserPolicy',
      { UserName: 'alice', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/admin` },
      'us-east-1',
      ACCOUNT,
    );
    expect(
      (await denial(() => s.keys.authorize(user, admin.action, admin.resource, 'query', admin.context)))
        ?.name,
    ).toBe('AccessDenied');
    const other = operationTarget(
      'iam',
      'AttachUserPolicy',
      { UserName: 'bob', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/readers` },
      'us-east-1',
      ACCOUNT,
    );
    expect(
      (await denial(() => s.keys.authorize(user, other.action, other.resource, 'query', other.context)))
        ?.name,
    ).toBe('AccessDenied');
  });
});

describe('operationTarget', () => {
  it.each([
    ['cognito-idp', 'CreateUserPool', {}, '*'],
    [
      'cognito-idp',
      'AdminGetUser',
      { UserPoolId: 'us-east-1_abc' },
      `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/us-east-1_abc`,
    ],
    [
      'cognito-identity',
      'DescribeIdentityPool',
      { IdentityPoolId: 'us-east-1:x' },
      `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/us-east-1:x`,
    ],
    ['iam', 'CreateRole', { RoleName: 'r' }, `arn:aws:iam::${ACCOUNT}:role/r`],
    [
      'iam',
      'GetPolicy',
      { PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p` },
      `arn:aws:iam::${ACCOUNT}:policy/p`,
    ],
    ['iam', 'CreatePolicy', { PolicyName: 'p', Path: '/t/' }, `arn:aws:iam::${ACCOUNT}:policy/t/p`],
    ['iam', 'ListPolicies', {}, '*'],
  ])('names %s:%s on its resource', (api, operation, payload, resource) => {
    expect(operationTarget(api, operation, payload, 'us-east-1', ACCOUNT)).toMatchObject({
      action: `${api}:${operation}`,
      resource,
    });
  });
});
