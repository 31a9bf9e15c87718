import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { BaseClient, generators, Issuer } from 'openid-client';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { createFederatedPool, FederatedPool, signInAtProvider } from './support/federation';
import { browse, CookieJar } from './support/hosted-ui';

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * The attributes a sign-in through a provider brings (ADR 0061): Google's People API read with
 * the access token the Google stand-in (oidc-provider) issued, its fields mapped into the pool's
 * attributes. openid-client is the app; the browser is fetch with a cookie jar per site.
 */
describe('attributes of a sign-in through a provider', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: FederatedPool;
  let rp: BaseClient;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    pool = await createFederatedPool(admin, system, 'http://localhost:3998/callback');
    await admin.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Google',
        AttributeMapping: {
          email: 'email',
          name: 'names',
          phone_number: 'phoneNumbers',
          birthdate: 'birthdays',
          gender: 'genders',
          picture: 'photos',
        },
      }),
    );
    const issuer = await Issuer.discover(pool.issuer);
    rp = new issuer.Client({
      client_id: pool.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
  });
  afterAll(() => admin.destroy());

  /** Signs in through Google as `login`: the app's callback location (a code or an error). */
  async function signInThroughGoogle(login: string) {
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
      identity_provider: 'Google',
    });
    const idfed = new CookieJar();
    const toProvider = await browse(idfed, url);
    expect(toProvider.status).toBe(302);
    const back = await signInAtProvider(new CookieJar(), toProvider.location!, login);
    const app = await browse(idfed, back);
    expect(app.status).toBe(302);
    expect(app.location!.startsWith(pool.redirectUri)).toBe(true);
    return { location: app.location!, checks };
  }

  async function attributesOf(username: string): Promise<Record<string, string> | undefined> {
    try {
      const user = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: username }));
      return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name!, a.Value ?? '']));
    } catch {
      return undefined;
    }
  }

  it('maps Google’s People API fields, read with the provider’s access token', async () => {
    const login = unique('grace');
    const { location, checks } = await signInThroughGoogle(login);
    const tokens = await rp.callback(pool.redirectUri, rp.callbackParams(location), checks);
    const claims = tokens.claims();
    expect(claims['cognito:username']).toBe(`Google_${login}`);
    expect(claims.name).toBe(`User ${login}`);
    expect(claims.birthdate).toBe('1990-07-14');
    const attributes = await attributesOf(`Google_${login}`);
    expect(attributes).toEqual(
      expect.objectContaining({
        email: `${login}@example.com`,
        name: `User ${login}`,
        // The primary number (not the first), in its canonical form.
        phone_number: '+15550100199',
        birthdate: '1990-07-14',
        gender: 'female',
        picture: `https://photos.example/${login}.jpg`,
      }),
    );
  });

  it('refuses a mapped value longer than the schema allows (Cognito’s words), making no user', async () => {
    // The stand-in's `longname` accounts have a 3000-character name; `name` allows 2048.
    const login = unique('longname');
    const { location } = await signInThroughGoogle(login);
    const params = new URL(location).searchParams;
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('error_description')).toBe(
      'Attributes did not conform to the schema: name: String must be no longer than 2048 characters',
    );
    expect(await attributesOf(`Google_${login}`)).toBeUndefined();
  });

  it('refuses a People API answer about another person than the ID token’s, making no user', async () => {
    const login = unique('peoplemixup');
    const { location } = await signInThroughGoogle(login);
    const params = new URL(location).searchParams;
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('error_description')).toBe('The provider’s answer is about another user.');
    expect(await attributesOf(`Google_${login}`)).toBeUndefined();
  });
});

interface RecordedEvent {
  triggerSource: string;
  userPoolId: string;
  request: { attributes?: Record<string, Record<string, string>> };
}

/**
 * What the triggers see and decide of a sign-in through a provider (ADR 0061): InboundFederation's
 * `tokenResponse` and `idToken` beside `userInfo`, and PreSignUp_ExternalProvider's
 * `autoVerifyEmail` / `autoVerifyPhone` (the trigger stand-in answers them for logins starting
 * with `autoverify`) acted on for a new user only.
 */
