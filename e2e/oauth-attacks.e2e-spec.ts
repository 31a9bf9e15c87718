import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHash, randomBytes } from 'node:crypto';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import {
  browse,
  CookieJar,
  createConfirmedUser,
  createOAuthPool,
  formOf,
  OAuthPool,
  signInThroughHostedUi,
} from './support/hosted-ui';

const PASSWORD = 'Attack-Pass1!';

/**
 * The OAuth endpoints under attack: re-targeted redirects, codes replayed, expired-by-use, stolen
 * for another client or redeemed without their PKCE verifier, wrong client secrets, scopes the
 * client was never given, forged CSRF on the sign-in form, foreign tokens at userInfo. Each is
 * refused with Cognito's error and hands out nothing: no code, no token, no session cookie.
 */
describe('OAuth endpoints under attack', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let username: string;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    pool = await createOAuthPool(admin, system.endpoint);
    username = `victim-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, username, PASSWORD);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  function authorizeUrl(params: Record<string, string>): string {
    return `${pool.issuer}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: pool.publicClientId,
      redirect_uri: pool.redirectUri,
      scope: 'openid',
      ...params,
    }).toString()}`;
  }

  async function token(form: Record<string, string>, basic?: [string, string]) {
    const res = await fetch(`${pool.issuer}/oauth2/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(basic
          ? { authorization: `Basic ${Buffer.from(`${basic[0]}:${basic[1]}`).toString('base64')}` }
          : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** A code for the public client, with a PKCE challenge of `verifier` (S256 unless told). */
  async function codeFor(
    verifier: string,
    method: 'S256' | 'plain' = 'S256',
    extra: Record<string, string> = {},
  ) {
    const challenge =
      method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
    const callback = await signInThroughHostedUi(
      new CookieJar(),
      authorizeUrl({ code_challenge: challenge, code_challenge_method: method, ...extra }),
      username,
      PASSWORD,
    );
    return new URL(callback).searchParams.get('code')!;
  }

  const verifier = () => randomBytes(32).toString('base64url');
  const redeem = (code: string, v: string, clientId = pool.publicClientId, redirectUri = pool.redirectUri) =>
    token({
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: v,
      redirect_uri: redirectUri,
    });

  it('shows an error page, never a redirect, for an unregistered redirect_uri or client', async () => {
    for (const url of [
      authorizeUrl({ redirect_uri: 'https://evil.example.com/steal' }),
      authorizeUrl({ redirect_uri: `${pool.redirectUri}/../evil` }),
      authorizeUrl({ redirect_uri: `${pool.redirectUri}?extra=1` }),
      authorizeUrl({ client_id: 'nosuchclient0000000000000' }),
    ]) {
      const page = await browse(new CookieJar(), url);
      expect(page.status).toBe(400);
      expect(page.location).toBeUndefined();
    }
    const mismatch = await browse(
      new CookieJar(),
      authorizeUrl({ redirect_uri: 'https://evil.example.com/steal' }),
    );
    expect(mismatch.html).toContain('redirect_mismatch');
  });

  it('sends other refusals back to the app with error= and the state', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ scope: 'openid admin:everything' }, 'invalid_scope'],
      [{ response_type: 'id_token' }, 'unsupported_response_type'],
      [{ code_challenge_method: 'S512', code_challenge: verifier() }, 'invalid_request'],
    ];
    for (const [params, error] of cases) {
      const answer = await browse(new CookieJar(), authorizeUrl({ state: 'st-1', ...params }));
      expect(answer.status).toBe(302);
      const back = new URL(answer.location!);
      expect(back.origin + back.pathname).toBe(pool.redirectUri);
      expect([back.searchParams.get('error'), back.searchParams.get('state')]).toEqual([error, 'st-1']);
      expect(back.searchParams.get('code')).toBeNull();
    }
    // The confidential client was never allowed the implicit flow.
    const implicit = await browse(
      new CookieJar(),
      authorizeUrl({ client_id: pool.secretClientId, response_type: 'token' }),
    );
    expect(new URLSearchParams(new URL(implicit.location!).hash.slice(1)).get('error')).toBe(
      'unauthorized_client',
    );
  });

  it('redeems a code once, with its verifier and redirect_uri, by the client it was issued to', async () => {
    // Reused.
    const v1 = verifier();
    const c1 = await codeFor(v1);
    expect((await redeem(c1, v1)).status).toBe(200);
    expect(await redeem(c1, v1)).toEqual({ status: 400, body: { error: 'invalid_grant' } });

    // Wrong verifier, then no verifier: refused, and the code is spent by the attempt.
    const v2 = verifier();
    const c2 = await codeFor(v2);
    expect(await redeem(c2, verifier())).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect(await redeem(c2, v2)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    const v3 = verifier();
    const c3 = await codeFor(v3);
    const noVerifier = await token({
      grant_type: 'authorization_code',
      client_id: pool.publicClientId,
      code: c3,
      redirect_uri: pool.redirectUri,
    });
    expect(noVerifier).toEqual({ status: 400, body: { error: 'invalid_grant' } });

    // Another redirect_uri than the authorization request's.
    const v4 = verifier();
    const c4 = await codeFor(v4);
    expect(await redeem(c4, v4, pool.publicClientId, 'http://localhost:3999/other')).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });

    // Another client of the same pool, with its own valid secret.
    const v5 = verifier();
    const c5 = await codeFor(v5);
    const stolen = await token(
      { grant_type: 'authorization_code', code: c5, code_verifier: v5, redirect_uri: pool.redirectUri },
      [pool.secretClientId, pool.secretClientSecret],
    );
    expect(stolen).toEqual({ status: 400, body: { error: 'invalid_grant' } });

    // A made-up code.
    expect(await redeem(randomBytes(32).toString('base64url'), v5)).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('takes a plain PKCE verifier for a plain challenge, and only it', async () => {
    const v = verifier();
    const code = await codeFor(v, 'plain');
    expect(await redeem(code, createHash('sha256').update(v).digest('base64url'))).toMatchObject({
      status: 400,
    });
    const again = await codeFor(v, 'plain');
    const ok = await redeem(again, v);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer' });
  });

  it('refuses bad client authentication and grant types with Cognito JSON errors', async () => {
    const v = verifier();
    const code = await codeFor(v);
    const form = { grant_type: 'authorization_code', code, code_verifier: v, redirect_uri: pool.redirectUri };
    expect(await token(form, [pool.secretClientId, 'wrong-secret'])).toEqual({
      status: 400,
      body: { error: 'invalid_client' },
    });
    expect(await token({ ...form, client_id: pool.secretClientId })).toEqual({
      status: 400,
      body: { error: 'invalid_client' },
    });
    expect(await token({ ...form, client_id: pool.publicClientId, client_secret: 'anything' })).toEqual({
      status: 400,
      body: { error: 'invalid_client' },
    });
    expect(await token({ grant_type: 'password', client_id: pool.publicClientId })).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(
      (await token({ grant_type: 'client_credentials', client_id: pool.publicClientId })).body.error,
    ).toBe('unauthorized_client');
    // The code was never redeemed by any of those: it still works once.
    expect((await redeem(code, v)).status).toBe(200);
  });

  it('refuses a sign-in form without the CSRF token of the browser, before checking anything', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, authorizeUrl({}));
    const page = await browse(jar, start.location!);
    const form = formOf(page.html, start.location!);
    const attempts: [CookieJar, Record<string, string>][] = [
      [new CookieJar(), { ...form.fields, username, password: PASSWORD }], // another site's page: no cookie
      [jar, { ...form.fields, _csrf: 'forged-forged-forged-forged-1234', username, password: PASSWORD }],
      [jar, { username, password: PASSWORD }],
    ];
    for (const [who, fields] of attempts) {
      const posted = await browse(who, form.action, fields);
      expect(posted.status).toBe(403);
      expect(posted.location).toBeUndefined();
      expect(who.cookies.has('cognito')).toBe(false);
    }
    const wrongPassword = await browse(jar, form.action, {
      ...form.fields,
      username,
      password: 'Wrong-Pass1!',
    });
    expect(wrongPassword.status).toBe(200);
    expect(wrongPassword.html).toContain('Incorrect username or password.');
    expect(jar.cookies.has('cognito')).toBe(false);
    const unknownUser = await browse(jar, form.action, {
      ...form.fields,
      username: 'nobody-here',
      password: PASSWORD,
    });
    expect(unknownUser.html).toContain('Incorrect username or password.');
  });

  it('refuses an unregistered logout_uri with an error page and keeps nobody signed out by it', async () => {
    const jar = new CookieJar();
    await signInThroughHostedUi(jar, authorizeUrl({}), username, PASSWORD);
    const evil = await browse(
      jar,
      `${pool.issuer}/logout?${new URLSearchParams({ client_id: pool.publicClientId, logout_uri: 'https://evil.example.com/' }).toString()}`,
    );
    expect(evil.status).toBe(400);
    expect(evil.location).toBeUndefined();
    // Still signed in: straight back to the app.
    expect((await browse(jar, authorizeUrl({}))).location).toContain(`${pool.redirectUri}?code=`);
  });

  it('answers userInfo only for this pool’s access tokens granted openid', async () => {
    const userInfo = async (authorization?: string) => {
      const res = await fetch(`${pool.issuer}/oauth2/userInfo`, {
        headers: authorization ? { authorization } : {},
      });
      return {
        status: res.status,
        body: (await res.json()) as Record<string, unknown>,
        www: res.headers.get('www-authenticate'),
      };
    };
    expect(await userInfo()).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect(await userInfo('Bearer not.a.token')).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
    // The sign-in API's access token has no openid scope.
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: pool.publicClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    expect(await userInfo(`Bearer ${AuthenticationResult!.AccessToken!}`)).toMatchObject({
      status: 403,
      body: { error: 'insufficient_scope' },
    });
    // A token of another pool, with openid, is no token of this one.
    const other = await createOAuthPool(admin, system.endpoint);
    const otherUser = `other-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, other, otherUser, PASSWORD);
    const v = verifier();
    const cb = await signInThroughHostedUi(
      new CookieJar(),
      `${other.issuer}/oauth2/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: other.publicClientId,
        redirect_uri: other.redirectUri,
        scope: 'openid',
        code_challenge: createHash('sha256').update(v).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString()}`,
      otherUser,
      PASSWORD,
    );
    const res = await fetch(`${other.issuer}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: other.publicClientId,
        code: new URL(cb).searchParams.get('code')!,
        code_verifier: v,
        redirect_uri: other.redirectUri,
      }).toString(),
    });
    const foreign = ((await res.json()) as { access_token: string }).access_token;
    expect(
      (await fetch(`${other.issuer}/oauth2/userInfo`, { headers: { authorization: `Bearer ${foreign}` } }))
        .status,
    ).toBe(200);
    expect(await userInfo(`Bearer ${foreign}`)).toMatchObject({
      status: 401,
      body: { error: 'invalid_token' },
    });
  });

  it('will not start the flow for a client that has not enabled OAuth', async () => {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'no-oauth',
        CallbackURLs: [pool.redirectUri],
      }),
    );
    const answer = await browse(
      new CookieJar(),
      authorizeUrl({ client_id: UserPoolClient!.ClientId!, state: 'x' }),
    );
    expect(new URL(answer.location!).searchParams.get('error')).toBe('unauthorized_client');
  });
});
