import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { BaseClient, generators, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import {
  createFederatedPool,
  FederatedPool,
  registerAtProvider,
  signInAtProvider,
  signInAtProviderByFormPost,
} from './support/federation';
import { browse, CookieJar } from './support/hosted-ui';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * Sign-in through identity providers (ADR 0024), with real parts on both sides: openid-client is
 * the app's relying party against idfed, and oidc-provider (e2e/support/test-idp.server.mjs) is the
 * provider idfed knows as Google (IDFED_GOOGLE_ISSUER) and a generic OIDC provider. The browser's
 * part is played by fetch with one cookie jar per site. Every refusal leaves no user behind.
 */
describe('sign-in through an identity provider', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: FederatedPool;
  let rp: BaseClient;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    pool = await createFederatedPool(admin, system, 'http://localhost:3999/callback');
    const issuer = await Issuer.discover(pool.issuer);
    rp = new issuer.Client({
      client_id: pool.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
  });
  afterAll(() => admin.destroy());

  /** A new authorization of the app: its URL and the checks openid-client keeps for the callback. */
  function appAuthorization(extra: Record<string, string>) {
    const checks = {
      state: generators.state(),
      nonce: generators.nonce(),
      code_verifier: generators.codeVerifier(),
      response_type: 'code',
    };
    const url = rp.authorizationUrl({
      scope: 'openid email profile',
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: generators.codeChallenge(checks.code_verifier),
      code_challenge_method: 'S256',
      ...extra,
    });
    return { url, checks };
  }

  /** idfed's redirect to the provider for this authorization, in `jar`'s browser. */
  async function toProvider(jar: CookieJar, url: string): Promise<string> {
    const res = await browse(jar, url);
    expect(res.status).toBe(302);
    return res.location!;
  }

  async function userExists(username: string): Promise<boolean> {
    try {
      await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: username }));
      return true;
    } catch {
      return false;
    }
  }

  async function userCount(): Promise<number> {
    return (await admin.send(new ListUsersCommand({ UserPoolId: pool.poolId }))).Users!.length;
  }

  it('signs in through Google: code, tokens with identities, the federated user made', async () => {
    const login = unique('alice');
    const { url, checks } = appAuthorization({ identity_provider: 'Google' });
    const idfed = new CookieJar();
    const providerUrl = await toProvider(idfed, url);
    expect(providerUrl.startsWith(`${system.googleIssuer}/o/oauth2/v2/auth?`)).toBe(true);
    const asked = new URL(providerUrl).searchParams;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('nonce')).toBeTruthy();
    expect(asked.get('redirect_uri')).toBe(pool.idpResponseUrls[0]);
    // The app's state and nonce never go to the provider.
    expect(asked.get('state')).not.toBe(checks.state);
    expect(providerUrl).not.toContain(checks.nonce);
    const back = await signInAtProvider(new CookieJar(), providerUrl, login);
    expect(back.startsWith(pool.idpResponseUrls[0])).toBe(true);
    const app = await browse(idfed, back);
    expect(app.status).toBe(302);
    expect(app.location!.startsWith(pool.redirectUri)).toBe(true);
    const tokens = await rp.callback(pool.redirectUri, rp.callbackParams(app.location!), checks);
    const claims = tokens.claims();
    expect(claims['cognito:username']).toBe(`Google_${login}`);
    expect(claims.email).toBe(`${login}@example.com`);
    const identities = claims.identities as { providerName: string; providerType: string; userId: string }[];
    expect(identities).toEqual([
      expect.objectContaining({ providerName: 'Google', providerType: 'Google', userId: login }),
    ]);
    expect(claimsOf(tokens.access_token!).scope).toContain('openid');
    const user = await admin.send(
      new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Google_${login}` }),
    );
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
    // A hosted session was opened: the next authorization is answered at once (single sign-on).
    const again = appAuthorization({});
    const sso = await browse(idfed, again.url);
    expect(sso.location!.startsWith(pool.redirectUri)).toBe(true);
    const second = await rp.callback(pool.redirectUri, rp.callbackParams(sso.location!), again.checks);
    expect(second.claims().sub).toBe(claims.sub);
    // The provider's answer cannot be delivered again: its state is spent.
    const replayed = await browse(idfed, back);
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain('invalid_request');
  });

  it('signs in through a generic OIDC provider named by idp_identifier, its user endpoint read by POST', async () => {
    const login = unique('carol');
    const { url, checks } = appAuthorization({ idp_identifier: 'corp.example' });
    const idfed = new CookieJar();
    const providerUrl = await toProvider(idfed, url);
    expect(providerUrl.startsWith(`${system.oidcIssuer}/auth?`)).toBe(true);
    const app = await browse(idfed, await signInAtProvider(new CookieJar(), providerUrl, login));
    const tokens = await rp.callback(pool.redirectUri, rp.callbackParams(app.location!), checks);
    expect(tokens.claims()['cognito:username']).toBe(`Corp_${login}`);
    expect(tokens.claims().email).toBe(`${login}@example.com`);
  });

  it('offers the client’s providers on the sign-in page, and no password form without COGNITO', async () => {
    const page = await browse(
      new CookieJar(),
      `${appAuthorization({}).url.replace('/oauth2/authorize', '/login')}`,
    );
    expect(page.html).toContain('Continue with Google');
    expect(page.html).toContain('Continue with Corp');
    expect(page.html).toContain('name="password"');
    const link = /href="([^"]*identity_provider=Google[^"]*)"/.exec(page.html)![1].replace(/&#38;/g, '&');
    const followed = await browse(new CookieJar(), new URL(link, system.endpoint).toString());
    expect(followed.location!.startsWith(`${system.googleIssuer}/o/oauth2/v2/auth?`)).toBe(true);
    const only = new URL(`${pool.issuer}/login`);
    only.search = new URLSearchParams({
      client_id: pool.googleOnlyClientId,
      response_type: 'code',
      redirect_uri: pool.redirectUri,
      scope: 'openid',
    }).toString();
    const googleOnly = await browse(new CookieJar(), only.toString());
    expect(googleOnly.status).toBe(200);
    expect(googleOnly.html).toContain('Continue with Google');
    expect(googleOnly.html).not.toContain('Continue with Corp');
    expect(googleOnly.html).not.toContain('name="password"');
  });

  it('relays the provider’s refusal to the app with its state, creating nothing', async () => {
    const before = await userCount();
    const { url, checks } = appAuthorization({ identity_provider: 'Google' });
    const idfed = new CookieJar();
    const back = await signInAtProvider(new CookieJar(), await toProvider(idfed, url), 'x', { deny: true });
    const app = await browse(idfed, back);
    const answer = new URL(app.location!);
    expect(`${answer.origin}${answer.pathname}`).toBe(pool.redirectUri);
    expect(answer.searchParams.get('error')).toBe('access_denied');
    expect(answer.searchParams.get('state')).toBe(checks.state);
    expect(answer.searchParams.get('code')).toBeNull();
    expect(await userCount()).toBe(before);
  });

  it('signs in through Facebook and Login with Amazon (OAuth 2.0, their endpoint shapes)', async () => {
    const social = [
      {
        type: 'Facebook' as const,
        url: system.facebookWwwUrl,
        dialog: `${system.facebookWwwUrl}/v17.0/dialog/oauth?`,
        scopes: 'email',
      },
      {
        type: 'LoginWithAmazon' as const,
        url: system.amazonWwwUrl,
        dialog: `${system.amazonWwwUrl}/ap/oa?`,
        scopes: 'profile',
      },
    ];
    for (const p of social) {
      const registered = await registerAtProvider(p.url, pool.idpResponseUrls);
      await admin.send(
        new CreateIdentityProviderCommand({
          UserPoolId: pool.poolId,
          ProviderName: p.type,
          ProviderType: p.type,
          ProviderDetails: {
            client_id: registered.clientId,
            client_secret: registered.clientSecret,
            authorize_scopes: p.scopes,
          },
          AttributeMapping: { email: 'email' },
        }),
      );
    }
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'social',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [pool.redirectUri],
        SupportedIdentityProviders: ['Facebook', 'LoginWithAmazon'],
      }),
    );
    const issuer = await Issuer.discover(pool.issuer);
    const socialRp = new issuer.Client({
      client_id: UserPoolClient!.ClientId!,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
    for (const p of social) {
      const login = unique(p.type.toLowerCase());
      const checks = {
        state: generators.state(),
        code_verifier: generators.codeVerifier(),
        response_type: 'code',
      };
      const url = socialRp.authorizationUrl({
        scope: 'openid email',
        state: checks.state,
        code_challenge: generators.codeChallenge(checks.code_verifier),
        code_challenge_method: 'S256',
        identity_provider: p.type,
      });
      const idfed = new CookieJar();
      const providerUrl = await toProvider(idfed, url);
      expect(providerUrl.startsWith(p.dialog)).toBe(true);
      const app = await browse(idfed, await signInAtProvider(new CookieJar(), providerUrl, login));
      expect(app.location!.startsWith(pool.redirectUri)).toBe(true);
      const tokens = await socialRp.callback(
        pool.redirectUri,
        socialRp.callbackParams(app.location!),
        checks,
      );
      expect(tokens.claims()).toMatchObject({
        'cognito:username': `${p.type}_${login}`,
        email: `${login}@example.com`,
      });
      expect(tokens.claims().identities).toEqual([
        expect.objectContaining({ providerName: p.type, providerType: p.type, userId: login }),
      ]);
    }
  });

  it('signs in with Apple: ES256 client secret, form_post answer; a secret from another key is refused', async () => {
    const team = { teamId: 'TEAM123456', keyId: 'KEY1234567' };
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const registered = await registerAtProvider(system.appleIssuer, pool.idpResponseUrls);
    const tell = (jwk: object) =>
      fetch(`${system.appleIssuer}/teams`, {
        method: 'POST',
        body: JSON.stringify({
          clientId: registered.clientId,
          clientSecret: registered.clientSecret,
          ...team,
          jwk,
        }),
      });
    await tell(key.publicKey.export({ format: 'jwk' }));
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'SignInWithApple',
        ProviderType: 'SignInWithApple',
        ProviderDetails: {
          client_id: registered.clientId,
          team_id: team.teamId,
          key_id: team.keyId,
          private_key: key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
          authorize_scopes: 'name email',
        },
        AttributeMapping: { email: 'email' },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'apple',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [pool.redirectUri],
        SupportedIdentityProviders: ['SignInWithApple'],
      }),
    );
    const issuer = await Issuer.discover(pool.issuer);
    const appleRp = new issuer.Client({
      client_id: UserPoolClient!.ClientId!,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
    const attempt = async (login: string) => {
      const checks = {
        state: generators.state(),
        code_verifier: generators.codeVerifier(),
        response_type: 'code',
      };
      const url = appleRp.authorizationUrl({
        scope: 'openid email',
        state: checks.state,
        code_challenge: generators.codeChallenge(checks.code_verifier),
        code_challenge_method: 'S256',
        identity_provider: 'SignInWithApple',
      });
      const idfed = new CookieJar();
      const providerUrl = await toProvider(idfed, url);
      expect(providerUrl.startsWith(`${system.appleIssuer}/auth/authorize?`)).toBe(true);
      expect(new URL(providerUrl).searchParams.get('response_mode')).toBe('form_post');
      const form = await signInAtProviderByFormPost(new CookieJar(), providerUrl, login);
      expect(form.action).toBe(pool.idpResponseUrls[0]);
      const app = await browse(idfed, form.action, form.fields);
      return { app, checks };
    };
    const login = unique('apple');
    const { app, checks } = await attempt(login);
    const tokens = await appleRp.callback(pool.redirectUri, appleRp.callbackParams(app.location!), checks);
    expect(tokens.claims()).toMatchObject({
      'cognito:username': `SignInWithApple_${login}`,
      email: `${login}@example.com`,
    });
    // Apple no longer trusts the key idfed signs with: the exchange is refused, nobody is made.
    await tell(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }));
    const other = unique('apple');
    const refused = await attempt(other);
    const answer = new URL(refused.app.location!);
    expect(answer.searchParams.get('error')).toBe('invalid_request');
    expect(answer.searchParams.get('error_description')).toBe('The provider refused: invalid_client.');
    expect(await userExists(`SignInWithApple_${other}`)).toBe(false);
  });

  describe('attacks', () => {
    it('refuses a forged state, creating nothing', async () => {
      const login = unique('forged');
      const { url } = appAuthorization({ identity_provider: 'Google' });
      const idfed = new CookieJar();
      const back = new URL(await signInAtProvider(new CookieJar(), await toProvider(idfed, url), login));
      back.searchParams.set('state', randomBytes(32).toString('base64url'));
      const res = await browse(idfed, back.toString());
      expect(res.status).toBe(400);
      expect(res.html).toContain('invalid_request');
      expect(await userExists(`Google_${login}`)).toBe(false);
    });

    it('refuses a state delivered by another browser (no or another binding cookie), creating nothing', async () => {
      const login = unique('swapped');
      const { url } = appAuthorization({ identity_provider: 'Google' });
      const victim = new CookieJar();
      const back = await signInAtProvider(new CookieJar(), await toProvider(victim, url), login);
      // The attacker's browser, which went through its own authorization (its own binding cookie).
      const attacker = new CookieJar();
      await toProvider(attacker, appAuthorization({ identity_provider: 'Google' }).url);
      expect(attacker.cookies.get('idfed-federation')).toBeTruthy();
      const res = await browse(attacker, back);
      expect(res.status).toBe(400);
      // The state is spent by the refused attempt: the right browser cannot use it afterwards either.
      expect((await browse(victim, back)).status).toBe(400);
      expect((await browse(new CookieJar(), back)).status).toBe(400);
      expect(await userExists(`Google_${login}`)).toBe(false);
    });

    it('refuses a provider code delivered with another sign-in’s state', async () => {
      const first = unique('code-a');
      const idfed = new CookieJar();
      const a = appAuthorization({ identity_provider: 'Google' });
      const backA = await signInAtProvider(new CookieJar(), await toProvider(idfed, a.url), first);
      const usedCode = new URL(backA).searchParams.get('code')!;
      expect((await browse(idfed, backA)).status).toBe(302);
      // A second sign-in in the same browser, answered with the first one's (spent) code.
      const second = unique('code-b');
      const b = appAuthorization({ identity_provider: 'Google' });
      const backB = new URL(await signInAtProvider(new CookieJar(), await toProvider(idfed, b.url), second));
      backB.searchParams.set('code', usedCode);
      const res = await browse(idfed, backB.toString());
      const answer = new URL(res.location!);
      expect(answer.searchParams.get('error')).toBe('invalid_request');
      expect(answer.searchParams.get('error_description')).toBe('The provider refused: invalid_grant.');
      expect(answer.searchParams.get('state')).toBe(b.checks.state);
      expect(answer.searchParams.get('code')).toBeNull();
      expect(await userExists(`Google_${second}`)).toBe(false);
    });

    it('refuses an ID token with another nonce than the one idfed asked for', async () => {
      const login = unique('nonce');
      const idfed = new CookieJar();
      const providerUrl = new URL(
        await toProvider(idfed, appAuthorization({ identity_provider: 'Google' }).url),
      );
      providerUrl.searchParams.set('nonce', 'a-nonce-idfed-never-made');
      const res = await browse(idfed, await signInAtProvider(new CookieJar(), providerUrl.toString(), login));
      expect(new URL(res.location!).searchParams.get('error')).toBe('invalid_request');
      expect(new URL(res.location!).searchParams.get('error_description')).toBe(
        'The provider’s answer failed verification.',
      );
      expect(await userExists(`Google_${login}`)).toBe(false);
    });

    it('refuses an ID token from another issuer than the provider’s', async () => {
      // A provider whose oidc_issuer is the Google stand-in, but whose endpoints are another
      // provider's: its ID tokens name that other issuer.
      const other = await registerAtProvider(system.oidcIssuer, pool.idpResponseUrls);
      await admin.send(
        new CreateIdentityProviderCommand({
          UserPoolId: pool.poolId,
          ProviderName: 'Mixed',
          ProviderType: 'OIDC',
          ProviderDetails: {
            client_id: other.clientId,
            client_secret: other.clientSecret,
            authorize_scopes: 'openid email',
            oidc_issuer: system.googleIssuer,
            attributes_request_method: 'GET',
            authorize_url: `${system.oidcIssuer}/auth`,
            token_url: `${system.oidcIssuer}/token`,
            attributes_url: `${system.oidcIssuer}/me`,
            jwks_uri: `${system.oidcIssuer}/protocol/openid-connect/certs`,
          },
        }),
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: pool.poolId,
          ClientName: 'mixed',
          AllowedOAuthFlowsUserPoolClient: true,
          AllowedOAuthFlows: ['code'],
          AllowedOAuthScopes: ['openid'],
          CallbackURLs: [pool.redirectUri],
          SupportedIdentityProviders: ['Mixed'],
        }),
      );
      const login = unique('mixed');
      const start = new URL(`${pool.issuer}/oauth2/authorize`);
      start.search = new URLSearchParams({
        client_id: UserPoolClient!.ClientId!,
        response_type: 'code',
        redirect_uri: pool.redirectUri,
        scope: 'openid',
        state: 'app-state',
        identity_provider: 'Mixed',
      }).toString();
      const idfed = new CookieJar();
      const providerUrl = await toProvider(idfed, start.toString());
      expect(providerUrl.startsWith(`${system.oidcIssuer}/auth?`)).toBe(true);
      const res = await browse(idfed, await signInAtProvider(new CookieJar(), providerUrl, login));
      const answer = new URL(res.location!);
      expect(answer.searchParams.get('error')).toBe('invalid_request');
      expect(answer.searchParams.get('error_description')).toBe('The provider’s answer failed verification.');
      expect(answer.searchParams.get('state')).toBe('app-state');
      expect(answer.searchParams.get('code')).toBeNull();
      expect(await userExists(`Mixed_${login}`)).toBe(false);
    });

    it('refuses providers the client does not support and unknown ones, before any redirect', async () => {
      for (const extra of <Record<string, string>[]>[
        { identity_provider: 'Nope' },
        { identity_provider: 'Mixed' },
        { idp_identifier: 'unknown.example' },
      ]) {
        const { url, checks } = appAuthorization(extra);
        const res = await browse(new CookieJar(), url);
        const answer = new URL(res.location!);
        expect(`${answer.origin}${answer.pathname}`).toBe(pool.redirectUri);
        expect(answer.searchParams.get('error')).toBe('invalid_request');
        expect(answer.searchParams.get('state')).toBe(checks.state);
      }
    });

    it('answers a made-up or missing state with an error page', async () => {
      const base = `${pool.issuer}/oauth2/idpresponse`;
      for (const query of ['', '?code=x', '?code=x&state=short', `?code=x&state=${'A'.repeat(43)}`]) {
        const res = await browse(new CookieJar(), `${base}${query}`);
        expect(res.status).toBe(400);
      }
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: 'Google_x' })),
        'UserNotFoundException',
      );
    });
  });
});
