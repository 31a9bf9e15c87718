import { parsePolicy } from '@idfed/policy';
import {
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionClaims,
  SessionTokenCodec,
} from '@idfed/session-credentials';
import { signRequest } from '@idfed/sigv4';
import { Authorizer, RolePolicies } from './authorizer';
import { CredentialError } from './credential.errors';
import { CredentialResolver } from './credential.resolver';

const ROLE = 'arn:aws:iam::000000000000:role/sync';
const ADMIN = {
  accessKeyId: 'AKIAADMINADMINADMIN0',
  secretAccessKey: 'admin-secret-admin-secret-admin-secret00',
};
const codec = SessionTokenCodec.fromMasterKey(Buffer.alloc(32, 3));

const rolePolicy = parsePolicy(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OwnDatasets',
        Effect: 'Allow',
        Action: ['cognito-sync:*'],
        Resource:
          'arn:aws:cognito-sync:us-east-1:000000000000:identitypool/*/identity/${cognito-identity.amazonaws.com:sub}/*',
      },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 'cognito-sync:DeleteDataset', Resource: '*' },
      {
        Sid: 'Mine',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::bucket/${aws:userid}/*',
      },
    ],
  },
  { label: 'sync/inline' },
);

function claims(over: Partial<SessionClaims> = {}): SessionClaims {
  return {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: ROLE,
    roleId: 'AROASYNCSYNCSYNCSYNCS',
    sessionName: 'device',
    subject: 'us-east-1:abc',
    provider: 'cognito-identity.amazonaws.com',
    issuedAt: Date.now() - 1000,
    expiresAt: Date.now() + 3600_000,
    webIdentity: {
      keyPrefix: 'cognito-identity.amazonaws.com',
      claims: { aud: 'us-east-1:pool', sub: 'us-east-1:abc', amr: ['authenticated'] },
    },
    ...over,
  };
}

describe('Authorizer', () => {
  let roles: Map<string, RolePolicies>;
  let revokedBefore: number | undefined;
  let authorizer: Authorizer;
  beforeEach(() => {
    roles = new Map([[ROLE, { roleId: 'AROASYNCSYNCSYNCSYNCS', policies: [rolePolicy] }]]);
    revokedBefore = undefined;
    const resolver = new CredentialResolver('000000000000', ADMIN, codec, {
      revokedBefore: () => revokedBefore,
    });
    authorizer = new Authorizer(resolver, { policiesFor: (arn) => Promise.resolve(roles.get(arn)) });
  });

  const signed = (c: SessionClaims | typeof ADMIN, token?: string) =>
    signRequest(
      { method: 'GET', path: '/datasets', query: '', headers: { host: 'sync.example.test' }, body: '' },
      { ...('secretAccessKey' in c ? c : {}), ...(token ? { sessionToken: token } : {}) } as never,
      { region: 'us-east-1', service: 'cognito-sync' },
    );

  async function decide(c: SessionClaims, action: string, resource: string) {
    const principal = await authorizer.authenticate(signed(c, codec.seal(c)), { service: 'cognito-sync' });
    return authorizer.authorize({ principal, action, resource, context: { 'aws:userid': 'spoofed' } });
  }

  it('verifies a request signed with temporary credentials and names the assumed role', async () => {
    const c = claims();
    const principal = await authorizer.authenticate(signed(c, codec.seal(c)), { service: 'cognito-sync' });
    expect(principal).toMatchObject({
      type: 'AssumedRole',
      arn: 'arn:aws:sts::000000000000:assumed-role/sync/device',
      userId: 'AROASYNCSYNCSYNCSYNCS:device',
      accountId: '000000000000',
    });
  });

  it('fills policy variables from the session: the identity id and aws:userid (not the caller context)', async () => {
    const c = claims();
    const own = `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/us-east-1:pool/identity/us-east-1:abc/dataset/d`;
    const other = own.replace('us-east-1:abc', 'us-east-1:xyz');
    expect((await decide(c, 'cognito-sync:ListRecords', own)).decision).toBe('Allow');
    expect((await decide(c, 'cognito-sync:ListRecords', other)).decision).toBe('ImplicitDeny');
    const mine = await decide(c, 's3:GetObject', 'arn:aws:s3:::bucket/AROASYNCSYNCSYNCSYNCS:device/x');
    expect(mine.decision).toBe('Allow');
    expect((await decide(c, 's3:GetObject', 'arn:aws:s3:::bucket/spoofed/x')).decision).toBe('ImplicitDeny');
  });

  it('explains an explicit deny by its statement', async () => {
    const own = `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/p/identity/us-east-1:abc/dataset/d`;
    const result = await decide(claims(), 'cognito-sync:DeleteDataset', own);
    expect(result).toMatchObject({
      decision: 'ExplicitDeny',
      allowed: false,
      decidedBy: { policyType: 'identity', policy: 'sync/inline', sid: 'NoDelete' },
    });
  });

  it('intersects the role policies with the session policy', async () => {
    const session = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'cognito-sync:ListRecords', Resource: '*' }],
    });
    const c = claims({ sessionPolicies: [session] });
    const own = `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/p/identity/us-east-1:abc/dataset/d`;
    expect((await decide(c, 'cognito-sync:ListRecords', own)).decision).toBe('Allow');
    const update = await decide(c, 'cognito-sync:UpdateRecords', own);
    expect(update.decision).toBe('ImplicitDeny');
    expect(update.reason).toMatch(/no session policy does/);
    // The session policy alone grants nothing the role does not.
    expect((await decide(c, 'cognito-sync:ListRecords', own.replace('abc', 'zzz'))).decision).toBe(
      'ImplicitDeny',
    );
  });

  describe('aws:PrincipalTag (ADR 0041)', () => {
    const TAGGED = 'arn:aws:iam::000000000000:role/tagged';
    const tagPolicy = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OwnProject',
            Effect: 'Allow',
            Action: 'docs:GetDocument',
            Resource: 'arn:aws:docs:::project/${aws:PrincipalTag/Project}/*',
          },
          {
            Sid: 'TeamOnly',
            Effect: 'Allow',
            Action: 'docs:PutDocument',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalTag/team': 'dev' } },
          },
          {
            Sid: 'NoTagNoList',
            Effect: 'Allow',
            Action: 'docs:ListShelves',
            Resource: '*',
            Condition: { Null: { 'aws:PrincipalTag/Level': 'false' } },
          },
        ],
      },
      { label: 'tagged/inline' },
    );
    const tagged = (over: Partial<SessionClaims> = {}) =>
      claims({ roleArn: TAGGED, roleId: 'AROATAGGEDTAGGEDTAGGE', webIdentity: undefined, ...over });
    async function decideWith(c: SessionClaims, action: string, resource: string, context = {}) {
      const principal = await authorizer.authenticate(signed(c, codec.seal(c)), { service: 'cognito-sync' });
      return authorizer.authorize({ principal, action, resource, context });
    }
    beforeEach(() => {
      roles.set(TAGGED, {
        roleId: 'AROATAGGEDTAGGEDTAGGE',
        policies: [tagPolicy],
        tags: [
          { Key: 'Team', Value: 'ops' },
          { Key: 'Level', Value: '3' },
        ],
      });
    });

    it('fills ${aws:PrincipalTag/<key>} from the session tags', async () => {
      const c = tagged({ sessionTags: [{ Key: 'Project', Value: 'apollo' }] });
      expect((await decideWith(c, 'docs:GetDocument', 'arn:aws:docs:::project/apollo/a')).decision).toBe(
        'Allow',
      );
      expect((await decideWith(c, 'docs:GetDocument', 'arn:aws:docs:::project/gemini/a')).decision).toBe(
        'ImplicitDeny',
      );
      // Without the tag the variable has no value and the statement does not apply.
      expect((await decideWith(tagged(), 'docs:GetDocument', 'arn:aws:docs:::project//a')).decision).toBe(
        'ImplicitDeny',
      );
    });

    it("uses the role's tags, with a session tag overriding the role tag of the same key (any case)", async () => {
      expect((await decideWith(tagged(), 'docs:PutDocument', '*')).decision).toBe('ImplicitDeny');
      expect((await decideWith(tagged(), 'docs:ListShelves', '*')).decision).toBe('Allow');
      const dev = tagged({ sessionTags: [{ Key: 'TEAM', Value: 'dev' }] });
      expect((await decideWith(dev, 'docs:PutDocument', '*')).decision).toBe('Allow');
      roles.set(TAGGED, { ...roles.get(TAGGED)!, tags: [] });
      expect((await decideWith(tagged(), 'docs:ListShelves', '*')).decision).toBe('ImplicitDeny');
    });

    it("ignores principal tags the caller's context tries to add or override", async () => {
      const spoof = { 'aws:PrincipalTag/team': 'dev', 'AWS:PrincipalTag/Project': 'gemini' };
      expect((await decideWith(tagged(), 'docs:PutDocument', '*', spoof)).decision).toBe('ImplicitDeny');
      const c = tagged({ sessionTags: [{ Key: 'Project', Value: 'apollo' }] });
      expect(
        (await decideWith(c, 'docs:GetDocument', 'arn:aws:docs:::project/gemini/a', spoof)).decision,
      ).toBe('ImplicitDeny');
    });
  });

  describe('MFA (ADR 0072)', () => {
    const MFA_ROLE = 'arn:aws:iam::000000000000:role/admin';
    const mfaPolicy = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'docs:GetDocument',
            Resource: '*',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
          {
            Effect: 'Allow',
            Action: 'docs:PutDocument',
            Resource: '*',
            Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } },
          },
        ],
      },
      { label: 'admin/inline' },
    );
    const session = (over: Partial<SessionClaims> = {}) =>
      claims({ roleArn: MFA_ROLE, roleId: 'AROAADMINADMINADMINA', webIdentity: undefined, ...over });
    async function decideWith(c: SessionClaims, action: string, context = {}) {
      const principal = await authorizer.authenticate(signed(c, codec.seal(c)), { service: 'cognito-sync' });
      return (await authorizer.authorize({ principal, action, resource: '*', context })).decision;
    }
    beforeEach(() => roles.set(MFA_ROLE, { roleId: 'AROAADMINADMINADMINA', policies: [mfaPolicy] }));

    it('makes aws:MultiFactorAuthPresent true and aws:MultiFactorAuthAge the seconds since, for an MFA session', async () => {
      const fresh = session({ mfaAuthenticatedAt: Date.now() - 10_000 });
      expect(await decideWith(fresh, 'docs:GetDocument')).toBe('Allow');
      expect(await decideWith(fresh, 'docs:PutDocument')).toBe('Allow');
      const old = session({ mfaAuthenticatedAt: Date.now() - 600_000 });
      expect(await decideWith(old, 'docs:GetDocument')).toBe('Allow');
      expect(await decideWith(old, 'docs:PutDocument')).toBe('ImplicitDeny');
    });

    it('refuses a session without MFA, whatever the caller context says', async () => {
      const spoof = { 'aws:MultiFactorAuthPresent': 'true', 'AWS:MultiFactorAuthAge': '1' };
      expect(await decideWith(session(), 'docs:GetDocument')).toBe('ImplicitDeny');
      expect(await decideWith(session(), 'docs:GetDocument', spoof)).toBe('ImplicitDeny');
      expect(await decideWith(session(), 'docs:PutDocument', spoof)).toBe('ImplicitDeny');
    });
  });

  it("limits the role's policies by its permissions boundary", async () => {
    const own = `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/p/identity/us-east-1:abc/dataset/d`;
    const boundary = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'cognito-sync:List*', Resource: '*' }],
      },
      { label: 'arn:aws:iam::000000000000:policy/bound' },
    );
    roles.set(ROLE, { roleId: 'AROASYNCSYNCSYNCSYNCS', policies: [rolePolicy], boundary });
    expect((await decide(claims(), 'cognito-sync:ListRecords', own)).decision).toBe('Allow');
    const update = await decide(claims(), 'cognito-sync:UpdateRecords', own);
    expect(update.decision).toBe('ImplicitDeny');
    expect(update.reason).toMatch(/permissions boundary does not/);
  });

  it('denies a session whose role was deleted or recreated under the same name', async () => {
    roles.set(ROLE, { roleId: 'AROAOTHEROTHEROTHEROT', policies: [rolePolicy] });
    const result = await decide(claims(), 'cognito-sync:ListRecords', '*');
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.reason).toMatch(/no longer exists/);
    roles.clear();
    expect((await decide(claims(), 'cognito-sync:ListRecords', '*')).decision).toBe('ImplicitDeny');
  });

  it('allows the admin key everything, as the account root', async () => {
    const principal = await authorizer.authenticate(signed(ADMIN), { service: 'cognito-sync' });
    const result = await authorizer.authorize({ principal, action: 'iam:DeleteRole', resource: '*' });
    expect(result).toMatchObject({
      decision: 'Allow',
      principal: { type: 'Root', arn: 'arn:aws:iam::000000000000:root' },
    });
  });

  it('refuses expired, revoked and forged sessions with CredentialError', async () => {
    const expired = claims({ expiresAt: Date.now() - 1 });
    await expect(
      authorizer.authenticate(signed(expired, codec.seal(expired)), { service: 'cognito-sync' }),
    ).rejects.toMatchObject({ reason: 'expired' });
    const c = claims();
    revokedBefore = Date.now();
    await expect(
      authorizer.authenticate(signed(c, codec.seal(c)), { service: 'cognito-sync' }),
    ).rejects.toMatchObject({
      reason: 'revoked',
    });
    revokedBefore = undefined;
    const forged = SessionTokenCodec.fromMasterKey(Buffer.alloc(32, 4)).seal(c);
    const err = await authorizer
      .authenticate(signed(c, forged), { service: 'cognito-sync' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialError);
    expect((err as CredentialError).reason).toBe('invalid');
  });

  it('does not let the admin key be used with a session token, nor a temporary key without one', async () => {
    const resolver = new CredentialResolver('000000000000', ADMIN, codec);
    expect(() => resolver.resolve(ADMIN.accessKeyId, 'token')).toThrow(CredentialError);
    expect(resolver.resolve(newTemporaryAccessKeyId(), undefined)).toBeUndefined();
  });

  it('leaves a long-term key session to the IAM-user path: unknown here, but still expired or key-bound', async () => {
    const resolver = new CredentialResolver('000000000000', ADMIN, codec);
    const user = claims({
      roleArn: 'arn:aws:iam::000000000000:user/bob',
      roleId: 'AIDABOBBOBBOBBOBBOBBO',
      sessionName: 'bob',
      webIdentity: undefined,
      longTermKey: { kind: 'session-token', parentAccessKeyId: 'AKIABOBBOBBOBBOBBOBB' },
    });
    expect(resolver.resolve(user.accessKeyId, codec.seal(user))).toBeUndefined();
    await expect(
      authorizer.authenticate(signed(user, codec.seal(user)), { service: 'cognito-sync' }),
    ).rejects.toMatchObject({ reason: 'unknown-access-key' });
    const expired = { ...user, expiresAt: Date.now() - 1 };
    expect(() => resolver.resolve(expired.accessKeyId, codec.seal(expired))).toThrow(CredentialError);
    expect(() => resolver.resolve(newTemporaryAccessKeyId(), codec.seal(user))).toThrow(CredentialError);
  });
});
