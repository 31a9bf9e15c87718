import {
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { LEGACY_PASSWORD } from '../libs/testing/src/user-pool-trigger-standin';
import { browse, CookieJar, formOf } from './support/hosted-ui';
import {
  codeSentTo,
  cognitoAdmin,
  cognitoPublic,
  e2eSystem,
  mailboxMark,
  messageSentTo,
} from './support/e2e-context';

interface Recorded {
  path: string;
  event: Record<string, unknown> & {
    triggerSource: string;
    userName: string;
    request: Record<string, unknown>;
    callerContext: Record<string, unknown>;
  };
}

/**
 * The UserMigration trigger (issue 11 section 4, ADR 0037) against the stand-in's `migrate`
 * function, a small legacy user table behind a signed HTTP endpoint: a name the pool does not
 * have signs in (USER_PASSWORD_AUTH through amazon-cognito-identity-js, ADMIN_USER_PASSWORD_AUTH
 * through the AWS SDK v3) or asks for a reset code, and is created from what the function answers.
 * Attacks: a wrong legacy password, a name the store does not have (with and without
 * PreventUserExistenceErrors), SRP (which sends no password and cannot migrate), garbage and
 * attributes the pool does not have, an unreachable function (no partial user left), and two
 * concurrent sign-ins of one migrating user (one user created).
 */
describe('UserMigration trigger', () => {
  const system = e2eSystem();
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
  let legacy: { poolId: string; clientId: string };
  let hiding: { poolId: string; clientId: string };

  async function calls(userName: string): Promise<Recorded[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    return ((await res.json()) as { accepted: Recorded[] }).accepted.filter((c) => c.path === '/migrate');
  }

  async function pool(
    name: string,
    migration: string,
    PreventUserExistenceErrors: 'ENABLED' | 'LEGACY' = 'LEGACY',
  ): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        LambdaConfig: { UserMigration: fn(migration) },
        AutoVerifiedAttributes: ['email'],
      }),
    );
    pools.push(UserPool!.Id!);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: [
          'ALLOW_USER_PASSWORD_AUTH',
          'ALLOW_ADMIN_USER_PASSWORD_AUTH',
          'ALLOW_USER_SRP_AUTH',
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
        PreventUserExistenceErrors,
      }),
    );
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
  }

  function passwordSignIn(p: { clientId: string }, username: string, password: string) {
    return app.send(
      new InitiateAuthCommand({
        ClientId: p.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
  }

  /** amazon-cognito-identity-js, with USER_PASSWORD_AUTH (SRP) or its default SRP flow. */
  function libraryAuthenticate(
    p: { poolId: string; clientId: string },
    username: string,
    password: string,
    flow: 'USER_PASSWORD_AUTH' | 'USER_SRP_AUTH',
  ): Promise<CognitoUserSession> {
    const userPool = new CognitoUserPool({
      UserPoolId: p.poolId,
      ClientId: p.clientId,
      endpoint: system.endpoint,
    });
    const user = new CognitoUser({ Username: username, Pool: userPool });
    user.setAuthenticationFlowType(flow);
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
  }

  async function expectNoUser(p: { poolId: string }, username: string) {
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: username })),
      'UserNotFoundException',
    );
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    legacy = await pool('migrate', 'migrate');
    hiding = await pool('migrate-hiding', 'migrate', 'ENABLED');
  });

  afterAll(async () => {
    for (const poolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });

  it('signs a legacy user in with USER_PASSWORD_AUTH (amazon-cognito-identity-js) and keeps them', async () => {
    const name = `legacy-ann-${stamp}`;
    const session = await libraryAuthenticate(legacy, name, LEGACY_PASSWORD, 'USER_PASSWORD_AUTH');
    expect(session.isValid()).toBe(true);
    const [call] = await calls(name);
    expect(call.event).toMatchObject({
      version: '1',
      triggerSource: 'UserMigration_Authentication',
      userPoolId: legacy.poolId,
      userName: name,
      callerContext: { clientId: legacy.clientId },
      request: { password: LEGACY_PASSWORD, validationData: {} },
    });
    const stored = await admin.send(new AdminGetUserCommand({ UserPoolId: legacy.poolId, Username: name }));
    expect(stored.UserStatus).toBe('CONFIRMED');
    expect(stored.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: `${name}@legacy.example` },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    // Now a user of the pool: SRP works with the same password, and the store is not asked again.
    const again = await libraryAuthenticate(legacy, name, LEGACY_PASSWORD, 'USER_SRP_AUTH');
    expect(again.isValid()).toBe(true);
    expect(await calls(name)).toHaveLength(1);
  });

  it('migrates with ADMIN_USER_PASSWORD_AUTH (AWS SDK v3)', async () => {
    const name = `legacy-admin-${stamp}`;
    const out = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: legacy.poolId,
        ClientId: legacy.clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: name, PASSWORD: LEGACY_PASSWORD },
        ClientMetadata: { origin: 'back-end' },
      }),
    );
    expect(out.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const [call] = await calls(name);
    expect(call.event.triggerSource).toBe('UserMigration_Authentication');
    // AdminInitiateAuth's ClientMetadata is the function's validationData, as Cognito documents.
    expect(call.event.request).toEqual({
      password: LEGACY_PASSWORD,
      validationData: { origin: 'back-end' },
    });
  });

  it('answers a refused migration as Cognito does, and stores nothing', async () => {
    const wrong = `legacy-wrong-${stamp}`;
    await expectAwsError(
      passwordSignIn(legacy, wrong, 'Not-the-Passw0rd!'),
      'UserNotFoundException',
      `Exception migrating user in app client ${legacy.clientId}`,
    );
    await expectNoUser(legacy, wrong);
    const stranger = `stranger-${stamp}`;
    await expectAwsError(passwordSignIn(legacy, stranger, LEGACY_PASSWORD), 'UserNotFoundException');
    await expectNoUser(legacy, stranger);
    // A client that hides users: the answer of a wrong password, for either.
    for (const name of [`legacy-hidden-${stamp}`, `stranger-hidden-${stamp}`]) {
      await expectAwsError(
        passwordSignIn(hiding, name, 'Not-the-Passw0rd!'),
        'NotAuthorizedException',
        'Incorrect username or password.',
      );
      await expectNoUser(hiding, name);
    }
  });

  it('does not migrate with USER_SRP_AUTH, which sends no password', async () => {
    const name = `legacy-srp-${stamp}`;
    await expect(libraryAuthenticate(legacy, name, LEGACY_PASSWORD, 'USER_SRP_AUTH')).rejects.toMatchObject({
      code: 'UserNotFoundException',
    });
    expect(await calls(name)).toEqual([]);
    await expectNoUser(legacy, name);
  });

  it('migrates at ForgotPassword as RESET_REQUIRED, then the reset code sets the password', async () => {
    const name = `legacy-forgot-${stamp}`;
    const mark = mailboxMark(system);
    const out = await app.send(new ForgotPasswordCommand({ ClientId: legacy.clientId, Username: name }));
    expect(out.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const [call] = await calls(name);
    expect(call.event.triggerSource).toBe('UserMigration_ForgotPassword');
    expect(call.event.request).not.toHaveProperty('password');
    const stored = await admin.send(new AdminGetUserCommand({ UserPoolId: legacy.poolId, Username: name }));
    expect(stored.UserStatus).toBe('RESET_REQUIRED');
    const code = await codeSentTo(`${name}@legacy.example`, system, 10_000, mark);
    await app.send(
      new ConfirmForgotPasswordCommand({
        ClientId: legacy.clientId,
        Username: name,
        ConfirmationCode: code,
        Password: 'Brand-New-Passw0rd!',
      }),
    );
    const signedIn = await passwordSignIn(legacy, name, 'Brand-New-Passw0rd!');
    expect(signedIn.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('fails with the trigger errors of ADR 0030 and leaves no partial user', async () => {
    const garbage = `legacy-garbage-${stamp}`;
    await expectAwsError(
      passwordSignIn(legacy, garbage, LEGACY_PASSWORD),
      'InvalidLambdaResponseException',
      'Unrecognizable lambda output',
    );
    await expectNoUser(legacy, garbage);
    const alien = `legacy-alien-${stamp}`;
    await expectAwsError(passwordSignIn(legacy, alien, LEGACY_PASSWORD), 'InvalidLambdaResponseException');
    await expectNoUser(legacy, alien);
    const gone = await pool('migrate-gone', 'gone');
    const name = `legacy-gone-${stamp}`;
    await expectAwsError(
      passwordSignIn(gone, name, LEGACY_PASSWORD),
      'UnexpectedLambdaException',
      'UserMigration invocation failed due to error ServiceException.',
    );
    await expectNoUser(gone, name);
  });

  it("acts on the answer's welcome message, mediums and enableSMSMFA (ADR 0063)", async () => {
    // No messageAction, desiredDeliveryMediums EMAIL: the welcome email goes out after the sign-in.
    const welcome = `legacy-welcome-${stamp}`;
    const mark = mailboxMark(system);
    const signedIn = await passwordSignIn(legacy, welcome, LEGACY_PASSWORD);
    expect(signedIn.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    const text = await messageSentTo(`${welcome}@legacy.example`, system, { after: mark });
    expect(text).toContain(`Welcome, ${welcome}.`);
    // It carries no password or code.
    expect(text).not.toContain(LEGACY_PASSWORD);
    expect(text).not.toMatch(/code is|password is/i);
    // SUPPRESS (the other legacy users): nothing to them.
    const quiet = `legacy-quiet-${stamp}`;
    const quietMark = mailboxMark(system);
    await passwordSignIn(legacy, quiet, LEGACY_PASSWORD);
    await expect(
      messageSentTo(`${quiet}@legacy.example`, system, { after: quietMark, timeoutMs: 1_500 }),
    ).rejects.toThrow();
    // enableSMSMFA: SMS MFA on and preferred for the migrated user.
    const mfa = `legacy-smsmfa-${stamp}`;
    await passwordSignIn(legacy, mfa, LEGACY_PASSWORD);
    const stored = await admin.send(new AdminGetUserCommand({ UserPoolId: legacy.poolId, Username: mfa }));
    expect(stored.UserMFASettingList).toEqual(['SMS_MFA']);
    expect(stored.PreferredMfaSetting).toBe('SMS_MFA');
    expect(stored.UserAttributes).toContainEqual({ Name: 'phone_number', Value: '+15555550123' });
  });

  it('refuses an answer it cannot act on: a medium without an address, SMS MFA without a phone', async () => {
    for (const name of [`legacy-resend-${stamp}`, `legacy-nophonemfa-${stamp}`]) {
      const mark = mailboxMark(system);
      await expectAwsError(
        passwordSignIn(legacy, name, LEGACY_PASSWORD),
        'InvalidLambdaResponseException',
        'Unrecognizable lambda output',
      );
      await expectNoUser(legacy, name);
      await expect(
        messageSentTo(`${name}@legacy.example`, system, { after: mark, timeoutMs: 1_000 }),
      ).rejects.toThrow();
    }
  });

  it('migrates through the hosted forgotten-password page, whose reset page then sets the password', async () => {
    // A pool with a domain and an OAuth client: the hosted pages are its front.
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `migrate-hosted-${stamp}`,
        LambdaConfig: { UserMigration: fn('migrate') },
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: `idfed-mig-${stamp.toString(36)}` }),
    );
    const redirectUri = 'http://localhost:3999/callback';
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'spa',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [redirectUri],
        SupportedIdentityProviders: ['COGNITO'],
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: 'openid',
    }).toString();
    const pageUrl = `${system.endpoint}/${poolId}/forgotPassword?${query}`;
    const jar = new CookieJar();
    const page = await browse(jar, pageUrl);
    expect(page.status).toBe(200);
    const name = `legacy-page-${stamp}`;
    const mark = mailboxMark(system);
    const form = formOf(page.html, pageUrl);
    const reset = await browse(jar, form.action, { ...form.fields, username: name });
    expect(reset.status).toBe(200);
    const [call] = await calls(name);
    expect(call.event).toMatchObject({
      triggerSource: 'UserMigration_ForgotPassword',
      userPoolId: poolId,
      callerContext: { clientId },
    });
    expect(call.event.request).not.toHaveProperty('password');
    const stored = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: name }));
    expect(stored.UserStatus).toBe('RESET_REQUIRED');
    const code = await codeSentTo(`${name}@legacy.example`, system, 10_000, mark);
    const resetForm = formOf(reset.html, form.action);
    const done = await browse(jar, resetForm.action, {
      ...resetForm.fields,
      username: name,
      code,
      password: 'Page-Set-Passw0rd!',
    });
    expect(done.status).toBeLessThan(400);
    const signedIn = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: name, PASSWORD: 'Page-Set-Passw0rd!' },
      }),
    );
    expect(signedIn.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    // The legacy store was asked once: the page's reset did not migrate again.
    expect(await calls(name)).toHaveLength(1);
  });

  it("migrates with USER_AUTH's PASSWORD factor, preferred (AWS SDK v3)", async () => {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: legacy.poolId,
        ClientName: 'choice',
        ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const choice = { poolId: legacy.poolId, clientId: UserPoolClient!.ClientId! };
    const name = `legacy-choice-${stamp}`;
    const out = await app.send(
      new InitiateAuthCommand({
        ClientId: choice.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: name, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: LEGACY_PASSWORD },
        ClientMetadata: { via: 'user-auth' },
      }),
    );
    expect(out.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const [call] = await calls(name);
    expect(call.event.triggerSource).toBe('UserMigration_Authentication');
    expect(call.event.request).toEqual({ password: LEGACY_PASSWORD, validationData: { via: 'user-auth' } });
    // A wrong legacy password through the same factor: Cognito's refusal, nobody stored.
    const wrong = `legacy-choice-wrong-${stamp}`;
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: choice.clientId,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: wrong, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Not-the-Passw0rd!' },
        }),
      ),
      'UserNotFoundException',
      `Exception migrating user in app client ${choice.clientId}`,
    );
    await expectNoUser(legacy, wrong);
  });

  it("migrates with USER_AUTH's SELECT_CHALLENGE answered PASSWORD, with that answer's ClientMetadata (ADR 0071)", async () => {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: legacy.poolId,
        ClientName: 'choose',
        ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const select = async (name: string) => {
      const started = await app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: name },
          ClientMetadata: { step: 'start' },
        }),
      );
      expect(started.ChallengeName).toBe('SELECT_CHALLENGE');
      expect(started.AvailableChallenges).toEqual(expect.arrayContaining(['PASSWORD', 'PASSWORD_SRP']));
      return started.Session!;
    };
    const name = `legacy-select-${stamp}`;
    const answered = await app.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: await select(name),
        ChallengeResponses: { USERNAME: name, ANSWER: 'PASSWORD', PASSWORD: LEGACY_PASSWORD },
        ClientMetadata: { step: 'select' },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const [call, ...more] = await calls(name);
    expect(more).toEqual([]);
    expect(call.event.triggerSource).toBe('UserMigration_Authentication');
    expect(call.event.request).toEqual({ password: LEGACY_PASSWORD, validationData: { step: 'select' } });
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: legacy.poolId, Username: name }));
    expect(user.UserStatus).toBe('CONFIRMED');

    // A wrong legacy password: Cognito's migration refusal, nobody stored.
    const wrong = `legacy-select-wrong-${stamp}`;
    await expectAwsError(
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: await select(wrong),
          ChallengeResponses: { USERNAME: wrong, ANSWER: 'PASSWORD', PASSWORD: 'Not-the-Passw0rd!' },
        }),
      ),
      'UserNotFoundException',
      `Exception migrating user in app client ${clientId}`,
    );
    await expectNoUser(legacy, wrong);

    // PASSWORD_SRP sends no password: the store is not asked, and no user appears.
    const srp = `legacy-select-srp-${stamp}`;
    const srpAnswer = app.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: await select(srp),
        ChallengeResponses: { USERNAME: srp, ANSWER: 'PASSWORD_SRP', SRP_A: 'a1b2c3d4e5f6' },
      }),
    );
    await srpAnswer.catch(() => undefined);
    expect(await calls(srp)).toEqual([]);
    await expectNoUser(legacy, srp);

    // A session issued to the legacy name cannot carry another name.
    await expectAwsError(
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: await select(`legacy-select-a-${stamp}`),
          ChallengeResponses: {
            USERNAME: `legacy-select-b-${stamp}`,
            ANSWER: 'PASSWORD',
            PASSWORD: LEGACY_PASSWORD,
          },
        }),
      ),
      'NotAuthorizedException',
    );
    await expectNoUser(legacy, `legacy-select-b-${stamp}`);
  });

  it('creates one user for two concurrent sign-ins of one migrating user', async () => {
    const name = `legacy-slow-${stamp}`;
    const [a, b] = await Promise.all([
      passwordSignIn(legacy, name, LEGACY_PASSWORD),
      passwordSignIn(legacy, name, LEGACY_PASSWORD),
    ]);
    expect(a.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(b.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    expect(await calls(name)).toHaveLength(2);
    const listed = await admin.send(
      new ListUsersCommand({ UserPoolId: legacy.poolId, Filter: `username = "${name}"` }),
    );
    expect(listed.Users).toHaveLength(1);
  });
});
