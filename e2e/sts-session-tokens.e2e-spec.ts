import {
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateRoleCommand,
  DeleteAccessKeyCommand,
  IAMClient,
  ListUsersCommand,
  PutRolePolicyCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
} from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { iamUserWithKey } from './support/iam-principals';
import { authorizeDeviceRequest } from './support/authorize';
import { e2eSystem } from './support/e2e-context';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * STS operations for long-term keys (ADR 0039), with @aws-sdk/client-sts. What AWS does, from the
 * STS API reference: GetSessionToken "must be called by using the long-term AWS security
 * credentials of the AWS account root user or an IAM user"; its credentials carry the user's
 * permissions, may not call IAM without MFA nor any STS operation but AssumeRole and
 * GetCallerIdentity; IAM users get 900-129,600 s (12 h default), the root at most an hour ("If the
 * duration is longer than one hour, the session for AWS account owners defaults to one hour").
 * GetFederationToken: the federated user `arn:aws:sts::<acct>:federated-user/<Name>` has the
 * intersection of the user's policies and the session policies passed ("If you do not pass a
 * policy to this operation, the resulting federated user session has no permissions"), and may
 * call no STS operation but GetCallerIdentity. GetAccessKeyInfo answers the account of any key id.
 * Calling either with session credentials is refused: "AccessDenied: Cannot call GetSessionToken
 * with session credentials".
 */
describe('STS for long-term keys: GetSessionToken, GetFederationToken, GetAccessKeyInfo', () => {
  const system = e2eSystem();
  const admin: Creds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients: { destroy(): void }[] = [];
  const opts = (credentials: Creds) => ({
    region: REGION,
    endpoint: system.endpoint,
    credentials,
    maxAttempts: 1,
  });
  const sts = (c: Creds = admin) => track(new STSClient(opts(c)));
  const idp = (c: Creds) => track(new CognitoIdentityProviderClient(opts(c)));
  const iamAs = (c: Creds) => track(new IAMClient(opts(c)));
  function track<T extends { destroy(): void }>(c: T): T {
    clients.push(c);
    return c;
  }
  const iam = iamAs(admin);
  const unique = () => randomBytes(4).toString('hex');
  const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
  const asCreds = (c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string }): Creds => ({
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken!,
  });

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function newUser(statements?: object[]) {
    const user = await iamUserWithKey(iam, { prefix: 'sts', statements });
    return {
      UserName: user.UserName,
      arn: user.arn,
      keyId: user.accessKeyId,
      creds: user.credentials,
    };
  }

  const listPools = { Effect: 'Allow', Action: 'cognito-idp:ListUserPools', Resource: '*' };

  it("GetSessionToken: the user's permissions, the user's identity, 12 hours by default", async () => {
    const user = await newUser([listPools]);
    const before = Date.now();
    const out = await sts(user.creds).send(new GetSessionTokenCommand({}));
    const c = out.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(c.SecretAccessKey).toHaveLength(40);
    const hours = (c.Expiration!.getTime() - before) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThan(12.1);
    const session = asCreds(c);
    const who = await sts(session).send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: ACCOUNT, Arn: user.arn, UserId: expect.stringMatching(/^AIDA/) });
    expect(await idp(session).send(new ListUserPoolsCommand({ MaxResults: 1 }))).toHaveProperty('UserPools');
    await expectAwsError(
      idp(session).send(new CreateUserPoolCommand({ PoolName: `p-${unique()}` })),
      'AccessDeniedException',
      new RegExp(`^User: ${user.arn} is not authorized to perform: cognito-idp:CreateUserPool`),
    );
    const long = await sts(user.creds).send(new GetSessionTokenCommand({ DurationSeconds: 129_600 }));
    expect((long.Credentials!.Expiration!.getTime() - before) / 3_600_000).toBeGreaterThan(35.9);
    await expectAwsError(
      sts(user.creds).send(new GetSessionTokenCommand({ DurationSeconds: 129_601 })),
      'ValidationError',
    );
    await expectAwsError(
      sts(user.creds).send(new GetSessionTokenCommand({ DurationSeconds: 899 })),
      'ValidationError',
    );
    // A serial number that is not a device of the user (ADR 0072).
    await expectAwsError(
      sts(user.creds).send(
        new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/x`, TokenCode: '123456' }),
      ),
      'AccessDenied',
      /^MultiFactorAuthentication failed/,
    );
  });

  it('GetSessionToken by the root (the admin key): an hour at most, and the root identity', async () => {
    const before = Date.now();
    const out = await sts().send(new GetSessionTokenCommand({ DurationSeconds: 7200 }));
    const hours = (out.Credentials!.Expiration!.getTime() - before) / 3_600_000;
    expect(hours).toBeGreaterThan(0.9);
    expect(hours).toBeLessThan(1.1);
    const session = asCreds(out.Credentials!);
    expect(await sts(session).send(new GetCallerIdentityCommand({}))).toMatchObject({
      Account: ACCOUNT,
      Arn: `arn:aws:iam::${ACCOUNT}:root`,
      UserId: ACCOUNT,
    });
    expect(await idp(session).send(new ListUserPoolsCommand({ MaxResults: 1 }))).toHaveProperty('UserPools');
    // No IAM with session credentials without MFA.
    await expectAwsError(iamAs(session).send(new ListUsersCommand({})), 'AccessDenied');
  });

  it('attack: session credentials cannot mint more sessions, nor call IAM', async () => {
    const user = await newUser([{ Effect: 'Allow', Action: ['sts:*', 'iam:*'], Resource: '*' }]);
    const session = asCreds((await sts(user.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    await expectAwsError(sts(session).send(new GetSessionTokenCommand({})), 'AccessDenied', {
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials',
    });
    await expectAwsError(
      sts(session).send(new GetFederationTokenCommand({ Name: 'again' })),
      'AccessDenied',
      {
        status: 403,
        message: 'Cannot call GetFederationToken with session credentials',
      },
    );
    await expectAwsError(iamAs(session).send(new ListUsersCommand({})), 'AccessDenied');
    const fed = asCreds(
      (
        await sts(user.creds).send(
          new GetFederationTokenCommand({
            Name: 'fed',
            Policy: policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
          }),
        )
      ).Credentials!,
    );
    await expectAwsError(
      sts(fed).send(new GetSessionTokenCommand({})),
      'AccessDenied',
      /with session credentials/,
    );
    await expectAwsError(
      sts(fed).send(new GetFederationTokenCommand({ Name: 'again' })),
      'AccessDenied',
      /with session credentials/,
    );
    // A role session (temporary credentials of a role) is refused the same way.
    const roleName = `r-${unique()}`;
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: policy([
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
        ]),
      }),
    );
    const roleSession = asCreds(
      (await sts().send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'sess' })))
        .Credentials!,
    );
    await expectAwsError(sts(roleSession).send(new GetSessionTokenCommand({})), 'AccessDenied', {
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });

  it('GetFederationToken: the federated user, with the intersection of its policy and the user policies', async () => {
    const user = await newUser([
      {
        Effect: 'Allow',
        Action: 'sts:GetFederationToken',
        Resource: `arn:aws:sts::${ACCOUNT}:federated-user/*`,
      },
      listPools,
    ]);
    const Name = `fed-${unique()}`;
    // The session policy asks for more than the user has (pool creation): it is not granted.
    const out = await sts(user.creds).send(
      new GetFederationTokenCommand({
        Name,
        Policy: policy([
          {
            Effect: 'Allow',
            Action: ['cognito-idp:ListUserPools', 'cognito-idp:CreateUserPool'],
            Resource: '*',
          },
        ]),
        DurationSeconds: 900,
      }),
    );
    expect(out.FederatedUser).toEqual({
      FederatedUserId: `${ACCOUNT}:${Name}`,
      Arn: `arn:aws:sts::${ACCOUNT}:federated-user/${Name}`,
    });
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const fed = asCreds(out.Credentials!);
    expect(await sts(fed).send(new GetCallerIdentityCommand({}))).toEqual(
      expect.objectContaining({
        Account: ACCOUNT,
        Arn: `arn:aws:sts::${ACCOUNT}:federated-user/${Name}`,
        UserId: `${ACCOUNT}:${Name}`,
      }),
    );
    expect(await idp(fed).send(new ListUserPoolsCommand({ MaxResults: 1 }))).toHaveProperty('UserPools');
    await expectAwsError(
      idp(fed).send(new CreateUserPoolCommand({ PoolName: `p-${unique()}` })),
      'AccessDeniedException',
      `User: arn:aws:sts::${ACCOUNT}:federated-user/${Name} is not authorized to perform: cognito-idp:CreateUserPool on resource: * because no identity-based policy allows the cognito-idp:CreateUserPool action`,
    );
    // No policy passed: no permissions at all.
    const bare = asCreds(
      (await sts(user.creds).send(new GetFederationTokenCommand({ Name: 'bare' }))).Credentials!,
    );
    await expectAwsError(
      idp(bare).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'AccessDeniedException',
    );
    // Federated users may call no STS operation but GetCallerIdentity (and GetAccessKeyInfo).
    await expectAwsError(
      sts(fed).send(
        new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/any`, RoleSessionName: 'xx' }),
      ),
      'AccessDenied',
    );
  });

  it('GetFederationToken: decided by sts:GetFederationToken, bad input refused', async () => {
    const none = await newUser([listPools]);
    await expectAwsError(
      sts(none.creds).send(new GetFederationTokenCommand({ Name: 'fed' })),
      'AccessDenied',
      `User: ${none.arn} is not authorized to perform: sts:GetFederationToken on resource: arn:aws:sts::${ACCOUNT}:federated-user/fed because no identity-based policy allows the sts:GetFederationToken action`,
    );
    const user = await newUser([{ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' }]);
    await expectAwsError(
      sts(user.creds).send(new GetFederationTokenCommand({ Name: 'x' })),
      'ValidationError',
    );
    await expectAwsError(
      sts(user.creds).send(new GetFederationTokenCommand({ Name: 'bad name!' })),
      'ValidationError',
    );
    await expectAwsError(
      sts(user.creds).send(new GetFederationTokenCommand({ Name: 'fed', Policy: '{"Version":' })),
      'MalformedPolicyDocumentException',
    );
    await expectAwsError(
      sts(user.creds).send(new GetFederationTokenCommand({ Name: 'fed', Policy: 'x'.repeat(2049) })),
      'ValidationError',
    );
    // The root may federate too: an hour at most, only what the session policy allows.
    const rootFed = await sts().send(
      new GetFederationTokenCommand({
        Name: 'rootfed',
        DurationSeconds: 129_600,
        Policy: policy([listPools]),
      }),
    );
    expect(rootFed.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    const rf = asCreds(rootFed.Credentials!);
    expect(await idp(rf).send(new ListUserPoolsCommand({ MaxResults: 1 }))).toHaveProperty('UserPools');
    await expectAwsError(
      idp(rf).send(new CreateUserPoolCommand({ PoolName: `p-${unique()}` })),
      'AccessDeniedException',
    );
  });

  it('attack: deleting or deactivating the parent key ends its sessions at once; tampered tokens refused', async () => {
    const user = await newUser([
      listPools,
      { Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' },
    ]);
    const session = asCreds((await sts(user.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    const fed = asCreds(
      (
        await sts(user.creds).send(
          new GetFederationTokenCommand({ Name: 'fed', Policy: policy([listPools]) }),
        )
      ).Credentials!,
    );
    await idp(session).send(new ListUserPoolsCommand({ MaxResults: 1 }));
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.keyId, Status: 'Inactive' }),
    );
    await expectAwsError(
      idp(session).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'UnrecognizedClientException',
    );
    await expectAwsError(sts(fed).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', {
      status: 403,
    });
    await iam.send(
      new UpdateAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.keyId, Status: 'Active' }),
    );
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(user.arn);
    await iam.send(new DeleteAccessKeyCommand({ UserName: user.UserName, AccessKeyId: user.keyId }));
    await expectAwsError(sts(session).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId');
    await expectAwsError(
      idp(fed).send(new ListUserPoolsCommand({ MaxResults: 1 })),
      'UnrecognizedClientException',
    );

    const other = await newUser([listPools]);
    const good = asCreds((await sts(other.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    const bytes = Buffer.from(good.sessionToken!, 'base64url');
    bytes[bytes.length - 20] ^= 1;
    await expectAwsError(
      sts({ ...good, sessionToken: bytes.toString('base64url') }).send(new GetCallerIdentityCommand({})),
      'InvalidClientTokenId',
    );
    // The token is bound to its access key id.
    const second = asCreds((await sts(other.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    await expectAwsError(
      sts({ ...second, sessionToken: good.sessionToken }).send(new GetCallerIdentityCommand({})),
      'InvalidClientTokenId',
    );
  });

  it('GetAccessKeyInfo: the account of any key id, for any caller', async () => {
    const user = await newUser();
    for (const AccessKeyId of [
      user.keyId,
      system.adminAccessKeyId,
      'AKIANOSUCHKEYNOSUCHK',
      'ASIAANYTEMPORARYKEY2',
    ]) {
      expect(await sts(user.creds).send(new GetAccessKeyInfoCommand({ AccessKeyId }))).toMatchObject({
        Account: ACCOUNT,
      });
    }
    // Session credentials of a long-term key call no STS operation but GetCallerIdentity (and AssumeRole).
    const session = asCreds((await sts(user.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    await expectAwsError(
      sts(session).send(new GetAccessKeyInfoCommand({ AccessKeyId: user.keyId })),
      'AccessDenied',
    );
    await expectAwsError(
      sts().send(new GetAccessKeyInfoCommand({ AccessKeyId: 'short' })),
      'ValidationError',
    );
  });

  it('AssumeRole by an IAM user: its identity policy and the role trust policy both decide', async () => {
    const roleName = `ur-${unique()}`;
    const trustAccount = policy([
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
    ]);
    const role = (
      await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trustAccount }))
    ).Role!;
    const allowed = await newUser([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: role.Arn }]);
    const out = await sts(allowed.creds).send(
      new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'uu' }),
    );
    expect(out.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/uu`);
    // With GetSessionToken credentials too (AWS allows AssumeRole with them).
    const session = asCreds((await sts(allowed.creds).send(new GetSessionTokenCommand({}))).Credentials!);
    expect(
      (await sts(session).send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'vv' })))
        .AssumedRoleUser!.Arn,
    ).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/vv`);
    // No identity policy: refused whatever the trust policy says.
    const none = await newUser();
    await expectAwsError(
      sts(none.creds).send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'uu' })),
      'AccessDenied',
      {
        status: 403,
        message: `User: ${none.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.Arn} because no identity-based policy allows the sts:AssumeRole action`,
      },
    );
    // A trust policy naming another user: refused although the identity policy allows.
    const otherRole = (
      await iam.send(
        new CreateRoleCommand({
          RoleName: `ur-${unique()}`,
          AssumeRolePolicyDocument: policy([
            {
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/someone-else` },
              Action: 'sts:AssumeRole',
            },
          ]),
        }),
      )
    ).Role!;
    const wide = await newUser([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
    await expectAwsError(
      sts(wide.creds).send(new AssumeRoleCommand({ RoleArn: otherRole.Arn, RoleSessionName: 'uu' })),
      'AccessDenied',
      `User: ${wide.arn} is not authorized to perform: sts:AssumeRole on resource: ${otherRole.Arn}`,
    );
  });

  /** POST /authorize for a request signed with `signer`: the authorizer's decision. */
  async function authorize(signer: Creds, action: string, resource: string, context: object = {}) {
    return authorizeDeviceRequest(signer, { action, resource, path: '/shelves/x', context });
  }

  it('DecodeAuthorizationMessage: the authorizer refusal carries a sealed message, decoded for those allowed to', async () => {
    const roleName = `dm-${unique()}`;
    const role = (
      await iam.send(
        new CreateRoleCommand({
          RoleName: roleName,
          AssumeRolePolicyDocument: policy([
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' },
          ]),
        }),
      )
    ).Role!;
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: roleName,
        PolicyName: 'p',
        PolicyDocument: policy([
          { Effect: 'Allow', Action: 'docs:*', Resource: '*' },
          { Sid: 'NoShred', Effect: 'Deny', Action: 'docs:Shred', Resource: '*' },
        ]),
      }),
    );
    const session = asCreds(
      (await sts().send(new AssumeRoleCommand({ RoleArn: role.Arn, RoleSessionName: 'reader' })))
        .Credentials!,
    );
    const allowed = await authorize(session, 'docs:Read', 'arn:aws:docs:::shelf/x');
    expect(allowed.allowed).toBe(true);
    expect(allowed.encodedMessage).toBeUndefined();
    const denied = await authorize(session, 'docs:Shred', 'arn:aws:docs:::shelf/x', {
      'docs:Reason': 'cleanup',
    });
    expect(denied).toMatchObject({ allowed: false, decision: 'ExplicitDeny' });
    const encoded = denied.encodedMessage!;
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    // Sealed: the client cannot read it.
    expect(Buffer.from(encoded, 'base64url').toString('latin1')).not.toContain('docs:Shred');

    const decoded = JSON.parse(
      (await sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage!,
    );
    expect(decoded).toMatchObject({
      allowed: false,
      explicitDeny: true,
      matchedStatements: { items: [{ statementId: 'NoShred', effect: 'DENY' }] },
      context: {
        principal: { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/reader` },
        action: 'docs:Shred',
        resource: 'arn:aws:docs:::shelf/x',
        // The asker's context, then the region the refused request was signed for (ADR 0090).
        conditions: {
          items: [
            { key: 'docs:Reason', values: { items: [{ value: 'cleanup' }] } },
            { key: 'aws:RequestedRegion', values: { items: [{ value: 'us-east-1' }] } },
          ],
        },
      },
    });

    // The role session itself: its policies allow docs:* only, not sts:DecodeAuthorizationMessage.
    await expectAwsError(
      sts(session).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })),
      'AccessDenied',
      /sts:DecodeAuthorizationMessage/,
    );
    // An IAM user: decided by its policies.
    const none = await newUser([listPools]);
    await expectAwsError(
      sts(none.creds).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })),
      'AccessDenied',
      `User: ${none.arn} is not authorized to perform: sts:DecodeAuthorizationMessage on resource: * because no identity-based policy allows the sts:DecodeAuthorizationMessage action`,
    );
    const reader = await newUser([
      { Effect: 'Allow', Action: 'sts:DecodeAuthorizationMessage', Resource: '*' },
    ]);
    const byUser = await sts(reader.creds).send(
      new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }),
    );
    expect(JSON.parse(byUser.DecodedMessage!)).toEqual(decoded);

    // Attack: a changed or made-up message is refused, never decoded.
    const bytes = Buffer.from(encoded, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    for (const EncodedMessage of [
      bytes.toString('base64url'),
      'forged',
      Buffer.from(JSON.stringify(decoded)).toString('base64url'),
    ]) {
      await expectAwsError(
        sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage })),
        'InvalidAuthorizationMessageException',
      );
    }
    await expectAwsError(
      sts().send(new DecodeAuthorizationMessageCommand({ EncodedMessage: '' })),
      'ValidationError',
    );
  });
});
