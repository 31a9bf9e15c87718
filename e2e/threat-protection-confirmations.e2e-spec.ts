import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { BaseClient, errors, generators, Issuer } from 'openid-client';
import {
  CreationOptions,
  SoftwareAuthenticator,
} from '../apps/user-directory/test/support/software-authenticator';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { TestSamlIdp } from '../libs/testing/src/saml-idp';
import { challengeAnswerFor } from '../libs/testing/src/user-pool-trigger-standin';
import { Secret, TOTP } from 'otpauth';
import { launchBrowser } from './support/browser';
import {
  authEventsOf,
  blockAddresses,
  BLOCKED_MESSAGE,
  eventSummary,
  LOOPBACK_RANGES,
} from './support/threat-protection';
import { cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark, mailSentTo } from './support/e2e-context';
import { createFederatedPool, signInAtProvider } from './support/federation';
import { browse, CookieJar, createOAuthPool, OAuthPool, signInThroughHostedUi } from './support/hosted-ui';

/**
 * Threat protection (ADR 0091) on the paths ADR 0089 left: the block list refusing ConfirmSignUp and
 * ConfirmForgotPassword (AWS SDK, amazon-cognito-identity-js, a propagating client's
 * UserContextData), the token endpoint's authorization_code and refresh_token grants
 * (openid-client), a federated return from an OpenID Connect provider and a SAML IdP, and the hosted
 * confirmation, MFA and new-password forms in Chromium: the same answer for a known and an unknown
 * name, nothing spent or changed by a refusal, AUDIT and another pool not blocked. And the events of
 * USER_AUTH's first-factor code and passkey sign-ins and of custom sign-ins, listed by
 * AdminListUserAuthEvents.
 */
