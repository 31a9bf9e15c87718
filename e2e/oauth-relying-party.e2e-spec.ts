import {
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { BaseClient, errors, generators, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import {
  browse,
  CookieJar,
  createConfirmedUser,
  createOAuthPool,
  OAuthPool,
  signInThroughHostedUi,
} from './support/hosted-ui';

const PASSWORD = 'Hosted-Pass1!';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * A user pool's OAuth 2.0 / OpenID Connect endpoints with a real relying party, openid-client:
 * discovery, authorization code with PKCE through the hosted sign-in page, the ID token checked by
 * the library, userInfo, refresh at the token endpoint and by REFRESH_TOKEN_AUTH, revocation,
 * single sign-on through the hosted session and sign-out.
 */
describe('OAuth 2.0 endpoints with openid-client', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let issuer: Issuer<BaseClient>;
  let spa: BaseClient;
  let server: BaseClient;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    pool = await createOAuthPool(admin, system.endpoint);
    issuer = await Issuer.discover(pool.issuer);
    spa = new issuer.Client({
      client_id: pool.publicClientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
    server = new issuer.Client({
      client_id: pool.secretClientId,
      client_secret: pool.secretClientSecret,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  async function newUser(): Promise<string> {
    const username = `rp-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, username, PASSWORD);
    return username;
  }

  it('discovers the pool: endpoints, scopes, response and grant types, PKCE methods', () => {
    const m = issuer.metadata;
    expect(m.issuer).toBe(pool.issuer);
    expect(m.authorization_endpoint).toBe(`${pool.issuer}/oauth2/authorize`);
    expect(m.token_endpoint).toBe(`${pool.issuer}/oauth2/token`);
    expect(m.userinfo_endpoint).toBe(`${pool.issuer}/oauth2/userInfo`);
    expect(m.revocation_endpoint).toBe(`${pool.issuer}/oauth2/revoke`);
    expect(m.end_session_endpoint).toBe(`${pool.issuer}/logout`);
    expect(m.scopes_supported).toEqual(expect.arrayContaining(['openid', 'email', 'profile']));
    expect(m.response_types_supported).toEqual(['code', 'token']);
    expect(m.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    expect(m.code_challenge_methods_supported).toEqual(['S256', 'plain']);
  });

  it('signs in with code and PKCE; the tokens are the sign-in API tokens, with the scopes', async () => {
    const username = await newUser();
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const nonce = generators.nonce();
    const url = spa.authorizationUrl({
      scope: 'openid email',
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const callback = await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD);
    expect(callback.startsWith(`${pool.redirectUri}?`)).toBe(true);
    const tokens = await spa.callback(pool.redirectUri, spa.callbackParams(callback), {
      code_verifier: verifier,
      state,
      nonce,
    });
    // openid-client verified the ID token (signature through the JWKS, iss, aud, exp, nonce).
    const id = tokens.claims();
    expect(id).toMatchObject({
      iss: pool.issuer,
      aud: pool.publicClientId,
      nonce,
      'cognito:username': username,
      email: `${username}@example.com`,
      token_use: 'id',
    });
    const access = claimsOf(tokens.access_token!);
    expect(access).toMatchObject({
      client_id: pool.publicClientId,
      scope: 'openid email',
      token_use: 'access',
    });
    expect(tokens.refresh_token).toBeDefined();

    const info = await spa.userinfo(tokens.access_token!);
    expect(info).toMatchObject({ sub: id.sub, email: `${username}@example.com`, username });

    // The same refresh token at the token endpoint and through REFRESH_TOKEN_AUTH, same scopes.
    const refreshed = await spa.refresh(tokens.refresh_token!);
    expect(claimsOf(refreshed.access_token!)).toMatchObject({
      scope: 'openid email',
      origin_jti: access.origin_jti,
    });
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: pool.publicClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.refresh_token! },
      }),
    );
    expect(claimsOf(AuthenticationResult!.AccessToken!)).toMatchObject({ scope: 'openid email' });

    // Revoked: the refresh token and its session's access tokens stop working everywhere.
    await spa.revoke(tokens.refresh_token!, 'refresh_token');
    await expect(spa.refresh(tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(spa.userinfo(refreshed.access_token!)).rejects.toMatchObject({ error: 'invalid_token' });
  });

  it('lets a token endpoint token call GetUser only with aws.cognito.signin.user.admin, as Cognito', async () => {
    // Cognito's API reference for every self-service operation: "Must include a scope claim for
    // aws.cognito.signin.user.admin"; without it: NotAuthorizedException "Access Token does not
    // have required scopes".
    const username = await newUser();
    const tokensFor = async (scope: string) => {
      const verifier = generators.codeVerifier();
      const state = generators.state();
      const nonce = generators.nonce();
      const url = spa.authorizationUrl({
        scope,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const callback = await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD);
      return spa.callback(pool.redirectUri, spa.callbackParams(callback), {
        code_verifier: verifier,
        state,
        nonce,
      });
    };
    const narrow = await tokensFor('openid email');
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: narrow.access_token! })),
      'NotAuthorizedException',
      {
        message: 'Access Token does not have required scopes',
      },
    );
    const admitted = await tokensFor('openid aws.cognito.signin.user.admin');
    await expect(
      app.send(new GetUserCommand({ AccessToken: admitted.access_token! })),
    ).resolves.toMatchObject({
      Username: username,
    });
    // The sign-in API's own tokens carry the scope.
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: pool.publicClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    await expect(
      app.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! })),
    ).resolves.toMatchObject({ Username: username });
  });

  it("answers userInfo with what the token's client may read (ReadAttributes), as GetUser", async () => {
    const username = await newUser();
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: pool.poolId,
        Username: username,
        UserAttributes: [{ Name: 'given_name', Value: 'Rita' }],
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'narrow',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [pool.redirectUri],
        SupportedIdentityProviders: ['COGNITO'],
        ReadAttributes: ['email', 'email_verified'],
      }),
    );
    const narrow = new issuer.Client({
      client_id: UserPoolClient!.ClientId!,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
    const tokensOf = async (client: BaseClient, scope = 'openid email') => {
      const verifier = generators.codeVerifier();
      const url = client.authorizationUrl({
        scope,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const callback = await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD);
      return client.callback(pool.redirectUri, client.callbackParams(callback), { code_verifier: verifier });
    };
    const narrowInfo = await narrow.userinfo((await tokensOf(narrow, 'openid')).access_token!);
    expect(narrowInfo).toMatchObject({ email: `${username}@example.com`, username });
    expect(narrowInfo).not.toHaveProperty('given_name');
    // A client without lists reads the standard attributes, given_name among them (openid alone).
    const spaInfo = await spa.userinfo((await tokensOf(spa, 'openid')).access_token!);
    expect(spaInfo).toMatchObject({ given_name: 'Rita', email: `${username}@example.com` });
    expect(narrowInfo.sub).toBe(spaInfo.sub);
  });

  it('narrows userInfo by the profile / email scopes of the token, as Cognito documents', async () => {
    const username = await newUser();
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: pool.poolId,
        Username: username,
        UserAttributes: [{ Name: 'given_name', Value: 'Rita' }],
      }),
    );
    const infoFor = async (scope: string) => {
      const verifier = generators.codeVerifier();
      const url = spa.authorizationUrl({
        scope,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const callback = await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD);
      const tokens = await spa.callback(pool.redirectUri, spa.callbackParams(callback), {
        code_verifier: verifier,
      });
      return spa.userinfo(tokens.access_token!);
    };
    const email = await infoFor('openid email');
    expect(email).toMatchObject({ username, email: `${username}@example.com` });
    expect(Object.keys(email).every((k) => ['sub', 'username', 'email', 'email_verified'].includes(k))).toBe(
      true,
    );
    expect(email).not.toHaveProperty('given_name');
    const profile = await infoFor('openid profile');
    expect(profile).toMatchObject({ sub: email.sub, username, given_name: 'Rita' });
    expect(profile).not.toHaveProperty('email');
    expect(profile).not.toHaveProperty('email_verified');
    const both = await infoFor('openid profile email');
    expect(both).toMatchObject({ given_name: 'Rita', email: `${username}@example.com` });
  });

  it('authenticates a confidential client by HTTP Basic and by form, and refuses a wrong secret', async () => {
    const username = await newUser();
    const run = async (client: BaseClient) => {
      const verifier = generators.codeVerifier();
      const url = client.authorizationUrl({
        scope: 'openid',
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const callback = await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD);
      return client.callback(pool.redirectUri, client.callbackParams(callback), { code_verifier: verifier });
    };
    const basic = await run(server);
    expect(basic.claims().aud).toBe(pool.secretClientId);
    const byForm = new issuer.Client({
      client_id: pool.secretClientId,
      client_secret: pool.secretClientSecret,
      token_endpoint_auth_method: 'client_secret_post',
      redirect_uris: [pool.redirectUri],
    });
    expect((await run(byForm)).access_token).toBeDefined();
    // The secret with its last character changed. Always to 'x' made one secret in 36 (those
    // ending in 'x') "wrong" by being right: the test failed at random.
    const last = pool.secretClientSecret.slice(-1);
    const wrong = new issuer.Client({
      client_id: pool.secretClientId,
      client_secret: `${pool.secretClientSecret.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`,
      redirect_uris: [pool.redirectUri],
    });
    await expect(run(wrong)).rejects.toMatchObject({ error: 'invalid_client' });
    // And the public client cannot pass for the confidential one.
    await expect(wrong.refresh(basic.refresh_token!)).rejects.toMatchObject({ error: 'invalid_client' });
  });

  it('signs in once: a second authorization is answered from the hosted session, until /logout', async () => {
    const username = await newUser();
    const jar = new CookieJar();
    const first = await signInThroughHostedUi(
      jar,
      spa.authorizationUrl({ scope: 'openid' }),
      username,
      PASSWORD,
    );
    expect(new URL(first).searchParams.get('code')).toBeTruthy();
    // Same browser: straight back to the app with a new code, no page.
    const again = await browse(jar, spa.authorizationUrl({ scope: 'openid', state: 'second' }));
    expect(again.status).toBe(302);
    const back = new URL(again.location!);
    expect(back.origin + back.pathname).toBe(pool.redirectUri);
    expect(back.searchParams.get('state')).toBe('second');
    // Another browser has no session.
    const stranger = await browse(new CookieJar(), spa.authorizationUrl({ scope: 'openid' }));
    expect(stranger.location).toContain('/login?');

    const logout = await browse(
      jar,
      `${pool.issuer}/logout?${new URLSearchParams({ client_id: pool.publicClientId, logout_uri: pool.logoutUri }).toString()}`,
    );
    expect(logout).toMatchObject({ status: 302, location: pool.logoutUri });
    const afterLogout = await browse(jar, spa.authorizationUrl({ scope: 'openid' }));
    expect(afterLogout.location).toContain('/login?');
  });

  it('answers response_type=token (implicit) with the tokens in the fragment', async () => {
    const username = await newUser();
    const url = spa.authorizationUrl({
      scope: 'openid profile',
      response_type: 'token',
      state: 's1',
      nonce: 'n1',
    });
    const callback = new URL(await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD));
    const fragment = new URLSearchParams(callback.hash.slice(1));
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('state')).toBe('s1');
    expect(fragment.get('refresh_token')).toBeNull();
    expect(claimsOf(fragment.get('access_token')!)).toMatchObject({ scope: 'openid profile' });
    expect(claimsOf(fragment.get('id_token')!)).toMatchObject({ nonce: 'n1', aud: pool.publicClientId });
  });

  it('serves the same endpoints at the pool domain host', async () => {
    const host = `${pool.domain}.auth.localhost`;
    const port = new URL(system.endpoint).port;
    // No DNS needed: the request goes to the gateway with the domain in its Host header.
    const { request } = await import('node:http');
    const discovery = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/.well-known/openid-configuration',
          headers: { host: `${host}:${port}` },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(discovery.status).toBe(200);
    expect(JSON.parse(discovery.body)).toMatchObject({ issuer: pool.issuer });
    const unknown = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/login',
          headers: { host: `no-such-domain-zz.auth.localhost:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(unknown).toBe(404);
  });

  it('is refused by openid-client when the state comes back forged', async () => {
    const username = await newUser();
    const url = spa.authorizationUrl({ scope: 'openid', state: 'the-real-state' });
    const callback = new URL(await signInThroughHostedUi(new CookieJar(), url, username, PASSWORD));
    callback.searchParams.set('state', 'forged');
    await expect(
      spa.callback(pool.redirectUri, spa.callbackParams(callback.toString()), { state: 'the-real-state' }),
    ).rejects.toBeInstanceOf(errors.RPError);
  });
});
