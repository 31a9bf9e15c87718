import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  GetClientTokenCommand,
  GetDerivedTokenCommand,
  GetDerivedTokenCommandInput,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { decodeJwt } from 'jose';
import { createHmac, randomBytes } from 'node:crypto';
import { errors, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

const PASSWORD = 'Derive-A-Token-1!';
const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;

/**
 * GetDerivedToken (RFC 8693 token exchange, ADR 0088) through the AWS SDK, the issued tokens
 * checked with aws-jwt-verify: impersonation and delegation (`act`), narrowed scopes, a resource
 * server as `aud`, an ID token, the session kept (a global sign-out revokes the issued token). The
 * attacks: a client without the flow, a wrong or missing secret, another client's or another
 * pool's subject token, a revoked or forged one, scopes the subject token lacks, an audience, an
 * unknown resource, a user's or another client's token as the actor.
 */
describe('GetDerivedToken', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  /** A pool with a resource server `<api>` of scopes read and write. */
  async function pool() {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `derived-${randomBytes(3).toString('hex')}` }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    const api = `https://api-${randomBytes(3).toString('hex')}.example.com`;
    await admin.send(
      new CreateResourceServerCommand({
        UserPoolId: poolId,
        Identifier: api,
        Name: 'api',
        Scopes: ['read', 'write'].map((s) => ({ ScopeName: s, ScopeDescription: s })),
      }),
    );
    return { poolId, api };
  }

  /**
   * A confidential client users sign in through, allowed the exchanges given; its own machine
   * token comes from the client_credentials grant (scope `<api>/read`).
   */
  async function client(
    poolId: string,
    api: string,
    exchange: string[],
    extra: Partial<CreateUserPoolClientCommandInput> = {},
  ) {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'service',
        GenerateSecret: true,
        ExplicitAuthFlows: [...FLOWS, ...exchange] as never,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [`${api}/read`],
        ...extra,
      }),
    );
    return {
      id: UserPoolClient!.ClientId!,
      secret: UserPoolClient!.ClientSecret!,
      flows: UserPoolClient!.ExplicitAuthFlows,
    };
  }

  /** A new confirmed user signed in through the client: its access and ID tokens. */
  async function signedIn(poolId: string, c: { id: string; secret: string }) {
    const username = `u-${randomBytes(4).toString('hex')}`;
    const SECRET_HASH = createHmac('sha256', c.secret)
      .update(username + c.id)
      .digest('base64');
    await app.send(
      new SignUpCommand({ ClientId: c.id, Username: username, Password: PASSWORD, SecretHash: SECRET_HASH }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: c.id,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD, SECRET_HASH },
      }),
    );
    return { username, access: AuthenticationResult!.AccessToken!, id: AuthenticationResult!.IdToken! };
  }

  const derive = (input: Partial<GetDerivedTokenCommandInput> & { ClientId: string; SubjectToken: string }) =>
    app.send(new GetDerivedTokenCommand({ SubjectTokenType: 'ACCESS_TOKEN', ...input }));

  async function verifier(poolId: string, use: 'access' | 'id', audience: string | null) {
    const jwksUri = `${system.endpoint}/${poolId}/.well-known/jwks.json`;
    const v = JwtVerifier.create({
      issuer: `${system.endpoint}/${poolId}`,
      audience,
      jwksUri,
      tokenUse: use,
    });
    // aws-jwt-verify fetches over https only; the test endpoint is plain http on loopback.
    v.cacheJwks((await (await fetch(jwksUri)).json()) as never);
    return v;
  }

  it('stores and answers the two token exchange flows', async () => {
    const { poolId, api } = await pool();
    const c = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    expect(c.flows).toEqual(expect.arrayContaining(['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']));
    await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: c.id,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_TOKEN_EXCHANGE_DELEGATION'],
      }),
    );
    const { UserPoolClient } = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.id }),
    );
    expect(UserPoolClient!.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_TOKEN_EXCHANGE_DELEGATION']),
    );
    expect(UserPoolClient!.ExplicitAuthFlows).not.toContain('ALLOW_TOKEN_EXCHANGE_IMPERSONATION');
  });

  it('impersonates: the same user and session, narrowed scopes, bound to a resource server', async () => {
    const { poolId, api } = await pool();
    // A client of the code grant may be given the self-service scope (a machine client may not).
    const c = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION'], {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: ['https://app.example.com/cb'],
      AllowedOAuthScopes: ['aws.cognito.signin.user.admin', `${api}/read`],
    });
    const user = await signedIn(poolId, c);
    const subject = decodeJwt(user.access);
    // Groups are read when the token is issued: one joined after the sign-in is in the issued token.
    await admin.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'readers' }));
    await admin.send(
      new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: user.username, GroupName: 'readers' }),
    );

    const same = await derive({ ClientId: c.id, ClientSecret: c.secret, SubjectToken: user.access });
    expect(same).toMatchObject({
      IssuedTokenType: 'ACCESS_TOKEN',
      TokenType: 'Bearer',
      Scopes: ['aws.cognito.signin.user.admin'],
    });
    expect(same.ExpiresIn).toBeGreaterThan(0);
    expect(same.ExpiresIn).toBeLessThanOrEqual(3600);
    const claims = await (await verifier(poolId, 'access', null)).verify(same.IssuedToken!);
    expect(claims).toMatchObject({
      sub: subject.sub,
      username: user.username,
      client_id: c.id,
      origin_jti: subject.origin_jti,
      scope: 'aws.cognito.signin.user.admin',
      'cognito:groups': ['readers'],
    });
    expect(claims).not.toHaveProperty('act');
    expect(claims.jti).not.toBe(subject.jti);
    // A token of the same session: it serves the user's own operations.
    expect((await app.send(new GetUserCommand({ AccessToken: same.IssuedToken! }))).Username).toBe(
      user.username,
    );

    // Bound to the pool's resource server, with a scope the subject token lacks left out.
    const bound = await derive({
      ClientId: c.id,
      ClientSecret: c.secret,
      SubjectToken: user.access,
      Resources: [api],
      Scopes: ['aws.cognito.signin.user.admin', `${api}/read`],
    });
    expect(bound.Scopes).toEqual(['aws.cognito.signin.user.admin']);
    const boundClaims = await (await verifier(poolId, 'access', api)).verify(bound.IssuedToken!);
    expect(boundClaims.aud).toBe(api);

    // An ID token from an ID token.
    const id = await derive({
      ClientId: c.id,
      ClientSecret: c.secret,
      SubjectToken: user.id,
      SubjectTokenType: 'ID_TOKEN',
      RequestedTokenType: 'ID_TOKEN',
    });
    expect(id.IssuedTokenType).toBe('ID_TOKEN');
    // RFC 8693 2.2.1: an ID token is not an access token.
    expect(id.TokenType).toBe('N_A');
    expect(id.Scopes).toBeUndefined();
    const idClaims = await (await verifier(poolId, 'id', c.id)).verify(id.IssuedToken!);
    expect(idClaims).toMatchObject({ sub: subject.sub, 'cognito:username': user.username });
  });

  it('delegates: the client’s own machine token as the actor becomes act', async () => {
    const { poolId, api } = await pool();
    const c = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_DELEGATION']);
    const user = await signedIn(poolId, c);
    const { ClientAuthenticationResult } = await app.send(
      new GetClientTokenCommand({ ClientId: c.id, Secret: c.secret }),
    );
    const actor = ClientAuthenticationResult!.AccessToken!;
    const issued = await derive({
      ClientId: c.id,
      ClientSecret: c.secret,
      SubjectToken: user.access,
      ActorToken: actor,
      ActorTokenType: 'ACCESS_TOKEN',
    });
    const claims = await (await verifier(poolId, 'access', null)).verify(issued.IssuedToken!);
    expect(claims).toMatchObject({ sub: decodeJwt(user.access).sub, act: { sub: c.id } });

    // Delegation needs its own flow; impersonation its own.
    await expectAwsError(
      derive({ ClientId: c.id, ClientSecret: c.secret, SubjectToken: user.access }),
      'InvalidParameterException',
    );
    // A user's token is no intermediary; nor is another client's machine token.
    await expectAwsError(
      derive({
        ClientId: c.id,
        ClientSecret: c.secret,
        SubjectToken: user.access,
        ActorToken: (await signedIn(poolId, c)).access,
        ActorTokenType: 'ACCESS_TOKEN',
      }),
      'NotAuthorizedException',
    );
    const other = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_DELEGATION']);
    const otherActor = (
      await app.send(new GetClientTokenCommand({ ClientId: other.id, Secret: other.secret }))
    ).ClientAuthenticationResult!.AccessToken!;
    await expectAwsError(
      derive({
        ClientId: c.id,
        ClientSecret: c.secret,
        SubjectToken: user.access,
        ActorToken: otherActor,
        ActorTokenType: 'ACCESS_TOKEN',
      }),
      'NotAuthorizedException',
    );
  });

  it('refuses a client without the flow, a wrong or missing secret', async () => {
    const { poolId, api } = await pool();
    const none = await client(poolId, api, []);
    const user = await signedIn(poolId, none);
    await expectAwsError(
      derive({ ClientId: none.id, ClientSecret: none.secret, SubjectToken: user.access }),
      'InvalidParameterException',
    );
    const c = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    const mine = await signedIn(poolId, c);
    await expectAwsError(derive({ ClientId: c.id, SubjectToken: mine.access }), 'NotAuthorizedException');
    // A public client needs no secret, and a secret given to it is refused.
    const { UserPoolClient: pub } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'public',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_TOKEN_EXCHANGE_IMPERSONATION'],
      }),
    );
    const { AuthenticationResult: pubTokens } = await app.send(
      new InitiateAuthCommand({
        ClientId: pub!.ClientId!,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: mine.username, PASSWORD },
      }),
    );
    const viaPublic = await derive({ ClientId: pub!.ClientId!, SubjectToken: pubTokens!.AccessToken! });
    expect(decodeJwt(viaPublic.IssuedToken!).client_id).toBe(pub!.ClientId);
    await expectAwsError(
      derive({ ClientId: pub!.ClientId!, ClientSecret: c.secret, SubjectToken: pubTokens!.AccessToken! }),
      'NotAuthorizedException',
    );
    await expectAwsError(
      derive({ ClientId: c.id, ClientSecret: none.secret, SubjectToken: mine.access }),
      'NotAuthorizedException',
    );
  });

  it('refuses another client’s, another pool’s, a forged and a revoked subject token', async () => {
    const { poolId, api } = await pool();
    const c = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    const sibling = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    const elsewhere = await pool();
    const foreign = await client(elsewhere.poolId, elsewhere.api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    const user = await signedIn(poolId, c);
    const ask = (SubjectToken: string) => derive({ ClientId: c.id, ClientSecret: c.secret, SubjectToken });

    await expectAwsError(ask((await signedIn(poolId, sibling)).access), 'NotAuthorizedException');
    await expectAwsError(ask((await signedIn(elsewhere.poolId, foreign)).access), 'NotAuthorizedException');
    // An ID token given as an access token, and a token whose claims were changed.
    await expectAwsError(ask(user.id), 'NotAuthorizedException');
    const [h, p, s] = user.access.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, scope: `${api}/read ${api}/write` })).toString(
      'base64url',
    );
    await expectAwsError(ask(`${h}.${forged}.${s}`), 'NotAuthorizedException');

    // A global sign-out revokes the subject token and the tokens issued from it.
    const issued = (await ask(user.access)).IssuedToken!;
    await app.send(new GlobalSignOutCommand({ AccessToken: user.access }));
    await expectAwsError(ask(user.access), 'NotAuthorizedException');
    await expectAwsError(app.send(new GetUserCommand({ AccessToken: issued })), 'NotAuthorizedException');
    await expectAwsError(ask(issued), 'NotAuthorizedException');
  });

  it('never widens: scopes the subject lacks, an audience, an unknown resource, bad requests', async () => {
    const { poolId, api } = await pool();
    const c = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    const user = await signedIn(poolId, c);
    const base = { ClientId: c.id, ClientSecret: c.secret, SubjectToken: user.access };
    // The client may have `<api>/read`; the user's token does not: nothing is granted.
    const narrowed = await derive({ ...base, Scopes: [`${api}/read`, `${api}/write`] });
    expect(narrowed.Scopes).toEqual([]);
    expect(decodeJwt(narrowed.IssuedToken!).scope).toBe('');
    await expectAwsError(
      derive({ ...base, Audiences: ['https://elsewhere.example.com'] }),
      'InvalidParameterException',
    );
    await expectAwsError(
      derive({ ...base, Audiences: [api], Resources: [api] }),
      'InvalidParameterException',
    );
    await expectAwsError(
      derive({ ...base, Resources: ['https://unknown.example.com'] }),
      'InvalidParameterException',
    );
    await expectAwsError(derive({ ...base, SubjectTokenType: 'SAML2' }), 'InvalidParameterException');
    await expectAwsError(
      derive({ ...base, SubjectTokenProviderName: 'Google' }),
      'InvalidParameterException',
    );
    await expectAwsError(derive({ ...base, ActorToken: user.access }), 'InvalidParameterException');
    await expectAwsError(
      derive({ ...base, RequestedTokenType: 'SAML2' as never }),
      'InvalidParameterException',
    );
  });

  it('serves the same exchange as the token endpoint’s token-exchange grant (openid-client)', async () => {
    const { poolId, api } = await pool();
    const c = await client(poolId, api, [
      'ALLOW_TOKEN_EXCHANGE_IMPERSONATION',
      'ALLOW_TOKEN_EXCHANGE_DELEGATION',
    ]);
    const user = await signedIn(poolId, c);
    const issuer = await Issuer.discover(`${system.endpoint}/${poolId}`);
    const oidc = new issuer.Client({ client_id: c.id, client_secret: c.secret });
    const AT = 'urn:ietf:params:oauth:token-type:access_token';
    const GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
    const actor = (await app.send(new GetClientTokenCommand({ ClientId: c.id, Secret: c.secret })))
      .ClientAuthenticationResult!.AccessToken!;
    const granted = await oidc.grant({
      grant_type: GRANT,
      subject_token: user.access,
      subject_token_type: AT,
      actor_token: actor,
      actor_token_type: AT,
      resource: api,
    });
    expect(granted).toMatchObject({
      issued_token_type: AT,
      token_type: 'Bearer',
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(granted.refresh_token).toBeUndefined();
    const claims = await (await verifier(poolId, 'access', api)).verify(granted.access_token!);
    expect(claims).toMatchObject({ sub: decodeJwt(user.access).sub, client_id: c.id, act: { sub: c.id } });

    const refusal = async (body: Record<string, string>, auth = oidc) => {
      try {
        await auth.grant({ grant_type: GRANT, subject_token_type: AT, ...body });
        return 'granted';
      } catch (err) {
        if (err instanceof errors.OPError) return err.error;
        throw err;
      }
    };
    const other = await client(poolId, api, ['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    expect(await refusal({ subject_token: (await signedIn(poolId, other)).access })).toBe('invalid_grant');
    expect(await refusal({ subject_token: user.access, audience: 'https://elsewhere.example.com' })).toBe(
      'invalid_target',
    );
    expect(await refusal({ subject_token: user.access, subject_token_type: 'urn:example:jwt' })).toBe(
      'invalid_request',
    );
    expect(
      await refusal(
        { subject_token: user.access },
        new issuer.Client({ client_id: c.id, client_secret: other.secret }),
      ),
    ).toBe('invalid_client');
    const without = await client(poolId, api, []);
    const withoutUser = await signedIn(poolId, without);
    expect(
      await refusal(
        { subject_token: withoutUser.access },
        new issuer.Client({ client_id: without.id, client_secret: without.secret }),
      ),
    ).toBe('unauthorized_client');
  });
});
