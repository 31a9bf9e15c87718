import { randomBytes } from 'node:crypto';
import { AwsError } from '@idfed/aws-protocol';
import { AccessKeyPrincipalResult } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  newUserAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
  UserAccessKeySealer,
} from '@idfed/session-credentials';
import { CredentialError } from './credential.errors';
import { SigV4Error, signRequest } from '@idfed/sigv4';
import { describeIamUser, IamUserKeys } from './iam-user-keys';
import {
  decidedPayload,
  operationTarget,
  passedRoleOf,
  renamedServerCertificateOf,
} from './operation-resources';
import { taggingActionOf } from './tagging-actions';

const ACCOUNT = '123456789012';
const master = randomBytes(32);
const sealer = new UserAccessKeySealer(master);
const codec = SessionTokenCodec.fromMasterKey(master);
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
  const keys = new IamUserKeys({ request } as unknown as BusClient, sealer, codec);
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

  it("offers the user's tags as aws:PrincipalTag, any key case, and no one else's (ADR 0046)", async () => {
    const s = setUp({
      Tags: [{ Key: 'Team', Value: 'ops' }],
      Policies: [
        {
          Label: 'group/ops/inline/pools',
          Document: doc([
            {
              Effect: 'Allow',
              Action: 'cognito-idp:ListUserPools',
              Resource: '*',
              Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ops' } },
            },
          ]),
        },
      ],
    });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    expect(
      await denial(() => s.keys.authorize(user, 'cognito-idp:ListUserPools', '*', 'json')),
    ).toBeUndefined();
    // Another value, or no tag at all, is refused; a request's own context cannot add the tag.
    const other = { ...user, tags: [{ Key: 'team', Value: 'dev' }] };
    expect(
      (await denial(() => s.keys.authorize(other, 'cognito-idp:ListUserPools', '*', 'json')))?.name,
    ).toBe('AccessDeniedException');
    const untagged = { ...user, tags: undefined };
    expect(
      (await denial(() => s.keys.authorize(untagged, 'cognito-idp:ListUserPools', '*', 'json')))?.name,
    ).toBe('AccessDeniedException');
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

describe('iam:PermissionsBoundary', () => {
  const boundary = `arn:aws:iam::${ACCOUNT}:policy/team-boundary`;
  const delegated = doc([
    {
      Effect: 'Allow',
      Action: [
        'iam:CreateUser',
        'iam:PutUserPermissionsBoundary',
        'iam:CreateRole',
        'iam:PutRolePermissionsBoundary',
      ],
      Resource: '*',
      Condition: { StringEquals: { 'iam:PermissionsBoundary': boundary } },
    },
  ]);

  it('is the boundary CreateUser, CreateRole and Put*PermissionsBoundary set, absent without one', async () => {
    const s = setUp({ Policies: [{ Label: 'inline/delegated', Document: delegated }] });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    const decide = async (operation: string, payload: object) => {
      const t = operationTarget('iam', operation, payload, 'us-east-1', ACCOUNT);
      return (await denial(() => s.keys.authorize(user, t.action, t.resource, 'query', t.context)))?.name;
    };
    const other = `arn:aws:iam::${ACCOUNT}:policy/admin`;
    for (const [operation, name] of [
      ['CreateUser', { UserName: 'bob' }],
      ['PutUserPermissionsBoundary', { UserName: 'bob' }],
      ['CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: '{}' }],
      ['PutRolePermissionsBoundary', { RoleName: 'r' }],
    ] as const) {
      expect(await decide(operation, { ...name, PermissionsBoundary: boundary })).toBeUndefined();
      expect(await decide(operation, { ...name, PermissionsBoundary: other })).toBe('AccessDenied');
      expect(await decide(operation, name)).toBe('AccessDenied');
    }
    // Only the actions that set a boundary take it from the request.
    expect(
      operationTarget(
        'iam',
        'AttachUserPolicy',
        { UserName: 'bob', PermissionsBoundary: boundary },
        'us-east-1',
        ACCOUNT,
      ).context['iam:PermissionsBoundary'],
    ).toBeUndefined();
  });
});

/** Temporary credentials GetSessionToken / GetFederationToken would mint for the parent key. */
function sessionOf(parentAccessKeyId: string, over: Partial<SessionClaims> = {}): SessionClaims {
  const now = Date.now();
  return {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    roleId: 'AIDAEXAMPLEEXAMPLE01',
    sessionName: 'alice',
    subject: `arn:aws:iam::${ACCOUNT}:user/alice`,
    provider: `arn:aws:iam::${ACCOUNT}:user/alice`,
    issuedAt: now,
    expiresAt: now + 3600_000,
    longTermKey: { kind: 'session-token', parentAccessKeyId },
    ...over,
  };
}

describe('IamUserKeys: sessions of long-term keys (ADR 0039)', () => {
  const ADMIN_KEY = 'AKIAADMINADMINADMIN0';
  const allowPools = doc([{ Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' }]);

  it('stands a GetSessionToken session for its user, with the user policies, while the parent key is active', async () => {
    const { keys, keyId, request } = setUp({ Policies: [{ Label: 'inline/p', Document: allowPools }] });
    const claims = sessionOf(keyId);
    const user = await keys.resolveSession(claims.accessKeyId, codec.seal(claims), ACCOUNT, ADMIN_KEY);
    expect(request.mock.calls[0][1]).toEqual({ AccessKeyId: keyId });
    expect(user).toMatchObject({
      accessKeyId: claims.accessKeyId,
      secret: claims.secretAccessKey,
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      userId: 'AIDAEXAMPLEEXAMPLE01',
      session: { kind: 'session-token', parentAccessKeyId: keyId },
    });
    expect(() => keys.authorize(user!, 'cognito-idp:ListUserPools', '*', 'json')).not.toThrow();
    expect(await denial(() => keys.authorize(user!, 'iam:ListUsers', '*', 'query'))).toMatchObject({
      name: 'AccessDenied',
    });
  });

  it('gives an MFA session aws:MultiFactorAuthPresent true and its age; others false or nothing (ADR 0072)', async () => {
    const mfaOnly = doc([
      {
        Effect: 'Allow',
        Action: 'iam:ListUsers',
        Resource: '*',
        Condition: {
          Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          NumericLessThan: { 'aws:MultiFactorAuthAge': '60' },
        },
      },
      {
        Effect: 'Allow',
        Action: 'iam:GetUser',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ]);
    const { keys, keyId } = setUp({ Policies: [{ Label: 'inline/p', Document: mfaOnly }] });
    const withMfa = sessionOf(keyId, { mfaAuthenticatedAt: Date.now() - 5_000 });
    const mfa = (await keys.resolveSession(withMfa.accessKeyId, codec.seal(withMfa), ACCOUNT, ADMIN_KEY))!;
    expect(mfa.session?.mfaAuthenticatedAt).toBe(withMfa.mfaAuthenticatedAt);
    expect(() => keys.authorize(mfa, 'iam:ListUsers', '*', 'query')).not.toThrow();
    expect(await denial(() => keys.authorize(mfa, 'iam:GetUser', '*', 'query'))).toMatchObject({
      name: 'AccessDenied',
    });
    const stale = sessionOf(keyId, { mfaAuthenticatedAt: Date.now() - 120_000 });
    const old = (await keys.resolveSession(stale.accessKeyId, codec.seal(stale), ACCOUNT, ADMIN_KEY))!;
    expect(keys.decide(old, 'iam:ListUsers', '*').decision).toBe('ImplicitDeny');
    const plain = sessionOf(keyId);
    const none = (await keys.resolveSession(plain.accessKeyId, codec.seal(plain), ACCOUNT, ADMIN_KEY))!;
    expect(keys.decide(none, 'iam:ListUsers', '*').decision).toBe('ImplicitDeny');
    expect(keys.decide(none, 'iam:GetUser', '*').decision).toBe('Allow');
    // The asker of a decision cannot say MFA was used: not for a session, not for a long-term key.
    const spoof = { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '1' };
    expect(keys.decide(none, 'iam:ListUsers', '*', spoof).decision).toBe('ImplicitDeny');
    const longTerm = (await keys.resolve(keyId, ACCOUNT))!;
    expect(keys.decide(longTerm, 'iam:ListUsers', '*', spoof).decision).toBe('ImplicitDeny');
    expect(keys.decide(longTerm, 'iam:GetUser', '*').decision).toBe('Allow');
  });

  it('ends the session when the parent key is deleted or inactive, and refuses expired, foreign and re-keyed tokens', async () => {
    const gone = setUp(new CommandFailedError({ name: 'NoSuchEntity', message: 'x' }));
    const c1 = sessionOf(gone.keyId);
    await expect(
      gone.keys.resolveSession(c1.accessKeyId, codec.seal(c1), ACCOUNT, ADMIN_KEY),
    ).rejects.toMatchObject({
      reason: 'revoked',
    });
    const inactive = setUp({ Status: 'Inactive' });
    const c2 = sessionOf(inactive.keyId);
    await expect(
      inactive.keys.resolveSession(c2.accessKeyId, codec.seal(c2), ACCOUNT, ADMIN_KEY),
    ).rejects.toMatchObject({ reason: 'revoked' });
    // The key now belongs to another user than the one the session was issued for.
    const moved = setUp({ UserArn: `arn:aws:iam::${ACCOUNT}:user/mallory`, UserId: 'AIDAMALLORYMALLORY01' });
    const c3 = sessionOf(moved.keyId);
    await expect(
      moved.keys.resolveSession(c3.accessKeyId, codec.seal(c3), ACCOUNT, ADMIN_KEY),
    ).rejects.toMatchObject({
      reason: 'revoked',
    });
    const { keys, keyId } = setUp({});
    const expired = sessionOf(keyId, { expiresAt: Date.now() - 1 });
    await expect(
      keys.resolveSession(expired.accessKeyId, codec.seal(expired), ACCOUNT, ADMIN_KEY),
    ).rejects.toMatchObject({
      reason: 'expired',
    });
    const c4 = sessionOf(keyId);
    const foreign = SessionTokenCodec.fromMasterKey(randomBytes(32)).seal(c4);
    await expect(keys.resolveSession(c4.accessKeyId, foreign, ACCOUNT, ADMIN_KEY)).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(
      keys.resolveSession(newTemporaryAccessKeyId(), codec.seal(c4), ACCOUNT, ADMIN_KEY),
    ).rejects.toMatchObject({ reason: 'invalid' });
    // A role session is not this path's to answer.
    const role = sessionOf(keyId, { longTermKey: undefined, roleArn: `arn:aws:iam::${ACCOUNT}:role/r` });
    expect(await keys.resolveSession(role.accessKeyId, codec.seal(role), ACCOUNT, ADMIN_KEY)).toBeUndefined();
  });

  it('gives a federated user the intersection of the user policies and its session policies, none without one', async () => {
    const { keys, keyId } = setUp({ Policies: [{ Label: 'inline/p', Document: allowPools }] });
    const onlyList = doc([
      { Effect: 'Allow', Action: ['cognito-idp:ListUserPools', 'iam:*'], Resource: '*' },
    ]);
    const claims = sessionOf(keyId, {
      sessionName: 'fed',
      sessionPolicies: [onlyList],
      longTermKey: { kind: 'federation', parentAccessKeyId: keyId, federatedName: 'fed' },
    });
    const fed = (await keys.resolveSession(claims.accessKeyId, codec.seal(claims), ACCOUNT, ADMIN_KEY))!;
    expect(fed).toMatchObject({
      arn: `arn:aws:sts::${ACCOUNT}:federated-user/fed`,
      userId: `${ACCOUNT}:fed`,
    });
    expect(() => keys.authorize(fed, 'cognito-idp:ListUserPools', '*', 'json')).not.toThrow();
    // The session policy cannot grant what the user lacks, nor the user what the session policy lacks.
    expect(await denial(() => keys.authorize(fed, 'iam:ListUsers', '*', 'query'))).toMatchObject({
      name: 'AccessDenied',
    });
    expect(await denial(() => keys.authorize(fed, 'cognito-idp:DeleteUserPool', '*', 'json'))).toEqual({
      name: 'AccessDeniedException',
      message: `User: arn:aws:sts::${ACCOUNT}:federated-user/fed is not authorized to perform: cognito-idp:DeleteUserPool on resource: * because no session policy allows the cognito-idp:DeleteUserPool action`,
    });
    const bare = sessionOf(keyId, {
      longTermKey: { kind: 'federation', parentAccessKeyId: keyId, federatedName: 'x' },
    });
    const none = (await keys.resolveSession(bare.accessKeyId, codec.seal(bare), ACCOUNT, ADMIN_KEY))!;
    expect(await denial(() => keys.authorize(none, 'cognito-idp:ListUserPools', '*', 'json'))).toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  // AWS: "When you use the session credentials to make a subsequent request, the request context
  // includes the aws:PrincipalTag context key" (session tags passed to GetFederationToken).
  it("offers a federated user's session tags as aws:PrincipalTag", async () => {
    const byTeam = doc([
      {
        Effect: 'Allow',
        Action: 'cognito-idp:ListUserPools',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
      },
    ]);
    const { keys, keyId } = setUp({ Policies: [{ Label: 'inline/p', Document: byTeam }] });
    const federated = async (team: string) => {
      const claims = sessionOf(keyId, {
        sessionPolicies: [allowPools],
        sessionTags: [{ Key: 'Team', Value: team }],
        longTermKey: { kind: 'federation', parentAccessKeyId: keyId, federatedName: `fed-${team}` },
      });
      return (await keys.resolveSession(claims.accessKeyId, codec.seal(claims), ACCOUNT, ADMIN_KEY))!;
    };
    const blue = await federated('blue');
    expect(blue.session?.sessionTags).toEqual([{ Key: 'Team', Value: 'blue' }]);
    expect(() => keys.authorize(blue, 'cognito-idp:ListUserPools', '*', 'json')).not.toThrow();
    const red = await federated('red');
    expect(await denial(() => keys.authorize(red, 'cognito-idp:ListUserPools', '*', 'json'))).toMatchObject({
      name: 'AccessDeniedException',
    });
  });

  it('stands a session of the admin key for the root, needing no bus call, only while that key is the admin key', async () => {
    const { keys, request } = setUp({});
    const claims = sessionOf(ADMIN_KEY, { roleArn: `arn:aws:iam::${ACCOUNT}:root`, roleId: ACCOUNT });
    const root = (await keys.resolveSession(claims.accessKeyId, codec.seal(claims), ACCOUNT, ADMIN_KEY))!;
    expect(root).toMatchObject({ root: true, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT });
    expect(request).not.toHaveBeenCalled();
    expect(() => keys.authorize(root, 'cognito-idp:DeleteUserPool', '*', 'json')).not.toThrow();
    // After the admin key is rotated, its sessions are sessions of an unknown key.
    await expect(
      keys.resolveSession(claims.accessKeyId, codec.seal(claims), ACCOUNT, 'AKIANEWADMINNEWADMIN'),
    ).rejects.toMatchObject({ reason: 'revoked' });
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
    // ADR 0046: group operations on the group, membership changes included; ListGroupsForUser on the user.
    ['iam', 'CreateGroup', { GroupName: 'g' }, `arn:aws:iam::${ACCOUNT}:group/g`],
    ['iam', 'AddUserToGroup', { GroupName: 'g', UserName: 'u' }, `arn:aws:iam::${ACCOUNT}:group/g`],
    ['iam', 'RemoveUserFromGroup', { GroupName: 'g', UserName: 'u' }, `arn:aws:iam::${ACCOUNT}:group/g`],
    [
      'iam',
      'AttachGroupPolicy',
      { GroupName: 'g', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p` },
      `arn:aws:iam::${ACCOUNT}:group/g`,
    ],
    ['iam', 'ListGroupsForUser', { UserName: 'u' }, `arn:aws:iam::${ACCOUNT}:user/u`],
    ['iam', 'ListGroups', {}, '*'],
    // The simulator's principal operations act on the entity whose policies they read.
    [
      'iam',
      'SimulatePrincipalPolicy',
      { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/division/u` },
      `arn:aws:iam::${ACCOUNT}:user/division/u`,
    ],
    [
      'iam',
      'GetContextKeysForPrincipalPolicy',
      { PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/r` },
      `arn:aws:iam::${ACCOUNT}:role/r`,
    ],
    ['iam', 'SimulateCustomPolicy', { PolicyInputList: ['{}'] }, '*'],
    // Without UserName, the caller's own operations are decided on the caller (decidedPayload).
    ['iam', 'GetUser', decidedPayload('GetUser', {}, 'me'), `arn:aws:iam::${ACCOUNT}:user/me`],
    [
      'iam',
      'DeleteAccessKey',
      decidedPayload('DeleteAccessKey', { AccessKeyId: 'AKIAX' }, 'me'),
      `arn:aws:iam::${ACCOUNT}:user/me`,
    ],
    [
      'iam',
      'GetUser',
      decidedPayload('GetUser', { UserName: 'other' }, 'me'),
      `arn:aws:iam::${ACCOUNT}:user/other`,
    ],
    ['iam', 'ListUsers', decidedPayload('ListUsers', {}, 'me'), '*'],
  ])('names %s:%s on its resource', (api, operation, payload, resource) => {
    expect(operationTarget(api, operation, payload, 'us-east-1', ACCOUNT)).toMatchObject({
      action: `${api}:${operation}`,
      resource,
    });
  });
});

describe('IamUserKeys: one resolution of signed requests, and POST /authorize decisions (ADR 0047)', () => {
  const ADMIN_KEY = 'AKIAADMINADMINADMIN0';
  const readDocs = doc([{ Effect: 'Allow', Action: 'docs:Get*', Resource: 'arn:aws:docs:::doc/*' }]);
  const options = { service: 'docs', region: 'us-east-1', accountId: ACCOUNT, adminAccessKeyId: ADMIN_KEY };
  function signedBy(creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) {
    const parts = signRequest(
      { method: 'GET', path: '/doc/a', query: '', headers: { host: 'docs.example.test' }, body: '' },
      creds,
      { region: 'us-east-1', service: 'docs' },
    );
    return { method: 'GET', path: '/doc/a', query: '', headers: parts.headers, body: '' };
  }

  it("verifies a user's key and decides by the user's policies, naming the deciding statement", async () => {
    const s = setUp({ Policies: [{ Label: 'group/readers/read', Document: readDocs }] });
    const found = await s.keys.verifySigned(
      signedBy({ accessKeyId: s.keyId, secretAccessKey: s.secret }),
      options,
    );
    expect(found).toMatchObject({ region: 'us-east-1', user: { arn: `arn:aws:iam::${ACCOUNT}:user/alice` } });
    const user = found!.user;
    expect(s.keys.decide(user, 'docs:GetDocument', 'arn:aws:docs:::doc/a')).toMatchObject({
      decision: 'Allow',
      decidedBy: { policyType: 'identity', policy: 'group/readers/read' },
    });
    expect(s.keys.decide(user, 'docs:PutDocument', 'arn:aws:docs:::doc/a').decision).toBe('ImplicitDeny');
    expect(describeIamUser(user)).toEqual({
      type: 'User',
      arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
      accountId: ACCOUNT,
      userId: 'AIDAEXAMPLEEXAMPLE01',
      accessKeyId: s.keyId,
      userName: 'alice',
    });
  });

  it("does not let the asker's context stand in for the principal's keys", async () => {
    const tagged = doc([
      {
        Effect: 'Allow',
        Action: 'docs:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red', 'aws:username': 'root' } },
      },
    ]);
    const s = setUp({ Policies: [{ Label: 'inline/p', Document: tagged }] });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    const forged = { 'aws:PrincipalTag/team': 'red', 'aws:username': 'root' };
    expect(s.keys.decide(user, 'docs:GetDocument', '*', forged).decision).toBe('ImplicitDeny');
  });

  it('leaves the admin key, unknown and deleted keys to the other verifier; refuses forgeries with a user key', async () => {
    const s = setUp({ Policies: [] });
    expect(
      await s.keys.verifySigned(signedBy({ accessKeyId: ADMIN_KEY, secretAccessKey: 'x' }), options),
    ).toBeUndefined();
    const deleted = setUp(new CommandFailedError({ name: 'NoSuchEntity', message: 'No such access key.' }));
    expect(
      await deleted.keys.verifySigned(
        signedBy({ accessKeyId: deleted.keyId, secretAccessKey: deleted.secret }),
        options,
      ),
    ).toBeUndefined();
    await expect(
      s.keys.verifySigned(signedBy({ accessKeyId: s.keyId, secretAccessKey: newSecretAccessKey() }), options),
    ).rejects.toBeInstanceOf(SigV4Error);
    // Scoped to another service: refused before any key is looked up, so the other verifier answers.
    s.request.mockClear();
    expect(
      await s.keys.verifySigned(signedBy({ accessKeyId: s.keyId, secretAccessKey: s.secret }), {
        ...options,
        service: 'other',
      }),
    ).toBeUndefined();
    expect(s.request).not.toHaveBeenCalled();
  });

  describe('records the key use for GetAccessKeyLastUsed (ADR 0078)', () => {
    const reportsOf = (request: jest.Mock) =>
      request.mock.calls.filter(([op]) => op.name === 'RecordAccessKeyUse').map(([, payload]) => payload);

    it('reports a verified request once per key per interval, with its service, region and time', async () => {
      let now = Date.parse('2026-12-07T10:00:30Z');
      const s = setUp({ Policies: [] });
      const keys = new IamUserKeys({ request: s.request } as unknown as BusClient, sealer, codec, {
        reportEveryMs: 300_000,
        now: () => now,
      });
      const verifyAt = () =>
        keys.verifySigned(signedBy({ accessKeyId: s.keyId, secretAccessKey: s.secret }), options);
      await verifyAt();
      expect(reportsOf(s.request)).toEqual([
        {
          AccessKeyId: s.keyId,
          UsedAt: '2026-12-07T10:00:30.000Z',
          ServiceName: 'docs',
          Region: 'us-east-1',
        },
      ]);
      now += 299_999;
      await verifyAt();
      expect(reportsOf(s.request)).toHaveLength(1);
      now += 1;
      await verifyAt();
      expect(reportsOf(s.request)).toHaveLength(2);
      expect(reportsOf(s.request)[1].UsedAt).toBe(new Date(now).toISOString());
    });

    it('reports nothing for a forged signature, a deleted key, the admin key or a session of the key', async () => {
      const s = setUp({ Policies: [] });
      await expect(
        s.keys.verifySigned(
          signedBy({ accessKeyId: s.keyId, secretAccessKey: newSecretAccessKey() }),
          options,
        ),
      ).rejects.toBeInstanceOf(SigV4Error);
      await s.keys.verifySigned(signedBy({ accessKeyId: ADMIN_KEY, secretAccessKey: 'x' }), options);
      const deleted = setUp(new CommandFailedError({ name: 'NoSuchEntity', message: 'No such access key.' }));
      await deleted.keys.verifySigned(
        signedBy({ accessKeyId: deleted.keyId, secretAccessKey: deleted.secret }),
        options,
      );
      const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
      s.keys.recordUse(
        {
          ...user,
          accessKeyId: newTemporaryAccessKeyId(),
          session: { kind: 'session-token', parentAccessKeyId: s.keyId, sessionPolicies: [] },
        },
        { service: 'docs', region: 'us-east-1' },
      );
      expect(reportsOf(s.request)).toEqual([]);
      expect(reportsOf(deleted.request)).toEqual([]);
    });

    it('tries again on the next request when a report fails, without failing the request', async () => {
      const s = setUp({ Policies: [] });
      const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
      s.request.mockRejectedValueOnce(new Error('bus down'));
      s.keys.recordUse(user, { service: 'iam', region: 'us-east-1' });
      await new Promise((resolve) => setImmediate(resolve));
      s.keys.recordUse(user, { service: 'sts', region: 'eu-west-1' });
      expect(reportsOf(s.request).map((r) => r.ServiceName)).toEqual(['iam', 'sts']);
      s.keys.recordUse(user, { service: 'iam', region: 'us-east-1' });
      expect(reportsOf(s.request)).toHaveLength(2);
    });
  });

  it("resolves a federation session to its federated user, within its session policies; a deleted key's session is revoked", async () => {
    const s = setUp({ Policies: [{ Label: 'inline/p', Document: readDocs }] });
    const claims = sessionOf(s.keyId, {
      sessionPolicies: [
        doc([{ Effect: 'Allow', Action: 'docs:GetDocument', Resource: 'arn:aws:docs:::doc/a' }]),
      ],
      longTermKey: { kind: 'federation', parentAccessKeyId: s.keyId, federatedName: 'fed' },
    });
    const creds = {
      accessKeyId: claims.accessKeyId,
      secretAccessKey: claims.secretAccessKey,
      sessionToken: codec.seal(claims),
    };
    const fed = (await s.keys.verifySigned(signedBy(creds), options))!.user;
    expect(describeIamUser(fed)).toMatchObject({
      type: 'FederatedUser',
      arn: `arn:aws:sts::${ACCOUNT}:federated-user/fed`,
      parentAccessKeyId: s.keyId,
    });
    expect(s.keys.decide(fed, 'docs:GetDocument', 'arn:aws:docs:::doc/a').decision).toBe('Allow');
    expect(s.keys.decide(fed, 'docs:GetDocument', 'arn:aws:docs:::doc/b').decision).toBe('ImplicitDeny');
    s.request.mockRejectedValue(new CommandFailedError({ name: 'NoSuchEntity', message: 'gone' }));
    await expect(s.keys.verifySigned(signedBy(creds), options)).rejects.toBeInstanceOf(CredentialError);
  });
});

describe('tag condition keys on IAM actions (ADR 0046)', () => {
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
  const userArn = (name: string) => `arn:aws:iam::${ACCOUNT}:user/${name}`;

  it('offers aws:RequestTag/<key> and aws:TagKeys for the tags a request carries', () => {
    const tags = [
      { Key: 'project', Value: 'x' },
      { Key: 'Team', Value: 'blue' },
    ];
    for (const operation of ['TagUser', 'TagRole', 'CreateUser', 'CreateRole']) {
      expect(
        operationTarget('iam', operation, { UserName: 'u', RoleName: 'r', Tags: tags }, 'us-east-1', ACCOUNT)
          .context,
      ).toEqual({
        'aws:RequestTag/project': 'x',
        'aws:RequestTag/Team': 'blue',
        'aws:TagKeys': ['project', 'Team'],
      });
    }
    // Untag names only keys; a request without tags has neither key.
    expect(
      operationTarget('iam', 'UntagUser', { UserName: 'u', TagKeys: ['a', 'b'] }, 'us-east-1', ACCOUNT)
        .context,
    ).toEqual({
      'aws:TagKeys': ['a', 'b'],
    });
    expect(operationTarget('iam', 'CreateUser', { UserName: 'u' }, 'us-east-1', ACCOUNT).context).toEqual({});
  });

  it('decides virtual MFA device operations on the device or on the user, as AWS (ADR 0072)', () => {
    const target = (operation: string, payload: object) =>
      operationTarget('iam', operation, payload, 'us-east-1', ACCOUNT).resource;
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/phone`;
    expect(target('CreateVirtualMFADevice', { VirtualMFADeviceName: 'phone' })).toBe(serial);
    expect(target('CreateVirtualMFADevice', { VirtualMFADeviceName: 'phone', Path: '/t/' })).toBe(
      `arn:aws:iam::${ACCOUNT}:mfa/t/phone`,
    );
    for (const op of ['DeleteVirtualMFADevice', 'TagMFADevice', 'UntagMFADevice', 'ListMFADeviceTags']) {
      expect(target(op, { SerialNumber: serial })).toBe(serial);
    }
    for (const op of [
      'EnableMFADevice',
      'ResyncMFADevice',
      'DeactivateMFADevice',
      'ListMFADevices',
      'GetMFADevice',
    ]) {
      expect(target(op, { UserName: 'alice', SerialNumber: serial })).toBe(
        `arn:aws:iam::${ACCOUNT}:user/alice`,
      );
    }
    expect(target('ListVirtualMFADevices', {})).toBe('*');
  });

  it('decides instance profile operations on the profile, and passing its role on the role (ADR 0085)', () => {
    const target = (operation: string, payload: object) =>
      operationTarget('iam', operation, payload, 'us-east-1', ACCOUNT).resource;
    const profile = `arn:aws:iam::${ACCOUNT}:instance-profile/web`;
    expect(target('CreateInstanceProfile', { InstanceProfileName: 'web', Path: '/fleet/' })).toBe(
      `arn:aws:iam::${ACCOUNT}:instance-profile/fleet/web`,
    );
    for (const op of [
      'GetInstanceProfile',
      'DeleteInstanceProfile',
      'TagInstanceProfile',
      'UntagInstanceProfile',
      'ListInstanceProfileTags',
    ]) {
      expect(target(op, { InstanceProfileName: 'web' })).toBe(profile);
    }
    // The profile, not the role: a role named too does not change the resource.
    for (const op of ['AddRoleToInstanceProfile', 'RemoveRoleFromInstanceProfile']) {
      expect(target(op, { InstanceProfileName: 'web', RoleName: 'app' })).toBe(profile);
    }
    expect(target('ListInstanceProfilesForRole', { RoleName: 'app' })).toBe(
      `arn:aws:iam::${ACCOUNT}:role/app`,
    );
    expect(target('ListInstanceProfiles', { PathPrefix: '/fleet/' })).toBe('*');
    expect(
      passedRoleOf('AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'app' }, ACCOUNT),
    ).toBe(`arn:aws:iam::${ACCOUNT}:role/app`);
    expect(passedRoleOf('RemoveRoleFromInstanceProfile', { RoleName: 'app' }, ACCOUNT)).toBeUndefined();
    expect(taggingActionOf('CreateInstanceProfile', { Tags: [{ Key: 'a' }] })).toBe('iam:TagInstanceProfile');
  });

  it('decides server certificate operations on the certificate, a rename on the new ARN too (ADR 0085)', () => {
    const target = (operation: string, payload: object) =>
      operationTarget('iam', operation, payload, 'us-east-1', ACCOUNT).resource;
    const cert = `arn:aws:iam::${ACCOUNT}:server-certificate/web`;
    expect(target('UploadServerCertificate', { ServerCertificateName: 'web', Path: '/lb/' })).toBe(
      `arn:aws:iam::${ACCOUNT}:server-certificate/lb/web`,
    );
    for (const op of [
      'GetServerCertificate',
      'UpdateServerCertificate',
      'DeleteServerCertificate',
      'TagServerCertificate',
      'UntagServerCertificate',
      'ListServerCertificateTags',
    ]) {
      expect(target(op, { ServerCertificateName: 'web' })).toBe(cert);
    }
    expect(target('ListServerCertificates', {})).toBe('*');
    const stored = `arn:aws:iam::${ACCOUNT}:server-certificate/lb/web`;
    expect(renamedServerCertificateOf('UpdateServerCertificate', { NewPath: '/other/' }, stored)).toBe(
      `arn:aws:iam::${ACCOUNT}:server-certificate/other/web`,
    );
    expect(
      renamedServerCertificateOf('UpdateServerCertificate', { NewServerCertificateName: 'w2' }, stored),
    ).toBe(`arn:aws:iam::${ACCOUNT}:server-certificate/lb/w2`);
    expect(renamedServerCertificateOf('UpdateServerCertificate', {}, stored)).toBeUndefined();
    expect(renamedServerCertificateOf('DeleteServerCertificate', { NewPath: '/x/' }, stored)).toBeUndefined();
    expect(taggingActionOf('UploadServerCertificate', { Tags: [{ Key: 'a' }] })).toBe(
      'iam:TagServerCertificate',
    );
  });

  it('decides TagUser on aws:RequestTag and UntagUser on aws:TagKeys', async () => {
    const s = setUp({
      Policies: [
        {
          Label: 'inline/tags',
          Document: doc([
            {
              Effect: 'Allow',
              Action: 'iam:TagUser',
              Resource: '*',
              Condition: { StringEquals: { 'aws:RequestTag/project': 'x' } },
            },
            { Effect: 'Allow', Action: 'iam:UntagUser', Resource: '*' },
            {
              Effect: 'Deny',
              Action: 'iam:UntagUser',
              Resource: '*',
              Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['project'] } },
            },
          ]),
        },
      ],
    });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    const decide = (operation: string, payload: object) => {
      const t = operationTarget('iam', operation, payload, 'us-east-1', ACCOUNT);
      return denial(() => s.keys.authorize(user, t.action, t.resource, 'query', t.context));
    };
    expect(
      await decide('TagUser', { UserName: 'bob', Tags: [{ Key: 'project', Value: 'x' }] }),
    ).toBeUndefined();
    expect(
      await decide('TagUser', { UserName: 'bob', Tags: [{ Key: 'project', Value: 'y' }] }),
    ).toMatchObject({
      name: 'AccessDenied',
    });
    expect(await decide('TagUser', { UserName: 'bob', Tags: [{ Key: 'other', Value: 'x' }] })).toMatchObject({
      name: 'AccessDenied',
    });
    expect(await decide('UntagUser', { UserName: 'bob', TagKeys: ['cost'] })).toBeUndefined();
    expect(await decide('UntagUser', { UserName: 'bob', TagKeys: ['cost', 'project'] })).toEqual({
      name: 'AccessDenied',
      message: `User: ${userArn('alice')} is not authorized to perform: iam:UntagUser on resource: ${userArn('bob')} with an explicit deny in an identity-based policy`,
    });
  });

  it('decides TagRole on the target role team tag', async () => {
    const s = setUp({
      Policies: [
        {
          Label: 'inline/team',
          Document: doc([
            {
              Effect: 'Allow',
              Action: 'iam:TagRole',
              Resource: '*',
              Condition: { StringEquals: { 'aws:ResourceTag/team': 'blue' } },
            },
          ]),
        },
      ],
    });
    const user = (await s.keys.resolve(s.keyId, ACCOUNT))!;
    const decide = (tags: Record<string, string>, name: string) =>
      denial(() => s.keys.authorize(user, 'iam:TagRole', roleArn(name), 'query', tags));
    expect(await decide({ 'aws:ResourceTag/team': 'blue' }, 'blue')).toBeUndefined();
    expect(await decide({ 'aws:ResourceTag/team': 'red' }, 'red')).toEqual({
      name: 'AccessDenied',
      message: `User: ${userArn('alice')} is not authorized to perform: iam:TagRole on resource: ${roleArn('red')} because no identity-based policy allows the iam:TagRole action`,
    });
    expect(await decide({}, 'untagged')).toMatchObject({ name: 'AccessDenied' });
  });
});