describe('threat protection on the confirmations, the token endpoint and federated returns', () => {
  const system = e2eSystem();
  const password = 'Thr3at-Confirm-Ok!';
  const stamp = Date.now();
  const LOOPBACK = LOOPBACK_RANGES;
  const ELSEWHERE = ['203.0.113.0/24'];
  const blocked = BLOCKED_MESSAGE;
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

  const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

  const block = (poolId: string, ranges: string[]) => blockAddresses(admin, poolId, ranges);

  const mode = (poolId: string, AdvancedSecurityMode: 'AUDIT' | 'ENFORCED', more = {}) =>
    admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: poolId,
        AutoVerifiedAttributes: ['email'],
        UserPoolAddOns: { AdvancedSecurityMode },
        ...more,
      }),
    );

  const statusOf = async (poolId: string, username: string) =>
    (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserStatus;

  /** The six-digit code in the last mail to `to` after `mark` (its text part, in both modes). */
  const codeTo = async (to: string, mark: number) =>
    /\b(\d{6})\b/.exec((await mailSentTo(to, system, { after: mark })).text)![1];

  const eventsOf = (poolId: string, username: string, count: number) =>
    authEventsOf(admin, poolId, username, count);

  const summary = eventSummary;

  it('refuses ConfirmSignUp and ConfirmForgotPassword from a blocked address alike for any name, spending no code', async () => {
    const mk = async (addOns: 'AUDIT' | 'ENFORCED') => {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: `confirm-${addOns}-${stamp}`,
          AutoVerifiedAttributes: ['email'],
          UserPoolAddOns: { AdvancedSecurityMode: addOns },
        }),
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
    };
    const enforced = await mk('ENFORCED');
    const audit = await mk('AUDIT');
    const signUp = async (p: { clientId: string }, username: string) => {
      const mark = mailboxMark(system);
      const email = `${username}@example.com`;
      await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: username,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      return codeTo(email, mark);
    };
    const newcomer = unique('ada');
    const signUpCode = await signUp(enforced, newcomer);
    const resetter = unique('bea');
    await signUp(enforced, resetter);
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: enforced.poolId, Username: resetter }));
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: enforced.poolId,
        Username: resetter,
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    const mark = mailboxMark(system);
    await app.send(new ForgotPasswordCommand({ ClientId: enforced.clientId, Username: resetter }));
    const resetCode = await codeTo(`${resetter}@example.com`, mark);
    const inAudit = unique('cyd');
    const auditCode = await signUp(audit, inAudit);
    await block(enforced.poolId, LOOPBACK);
    await block(audit.poolId, LOOPBACK);

    // A user with the right code, a wrong code, an unknown name: the same refusal.
    const confirm = (Username: string, ConfirmationCode: string) =>
      app.send(new ConfirmSignUpCommand({ ClientId: enforced.clientId, Username, ConfirmationCode }));
    const reset = (Username: string, ConfirmationCode: string) =>
      app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: enforced.clientId,
          Username,
          ConfirmationCode,
          Password: 'N3w-Password-1!',
        }),
      );
    for (const [name, code] of [
      [newcomer, signUpCode],
      [newcomer, '000000'],
      [unique('ghost'), signUpCode],
    ]) {
      await expectAwsError(confirm(name, code), 'NotAuthorizedException', blocked);
      await expectAwsError(
        reset(name === newcomer ? resetter : name, code),
        'NotAuthorizedException',
        blocked,
      );
    }
    // amazon-cognito-identity-js's confirmation meets the same refusal.
    const userPool = new CognitoUserPool({
      UserPoolId: enforced.poolId,
      ClientId: enforced.clientId,
      endpoint: system.endpoint,
    });
    await expect(
      new Promise((resolve, reject) =>
        new CognitoUser({ Username: newcomer, Pool: userPool }).confirmRegistration(
          signUpCode,
          false,
          (err: Error | undefined, r: unknown) => (err ? reject(err) : resolve(r)),
        ),
      ),
    ).rejects.toMatchObject({ code: 'NotAuthorizedException', message: blocked });
    expect(await statusOf(enforced.poolId, newcomer)).toBe('UNCONFIRMED');

    // AUDIT blocks nothing, in another pool with the same list.
    await app.send(
      new ConfirmSignUpCommand({ ClientId: audit.clientId, Username: inAudit, ConfirmationCode: auditCode }),
    );
    expect(await statusOf(audit.poolId, inAudit)).toBe('CONFIRMED');

    // Unblocked, the same codes still work: the refusals spent and counted nothing.
    await block(enforced.poolId, ELSEWHERE);
    await confirm(newcomer, signUpCode);
    expect(await statusOf(enforced.poolId, newcomer)).toBe('CONFIRMED');
    await reset(resetter, resetCode);
    const signedIn = await app.send(
      new InitiateAuthCommand({
        ClientId: enforced.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: resetter, PASSWORD: 'N3w-Password-1!' },
      }),
    );
    expect(signedIn.AuthenticationResult).toBeDefined();

    // A back end whose client propagates user context data has its user's address blocked.
    const { UserPoolClient: backEnd } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: enforced.poolId,
        ClientName: 'back-end',
        GenerateSecret: true,
        EnablePropagateAdditionalUserContextData: true,
      }),
    );
    const secretHash = (name: string) =>
      createHmac('sha256', backEnd!.ClientSecret!)
        .update(name + backEnd!.ClientId!)
        .digest('base64');
    await block(enforced.poolId, ['198.51.100.0/24']);
    for (const name of [resetter, unique('ghost')]) {
      await expectAwsError(
        app.send(
          new ConfirmForgotPasswordCommand({
            ClientId: backEnd!.ClientId!,
            Username: name,
            ConfirmationCode: '123456',
            Password: 'N3w-Password-2!',
            SecretHash: secretHash(name),
            UserContextData: { IpAddress: '198.51.100.7' },
          }),
        ),
        'NotAuthorizedException',
        blocked,
      );
      await expectAwsError(
        app.send(
          new ConfirmSignUpCommand({
            ClientId: backEnd!.ClientId!,
            Username: name,
            ConfirmationCode: '123456',
            SecretHash: secretHash(name),
            UserContextData: { IpAddress: '198.51.100.7' },
          }),
        ),
        'NotAuthorizedException',
        blocked,
      );
    }
    // From another address it reaches the code check.
    await expectAwsError(
      app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: backEnd!.ClientId!,
          Username: resetter,
          ConfirmationCode: '123456',
          Password: 'N3w-Password-2!',
          SecretHash: secretHash(resetter),
          UserContextData: { IpAddress: '192.0.2.10' },
        }),
      ),
      'ExpiredCodeException',
    );
  });

  describe('the token endpoint', () => {
    let hosted: OAuthPool;
    let client: BaseClient;

    beforeAll(async () => {
      hosted = await createOAuthPool(admin, system.endpoint, 'http://localhost:3996/callback');
      await mode(hosted.poolId, 'ENFORCED');
      const issuer = await Issuer.discover(hosted.issuer);
      client = new issuer.Client({
        client_id: hosted.publicClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [hosted.redirectUri],
        response_types: ['code'],
      });
    });

    async function codeFor(username: string) {
      const checks = { state: generators.state(), code_verifier: generators.codeVerifier() };
      const url = client.authorizationUrl({
        scope: 'openid email',
        state: checks.state,
        code_challenge: generators.codeChallenge(checks.code_verifier),
        code_challenge_method: 'S256',
      });
      const back = await signInThroughHostedUi(new CookieJar(), url, username, password);
      return { params: client.callbackParams(back), checks };
    }

    const refusedAs = async (work: Promise<unknown>) => {
      const err = (await work.then(
        () => undefined,
        (e: unknown) => e,
      )) as errors.OPError;
      expect(err).toBeInstanceOf(errors.OPError);
      expect({ error: err.error, error_description: err.error_description }).toEqual({
        error: 'invalid_grant',
        error_description: blocked,
      });
    };

    it('refuses a blocked code redemption and refresh as invalid_grant, burning neither, AUDIT not refusing', async () => {
      const username = unique('dora');
      await app.send(
        new SignUpCommand({
          ClientId: hosted.publicClientId,
          Username: username,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
        }),
      );
      await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: hosted.poolId, Username: username }));
      const { params, checks } = await codeFor(username);
      await block(hosted.poolId, LOOPBACK);
      await refusedAs(client.callback(hosted.redirectUri, params, checks));
      // A made-up code gets the same answer: the code is not looked at.
      await refusedAs(client.callback(hosted.redirectUri, { ...params, code: 'made-up' }, checks));

      // Unblocked, the same code redeems: the refusal did not take it.
      await block(hosted.poolId, ELSEWHERE);
      const tokens = await client.callback(hosted.redirectUri, params, checks);
      expect(tokens.refresh_token).toBeTruthy();
      await block(hosted.poolId, LOOPBACK);
      await refusedAs(client.refresh(tokens.refresh_token!));
      await refusedAs(client.refresh('not-a-refresh-token'));
      // GetTokensFromRefreshToken, the API's refresh, is refused alike.
      await expectAwsError(
        app.send(
          new GetTokensFromRefreshTokenCommand({
            ClientId: hosted.publicClientId,
            RefreshToken: tokens.refresh_token,
          }),
        ),
        'NotAuthorizedException',
        blocked,
      );
      await block(hosted.poolId, ELSEWHERE);
      expect((await client.refresh(tokens.refresh_token!)).access_token).toBeTruthy();
      // In AUDIT mode the same list refuses nothing.
      await block(hosted.poolId, LOOPBACK);
      await mode(hosted.poolId, 'AUDIT');
      expect((await client.refresh(tokens.refresh_token!)).access_token).toBeTruthy();
      await mode(hosted.poolId, 'ENFORCED');
      await block(hosted.poolId, ELSEWHERE);
    });
  });

  it('sends a blocked return from an OpenID Connect provider back to the app as access_denied, making no user', async () => {
    const pool = await createFederatedPool(admin, system, 'http://localhost:3995/callback');
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: pool.poolId,
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      }),
    );
    await block(pool.poolId, LOOPBACK);
    const issuer = await Issuer.discover(pool.issuer);
    const rp = new issuer.Client({
      client_id: pool.clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
    const viaGoogle = async (login: string) => {
      const url = rp.authorizationUrl({
        scope: 'openid email',
        state: 'app-state',
        code_challenge: generators.codeChallenge(generators.codeVerifier()),
        code_challenge_method: 'S256',
        identity_provider: 'Google',
      });
      const idfed = new CookieJar();
      const toProvider = await browse(idfed, url);
      expect(toProvider.status).toBe(302);
      const back = await signInAtProvider(new CookieJar(), toProvider.location!, login);
      const answer = await browse(idfed, back);
      expect(answer.status).toBe(302);
      return new URL(answer.location!);
    };
    const login = unique('fay');
    const refused = await viaGoogle(login);
    expect(`${refused.origin}${refused.pathname}`).toBe(pool.redirectUri);
    expect(Object.fromEntries(refused.searchParams)).toEqual({
      error: 'access_denied',
      error_description: blocked,
      state: 'app-state',
    });
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Google_${login}` })),
      'UserNotFoundException',
    );
    // AUDIT: the same list lets the provider's user in.
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: pool.poolId,
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
      }),
    );
    expect((await viaGoogle(login)).searchParams.get('code')).toBeTruthy();
    await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Google_${login}` }));
  });

  it('sends a blocked SAML response back to the app as access_denied, neither user nor assertion kept', async () => {
    const pool = await createOAuthPool(admin, system.endpoint, 'http://localhost:3994/callback');
    await mode(pool.poolId, 'ENFORCED');
    const acs = `${pool.issuer}/saml2/idpresponse`;
    const idp = new TestSamlIdp('https://idp.example/entity', 'https://idp.example/sso');
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Okta',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: idp.metadata(), IDPInit: 'true' },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'saml-app',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [pool.redirectUri],
        SupportedIdentityProviders: ['Okta'],
      }),
    );
    const nameId = unique('gus');
    // IdP-initiated: the RelayState names the app's request.
    const samlResponse = await idp.response({
      spEntityId: `urn:amazon:cognito:sp:${pool.poolId}`,
      acsUrl: acs,
      nameId,
      attributes: {},
    });
    const relay = new URLSearchParams({
      identity_provider: 'Okta',
      client_id: UserPoolClient!.ClientId!,
      redirect_uri: pool.redirectUri,
      response_type: 'code',
      scope: 'openid email',
      state: 'app-state',
    }).toString();
    await block(pool.poolId, LOOPBACK);
    const refused = await browse(new CookieJar(), acs, { SAMLResponse: samlResponse, RelayState: relay });
    expect(refused.status).toBe(302);
    const answer = new URL(refused.location!);
    expect(Object.fromEntries(answer.searchParams)).toEqual({
      error: 'access_denied',
      error_description: blocked,
      state: 'app-state',
    });
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Okta_${nameId}` })),
      'UserNotFoundException',
    );
    // Unblocked, the same assertion is taken: the refusal did not remember it.
    await block(pool.poolId, ELSEWHERE);
    const taken = await browse(new CookieJar(), acs, { SAMLResponse: samlResponse, RelayState: relay });
    expect(new URL(taken.location!).searchParams.get('code')).toBeTruthy();
    await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Okta_${nameId}` }));
  });

  describe("USER_AUTH's first factors' events", () => {
    const RP = 'auth.example.com';

    async function passwordlessPool(factors: ('EMAIL_OTP' | 'WEB_AUTHN')[]) {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: `first-factors-${stamp}`,
          UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', ...factors] } },
        }),
      );
      const poolId = UserPool!.Id!;
      if (factors.includes('WEB_AUTHN'))
        await admin.send(
          new SetUserPoolMfaConfigCommand({
            UserPoolId: poolId,
            MfaConfiguration: 'OFF',
            WebAuthnConfiguration: { RelyingPartyId: RP, UserVerification: 'preferred' },
          }),
        );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      return { poolId, clientId: UserPoolClient!.ClientId! };
    }

    const userAuth = (ClientId: string, AuthParameters: Record<string, string>) =>
      app.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters }));

    it('records an EMAIL_OTP sign-in: a wrong code failed, the right one passed', async () => {
      const p = await passwordlessPool(['EMAIL_OTP']);
      const username = unique('hal');
      const email = `${username}@example.com`;
      await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: username,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
      await eventsOf(p.poolId, username, 1);
      const answer = (Session: string | undefined, EMAIL_OTP_CODE: string) =>
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: p.clientId,
            ChallengeName: 'EMAIL_OTP',
            Session,
            ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE },
          }),
        );
      let mark = mailboxMark(system);
      const first = await userAuth(p.clientId, { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' });
      const code = await codeTo(email, mark);
      await expectAwsError(
        answer(first.Session, String((Number(code) + 111_111) % 1_000_000).padStart(6, '0')),
        'CodeMismatchException',
      );
      mark = mailboxMark(system);
      const second = await userAuth(p.clientId, { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' });
      expect((await answer(second.Session, await codeTo(email, mark))).AuthenticationResult).toBeDefined();
      const events = await eventsOf(p.poolId, username, 3);
      expect(summary(events)).toEqual([
        ['SignIn', 'Pass', ''],
        ['SignIn', 'Fail', ''],
        ['SignUp', 'Pass', ''],
      ]);
      expect(events[0].EventContextData!.IpAddress).toMatch(/127\.0\.0\.1|::1/);
      expect(events[0].EventContextData!.DeviceName).toContain('aws-sdk-js');
    });

    it("records a passkey sign-in passed, and another user's passkey failed", async () => {
      const p = await passwordlessPool(['WEB_AUTHN']);
      const passkeyOf = async (username: string) => {
        await app.send(new SignUpCommand({ ClientId: p.clientId, Username: username, Password: password }));
        await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
        const { AuthenticationResult } = await app.send(
          new InitiateAuthCommand({
            ClientId: p.clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: username, PASSWORD: password },
          }),
        );
        const AccessToken = AuthenticationResult!.AccessToken!;
        const authenticator = new SoftwareAuthenticator(`https://${RP}`);
        const options = (await app.send(new StartWebAuthnRegistrationCommand({ AccessToken })))
          .CredentialCreationOptions as unknown as CreationOptions;
        await app.send(
          new CompleteWebAuthnRegistrationCommand({
            AccessToken,
            Credential: authenticator.create(options),
          }),
        );
        return authenticator;
      };
      const ivy = unique('ivy');
      const mine = await passkeyOf(ivy);
      const theirs = await passkeyOf(unique('jon'));
      const signIn = async (authenticator: SoftwareAuthenticator) => {
        const started = await userAuth(p.clientId, { USERNAME: ivy, PREFERRED_CHALLENGE: 'WEB_AUTHN' });
        return app.send(
          new RespondToAuthChallengeCommand({
            ClientId: p.clientId,
            ChallengeName: 'WEB_AUTHN',
            Session: started.Session,
            ChallengeResponses: {
              USERNAME: ivy,
              CREDENTIAL: authenticator.get(started.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS),
            },
          }),
        );
      };
      await expectAwsError(signIn(theirs), 'NotAuthorizedException');
      expect((await signIn(mine)).AuthenticationResult).toBeDefined();
      expect(summary(await eventsOf(p.poolId, ivy, 4))).toEqual([
        ['SignIn', 'Pass', ''],
        ['SignIn', 'Fail', ''],
        ['SignIn', 'Pass', 'Password:Success'],
        ['SignUp', 'Pass', ''],
      ]);
    });
  });

  it("records a custom sign-in's rounds when threat protection covers custom authentication", async () => {
    const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
    const fn = `arn:aws:lambda:us-east-1:${account}:function:challenge`;
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `custom-events-${stamp}`,
        LambdaConfig: { DefineAuthChallenge: fn, CreateAuthChallenge: fn, VerifyAuthChallengeResponse: fn },
        UserPoolAddOns: {
          AdvancedSecurityMode: 'AUDIT',
          AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'AUDIT' },
        },
      }),
    );
    const poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'],
      }),
    );
    const clientId = UserPoolClient!.ClientId!;
    const username = unique('mia');
    await admin.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS' }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
    const answer = (Session: string | undefined, ANSWER: string) =>
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session,
          ChallengeResponses: { USERNAME: username, ANSWER },
        }),
      );
    const first = await app.send(
      new InitiateAuthCommand({
        AuthFlow: 'CUSTOM_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username },
      }),
    );
    const second = await answer(first.Session, 'wrong');
    expect(second.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(
      (await answer(second.Session, challengeAnswerFor(username, 2))).AuthenticationResult,
    ).toBeDefined();
    expect(summary(await eventsOf(poolId, username, 3))).toEqual([
      ['SignIn', 'Pass', ''],
      ['SignIn', 'InProgress', ''],
      ['SignIn', 'InProgress', ''],
    ]);
  });

  describe('the hosted confirmation, MFA and new-password forms in a browser', () => {
    let context: BrowserContext;
    let closeBrowser: () => Promise<void>;
    let appServer: Server;
    let appPort: number;

    beforeAll(async () => {
      appServer = createServer((_req, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the app</p>'),
      );
      await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
      appPort = (appServer.address() as AddressInfo).port;
      ({ context, close: closeBrowser } = await launchBrowser());
    }, 180_000);
    afterAll(async () => {
      await closeBrowser?.();
      appServer?.close();
    });

    async function site(): Promise<{ pool: OAuthPool; open: (page: Page) => Promise<void> }> {
      const hosted = await createOAuthPool(admin, system.endpoint, `http://localhost:${appPort}/callback`);
      await mode(hosted.poolId, 'ENFORCED');
      const issuer = await Issuer.discover(hosted.issuer);
      const client = new issuer.Client({
        client_id: hosted.publicClientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [hosted.redirectUri],
      });
      const domainBase = `http://${hosted.domain}.auth.localhost:${new URL(system.endpoint).port}`;
      return {
        pool: hosted,
        open: async (page: Page) => {
          const url = new URL(
            client.authorizationUrl({
              scope: 'openid email',
              state: 'st',
              code_challenge: generators.codeChallenge(generators.codeVerifier()),
              code_challenge_method: 'S256',
            }),
          );
          await page.goto(`${domainBase}${url.pathname.replace(`/${hosted.poolId}`, '')}${url.search}`);
        },
      };
    }

    const pageMessage = (page: Page) => page.locator('#loginErrorMessage').textContent();

    it('refuses the confirmation form of a blocked browser, the account left unconfirmed, then confirms it', async () => {
      const s = await site();
      const page = await context.newPage();
      await s.open(page);
      await Promise.all([page.waitForURL('**/signup?**'), page.click('a:has-text("Sign up")')]);
      const username = unique('kai');
      const email = `${username}@example.com`;
      const mark = mailboxMark(system);
      await page.fill('input[name="username"]', username);
      await page.fill('input[name="requiredAttributes[email]"]', email);
      await page.fill('input[name="password"]', password);
      await page.click('button[type="submit"]');
      await page.waitForSelector('input[name="code"]');
      const code = await codeTo(email, mark);

      await block(s.pool.poolId, LOOPBACK);
      await page.fill('input[name="code"]', code);
      await page.click('button[name="confirm"]');
      await expect(pageMessage(page)).resolves.toBe(blocked);
      expect(await statusOf(s.pool.poolId, username)).toBe('UNCONFIRMED');

      // Unblocked, the same form and code confirm the account and sign the browser in.
      await block(s.pool.poolId, ELSEWHERE);
      await page.fill('input[name="code"]', code);
      await Promise.all([
        page.waitForURL(`http://localhost:${appPort}/callback**`),
        page.click('button[name="confirm"]'),
      ]);
      expect(await statusOf(s.pool.poolId, username)).toBe('CONFIRMED');
      await page.close();
    });

    it('refuses the MFA form of a blocked browser before the code is looked at, the sign-in recorded once unblocked', async () => {
      const s = await site();
      await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: s.pool.poolId,
          MfaConfiguration: 'OPTIONAL',
          SoftwareTokenMfaConfiguration: { Enabled: true },
        }),
      );
      const username = unique('ned');
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: s.pool.poolId,
          Username: username,
          MessageAction: 'SUPPRESS',
        }),
      );
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: s.pool.poolId,
          Username: username,
          Password: password,
          Permanent: true,
        }),
      );
      const AccessToken = (
        await app.send(
          new InitiateAuthCommand({
            ClientId: s.pool.publicClientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: username, PASSWORD: password },
          }),
        )
      ).AuthenticationResult!.AccessToken!;
      const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      const totp = (steps = 0) =>
        new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate({
          timestamp: Date.now() + steps * 30_000,
        });
      await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp() }));
      await app.send(
        new SetUserMFAPreferenceCommand({
          AccessToken,
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      const page = await context.newPage();
      const toMfaPage = async () => {
        await s.open(page);
        await page.fill('input[name="username"]', username);
        await page.fill('input[name="password"]', password);
        await page.click('button[type="submit"]');
        await page.waitForSelector('#totpCodeInput');
      };
      await toMfaPage();
      await block(s.pool.poolId, LOOPBACK);
      await page.fill('#totpCodeInput', totp());
      await page.click('button[type="submit"]');
      await expect(pageMessage(page)).resolves.toBe(blocked);
      expect(new URL(page.url()).host).not.toBe(`localhost:${appPort}`);

      await block(s.pool.poolId, ELSEWHERE);
      await toMfaPage();
      await page.fill('#totpCodeInput', totp(1));
      await Promise.all([
        page.waitForURL(`http://localhost:${appPort}/callback**`),
        page.click('button[type="submit"]'),
      ]);
      // The refused answer recorded nothing: the password's two InProgress events, one Mfa answer.
      expect(summary(await eventsOf(s.pool.poolId, username, 4))).toEqual([
        ['SignIn', 'Pass', 'Password:Success,Mfa:Success'],
        ['SignIn', 'InProgress', 'Password:Success'],
        ['SignIn', 'InProgress', 'Password:Success'],
        ['SignIn', 'Pass', 'Password:Success'],
      ]);
      await page.close();
    });

    it("refuses a blocked browser's new password, keeping the page and its session, then takes it", async () => {
      const s = await site();
      const username = unique('lea');
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: s.pool.poolId,
          Username: username,
          TemporaryPassword: 'Temp0rary-Pass!',
          MessageAction: 'SUPPRESS',
        }),
      );
      const page = await context.newPage();
      await s.open(page);
      await page.fill('input[name="username"]', username);
      await page.fill('input[name="password"]', 'Temp0rary-Pass!');
      await page.click('button[type="submit"]');
      await page.waitForSelector('input[name="new_password"]');

      await block(s.pool.poolId, LOOPBACK);
      await page.fill('input[name="new_password"]', password);
      await page.click('button[name="newPasswordSubmitButton"]');
      await expect(pageMessage(page)).resolves.toBe(blocked);
      expect(await statusOf(s.pool.poolId, username)).toBe('FORCE_CHANGE_PASSWORD');

      await block(s.pool.poolId, ELSEWHERE);
      await page.fill('input[name="new_password"]', password);
      await Promise.all([
        page.waitForURL(`http://localhost:${appPort}/callback**`),
        page.click('button[name="newPasswordSubmitButton"]'),
      ]);
      expect(await statusOf(s.pool.poolId, username)).toBe('CONFIRMED');
      await page.close();
    });
  });
});
