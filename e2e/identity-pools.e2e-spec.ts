import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  UnlinkDeveloperIdentityCommand,
  UnlinkIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  GlobalSignOutCommand,
  RevokeTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createPasswordPool, newSignedInUser } from './support/user-pools';

/**
 * Identity pools through @aws-sdk/client-cognito-identity: identities found or created from
 * user-pool logins and guests, linking, conflicts, developer identities and merges, and the
 * broker's own OpenID token verified against its published keys.
 */
describe('identity pools through the AWS SDK', () => {
  const system = e2eSystem();
  const identity = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new CognitoIdentityClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
    });
  const admin = identity({
    accessKeyId: system.adminAccessKeyId,
    secretAccessKey: system.adminSecretAccessKey,
  });
  const app = identity({ accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });
  let idpAdmin: CognitoIdentityProviderClient;
  let idpApp: CognitoIdentityProviderClient;
  let userPoolId: string;
  let clientId: string;
  let providerName: string;
  let identityPoolId: string;

  async function signIn(username: string): Promise<string> {
    return (await signInTokens(username)).IdToken!;
  }

  async function signInTokens(username: string) {
    return newSignedInUser(
      idpAdmin,
      idpApp,
      { userPoolId, clientId, providerName },
      username,
      'Identity-Pass1!',
    );
  }

  /** Retries until the broker has applied the user directory's event (it arrives over the bus). */
  async function eventuallyRefused(call: () => Promise<unknown>): Promise<void> {
    await eventually(() => expectAwsError(call(), 'NotAuthorizedException'), {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
  }

  beforeAll(async () => {
    idpAdmin = cognitoAdmin(system);
    idpApp = cognitoPublic(system);
    ({ userPoolId, clientId, providerName } = await createPasswordPool(
      idpAdmin,
      system.endpoint,
      'identity-source',
    ));
    const pool = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'e2e identities',
        AllowUnauthenticatedIdentities: true,
        AllowClassicFlow: true,
        DeveloperProviderName: 'login.example.app',
        CognitoIdentityProviders: [
          { ProviderName: providerName, ClientId: clientId, ServerSideTokenCheck: true },
        ],
      }),
    );
    identityPoolId = pool.IdentityPoolId!;
  });

  afterAll(() => {
    for (const c of [admin, app, idpAdmin, idpApp]) c.destroy();
  });

  it('creates, describes and lists an identity pool with Cognito-shaped ids', async () => {
    expect(identityPoolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    const described = await admin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: identityPoolId }));
    expect(described.CognitoIdentityProviders).toEqual([
      { ProviderName: providerName, ClientId: clientId, ServerSideTokenCheck: true },
    ]);
    const listed = await admin.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    expect(listed.IdentityPools?.map((p) => p.IdentityPoolId)).toContain(identityPoolId);
  });

  it('sets and reads the pool roles and role mappings', async () => {
    const Roles = {
      authenticated: 'arn:aws:iam::000000000000:role/e2e-auth',
      unauthenticated: 'arn:aws:iam::000000000000:role/e2e-guest',
    };
    const RoleMappings = {
      [`${providerName}:${clientId}`]: {
        Type: 'Rules' as const,
        AmbiguousRoleResolution: 'AuthenticatedRole' as const,
        RulesConfiguration: {
          Rules: [
            {
              Claim: 'cognito:username',
              MatchType: 'StartsWith' as const,
              Value: 'admin',
              RoleARN: 'arn:aws:iam::000000000000:role/e2e-admin',
            },
          ],
        },
      },
    };
    await admin.send(
      new SetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId, Roles, RoleMappings }),
    );
    await expect(
      admin.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: identityPoolId })),
    ).resolves.toMatchObject({
      Roles,
      RoleMappings,
    });
  });

  it('gives each guest a new identity without logins', async () => {
    const a = await app.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    const b = await app.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(a.IdentityId).not.toBe(b.IdentityId);
    const described = await admin.send(new DescribeIdentityCommand({ IdentityId: a.IdentityId! }));
    expect(described.Logins ?? []).toEqual([]);
  });

  it('maps the same user-pool login to the same identity, in either provider spelling', async () => {
    const token = await signIn('erin');
    const first = await app.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }),
    );
    const again = await app.send(
      new GetIdCommand({
        IdentityPoolId: identityPoolId,
        Logins: { [`cognito-idp.us-east-1.amazonaws.com/${userPoolId}`]: token },
      }),
    );
    expect(again.IdentityId).toBe(first.IdentityId);
    const described = await admin.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId! }));
    expect(described.Logins).toEqual([providerName]);
  });

  it('turns a guest identity into an authenticated one when it presents a login', async () => {
    const guest = await app.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    const token = await signIn('frank');
    const result = await app.send(
      new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId!, Logins: { [providerName]: token } }),
    );
    expect(result.IdentityId).toBe(guest.IdentityId);
    const byLogin = await app.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }),
    );
    expect(byLogin.IdentityId).toBe(guest.IdentityId);
    // An authenticated identity no longer works without its login.
    await expectAwsError(
      app.send(new GetOpenIdTokenCommand({ IdentityId: guest.IdentityId! })),
      'NotAuthorizedException',
    );
  });

  it('refuses a login already linked to another identity', async () => {
    const token = await signIn('grace');
    await app.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }));
    const other = await app.send(new GetIdCommand({ IdentityPoolId: identityPoolId }));
    await expectAwsError(
      app.send(
        new GetOpenIdTokenCommand({ IdentityId: other.IdentityId!, Logins: { [providerName]: token } }),
      ),
      'ResourceConflictException',
    );
  });

  it('issues an OpenID token that verifies against the broker issuer keys', async () => {
    const token = await signIn('heidi');
    const { IdentityId, Token } = await app.send(
      new GetOpenIdTokenCommand({
        IdentityId: (
          await app.send(
            new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }),
          )
        ).IdentityId!,
        Logins: { [providerName]: token },
      }),
    );
    const issuer = `${system.endpoint}/identity`;
    const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
      jwks_uri: string;
    };
    const { payload } = await jwtVerify(Token!, createRemoteJWKSet(new URL(discovery.jwks_uri)), {
      issuer,
      audience: identityPoolId,
    });
    expect(payload.sub).toBe(IdentityId);
    expect(payload.amr).toEqual([
      'authenticated',
      providerName,
      expect.stringMatching(`^${providerName}:CognitoSignIn:`),
    ]);
  });

  it('refuses forged and foreign tokens with NotAuthorizedException', async () => {
    const token = await signIn('ivan');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${s}`;
    await expectAwsError(
      app.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: forged } })),
      'NotAuthorizedException',
    );
    await expectAwsError(
      app.send(
        new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { 'unknown.example.com': token } }),
      ),
      'NotAuthorizedException',
    );
  });

  it('refuses the token of a deleted user (ServerSideTokenCheck) and unlinks them', async () => {
    const token = await signIn('judy');
    const { IdentityId } = await app.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }),
    );
    await idpAdmin.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: 'judy' }));
    await eventuallyRefused(() =>
      app.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } })),
    );
    const described = await admin.send(new DescribeIdentityCommand({ IdentityId: IdentityId! }));
    expect(described.Logins ?? []).toEqual([]);
  });

  it('refuses tokens issued before a global sign-out, and those of a disabled user', async () => {
    const tokens = await signInTokens('louis');
    const getId = (token: string) =>
      app.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }));
    await getId(tokens.IdToken!);
    await idpApp.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken! }));
    await eventuallyRefused(() => getId(tokens.IdToken!));
    // A sign-in after the sign-out is a new session, even within the same second.
    await expect(
      getId(
        (
          await idpApp.send(
            new InitiateAuthCommand({
              ClientId: clientId,
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: 'louis', PASSWORD: 'Identity-Pass1!' },
            }),
          )
        ).AuthenticationResult!.IdToken!,
      ),
    ).resolves.toHaveProperty('IdentityId');

    const fresh = await signInTokens('mia');
    await getId(fresh.IdToken!);
    await idpAdmin.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: 'mia' }));
    await eventuallyRefused(() => getId(fresh.IdToken!));

    // RevokeToken ends one session: its ID token stops working, a newer session's does not.
    const first = await signInTokens('nina');
    const second = await idpApp.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'nina', PASSWORD: 'Identity-Pass1!' },
      }),
    );
    await idpApp.send(new RevokeTokenCommand({ ClientId: clientId, Token: first.RefreshToken! }));
    await eventuallyRefused(() => getId(first.IdToken!));
    await expect(getId(second.AuthenticationResult!.IdToken!)).resolves.toHaveProperty('IdentityId');
  });

  it('unlinks a login on request', async () => {
    const token = await signIn('ken');
    const { IdentityId } = await app.send(
      new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName]: token } }),
    );
    await app.send(
      new UnlinkIdentityCommand({
        IdentityId: IdentityId!,
        Logins: { [providerName]: token },
        LoginsToRemove: [providerName],
      }),
    );
    const described = await admin.send(new DescribeIdentityCommand({ IdentityId: IdentityId! }));
    expect(described.Logins ?? []).toEqual([]);
  });

  it('runs developer-authenticated identities: token, lookup, merge, unlink', async () => {
    const dev = (user: string) =>
      admin.send(
        new GetOpenIdTokenForDeveloperIdentityCommand({
          IdentityPoolId: identityPoolId,
          Logins: { 'login.example.app': user },
          TokenDuration: 900,
        }),
      );
    const alice = await dev('dev-alice');
    const again = await dev('dev-alice');
    expect(again.IdentityId).toBe(alice.IdentityId);
    const bob = await dev('dev-bob');
    expect(bob.IdentityId).not.toBe(alice.IdentityId);
    const lookup = await admin.send(
      new LookupDeveloperIdentityCommand({
        IdentityPoolId: identityPoolId,
        DeveloperUserIdentifier: 'dev-bob',
      }),
    );
    expect(lookup).toMatchObject({ IdentityId: bob.IdentityId, DeveloperUserIdentifierList: ['dev-bob'] });

    const merged = await admin.send(
      new MergeDeveloperIdentitiesCommand({
        IdentityPoolId: identityPoolId,
        DeveloperProviderName: 'login.example.app',
        SourceUserIdentifier: 'dev-bob',
        DestinationUserIdentifier: 'dev-alice',
      }),
    );
    expect(merged.IdentityId).toBe(alice.IdentityId);
    await expectAwsError(
      admin.send(new DescribeIdentityCommand({ IdentityId: bob.IdentityId! })),
      'ResourceNotFoundException',
    );
    const after = await admin.send(
      new LookupDeveloperIdentityCommand({ IdentityPoolId: identityPoolId, IdentityId: alice.IdentityId! }),
    );
    expect(after.DeveloperUserIdentifierList?.sort()).toEqual(['dev-alice', 'dev-bob']);

    await admin.send(
      new UnlinkDeveloperIdentityCommand({
        IdentityPoolId: identityPoolId,
        IdentityId: alice.IdentityId!,
        DeveloperProviderName: 'login.example.app',
        DeveloperUserIdentifier: 'dev-bob',
      }),
    );
    const listed = await admin.send(
      new ListIdentitiesCommand({ IdentityPoolId: identityPoolId, MaxResults: 60 }),
    );
    expect(listed.Identities?.map((i) => i.IdentityId)).toContain(alice.IdentityId);
  });

  it('validates input and refuses guests where the pool does not allow them', async () => {
    await expectAwsError(
      admin.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'bad/name',
          AllowUnauthenticatedIdentities: false,
        }),
      ),
      'ValidationException',
    );
    const closed = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'members only',
        AllowUnauthenticatedIdentities: false,
      }),
    );
    await expectAwsError(
      app.send(new GetIdCommand({ IdentityPoolId: closed.IdentityPoolId! })),
      'NotAuthorizedException',
    );
    await admin.send(new DeleteIdentityPoolCommand({ IdentityPoolId: closed.IdentityPoolId! }));
    await expectAwsError(
      admin.send(new DescribeIdentityPoolCommand({ IdentityPoolId: closed.IdentityPoolId! })),
      'ResourceNotFoundException',
    );
  });
});
