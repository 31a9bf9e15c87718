import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  DeleteAccessKeyCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListUsersCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/**
 * Requests signed with an IAM user's access key, decided by the user's policies (IAM User Guide,
 * "Policy evaluation logic": an explicit allow in an identity-based policy is needed, and a
 * permissions boundary limits it). Refusals carry AWS's wording: "User: <user ARN> is not authorized
 * to perform: <action> on resource: <ARN> because no identity-based policy allows the <action>
 * action", as AccessDeniedException on the JSON APIs and AccessDenied (403) on the Query APIs. A key
 * made Inactive or deleted is refused at once ("InvalidClientTokenId: The security token included in
 * the request is invalid"), as AWS does.
 */
describe('requests signed with an IAM user access key', () => {
  const system = e2eSystem();
  const admin = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const client = <T extends { destroy(): void }>(c: T): T => {
    clients.push(c);
    return c;
  };
  const iam = client(
    new IAMClient({ region: REGION, endpoint: system.endpoint, credentials: admin, maxAttempts: 1 }),
  );
  const adminIdp = client(
    new CognitoIdentityProviderClient({
      region: REGION,
      endpoint: system.endpoint,
      credentials: admin,
      maxAttempts: 1,
    }),
  );
  const unique = () => randomBytes(4).toString('hex');
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  /** A new IAM user with an access key, and SDK clients signing with that key. */
  async function newSigner(inline?: object[]) {
    const user = await iamUserWithKey(iam, { prefix: 'signer', statements: inline });
    const opts = { region: REGION, endpoint: system.endpoint, credentials: user.credentials, maxAttempts: 1 };
    return {
      UserName: user.UserName,
      arn: user.arn,
      key: { AccessKeyId: user.accessKeyId },
      credentials: user.credentials,
      idp: client(new CognitoIdentityProviderClient(opts)),
      iam: client(new IAMClient(opts)),
      sts: client(new STSClient(opts)),
    };
  }

  it('answers GetCallerIdentity with the user, and refuses everything no policy allows', async () => {
    const user = await newSigner();
    expect(await user.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: user.arn,
      UserId: expect.stringMatching(/^AIDA/),
    });
    await expectAwsError(
      user.idp.send(new CreateUserPoolCommand({ PoolName: `p-${unique()}` })),
      'AccessDeniedException',
      {
        status: 400,
        message: `User: ${user.arn} is not authorized to perform: cognito-idp:CreateUserPool on resource: * because no identity-based policy allows the cognito-idp:CreateUserPool action`,
      },
    );
    await expectAwsError(user.iam.send(new ListUsersCommand({})), 'AccessDenied', {
      status: 403,
      message: `User: ${user.arn} is not authorized to perform: iam:ListUsers on resource: * because no identity-based policy allows the iam:ListUsers action`,
    });
  });

  it('allows what the policy allows, on the resources it names', async () => {
    const own = await adminIdp.send(new CreateUserPoolCommand({ PoolName: `own-${unique()}` }));
    const other = await adminIdp.send(new CreateUserPoolCommand({ PoolName: `other-${unique()}` }));
    const ownArn = own.UserPool!.Arn!;
    const user = await newSigner([
      {
        Effect: 'Allow',
        Action: ['cognito-idp:DescribeUserPool', 'cognito-idp:DeleteUserPool'],
        Resource: ownArn,
      },
      { Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
    ]);
    const described = await user.idp.send(new DescribeUserPoolCommand({ UserPoolId: own.UserPool!.Id }));
    expect(described.UserPool!.Id).toBe(own.UserPool!.Id);
    const otherArn = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${other.UserPool!.Id}`;
    await expectAwsError(
      user.idp.send(new DescribeUserPoolCommand({ UserPoolId: other.UserPool!.Id })),
      'AccessDeniedException',
      `User: ${user.arn} is not authorized to perform: cognito-idp:DescribeUserPool on resource: ${otherArn} because no identity-based policy allows the cognito-idp:DescribeUserPool action`,
    );
    await expectAwsError(
      user.idp.send(new DeleteUserPoolCommand({ UserPoolId: other.UserPool!.Id })),
      'AccessDeniedException',
    );
    // The refused delete did nothing.
    await adminIdp.send(new DescribeUserPoolCommand({ UserPoolId: other.UserPool!.Id }));
    expect((await user.idp.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools).toBeDefined();
    expect((await user.iam.send(new ListUsersCommand({}))).Users!.map((u) => u.UserName)).toContain(
      user.UserName,
    );
    await user.idp.send(new DeleteUserPoolCommand({ UserPoolId: own.UserPool!.Id }));
  });

  it('lets a permissions boundary limit what the policy allows', async () => {
    const user = await newSigner([{ Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' }]);
    const boundary = (
      await iam.send(
        new CreatePolicyCommand({
          PolicyName: `boundary-${unique()}`,
          PolicyDocument: policy([{ Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' }]),
        }),
      )
    ).Policy!;
    await iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: user.UserName, PermissionsBoundary: boundary.Arn }),
    );
    await user.idp.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    await expectAwsError(
      user.idp.send(new CreateUserPoolCommand({ PoolName: `b-${unique()}` })),
      'AccessDeniedException',
      {
        message: `User: ${user.arn} is not authorized to perform: cognito-idp:CreateUserPool on resource: * because no permissions boundary allows the cognito-idp:CreateUserPool action`,
      },
    );
  });

  it('does not let a user attach a policy to itself without iam:AttachUserPolicy', async () => {
    const user = await newSigner([
      { Effect: 'Allow', Action: ['iam:CreatePolicy', 'iam:ListAttachedUserPolicies'], Resource: '*' },
    ]);
    const admin = (
      await user.iam.send(
        new CreatePolicyCommand({
          PolicyName: `everything-${unique()}`,
          PolicyDocument: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
        }),
      )
    ).Policy!;
    await expectAwsError(
      user.iam.send(new AttachUserPolicyCommand({ UserName: user.UserName, PolicyArn: admin.Arn })),
      'AccessDenied',
      {
        status: 403,
        message: `User: ${user.arn} is not authorized to perform: iam:AttachUserPolicy on resource: ${user.arn} because no identity-based policy allows the iam:AttachUserPolicy action`,
      },
    );
    await expectAwsError(
      user.iam.send(
        new PutUserPolicyCommand({
          UserName: user.UserName,
          PolicyName: 'x',
          PolicyDocument: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
        }),
      ),
      'AccessDenied',
    );
    expect(
      (await user.iam.send(new ListAttachedUserPoliciesCommand({ UserName: user.UserName })))
        .AttachedPolicies,
    ).toEqual([]);
    await expectAwsError(
      user.idp.send(new CreateUserPoolCommand({ PoolName: `e-${unique()}` })),
      'AccessDeniedException',
    );
  });

  it('refuses a key at once when it is made Inactive or deleted, and a replayed request with it', async () => {
    const user = await newSigner([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]);
    const form = 'Action=ListUsers&Version=2010-05-08';
    const url = new URL(system.endpoint);
    const signed = signRequest(
      {
        method: 'POST',
        path: '/',
        query: '',
        headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form,
      },
      user.credentials,
      { region: REGION, service: 'iam' },
    );
    const send = () =>
      fetch(system.endpoint, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body: form,
      });
    expect((await send()).status).toBe(200);

    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: user.UserName,
        AccessKeyId: user.key.AccessKeyId,
        Status: 'Inactive',
      }),
    );
    const replayed = await send();
    expect(replayed.status).toBe(403);
    expect(await replayed.text()).toContain('<Code>InvalidClientTokenId</Code>');
    await expectAwsError(user.iam.send(new ListUsersCommand({})), 'InvalidClientTokenId', {
      message: 'The security token included in the request is invalid.',
    });
    await expectAwsError(
      user.idp.send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'UnrecognizedClientException',
    );

    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: user.UserName,
        AccessKeyId: user.key.AccessKeyId,
        Status: 'Active',
      }),
    );
    expect((await send()).status).toBe(200);
    await iam.send(
      new DeleteAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.key.AccessKeyId }),
    );
    expect((await send()).status).toBe(403);
    await expectAwsError(user.sts.send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
  });

  it('refuses a forged signature, and answers an unknown key as an inactive one (no enumeration)', async () => {
    const user = await newSigner([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]);
    const opts = { region: REGION, endpoint: system.endpoint, maxAttempts: 1 };
    const forged = client(
      new IAMClient({
        ...opts,
        credentials: {
          ...user.credentials,
          secretAccessKey: `${user.credentials.secretAccessKey.slice(1)}x`,
        },
      }),
    );
    await expectAwsError(forged.send(new ListUsersCommand({})), 'SignatureDoesNotMatch');
    const unknown = client(
      new IAMClient({
        ...opts,
        credentials: {
          accessKeyId: `AKIA${'Q'.repeat(16)}`,
          secretAccessKey: user.credentials.secretAccessKey,
        },
      }),
    );
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: user.UserName,
        AccessKeyId: user.key.AccessKeyId,
        Status: 'Inactive',
      }),
    );
    const refusal = (call: Promise<unknown>): Promise<Error> =>
      call.then<Error, Error>(
        () => new Error('accepted'),
        (e: Error) => e,
      );
    const inactive = await refusal(user.iam.send(new ListUsersCommand({})));
    const missing = await refusal(unknown.send(new ListUsersCommand({})));
    expect([inactive.name, inactive.message]).toEqual([missing.name, missing.message]);
    expect(inactive.name).toBe('InvalidClientTokenId');
    // A key with a session token is temporary credentials, never the user's key.
    const withToken = client(
      new IAMClient({ ...opts, credentials: { ...user.credentials, sessionToken: 'x'.repeat(40) } }),
    );
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: user.UserName,
        AccessKeyId: user.key.AccessKeyId,
        Status: 'Active',
      }),
    );
    await expectAwsError(withToken.send(new ListUsersCommand({})), 'InvalidClientTokenId');
  });
});
