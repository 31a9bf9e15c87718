import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Secret, TOTP } from 'otpauth';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { generators, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { launchBrowser } from './support/browser';
import {
  authEventsOf,
  blockAddresses,
  BLOCKED_MESSAGE,
  eventSummary,
  LOOPBACK_RANGES,
} from './support/threat-protection';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createConfirmedUser, createOAuthPool, OAuthPool } from './support/hosted-ui';

/**
 * Threat protection (ADR 0083) on the paths its first slice left: the block list refusing SignUp,
 * ForgotPassword and ResendConfirmationCode through the AWS SDK and amazon-cognito-identity-js, and
 * the hosted sign-in, sign-up and forgotten-password pages in a real browser, with the same answer
 * for a known and an unknown name and nothing recorded or created; the events of ChangePassword
 * (`PasswordChange`), ResendConfirmationCode (`ResendCode`) and the hosted pages' sign-ins and
 * password resets, with the caller's address.
 */
describe('threat protection on more paths', () => {
  const system = e2eSystem();
  const password = 'Thr3at-Paths-Ok!';
  const stamp = Date.now();
  const LOOPBACK = LOOPBACK_RANGES;
  const blocked = BLOCKED_MESSAGE;
  const loopbackAddress = /127\.0\.0\.1|::1/;
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

  interface Pool {
    poolId: string;
    clientId: string;
  }

  async function pool(name: string, mode: 'AUDIT' | 'ENFORCED'): Promise<Pool> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        AutoVerifiedAttributes: ['email'],
        UserPoolAddOns: { AdvancedSecurityMode: mode },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
  }

  const signUp = (p: Pool, username: string) =>
    app.send(
      new SignUpCommand({
        ClientId: p.clientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );

  const signIn = (clientId: string, username: string, pw = password) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: pw },
      }),
    );

  const block = (poolId: string, ranges: string[]) => blockAddresses(admin, poolId, ranges);

  const eventsOf = (poolId: string, username: string, count: number) =>
    authEventsOf(admin, poolId, username, count);

  const summary = eventSummary;

  it('records ResendCode and PasswordChange events, passed and failed, with the caller address', async () => {
    const p = await pool('paths-events', 'AUDIT');
    const username = `carl-${stamp}`;
    await signUp(p, username);
    await app.send(new ResendConfirmationCodeCommand({ ClientId: p.clientId, Username: username }));
    await expectAwsError(
      app.send(new ResendConfirmationCodeCommand({ ClientId: p.clientId, Username: `ghost-${stamp}` })),
      'UserNotFoundException',
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
    await eventsOf(p.poolId, username, 2);

    // ChangePassword from amazon-cognito-identity-js, signed in by SRP: a wrong previous password,
    // then the right one.
    const userPool = new CognitoUserPool({
      UserPoolId: p.poolId,
      ClientId: p.clientId,
      endpoint: system.endpoint,
    });
    const user = new CognitoUser({ Username: username, Pool: userPool });
    await new Promise<CognitoUserSession>((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
    const change = (from: string, to: string) =>
      new Promise<void>((resolve, reject) =>
        user.changePassword(from, to, (err) => (err ? reject(err) : resolve())),
      );
    await expect(change('Wr0ng-Previous!', 'N3w-Password-1!')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
    });
    await change(password, 'N3w-Password-1!');

    const events = await eventsOf(p.poolId, username, 5);
    expect(summary(events)).toEqual([
      ['PasswordChange', 'Pass', 'Password:Success'],
      ['PasswordChange', 'Fail', 'Password:Failure'],
      ['SignIn', 'Pass', 'Password:Success'],
      ['ResendCode', 'Pass', ''],
      ['SignUp', 'Pass', ''],
    ]);
    for (const e of events.slice(0, 2)) {
      expect(e.EventContextData!.IpAddress).toMatch(loopbackAddress);
      expect(e.EventContextData!.DeviceName).toBeDefined();
    }
    expect(events[3].EventContextData!.DeviceName).toContain('aws-sdk-js');
  });

  it('records the MFA answers of a sign-in: a wrong code failed, the right one passed', async () => {
    const p = await pool('paths-mfa', 'AUDIT');
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: p.poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const username = `mona-${stamp}`;
    await signUp(p, username);
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
    const AccessToken = (await signIn(p.clientId, username)).AuthenticationResult!.AccessToken!;
    const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    const totp = (steps: number) =>
      new TOTP({ secret: Secret.fromBase32(SecretCode!) }).generate({
        timestamp: Date.now() + steps * 30_000,
      });
    await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(0) }));
    await app.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const answer = (Session: string | undefined, code: string) =>
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: p.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session,
          ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
        }),
      );
    const first = await signIn(p.clientId, username);
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const right = totp(1);
    await expectAwsError(
      answer(first.Session, right === '000000' ? '000001' : '000000'),
      'CodeMismatchException',
    );
    const second = await signIn(p.clientId, username);
    expect((await answer(second.Session, right)).AuthenticationResult).toBeDefined();

    const events = await eventsOf(p.poolId, username, 6);
    expect(summary(events)).toEqual([
      ['SignIn', 'Pass', 'Password:Success,Mfa:Success'],
      ['SignIn', 'InProgress', 'Password:Success'],
      ['SignIn', 'Fail', 'Password:Success,Mfa:Failure'],
      ['SignIn', 'InProgress', 'Password:Success'],
      ['SignIn', 'Pass', 'Password:Success'],
      ['SignUp', 'Pass', ''],
    ]);
    expect(events[0].EventContextData!.IpAddress).toMatch(loopbackAddress);
  });

  it("records USER_AUTH's password choices as the password flows' sign-ins", async () => {
    const p = await pool('paths-user-auth', 'AUDIT');
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: p.poolId,
        ClientName: 'choice',
        ExplicitAuthFlows: ['ALLOW_USER_AUTH'],
      }),
    );
    const username = `olga-${stamp}`;
    await signUp(p, username);
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
    const choose = (PASSWORD: string) =>
      app.send(
        new InitiateAuthCommand({
          ClientId: UserPoolClient!.ClientId!,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
        }),
      );
    await expectAwsError(choose('Wr0ng-Password!'), 'NotAuthorizedException');
    expect((await choose(password)).AuthenticationResult).toBeDefined();
    expect(summary(await eventsOf(p.poolId, username, 3))).toEqual([
      ['SignIn', 'Pass', 'Password:Success'],
      ['SignIn', 'Fail', 'Password:Failure'],
      ['SignUp', 'Pass', ''],
    ]);
  });

  it('refuses SignUp, ForgotPassword and ResendConfirmationCode from a blocked address, for any name alike', async () => {
    const p = await pool('paths-block', 'ENFORCED');
    const known = `dana-${stamp}`;
    const unconfirmed = `eve-${stamp}`;
    await signUp(p, known);
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: known }));
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: p.poolId,
        Username: known,
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    await signUp(p, unconfirmed);
    await eventsOf(p.poolId, known, 1);
    await block(p.poolId, LOOPBACK);

    // A new name and a taken one: the same refusal, nothing created.
    const fresh = `fred-${stamp}`;
    await expectAwsError(signUp(p, fresh), 'NotAuthorizedException', blocked);
    await expectAwsError(signUp(p, known), 'NotAuthorizedException', blocked);
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: fresh })),
      'UserNotFoundException',
    );
    // amazon-cognito-identity-js's sign-up meets the same refusal.
    const userPool = new CognitoUserPool({
      UserPoolId: p.poolId,
      ClientId: p.clientId,
      endpoint: system.endpoint,
    });
    await expect(
      new Promise((resolve, reject) =>
        userPool.signUp(`gail-${stamp}`, password, [], [], (err, r) => (err ? reject(err) : resolve(r))),
      ),
    ).rejects.toMatchObject({ code: 'NotAuthorizedException', message: blocked });
    // A user, an unconfirmed user and an unknown name: the same refusal for the code requests.
    for (const username of [known, unconfirmed, `ghost-${stamp}`]) {
      await expectAwsError(
        app.send(new ForgotPasswordCommand({ ClientId: p.clientId, Username: username })),
        'NotAuthorizedException',
        blocked,
      );
      await expectAwsError(
        app.send(new ResendConfirmationCodeCommand({ ClientId: p.clientId, Username: username })),
        'NotAuthorizedException',
        blocked,
      );
    }

    // Nothing was recorded for the refused requests: after the block is lifted, the next sign-in
    // is the user's only new event.
    await block(p.poolId, ['203.0.113.0/24']);
    expect((await signIn(p.clientId, known)).AuthenticationResult).toBeDefined();
    const events = await eventsOf(p.poolId, known, 2);
    expect(summary(events)).toEqual([
      ['SignIn', 'Pass', 'Password:Success'],
      ['SignUp', 'Pass', ''],
    ]);
    expect(await eventsOf(p.poolId, unconfirmed, 1)).toHaveLength(1);
  });

  it("reads UserContextData's address for a client that propagates it, and only then (ADR 0089)", async () => {
    const p = await pool('paths-context', 'ENFORCED');
    const username = `nora-${stamp}`;
    await signUp(p, username);
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
    // Only a client with a secret may propagate user context data.
    await expectAwsError(
      admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: p.poolId,
          ClientName: 'public',
          EnablePropagateAdditionalUserContextData: true,
        }),
      ),
      'InvalidParameterException',
    );
    const { UserPoolClient: backEnd } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: p.poolId,
        ClientName: 'back-end',
        GenerateSecret: true,
        EnablePropagateAdditionalUserContextData: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    expect(backEnd!.EnablePropagateAdditionalUserContextData).toBe(true);
    const secretHash = (name: string) =>
      createHmac('sha256', backEnd!.ClientSecret!)
        .update(name + backEnd!.ClientId!)
        .digest('base64');
    const viaBackEnd = (name: string, IpAddress?: string) =>
      app.send(
        new InitiateAuthCommand({
          ClientId: backEnd!.ClientId!,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: name, PASSWORD: password, SECRET_HASH: secretHash(name) },
          ...(IpAddress ? { UserContextData: { IpAddress } } : {}),
        }),
      );
    await block(p.poolId, ['198.51.100.0/24']);
    // The user's address the back end reports is blocked, for a user and an unknown name alike.
    await expectAwsError(viaBackEnd(username, '198.51.100.7'), 'NotAuthorizedException', blocked);
    await expectAwsError(viaBackEnd(`ghost-${stamp}`, '198.51.100.7'), 'NotAuthorizedException', blocked);
    await expectAwsError(
      app.send(
        new ForgotPasswordCommand({
          ClientId: backEnd!.ClientId!,
          Username: username,
          SecretHash: secretHash(username),
          UserContextData: { IpAddress: '198.51.100.7' },
        }),
      ),
      'NotAuthorizedException',
      blocked,
    );
    // Another address is recorded as the user's; without one, the caller's is.
    expect((await viaBackEnd(username, '203.0.113.9')).AuthenticationResult).toBeDefined();
    expect((await viaBackEnd(username)).AuthenticationResult).toBeDefined();
    // The public client's UserContextData is not believed: the caller's address is used.
    expect((await signIn(p.clientId, username)).AuthenticationResult).toBeDefined();
    await expect(
      app.send(
        new InitiateAuthCommand({
          ClientId: p.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD: password },
          UserContextData: { IpAddress: '198.51.100.7' },
        }),
      ),
    ).resolves.toMatchObject({ AuthenticationResult: expect.anything() as unknown });
    const events = await eventsOf(p.poolId, username, 5);
    expect(events.map((e) => e.EventContextData!.IpAddress)).toEqual([
      expect.stringMatching(loopbackAddress),
      expect.stringMatching(loopbackAddress),
      expect.stringMatching(loopbackAddress),
      '203.0.113.9',
      expect.stringMatching(loopbackAddress),
    ]);
  });

  describe('the hosted pages in a browser', () => {
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
      await admin.send(
        new UpdateUserPoolCommand({
          UserPoolId: hosted.poolId,
          AutoVerifiedAttributes: ['email'],
          UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        }),
      );
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

    async function signInOnPage(page: Page, username: string, pw: string): Promise<void> {
      await page.fill('input[name="username"]', username);
      await page.fill('input[name="password"]', pw);
      await page.click('button[type="submit"]');
    }

    const pageMessage = (page: Page) => page.locator('#loginErrorMessage').textContent();

    it('records the sign-ins and password resets of the pages with the browser address', async () => {
      const s = await site();
      const username = `hana-${randomBytes(4).toString('hex')}`;
      await createConfirmedUser(admin, app, s.pool, username, password);
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: s.pool.poolId,
          Username: username,
          UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        }),
      );
      // The reset and a sign-up first: once signed in, the browser's hosted session skips the pages.
      const forgot = await context.newPage();
      await s.open(forgot);
      await Promise.all([
        forgot.waitForURL('**/forgotPassword?**'),
        forgot.click('a:has-text("Forgot your password?")'),
      ]);
      await forgot.fill('input[name="username"]', username);
      await forgot.click('button[type="submit"]');
      await forgot.waitForSelector('input[name="code"]');

      // The sign-up page's user: its SignUp event has the browser's address too.
      const newcomer = `kim-${randomBytes(4).toString('hex')}`;
      const signup = await context.newPage();
      await s.open(signup);
      await Promise.all([signup.waitForURL('**/signup?**'), signup.click('a:has-text("Sign up")')]);
      await signup.fill('input[name="username"]', newcomer);
      await signup.fill('input[name="requiredAttributes[email]"]', `${newcomer}@example.com`);
      await signup.fill('input[name="password"]', password);
      await signup.click('button[type="submit"]');
      await signup.waitForSelector('input[name="code"]');

      const page = await context.newPage();
      await s.open(page);
      await signInOnPage(page, username, 'Wr0ng-Password!');
      await expect(pageMessage(page)).resolves.toBe('Incorrect username or password.');
      await signInOnPage(page, username, password);
      await page.waitForURL(`http://localhost:${appPort}/callback**`);

      const events = await eventsOf(s.pool.poolId, username, 4);
      expect(summary(events)).toEqual([
        ['SignIn', 'Pass', 'Password:Success'],
        ['SignIn', 'Fail', 'Password:Failure'],
        ['ForgotPassword', 'Pass', ''],
        ['SignUp', 'Pass', ''],
      ]);
      const agent = String(await page.evaluate('navigator.userAgent'));
      for (const e of events.slice(0, 3)) {
        expect(e.EventContextData!.IpAddress).toMatch(loopbackAddress);
        expect(e.EventContextData!.DeviceName).toBe(agent);
      }
      await page.close();
      await forgot.close();
      const [signedUp] = await eventsOf(s.pool.poolId, newcomer, 1);
      expect(summary([signedUp])).toEqual([['SignUp', 'Pass', '']]);
      expect(signedUp.EventContextData!.IpAddress).toMatch(loopbackAddress);
      expect(signedUp.EventContextData!.DeviceName).toBe(agent);
      await signup.close();
    });

    it('refuses a blocked browser on the sign-in, sign-up and reset pages, alike for any name, recording nothing', async () => {
      const s = await site();
      const username = `ines-${randomBytes(4).toString('hex')}`;
      await createConfirmedUser(admin, app, s.pool, username, password);
      await eventsOf(s.pool.poolId, username, 1);
      await block(s.pool.poolId, LOOPBACK);
      const page = await context.newPage();

      // Sign-in: the right password, a wrong one, an unknown name.
      for (const [name, pw] of [
        [username, password],
        [username, 'Wr0ng-Password!'],
        [`nobody-${stamp}`, password],
      ]) {
        await s.open(page);
        await signInOnPage(page, name, pw);
        await expect(pageMessage(page)).resolves.toBe(blocked);
        expect(new URL(page.url()).host).not.toBe(`localhost:${appPort}`);
      }

      // Reset: a user and an unknown name see the refusal, not the code page.
      for (const name of [username, `nobody-${stamp}`]) {
        await s.open(page);
        await Promise.all([
          page.waitForURL('**/forgotPassword?**'),
          page.click('a:has-text("Forgot your password?")'),
        ]);
        await page.fill('input[name="username"]', name);
        await page.click('button[type="submit"]');
        await expect(pageMessage(page)).resolves.toBe(blocked);
        expect(await page.locator('input[name="code"]').count()).toBe(0);
      }

      // Sign-up: a taken name and a new one, neither created.
      const fresh = `jude-${randomBytes(4).toString('hex')}`;
      for (const name of [username, fresh]) {
        await s.open(page);
        await Promise.all([page.waitForURL('**/signup?**'), page.click('a:has-text("Sign up")')]);
        await page.fill('input[name="username"]', name);
        await page.fill('input[name="requiredAttributes[email]"]', `${name}@example.com`);
        await page.fill('input[name="password"]', password);
        await page.click('button[type="submit"]');
        await expect(pageMessage(page)).resolves.toBe(blocked);
      }
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: s.pool.poolId, Username: fresh })),
        'UserNotFoundException',
      );

      // Nothing recorded: once unblocked, a sign-in is the user's only new event.
      await block(s.pool.poolId, ['203.0.113.0/24']);
      await s.open(page);
      await signInOnPage(page, username, password);
      await page.waitForURL(`http://localhost:${appPort}/callback**`);
      expect(summary(await eventsOf(s.pool.poolId, username, 2))).toEqual([
        ['SignIn', 'Pass', 'Password:Success'],
        ['SignUp', 'Pass', ''],
      ]);

      // A blocked browser holding a hosted session is not signed in silently: it gets the page.
      await block(s.pool.poolId, LOOPBACK);
      await s.open(page);
      expect(new URL(page.url()).host).not.toBe(`localhost:${appPort}`);
      await expect(page.locator('input[name="password"]').count()).resolves.toBe(1);
      // The session was live: unblocked, the same browser goes straight back to the app.
      await block(s.pool.poolId, ['203.0.113.0/24']);
      await s.open(page);
      await page.waitForURL(`http://localhost:${appPort}/callback**`);
      await page.close();
    });
  });
});
