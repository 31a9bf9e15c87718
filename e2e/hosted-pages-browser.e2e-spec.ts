import {
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Secret, TOTP } from 'otpauth';
import type { BrowserContext, Page } from 'playwright-core';
import { BaseClient, generators, Issuer } from 'openid-client';
import { launchBrowser } from './support/browser';
import {
  cognitoAdmin,
  cognitoPublic,
  codeSentTo,
  e2eSystem,
  mailboxMark,
  mailSentTo,
} from './support/e2e-context';
import { createConfirmedUser, createOAuthPool, OAuthPool } from './support/hosted-ui';

const PASSWORD = 'Browser-Pass1!';

/**
 * The hosted sign-up, confirmation, forgotten-password and MFA pages (ADR 0026) in a real browser
 * (Debian's chromium through playwright-core) at the pool's domain host: every step done by filling
 * the page's one form, codes read from the dev mailbox or computed by otpauth as an authenticator
 * app would, and the code at the end redeemed by openid-client.
 */
describe('hosted sign-up, reset and MFA pages in a browser', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let appServer: Server;
  let appPort: number;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
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
    admin.destroy();
    app.destroy();
  });

  interface Site {
    pool: OAuthPool;
    client: BaseClient;
    domainBase: string;
  }

  async function site(): Promise<Site> {
    const pool = await createOAuthPool(admin, system.endpoint, `http://localhost:${appPort}/callback`);
    const issuer = await Issuer.discover(pool.issuer);
    const client = new issuer.Client({
      client_id: pool.publicClientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
    });
    return {
      pool,
      client,
      domainBase: `http://${pool.domain}.auth.localhost:${new URL(system.endpoint).port}`,
    };
  }

  /** Starts an authorization at the domain host. */
  async function authorize(page: Page, s: Site, verifier: string, state: string): Promise<void> {
    const url = new URL(
      s.client.authorizationUrl({
        scope: 'openid email',
        state,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    await page.goto(`${s.domainBase}${url.pathname.replace(`/${s.pool.poolId}`, '')}${url.search}`);
  }

  async function redeem(page: Page, s: Site, verifier: string, state: string) {
    expect(new URL(page.url()).searchParams.get('state')).toBe(state);
    return s.client.callback(s.pool.redirectUri, s.client.callbackParams(page.url()), {
      code_verifier: verifier,
      state,
    });
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
  }

  it('signs up, confirms with the mailed code and comes back to the app signed in', async () => {
    const s = await site();
    const username = `signup-${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await authorize(page, s, verifier, 'signup-state');
    await Promise.all([page.waitForURL('**/signup?**'), page.click('a:has-text("Sign up")')]);
    expect(new URL(page.url()).pathname).toBe('/signup');

    await page.fill('input[name="username"]', username);
    await page.fill('input[name="requiredAttributes[email]"]', email);
    await page.fill('input[name="password"]', 'short');
    await page.click('button[type="submit"]');
    await expect(page.locator('#loginErrorMessage').textContent()).resolves.toContain(
      'Password did not conform',
    );

    const mark = mailboxMark(system);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="requiredAttributes[email]"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('input[name="code"]');
    await expect(page.locator('main').textContent()).resolves.toContain('s***@e***');
    const code = await codeSentTo(email, system, 10_000, mark);

    await page.fill('input[name="code"]', code === '000000' ? '111111' : '000000');
    await page.click('button[name="confirm"]');
    await expect(page.locator('#loginErrorMessage').textContent()).resolves.toBe(
      'Invalid verification code provided, please try again.',
    );
    await page.fill('input[name="code"]', code);
    await Promise.all([page.waitForURL(`${s.pool.redirectUri}**`), page.click('button[name="confirm"]')]);
    const tokens = await redeem(page, s, verifier, 'signup-state');
    expect(tokens.claims()).toMatchObject({ 'cognito:username': username, email, email_verified: true });
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: s.pool.poolId, Username: username }));
    expect(user.UserStatus).toBe('CONFIRMED');
    await page.close();
  });

  it('in a link pool, says to follow the mailed link, which confirms; then signs in (ADR 0071)', async () => {
    const s = await site();
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: s.pool.poolId,
        AutoVerifiedAttributes: ['email'],
        VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
      }),
    );
    const username = `linkup-${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await authorize(page, s, verifier, 'link-state');
    await Promise.all([page.waitForURL('**/signup?**'), page.click('a:has-text("Sign up")')]);
    const mark = mailboxMark(system);
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="requiredAttributes[email]"]', email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#confirmByLink');
    await expect(page.locator('h1').textContent()).resolves.toBe('Check your email');
    await expect(page.locator('#confirmByLink').textContent()).resolves.toContain('l***@e***');
    expect(await page.locator('input[name="code"]').count()).toBe(0);
    expect(await page.locator('form').count()).toBe(0);

    // The mail's anchor, followed in the browser as a reader clicks it.
    const mail = await mailSentTo(email, system, { after: mark });
    const href = /<a href="([^"]+)">Verify Email<\/a>/.exec(mail.html ?? '')![1].replace(/&amp;/g, '&');
    expect(new URL(href).origin).toBe(s.domainBase);
    await page.goto(href);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Your registration has been confirmed!',
    );

    await authorize(page, s, verifier, 'link-state');
    await Promise.all([page.waitForURL(`${s.pool.redirectUri}**`), signIn(page, username, PASSWORD)]);
    const tokens = await redeem(page, s, verifier, 'link-state');
    expect(tokens.claims()).toMatchObject({ 'cognito:username': username, email, email_verified: true });
    await page.close();
  });

  it('resets a forgotten password with the mailed code, then signs in with the new one', async () => {
    const s = await site();
    const username = `forgot-${randomBytes(4).toString('hex')}`;
    const email = `${username}@example.com`;
    await createConfirmedUser(admin, app, s.pool, username, PASSWORD);
    // A reset code goes only to a verified address.
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: s.pool.poolId,
        Username: username,
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
      }),
    );
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await authorize(page, s, verifier, 'forgot-state');
    await Promise.all([
      page.waitForURL('**/forgotPassword?**'),
      page.click('a:has-text("Forgot your password?")'),
    ]);
    expect(new URL(page.url()).pathname).toBe('/forgotPassword');
    const mark = mailboxMark(system);
    await page.fill('input[name="username"]', username);
    await page.click('button[type="submit"]');
    await page.waitForSelector('input[name="code"]');
    const code = await codeSentTo(email, system, 10_000, mark);
    await page.fill('input[name="code"]', code);
    await page.fill('input[name="password"]', 'Reset-Pass2!');
    await page.click('button[type="submit"]');
    await expect(page.locator('#noticeMessage').textContent()).resolves.toBe(
      'Your password was changed. Sign in.',
    );
    expect(new URL(page.url()).pathname).toBe('/confirmForgotPassword');

    await signIn(page, username, PASSWORD);
    await expect(page.locator('#loginErrorMessage').textContent()).resolves.toBe(
      'Incorrect username or password.',
    );
    await Promise.all([page.waitForURL(`${s.pool.redirectUri}**`), signIn(page, username, 'Reset-Pass2!')]);
    const tokens = await redeem(page, s, verifier, 'forgot-state');
    expect(tokens.claims()['cognito:username']).toBe(username);
    await page.close();
  });

  it('sets up TOTP MFA on the page, then asks for the code at the next sign-in', async () => {
    const s = await site();
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: s.pool.poolId,
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const username = `totp-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, s.pool, username, PASSWORD);
    const page = await context.newPage();
    let verifier = generators.codeVerifier();
    await authorize(page, s, verifier, 'setup');
    await signIn(page, username, PASSWORD);
    const secret = (await page.locator('#totpSecret').textContent())!;
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    const uri = new URL((await page.locator('#totpUri').textContent())!);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });

    await page.fill('input[name="code"]', totp.generate());
    await Promise.all([page.waitForURL(`${s.pool.redirectUri}**`), page.click('button[type="submit"]')]);
    expect((await redeem(page, s, verifier, 'setup')).claims()['cognito:username']).toBe(username);

    // Signed out: the password, then the authenticator's code (the next step's: one code is used once).
    await page.goto(
      `${s.domainBase}/logout?${new URLSearchParams({ client_id: s.pool.publicClientId, logout_uri: s.pool.logoutUri }).toString()}`,
    );
    verifier = generators.codeVerifier();
    await authorize(page, s, verifier, 'mfa');
    await signIn(page, username, PASSWORD);
    await page.waitForSelector('input[name="code"]');
    expect(await page.locator('#totpSecret').count()).toBe(0);
    await page.fill('input[name="code"]', totp.generate({ timestamp: Date.now() + 30_000 }));
    await Promise.all([page.waitForURL(`${s.pool.redirectUri}**`), page.click('button[type="submit"]')]);
    const tokens = await redeem(page, s, verifier, 'mfa');
    expect(tokens.claims()['cognito:username']).toBe(username);
    await page.close();
  });
});