describe('the triggers of a sign-in through a provider see its tokens and verify its email', () => {
  const system = e2eSystem();
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = `arn:aws:lambda:us-east-1:${account}:function:federation`;
  let admin: CognitoIdentityProviderClient;
  let pool: FederatedPool;
  let rp: BaseClient;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    pool = await createFederatedPool(admin, system, 'http://localhost:3997/callback', {
      LambdaConfig: {
        PreSignUp: fn,
        PostConfirmation: fn,
        InboundFederation: { LambdaVersion: 'V1_0', LambdaArn: fn },
      },
    });
    const issuer = await Issuer.discover(pool.issuer);
    rp = new issuer.Client({
      client_id: pool.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
  });
  afterAll(() => admin.destroy());

  async function signIn(login: string): Promise<URL> {
    const url = rp.authorizationUrl({
      scope: 'openid email profile',
      state: generators.state(),
      code_challenge: generators.codeChallenge(generators.codeVerifier()),
      code_challenge_method: 'S256',
      identity_provider: 'Google',
    });
    const idfed = new CookieJar();
    const toProvider = await browse(idfed, url);
    const back = await signInAtProvider(new CookieJar(), toProvider.location!, login);
    const app = await browse(idfed, back);
    expect(app.status).toBe(302);
    return new URL(app.location!);
  }

  async function events(userName: string): Promise<RecordedEvent[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    return ((await res.json()) as { accepted: { event: RecordedEvent }[] }).accepted
      .map((c) => c.event)
      .filter((e) => e.userPoolId === pool.poolId);
  }

  async function attributes(username: string): Promise<Record<string, string>> {
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: username }));
    return Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name!, a.Value ?? '']));
  }

  it('shows InboundFederation the token endpoint’s answer and the ID token’s claims', async () => {
    const login = unique('tokens');
    expect((await signIn(login)).searchParams.get('code')).toBeTruthy();
    const [inbound] = (await events(`Google_${login}`)).filter(
      (e) => e.triggerSource === 'InboundFederation_ExternalProvider',
    );
    const { tokenResponse, idToken, userInfo } = inbound.request.attributes!;
    expect(tokenResponse).toEqual(
      expect.objectContaining({
        access_token: expect.any(String),
        id_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        token_type: 'Bearer',
        expires_in: expect.stringMatching(/^\d+$/),
      }),
    );
    // The ID token the provider gave is the one whose claims are shown, each as text.
    const payload = JSON.parse(Buffer.from(tokenResponse.id_token.split('.')[1], 'base64url').toString());
    expect(idToken).toEqual(
      expect.objectContaining({ sub: login, iss: system.googleIssuer, aud: payload.aud }),
    );
    expect(idToken.email_verified).toBe('true');
    expect(userInfo).toEqual(expect.objectContaining({ sub: login, email: `${login}@example.com` }));
    // The other triggers are shown none of it.
    const others = (await events(`Google_${login}`)).filter(
      (e) => e.triggerSource !== 'InboundFederation_ExternalProvider',
    );
    expect(others.length).toBeGreaterThan(0);
    expect(JSON.stringify(others)).not.toContain(tokenResponse.access_token);
  });

  it('verifies the new user’s email when PreSignUp_ExternalProvider says autoVerifyEmail, and only then', async () => {
    const verified = unique('autoverify');
    expect((await signIn(verified)).searchParams.get('code')).toBeTruthy();
    expect(await attributes(`Google_${verified}`)).toEqual(
      expect.objectContaining({ email: `${verified}@example.com`, email_verified: 'true' }),
    );
    const plain = unique('plain');
    expect((await signIn(plain)).searchParams.get('code')).toBeTruthy();
    expect((await attributes(`Google_${plain}`)).email_verified).toBeUndefined();
  });

  it('does not verify an existing user a sign-in is linked to, whatever the trigger would answer', async () => {
    const login = unique('autoverify-linked');
    const native = unique('native');
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.poolId,
        Username: native,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${native}@example.com` }],
      }),
    );
    await admin.send(
      new AdminLinkProviderForUserCommand({
        UserPoolId: pool.poolId,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: native },
        SourceUser: {
          ProviderName: 'Google',
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: login,
        },
      }),
    );
    expect((await signIn(login)).searchParams.get('code')).toBeTruthy();
    const after = await attributes(native);
    // The mapping wrote the provider's email; no PreSignUp was asked, so it stays unverified.
    expect(after.email).toBe(`${login}@example.com`);
    expect(after.email_verified).not.toBe('true');
    expect((await events(`Google_${login}`)).map((e) => e.triggerSource)).not.toContain(
      'PreSignUp_ExternalProvider',
    );
  });
});
