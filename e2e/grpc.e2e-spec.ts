import { randomBytes, randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import {
  AdminAddUserToGroupCommand,
  AdminDisableUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  RevokeTokenCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoIdentityClient,
  GetOpenIdTokenCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { signRequest } from '../libs/sigv4/src';
import { eventually } from '../libs/testing/src/eventually';
import { awsErrorOf, idfed, IdfedGrpcClient } from '../libs/testing/src/grpc/idfed-grpc-client';
import { ReflectionClient } from '../libs/testing/src/grpc/reflection-client';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { syncIdentities } from './support/sync-identities';
import { createPasswordPool, newSignedInUser, signIn } from './support/user-pools';

const PASSWORD = 'Grpc-Pa55word!';
const AccountEventType = idfed.events.v1.AccountEventType;
const TokenUse = idfed.tokens.v1.TokenUse;

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    return awsErrorOf(err);
  }
  throw new Error('the call was answered');
}

/**
 * The gRPC gateway as internal apps use it (docs/api.md, "gRPC"): a client generated from the
 * checked-in protos, calls signed with SigV4 by the admin key or temporary credentials, tokens
 * issued by the real sign-in, and revocations told by the user directory's events, on every
 * replica (two in the distributed mode).
 */
describe('gRPC gateway', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);
  const adminKey = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const clients = system.grpcGateways.map((address) => new IdfedGrpcClient(address, adminKey));
  afterAll(() => clients.forEach((c) => c.close()));

  it('answers health and reflection without credentials, as grpcurl and Kubernetes probes ask', async () => {
    for (const address of system.grpcGateways) {
      for (const version of ['v1', 'v1alpha'] as const) {
        const reflection = new ReflectionClient(address, version);
        try {
          expect(await reflection.listServices()).toEqual(
            expect.arrayContaining([
              'grpc.health.v1.Health',
              'idfed.tokens.v1.Tokens',
              'idfed.events.v1.AccountEvents',
            ]),
          );
          const root = await reflection.rootFor('idfed.tokens.v1.Tokens');
          expect(Object.keys(root.lookupService('idfed.tokens.v1.Tokens').methods).sort()).toEqual([
            'VerifyOpenIdToken',
            'VerifyToken',
            // The verification stream (ADR 0051).
            'VerifyTokens',
          ]);
        } finally {
          reflection.close();
        }
      }
    }
  });

  it("verifies the tokens of a real sign-in on every replica, with the user's groups", async () => {
    const pool = await createPasswordPool(admin, system.endpoint, `grpc-${randomBytes(3).toString('hex')}`);
    await admin.send(new CreateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'readers' }));
    const tokens = await newSignedInUser(admin, app, pool, 'grpc-alice', PASSWORD);
    await admin.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: pool.userPoolId,
        Username: 'grpc-alice',
        GroupName: 'readers',
      }),
    );
    const grouped = await signIn(app, pool, 'grpc-alice', PASSWORD);
    for (const client of clients) {
      const access = await client.verifyToken({
        token: tokens.AccessToken!,
        userPoolId: pool.userPoolId,
        clientIds: [pool.clientId],
      });
      expect(access).toMatchObject({
        active: true,
        userPoolId: pool.userPoolId,
        username: 'grpc-alice',
        clientId: pool.clientId,
        tokenUse: TokenUse.TOKEN_USE_ACCESS,
      });
      const id = await client.verifyToken({ token: grouped.IdToken!, tokenUse: TokenUse.TOKEN_USE_ID });
      expect(id).toMatchObject({
        active: true,
        username: 'grpc-alice',
        groups: ['readers'],
        clientId: pool.clientId,
      });
      // Another pool's caller asking about its own pool: this token is not one of them.
      const other = await client.verifyToken({
        token: tokens.AccessToken!,
        userPoolId: 'us-east-1_NotThisOne',
      });
      expect(other).toMatchObject({ active: false, errorName: 'NotAuthorizedException' });
    }
  });

  it('streams sign-outs and disables to every replica and refuses the tokens after them', async () => {
    const pool = await createPasswordPool(admin, system.endpoint, `grpc-${randomBytes(3).toString('hex')}`);
    const bob = await newSignedInUser(admin, app, pool, 'grpc-bob', PASSWORD);
    const received: idfed.events.v1.AccountEvent[][] = clients.map(() => []);
    const streams = clients.map((client, i) => {
      const stream = client.subscribe({ userPoolIds: [pool.userPoolId] });
      stream.on('data', (e: idfed.events.v1.AccountEvent) => received[i].push(e));
      stream.on('error', () => undefined);
      return stream;
    });
    try {
      await Promise.all(streams.map((s) => new Promise((r) => s.once('metadata', r))));
      for (const client of clients)
        expect((await client.verifyToken({ token: bob.AccessToken! })).active).toBe(true);
      await admin.send(
        new AdminUserGlobalSignOutCommand({ UserPoolId: pool.userPoolId, Username: 'grpc-bob' }),
      );
      for (const [i, client] of clients.entries()) {
        await eventually(() =>
          expect(received[i].map((e) => e.type)).toContain(AccountEventType.USER_SIGNED_OUT),
        );
        const refused = await client.verifyToken({ token: bob.AccessToken! });
        expect(refused).toMatchObject({ active: false, errorName: 'NotAuthorizedException' });
      }
      // A new sign-in after the sign-out is a new session: active.
      const again = await eventually(() => signIn(app, pool, 'grpc-bob', PASSWORD), { timeoutMs: 10_000 });
      await eventually(async () => {
        for (const client of clients)
          expect((await client.verifyToken({ token: again.IdToken! })).active).toBe(true);
      });
      await admin.send(new AdminDisableUserCommand({ UserPoolId: pool.userPoolId, Username: 'grpc-bob' }));
      for (const [i, client] of clients.entries()) {
        await eventually(() =>
          expect(received[i].map((e) => e.type)).toContain(AccountEventType.USER_DISABLED),
        );
        expect(await client.verifyToken({ token: again.IdToken! })).toMatchObject({
          active: false,
          reason: 'User is disabled.',
        });
      }
      const disabled = received[0].find((e) => e.type === AccountEventType.USER_DISABLED)!;
      expect(disabled).toMatchObject({ userPoolId: pool.userPoolId, username: 'grpc-bob' });
    } finally {
      streams.forEach((s) => s.cancel());
    }
  });

  it('streams GROUPS_CHANGED to every replica when the AWS SDK adds or removes a member, none for a no-op', async () => {
    const pool = await createPasswordPool(admin, system.endpoint, `grpc-${randomBytes(3).toString('hex')}`);
    await admin.send(new CreateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'editors' }));
    await newSignedInUser(admin, app, pool, 'grpc-erin', PASSWORD);
    const received: idfed.events.v1.AccountEvent[][] = clients.map(() => []);
    const streams = clients.map((client, i) => {
      const stream = client.subscribe({
        userPoolIds: [pool.userPoolId],
        types: [AccountEventType.GROUPS_CHANGED],
      });
      stream.on('data', (e: idfed.events.v1.AccountEvent) => received[i].push(e));
      stream.on('error', () => undefined);
      return stream;
    });
    const membership = { UserPoolId: pool.userPoolId, Username: 'grpc-erin', GroupName: 'editors' };
    try {
      await Promise.all(streams.map((s) => new Promise((r) => s.once('metadata', r))));
      await admin.send(new AdminAddUserToGroupCommand(membership));
      await admin.send(new AdminAddUserToGroupCommand(membership)); // already a member: no event
      await admin.send(new AdminRemoveUserFromGroupCommand(membership));
      await admin.send(new AdminRemoveUserFromGroupCommand(membership)); // not a member: no event
      // A later add closes the sequence: the no-ops between would have arrived before it.
      await admin.send(new AdminAddUserToGroupCommand(membership));
      for (const events of received) {
        await eventually(() => expect(events).toHaveLength(3));
        expect(events.map((e) => [e.type, e.groupName, e.groupChange])).toEqual([
          [AccountEventType.GROUPS_CHANGED, 'editors', idfed.events.v1.GroupChange.ADDED],
          [AccountEventType.GROUPS_CHANGED, 'editors', idfed.events.v1.GroupChange.REMOVED],
          [AccountEventType.GROUPS_CHANGED, 'editors', idfed.events.v1.GroupChange.ADDED],
        ]);
        expect(events[0]).toMatchObject({ userPoolId: pool.userPoolId, username: 'grpc-erin' });
        expect(events[0].sub).toMatch(/^[0-9a-f-]{36}$/);
      }
    } finally {
      streams.forEach((s) => s.cancel());
    }
  });

  it('streams GROUP_CHANGED to every replica when the AWS SDK creates, updates or deletes a group', async () => {
    const pool = await createPasswordPool(admin, system.endpoint, `grpc-${randomBytes(3).toString('hex')}`);
    const other = await createPasswordPool(admin, system.endpoint, `grpc-${randomBytes(3).toString('hex')}`);
    const role = 'arn:aws:iam::123456789012:role/reviewers';
    const received: idfed.events.v1.AccountEvent[][] = clients.map(() => []);
    const streams = clients.map((client, i) => {
      const stream = client.subscribe({
        userPoolIds: [pool.userPoolId],
        types: [AccountEventType.GROUP_CHANGED],
      });
      stream.on('data', (e: idfed.events.v1.AccountEvent) => received[i].push(e));
      stream.on('error', () => undefined);
      return stream;
    });
    try {
      await Promise.all(streams.map((s) => new Promise((r) => s.once('metadata', r))));
      await admin.send(new CreateGroupCommand({ UserPoolId: other.userPoolId, GroupName: 'reviewers' }));
      await admin.send(
        new CreateGroupCommand({
          UserPoolId: pool.userPoolId,
          GroupName: 'reviewers',
          RoleArn: role,
          Precedence: 2,
        }),
      );
      await admin.send(
        new UpdateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'reviewers', Precedence: 0 }),
      );
      await admin.send(new DeleteGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'reviewers' }));
      const { CREATED, UPDATED, DELETED } = idfed.events.v1.GroupDefinitionChange;
      for (const events of received) {
        await eventually(() => expect(events).toHaveLength(3));
        expect(
          events.map((e) => [
            e.groupName,
            e.groupDefinitionChange,
            e.groupRoleArn,
            e.groupPrecedence ?? 'unset',
          ]),
        ).toEqual([
          ['reviewers', CREATED, role, 2],
          // UpdateGroup changes what it is given: the role ARN left out is kept.
          ['reviewers', UPDATED, role, 0],
          ['reviewers', DELETED, '', 'unset'],
        ]);
        expect(events.every((e) => e.type === AccountEventType.GROUP_CHANGED)).toBe(true);
        expect(events.every((e) => e.userPoolId === pool.userPoolId && e.occurredAt !== '')).toBe(true);
      }
    } finally {
      streams.forEach((s) => s.cancel());
    }
  });

  it("refuses a revoked session's tokens and keeps the others", async () => {
    const pool = await createPasswordPool(admin, system.endpoint, `grpc-${randomBytes(3).toString('hex')}`);
    const first = await newSignedInUser(admin, app, pool, 'grpc-carol', PASSWORD);
    const second = await signIn(app, pool, 'grpc-carol', PASSWORD);
    await app.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: first.RefreshToken! }));
    for (const client of clients) {
      await eventually(async () =>
        expect((await client.verifyToken({ token: first.AccessToken! })).active).toBe(false),
      );
      expect((await client.verifyToken({ token: second.AccessToken! })).active).toBe(true);
    }
  });

  it('refuses unsigned, forged, replayed and re-targeted calls', async () => {
    const client = clients[0];
    const token = 'a.b.c';
    expect(await refusal(client.verifyToken({ token }, { signer: null }))).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'MissingAuthenticationTokenException',
    });
    expect(
      await refusal(client.verifyToken({ token }, { signer: { ...adminKey, secretAccessKey: 'forged' } })),
    ).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'InvalidSignatureException',
    });
    const first = await client.unary(
      '/idfed.tokens.v1.Tokens/VerifyToken',
      idfed.tokens.v1.VerifyTokenRequest,
      idfed.tokens.v1.VerifyTokenResponse,
      { token },
    );
    expect(await refusal(client.verifyToken({ token }, { metadata: first.sent }))).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'InvalidSignatureException',
    });
    const elsewhere = client.sign('/idfed.tokens.v1.Tokens/VerifyOpenIdToken', first.body, adminKey);
    expect(await refusal(client.verifyToken({ token }, { metadata: elsewhere }))).toMatchObject({
      code: status.UNAUTHENTICATED,
    });
    expect(
      await refusal(client.verifyToken({ token }, { signedAt: new Date(Date.now() - 600_000) })),
    ).toMatchObject({
      code: status.UNAUTHENTICATED,
      name: 'InvalidSignatureException',
    });
  });

  it('takes temporary credentials whose role allows the call, and verifies identity pool OpenID tokens', async () => {
    const identities = syncIdentities(system);
    const name = `grpc-${randomBytes(3).toString('hex')}`;
    const { poolId } = await identities.poolWithGuestRole(name, ['cognito-sync:ListRecords']);
    // An internal app's role, assumed with STS: it may call VerifyOpenIdToken (`idfed:<Method>` on `*`).
    const iam = new IAMClient({ ...identities.base, credentials: identities.admin });
    const { Role } = await iam.send(
      new CreateRoleCommand({
        RoleName: `${name}-checker`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::000000000000:root' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: `${name}-checker`,
        PolicyName: 'grpc',
        PolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'idfed:VerifyOpenIdToken', Resource: '*' }],
        }),
      }),
    );
    const sts = new STSClient({ ...identities.base, credentials: identities.admin });
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({ RoleArn: Role!.Arn!, RoleSessionName: 'checker' }),
    );
    const checker = {
      accessKeyId: c!.AccessKeyId!,
      secretAccessKey: c!.SecretAccessKey!,
      sessionToken: c!.SessionToken!,
    };
    // GetOpenIdToken for a guest is the basic (classic) flow.
    await new CognitoIdentityClient({ ...identities.base, credentials: identities.admin }).send(
      new UpdateIdentityPoolCommand({
        IdentityPoolId: poolId,
        IdentityPoolName: name,
        AllowUnauthenticatedIdentities: true,
        AllowClassicFlow: true,
      }),
    );
    const guest = await identities.guest(poolId);
    const identityApp = new CognitoIdentityClient({
      ...identities.base,
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
    });
    const { Token } = await identityApp.send(new GetOpenIdTokenCommand({ IdentityId: guest.identityId }));
    for (const address of system.grpcGateways) {
      const asGuest = new IdfedGrpcClient(address, checker);
      try {
        const answer = await asGuest.verifyOpenIdToken({ token: Token!, identityPoolId: poolId });
        expect(answer).toMatchObject({ active: true, identityId: guest.identityId, identityPoolId: poolId });
        const otherPool = await asGuest.verifyOpenIdToken({
          token: Token!,
          identityPoolId: `us-east-1:${randomUUID()}`,
        });
        expect(otherPool.active).toBe(false);
        // The role allows VerifyOpenIdToken only.
        expect(await refusal(asGuest.verifyToken({ token: Token! }))).toMatchObject({
          code: status.PERMISSION_DENIED,
          name: 'AccessDeniedException',
        });
      } finally {
        asGuest.close();
      }
    }
  });

  it("answers the authorizer's decision for a SigV4-signed request, as POST /authorize", async () => {
    const identities = syncIdentities(system);
    const { poolId } = await identities.poolWithGuestRole(`grpc-${randomBytes(3).toString('hex')}`, [
      'cognito-sync:ListRecords',
    ]);
    const guest = await identities.guest(poolId);
    const path = `/identitypools/${poolId}/identities/${guest.identityId}/datasets/settings/records`;
    const signed = signRequest(
      { method: 'GET', path, query: '', headers: { host: 'sync.internal' }, body: '' },
      guest.credentials,
      {
        region: 'us-east-1',
        service: 'cognito-sync',
      },
    );
    const headers = Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k, { values: [String(v)] }]),
    );
    const request = { method: 'GET', path, query: '', headers, service: 'cognito-sync' };
    const resource = `arn:aws:cognito-sync:us-east-1:000000000000:identitypool/${poolId}/identity/${guest.identityId}/dataset/settings`;
    for (const client of clients) {
      const allowed = await client.authorize({ action: 'cognito-sync:ListRecords', resource, request });
      expect(allowed).toMatchObject({ authenticated: true, allowed: true, decision: 'Allow' });
      const other = await client.authorize({
        action: 'cognito-sync:ListRecords',
        resource: resource.replace(guest.identityId, `us-east-1:${randomUUID()}`),
        request,
      });
      expect(other).toMatchObject({ authenticated: true, allowed: false });
    }
  });

  it('looks a user and their groups up, and runs admin operations mapped from the registry', async () => {
    for (const client of clients) {
      const created = await client.invoke('cognito-idp', 'CreateUserPool', {
        PoolName: `grpc-admin-${randomBytes(3).toString('hex')}`,
      });
      const poolId = (created.UserPool as { Id: string }).Id;
      await client.invoke('cognito-idp', 'AdminCreateUser', {
        UserPoolId: poolId,
        Username: 'grpc-dave',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: 'dave@example.com' }],
      });
      for (const GroupName of ['b-team', 'a-team']) {
        await client.invoke('cognito-idp', 'CreateGroup', {
          UserPoolId: poolId,
          GroupName,
          Precedence: GroupName === 'a-team' ? 1 : undefined,
        });
        await client.invoke('cognito-idp', 'AdminAddUserToGroup', {
          UserPoolId: poolId,
          Username: 'grpc-dave',
          GroupName,
        });
      }
      const user = await client.getUser({ userPoolId: poolId, username: 'grpc-dave' });
      expect(user).toMatchObject({ username: 'grpc-dave', enabled: true, status: 'FORCE_CHANGE_PASSWORD' });
      expect(user.attributes).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'email', value: 'dave@example.com' })]),
      );
      expect(user.groups.map((g) => g.name).sort()).toEqual(['a-team', 'b-team']);
      expect(user.groups.find((g) => g.name === 'a-team')!.precedence).toBe(1);
      // The AWS error of the operation, in the details.
      expect(await refusal(client.getUser({ userPoolId: poolId, username: 'nobody' }))).toMatchObject({
        code: status.NOT_FOUND,
        name: 'UserNotFoundException',
      });
      expect(
        await refusal(client.invoke('cognito-idp', 'DescribeUserPool', { UserPoolId: 'us-east-1_Nope0000' })),
      ).toMatchObject({
        code: status.NOT_FOUND,
        name: 'ResourceNotFoundException',
      });
      const role = await client.invoke('iam', 'CreateRole', {
        RoleName: `grpc-${randomBytes(3).toString('hex')}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::000000000000:root' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      });
      expect((role.Role as { Arn: string }).Arn).toMatch(/^arn:aws:iam::000000000000:role\/grpc-/);
      const identityPool = await client.invoke('cognito-identity', 'CreateIdentityPool', {
        IdentityPoolName: 'grpc',
        AllowUnauthenticatedIdentities: false,
      });
      expect(identityPool.IdentityPoolId).toMatch(/^us-east-1:/);
    }
  });
});
