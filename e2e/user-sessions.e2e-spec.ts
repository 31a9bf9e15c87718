import {
  AdminCreateUserCommand,
  AdminListUserSessionsCommand,
  AdminRevokeUserSessionCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  GetUserPoolClientSessionConfigurationCommand,
  GetUserPoolSessionConfigurationCommand,
  InitiateAuthCommand,
  ListUserSessionsCommand,
  RevokeUserSessionCommand,
  SessionDescriptionType,
  SetUserPoolClientSessionConfigurationCommand,
  SetUserPoolSessionConfigurationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
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

const PASSWORD = 'Sess10ns-Tracked!';
const SESSION_ID = /^(tkn|sso)[a-z0-9]{25}$/;

/**
 * Session tracking (issue 13, ADR 0080) through the AWS SDK: the pool's and the client's session
 * configuration (defaults, set, get, bad values, the Lite tier), a user's token sessions (sign-ins
 * through two clients and the hosted pages' code flow) and SSO session listed with
 * IsCurrentSession, one session revoked ending its refresh and access tokens (the others live on),
 * an SSO session revoked ending silent sign-in, the maximum of token sessions a user, and the
 * attacks: another user's or pool's session, forged tokens, a token without the sign-in API's
 * scope, a re-targeted admin call, anonymous admin calls.
 */
describe('user sessions', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  /** An OAuth pool with tracking on (at most `max` token sessions a user) and a second API client. */
  async function trackedPool(max = 20): Promise<OAuthPool & { otherClientId: string }> {
    const pool = await createOAuthPool(admin, system.endpoint);
    await admin.send(
      new SetUserPoolSessionConfigurationCommand({
        UserPoolId: pool.poolId,
        UserSessionTracking: 'ENABLED',
        TokenSession: { MaxPerUser: max },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'mobile',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { ...pool, otherClientId: UserPoolClient!.ClientId! };
  }

  async function newUser(pool: OAuthPool): Promise<string> {
    const username = `u-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, username, PASSWORD);
    return username;
  }

  async function signIn(clientId: string, username: string) {
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    return AuthenticationResult!;
  }

  const refresh = (clientId: string, refreshToken: string) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      }),
    );

  const list = async (accessToken: string) =>
    (await app.send(new ListUserSessionsCommand({ AccessToken: accessToken }))).Sessions ?? [];

  /** Signs in on the hosted pages (code flow, PKCE) and redeems the code: the app's tokens. */
  async function hostedSignIn(pool: OAuthPool, jar: CookieJar, username: string, scope = 'openid') {
    const verifier = randomBytes(32).toString('base64url');
    const url = `${pool.issuer}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: pool.publicClientId,
      redirect_uri: pool.redirectUri,
      scope,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString()}`;
    const callback = await signInThroughHostedUi(jar, url, username, PASSWORD);
    const code = new URL(callback).searchParams.get('code')!;
    const res = await fetch(`${pool.issuer}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: pool.publicClientId,
        code,
        code_verifier: verifier,
        redirect_uri: pool.redirectUri,
      }).toString(),
    });
    expect(res.status).toBe(200);
    return { tokens: (await res.json()) as Record<string, string>, authorizeUrl: url };
  }

  const tokenSessionOf = (accessToken: string, sessions: SessionDescriptionType[]) =>
    sessions.find((s) => s.SessionType === 'TOKEN' && s.IsCurrentSession) ??
    (() => {
      throw new Error(`no current session for ${String(decodeJwt(accessToken).origin_jti)}`);
    })();

  it('answers the configurations: defaults, set and get, bad values, the Lite tier', async () => {
    const pool = await createOAuthPool(admin, system.endpoint);
    const poolId = pool.poolId;
    expect(
      await admin.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: poolId })),
    ).toMatchObject({
      UserPoolId: poolId,
      UserSessionTracking: 'DISABLED',
      TokenSession: { MaxPerUser: 20 },
    });
    expect(
      await admin.send(
        new GetUserPoolClientSessionConfigurationCommand({
          UserPoolId: poolId,
          ClientId: pool.publicClientId,
        }),
      ),
    ).toMatchObject({
      UserPoolId: poolId,
      ClientId: pool.publicClientId,
      SSOSession: { MaxValidityMinutes: 60 },
    });

    // Tracking off: the client's setting, listing and revoking are not enabled.
    await expectAwsError(
      admin.send(
        new SetUserPoolClientSessionConfigurationCommand({
          UserPoolId: poolId,
          ClientId: pool.publicClientId,
          SSOSession: { MaxValidityMinutes: 30 },
        }),
      ),
      'OperationNotEnabledException',
    );
    const username = await newUser(pool);
    const tokens = await signIn(pool.publicClientId, username);
    await expectAwsError(list(tokens.AccessToken!), 'OperationNotEnabledException');
    await expectAwsError(
      admin.send(new AdminListUserSessionsCommand({ UserPoolId: poolId, Username: username })),
      'OperationNotEnabledException',
    );

    const set = await admin.send(
      new SetUserPoolSessionConfigurationCommand({
        UserPoolId: poolId,
        UserSessionTracking: 'ENABLED',
        TokenSession: { MaxPerUser: 7 },
      }),
    );
    expect(set).toMatchObject({
      UserPoolId: poolId,
      UserSessionTracking: 'ENABLED',
      TokenSession: { MaxPerUser: 7 },
    });
    expect(
      await admin.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: poolId })),
    ).toMatchObject({
      UserSessionTracking: 'ENABLED',
      TokenSession: { MaxPerUser: 7 },
    });
    // Only sessions opened since tracking was turned on are tracked.
    expect(await list(tokens.AccessToken!)).toEqual([]);

    const client = await admin.send(
      new SetUserPoolClientSessionConfigurationCommand({
        UserPoolId: poolId,
        ClientId: pool.publicClientId,
        SSOSession: { MaxValidityMinutes: 0 },
      }),
    );
    expect(client).toMatchObject({ ClientId: pool.publicClientId, SSOSession: { MaxValidityMinutes: 0 } });
    expect(
      (
        await admin.send(
          new GetUserPoolClientSessionConfigurationCommand({
            UserPoolId: poolId,
            ClientId: pool.publicClientId,
          }),
        )
      ).SSOSession,
    ).toEqual({ MaxValidityMinutes: 0 });
    // The other client keeps the default.
    expect(
      (
        await admin.send(
          new GetUserPoolClientSessionConfigurationCommand({
            UserPoolId: poolId,
            ClientId: pool.secretClientId,
          }),
        )
      ).SSOSession,
    ).toEqual({ MaxValidityMinutes: 60 });

    for (const MaxPerUser of [0, 101, -1]) {
      await expectAwsError(
        admin.send(
          new SetUserPoolSessionConfigurationCommand({
            UserPoolId: poolId,
            UserSessionTracking: 'ENABLED',
            TokenSession: { MaxPerUser },
          }),
        ),
        'InvalidParameterException',
      );
    }
    await expectAwsError(
      admin.send(
        new SetUserPoolSessionConfigurationCommand({
          UserPoolId: poolId,
          UserSessionTracking: 'ON' as never,
          TokenSession: { MaxPerUser: 5 },
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(
        new SetUserPoolSessionConfigurationCommand({
          UserPoolId: poolId,
          UserSessionTracking: 'ENABLED',
        } as never),
      ),
      'InvalidParameterException',
    );
    for (const MaxValidityMinutes of [-1, 129601]) {
      await expectAwsError(
        admin.send(
          new SetUserPoolClientSessionConfigurationCommand({
            UserPoolId: poolId,
            ClientId: pool.publicClientId,
            SSOSession: { MaxValidityMinutes },
          }),
        ),
        'InvalidParameterException',
      );
    }
    // Nothing a refusal touched changed.
    expect(
      await admin.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: poolId })),
    ).toMatchObject({
      UserSessionTracking: 'ENABLED',
      TokenSession: { MaxPerUser: 7 },
    });

    // Turned off: the client's setting is kept, dormant.
    await admin.send(
      new SetUserPoolSessionConfigurationCommand({
        UserPoolId: poolId,
        UserSessionTracking: 'DISABLED',
        TokenSession: { MaxPerUser: 7 },
      }),
    );
    expect(
      (
        await admin.send(
          new GetUserPoolClientSessionConfigurationCommand({
            UserPoolId: poolId,
            ClientId: pool.publicClientId,
          }),
        )
      ).SSOSession,
    ).toEqual({ MaxValidityMinutes: 0 });

    const { UserPool: lite } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'lite', UserPoolTier: 'LITE' }),
    );
    await expectAwsError(
      admin.send(
        new SetUserPoolSessionConfigurationCommand({
          UserPoolId: lite!.Id,
          UserSessionTracking: 'ENABLED',
          TokenSession: { MaxPerUser: 5 },
        }),
      ),
      'FeatureUnavailableInTierException',
    );
    await expectAwsError(
      admin.send(new GetUserPoolSessionConfigurationCommand({ UserPoolId: 'us-east-1_nosuchpool' })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(
        new GetUserPoolClientSessionConfigurationCommand({
          UserPoolId: poolId,
          ClientId: 'nosuchclient000000000000',
        }),
      ),
      'ResourceNotFoundException',
    );
  });

  it('lists the token sessions of two clients and the hosted pages, and the SSO session', async () => {
    const pool = await trackedPool();
    const username = await newUser(pool);
    const viaSpa = await signIn(pool.publicClientId, username);
    const viaMobile = await signIn(pool.otherClientId, username);
    const jar = new CookieJar();
    const { tokens: hosted } = await hostedSignIn(pool, jar, username);

    const mine = await list(viaSpa.AccessToken!);
    expect(mine).toHaveLength(4);
    for (const s of mine) {
      expect(s.SessionId).toMatch(SESSION_ID);
      expect(s.CreateDate).toBeInstanceOf(Date);
      expect(s.LastActiveDate).toBeInstanceOf(Date);
    }
    const tokenSessions = mine.filter((s) => s.SessionType === 'TOKEN');
    const sso = mine.filter((s) => s.SessionType === 'SSO');
    expect(tokenSessions.map((s) => s.ClientId).sort()).toEqual(
      [pool.publicClientId, pool.publicClientId, pool.otherClientId].sort(),
    );
    expect(tokenSessions.every((s) => s.SessionId!.startsWith('tkn'))).toBe(true);
    expect(sso).toHaveLength(1);
    expect(sso[0]).toMatchObject({ ClientId: pool.publicClientId, IsCurrentSession: false });
    expect(sso[0].SessionId!.startsWith('sso')).toBe(true);
    // Exactly one is the session of the calling token, and another token names another one.
    expect(mine.filter((s) => s.IsCurrentSession)).toHaveLength(1);
    const spaSession = tokenSessionOf(viaSpa.AccessToken!, mine);
    const mobileSession = tokenSessionOf(viaMobile.AccessToken!, await list(viaMobile.AccessToken!));
    expect(mobileSession.ClientId).toBe(pool.otherClientId);
    expect(mobileSession.SessionId).not.toBe(spaSession.SessionId);
    // The hosted pages' session carries no aws.cognito.signin.user.admin: it is listed, not a lister.
    expect(hosted.refresh_token).toBeDefined();

    const { Sessions: asAdmin } = await admin.send(
      new AdminListUserSessionsCommand({ UserPoolId: pool.poolId, Username: username }),
    );
    expect(asAdmin!.map((s) => s.SessionId).sort()).toEqual(mine.map((s) => s.SessionId).sort());
    expect(asAdmin!.every((s) => s.IsCurrentSession === false)).toBe(true);
  });

  it("revokes one token session: its refresh and access tokens stop, the others' do not", async () => {
    const pool = await trackedPool();
    const username = await newUser(pool);
    const keeper = await signIn(pool.publicClientId, username);
    const victim = await signIn(pool.otherClientId, username);
    const victimSession = tokenSessionOf(victim.AccessToken!, await list(victim.AccessToken!));

    // The caller's own session cannot be revoked with its token.
    const keeperSession = tokenSessionOf(keeper.AccessToken!, await list(keeper.AccessToken!));
    await expectAwsError(
      app.send(
        new RevokeUserSessionCommand({ AccessToken: keeper.AccessToken, SessionId: keeperSession.SessionId }),
      ),
      'InvalidParameterException',
    );

    await app.send(
      new RevokeUserSessionCommand({ AccessToken: keeper.AccessToken, SessionId: victimSession.SessionId }),
    );
    await expectAwsError(refresh(pool.otherClientId, victim.RefreshToken!), 'NotAuthorizedException');
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: victim.AccessToken })),
      'NotAuthorizedException',
      {
        message: 'Access Token has been revoked',
      },
    );
    // Revoked once: the same id is no live session any more.
    await expectAwsError(
      app.send(
        new RevokeUserSessionCommand({ AccessToken: keeper.AccessToken, SessionId: victimSession.SessionId }),
      ),
      'ResourceNotFoundException',
    );
    expect((await list(keeper.AccessToken!)).map((s) => s.SessionId)).toEqual([keeperSession.SessionId]);
    expect(
      (await refresh(pool.publicClientId, keeper.RefreshToken!)).AuthenticationResult!.AccessToken,
    ).toBeDefined();
    expect((await app.send(new GetUserCommand({ AccessToken: keeper.AccessToken }))).Username).toBe(username);

    // An administrator may end any of them, the caller's own included.
    await admin.send(
      new AdminRevokeUserSessionCommand({
        UserPoolId: pool.poolId,
        Username: username,
        SessionId: keeperSession.SessionId,
        RevokeAssociatedSessions: 'NONE',
      }),
    );
    await expectAwsError(refresh(pool.publicClientId, keeper.RefreshToken!), 'NotAuthorizedException');
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: keeper.AccessToken })),
      'NotAuthorizedException',
    );
  });

  it('revokes an SSO session: the browser is asked to sign in again', async () => {
    const pool = await trackedPool();
    const username = await newUser(pool);
    const jar = new CookieJar();
    const { authorizeUrl } = await hostedSignIn(pool, jar, username);
    // While the SSO session lives, the same browser is signed in silently.
    const silent = await browse(jar, authorizeUrl);
    expect(silent.location).toContain(pool.redirectUri);

    const { Sessions } = await admin.send(
      new AdminListUserSessionsCommand({ UserPoolId: pool.poolId, Username: username }),
    );
    const sso = Sessions!.find((s) => s.SessionType === 'SSO')!;
    await admin.send(
      new AdminRevokeUserSessionCommand({
        UserPoolId: pool.poolId,
        Username: username,
        SessionId: sso.SessionId,
      }),
    );
    const again = await browse(jar, authorizeUrl);
    expect(again.location).toContain('/login?');
    const { Sessions: after } = await admin.send(
      new AdminListUserSessionsCommand({ UserPoolId: pool.poolId, Username: username }),
    );
    expect(after!.some((s) => s.SessionType === 'SSO')).toBe(false);
  });

  it('names the SSO session a token session came through; LINKED revokes along the link', async () => {
    const pool = await trackedPool();
    const username = await newUser(pool);
    const jar = new CookieJar();
    const { tokens: first, authorizeUrl } = await hostedSignIn(pool, jar, username);
    // The same browser, signed in silently: a second token session through the same SSO session.
    const { tokens: second } = await hostedSignIn(pool, jar, username);
    const api = await signIn(pool.otherClientId, username);

    const sessions = await list(api.AccessToken!);
    const sso = sessions.filter((s) => s.SessionType === 'SSO');
    expect(sso).toHaveLength(1);
    const viaSso = sessions.filter((s) => s.OriginSessionId === sso[0].SessionId);
    expect(viaSso.map((s) => s.SessionType)).toEqual(['TOKEN', 'TOKEN']);
    expect(viaSso.every((s) => s.ClientId === pool.publicClientId)).toBe(true);
    expect(tokenSessionOf(api.AccessToken!, sessions).OriginSessionId).toBeUndefined();

    // The SSO session, LINKED: both token sessions that came through it end, the API one does not.
    await admin.send(
      new AdminRevokeUserSessionCommand({
        UserPoolId: pool.poolId,
        Username: username,
        SessionId: sso[0].SessionId,
        RevokeAssociatedSessions: 'LINKED',
      }),
    );
    await expectAwsError(refresh(pool.publicClientId, first.refresh_token), 'NotAuthorizedException');
    await expectAwsError(refresh(pool.publicClientId, second.refresh_token), 'NotAuthorizedException');
    expect((await browse(jar, authorizeUrl)).location).toContain('/login?');
    expect((await refresh(pool.otherClientId, api.RefreshToken!)).AuthenticationResult).toBeDefined();
    expect((await list(api.AccessToken!)).map((s) => s.SessionType)).toEqual(['TOKEN']);

    // A token session, LINKED: the SSO session it came through ends with it.
    const otherJar = new CookieJar();
    const { tokens: third, authorizeUrl: again } = await hostedSignIn(pool, otherJar, username);
    const thirdSession = (await list(api.AccessToken!)).find(
      (s) => s.SessionType === 'TOKEN' && s.OriginSessionId !== undefined,
    )!;
    await app.send(
      new RevokeUserSessionCommand({
        AccessToken: api.AccessToken,
        SessionId: thirdSession.SessionId,
        RevokeAssociatedSessions: 'LINKED',
      }),
    );
    await expectAwsError(refresh(pool.publicClientId, third.refresh_token), 'NotAuthorizedException');
    expect((await browse(otherJar, again)).location).toContain('/login?');
    expect((await list(api.AccessToken!)).map((s) => s.SessionType)).toEqual(['TOKEN']);
  });

  it("honours the client's SSO session validity: 0 never signs in silently", async () => {
    const pool = await trackedPool();
    await admin.send(
      new SetUserPoolClientSessionConfigurationCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        SSOSession: { MaxValidityMinutes: 0 },
      }),
    );
    const username = await newUser(pool);
    const jar = new CookieJar();
    const { authorizeUrl } = await hostedSignIn(pool, jar, username);
    const again = await browse(jar, authorizeUrl);
    expect(again.location).toContain('/login?');
    // The SSO session itself is still there for other clients.
    const { Sessions } = await admin.send(
      new AdminListUserSessionsCommand({ UserPoolId: pool.poolId, Username: username }),
    );
    expect(Sessions!.filter((s) => s.SessionType === 'SSO')).toHaveLength(1);
  });

  it("keeps a user within the pool's maximum: the least recently used session goes", async () => {
    const pool = await trackedPool(2);
    const username = await newUser(pool);
    const first = await signIn(pool.publicClientId, username);
    const second = await signIn(pool.otherClientId, username);
    expect(await list(second.AccessToken!)).toHaveLength(2);
    const third = await signIn(pool.publicClientId, username);

    const now = await list(third.AccessToken!);
    expect(now).toHaveLength(2);
    expect(now.map((s) => s.ClientId).sort()).toEqual([pool.publicClientId, pool.otherClientId].sort());
    await expectAwsError(refresh(pool.publicClientId, first.RefreshToken!), 'NotAuthorizedException');
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: first.AccessToken })),
      'NotAuthorizedException',
    );
    expect((await refresh(pool.otherClientId, second.RefreshToken!)).AuthenticationResult).toBeDefined();

    // Lowering the maximum evicts nothing by itself; the next sign-in brings the user within it.
    await admin.send(
      new SetUserPoolSessionConfigurationCommand({
        UserPoolId: pool.poolId,
        UserSessionTracking: 'ENABLED',
        TokenSession: { MaxPerUser: 1 },
      }),
    );
    expect(await list(third.AccessToken!)).toHaveLength(2);
    const fourth = await signIn(pool.otherClientId, username);
    const left = await list(fourth.AccessToken!);
    expect(left).toHaveLength(1);
    expect(left[0].IsCurrentSession).toBe(true);
  });

  it("answers another user's session as an unknown one, and another pool's user as none", async () => {
    const pool = await trackedPool();
    const alice = await newUser(pool);
    const bob = await newUser(pool);
    const aliceTokens = await signIn(pool.publicClientId, alice);
    const bobTokens = await signIn(pool.publicClientId, bob);
    const bobSession = tokenSessionOf(bobTokens.AccessToken!, await list(bobTokens.AccessToken!));
    const unknown = `tkn${'0'.repeat(24)}1`;

    const viaOther = await expectAwsError(
      app.send(
        new RevokeUserSessionCommand({
          AccessToken: aliceTokens.AccessToken,
          SessionId: bobSession.SessionId,
        }),
      ),
      'ResourceNotFoundException',
    );
    const viaUnknown = await expectAwsError(
      app.send(new RevokeUserSessionCommand({ AccessToken: aliceTokens.AccessToken, SessionId: unknown })),
      'ResourceNotFoundException',
    );
    expect(viaOther.message).toBe(viaUnknown.message);
    await expectAwsError(
      admin.send(
        new AdminRevokeUserSessionCommand({
          UserPoolId: pool.poolId,
          Username: alice,
          SessionId: bobSession.SessionId,
        }),
      ),
      'ResourceNotFoundException',
      { message: viaUnknown.message },
    );
    // A malformed id is a bad parameter, whoever asks.
    await expectAwsError(
      app.send(
        new RevokeUserSessionCommand({ AccessToken: aliceTokens.AccessToken, SessionId: 'tkn-not-an-id' }),
      ),
      'InvalidParameterException',
    );

    // Re-targeted at another pool, where a user of the same name exists: not that user's session.
    const elsewhere = await trackedPool();
    await admin.send(
      new AdminCreateUserCommand({ UserPoolId: elsewhere.poolId, Username: bob, MessageAction: 'SUPPRESS' }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: elsewhere.poolId,
        Username: bob,
        Password: PASSWORD,
        Permanent: true,
      }),
    );
    await expectAwsError(
      admin.send(
        new AdminRevokeUserSessionCommand({
          UserPoolId: elsewhere.poolId,
          Username: bob,
          SessionId: bobSession.SessionId,
        }),
      ),
      'ResourceNotFoundException',
      { message: viaUnknown.message },
    );
    const { Sessions: elsewhereSessions } = await admin.send(
      new AdminListUserSessionsCommand({ UserPoolId: elsewhere.poolId, Username: bob }),
    );
    expect(elsewhereSessions).toEqual([]);
    await expectAwsError(
      admin.send(new AdminListUserSessionsCommand({ UserPoolId: elsewhere.poolId, Username: alice })),
      'UserNotFoundException',
    );
    // Bob's session survived all of it.
    expect((await refresh(pool.publicClientId, bobTokens.RefreshToken!)).AuthenticationResult).toBeDefined();
  });

  it('refuses forged tokens, a token without the sign-in API scope, and anonymous admin calls', async () => {
    const pool = await trackedPool();
    const username = await newUser(pool);
    const tokens = await signIn(pool.publicClientId, username);
    const session = tokenSessionOf(tokens.AccessToken!, await list(tokens.AccessToken!));
    const [header, payload, signature] = tokens.AccessToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const reencode = (c: Record<string, unknown>) =>
      `${header}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.${signature}`;
    const forged = [
      reencode({ ...claims, username: 'someone-else' }),
      reencode({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }),
      reencode({ ...claims, exp: Math.floor(Date.now() / 1000) + 86400 }),
      `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`,
    ];
    for (const AccessToken of forged) {
      await expectAwsError(app.send(new ListUserSessionsCommand({ AccessToken })), 'NotAuthorizedException');
      await expectAwsError(
        app.send(new RevokeUserSessionCommand({ AccessToken, SessionId: session.SessionId })),
        'NotAuthorizedException',
      );
    }

    // A token from the hosted pages granted only `openid` lacks aws.cognito.signin.user.admin.
    const { tokens: openidOnly } = await hostedSignIn(pool, new CookieJar(), username, 'openid');
    await expectAwsError(
      app.send(new ListUserSessionsCommand({ AccessToken: openidOnly.access_token })),
      'NotAuthorizedException',
      { message: 'Access Token does not have required scopes' },
    );
    await expectAwsError(
      app.send(
        new RevokeUserSessionCommand({ AccessToken: openidOnly.access_token, SessionId: session.SessionId }),
      ),
      'NotAuthorizedException',
    );
    // With the scope, the same hosted pages' token may list.
    const { tokens: withScope } = await hostedSignIn(
      pool,
      new CookieJar(),
      username,
      'openid aws.cognito.signin.user.admin',
    );
    expect((await list(withScope.access_token)).some((s) => s.IsCurrentSession)).toBe(true);

    // The admin operations need the administrator's signature.
    await expectAwsError(
      app.send(new AdminListUserSessionsCommand({ UserPoolId: pool.poolId, Username: username })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      app.send(
        new AdminRevokeUserSessionCommand({
          UserPoolId: pool.poolId,
          Username: username,
          SessionId: session.SessionId,
        }),
      ),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      app.send(
        new SetUserPoolSessionConfigurationCommand({
          UserPoolId: pool.poolId,
          UserSessionTracking: 'DISABLED',
          TokenSession: { MaxPerUser: 1 },
        }),
      ),
      'UnrecognizedClientException',
    );
    // None of it touched the session.
    expect((await refresh(pool.publicClientId, tokens.RefreshToken!)).AuthenticationResult).toBeDefined();
  });
});
