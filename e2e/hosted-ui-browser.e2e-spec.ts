import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { BaseClient, generators, Issuer } from 'openid-client';
import { launchBrowser } from './support/browser';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createConfirmedUser, createOAuthPool, OAuthPool } from './support/hosted-ui';

const PASSWORD = 'Browser-Pass1!';

/**
 * The hosted pages in a real browser (Debian's chromium through playwright-core), at the pool's
 * domain host `<prefix>.auth.localhost`, which Chromium resolves to loopback: sign in with the one
 * form, come back to the app with a code that openid-client redeems, answer NEW_PASSWORD_REQUIRED,
 * sign out. A small server stands for the app at its callback URL.
 */
describe('hosted sign-in pages in a browser', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let client: BaseClient;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let domainBase: string;
  let appServer: Server;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    // The app: a page at its callback and sign-out URLs, on a free port.
    appServer = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the app</p>'),
    );
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    const appPort = (appServer.address() as AddressInfo).port;
    pool = await createOAuthPool(admin, system.endpoint, `http://localhost:${appPort}/callback`);
    const issuer = await Issuer.discover(pool.issuer);
    client = new issuer.Client({
      client_id: pool.publicClientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
    });
    domainBase = `http://${pool.domain}.auth.localhost:${new URL(system.endpoint).port}`;
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    appServer?.close();
    admin.destroy();
    app.destroy();
  });

  /** Starts an authorization at the domain host; the page shown. */
  async function authorize(page: Page, verifier: string, state: string): Promise<void> {
    const url = new URL(
      client.authorizationUrl({
        scope: 'openid email',
        state,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    await page.goto(`${domainBase}${url.pathname.replace(`/${pool.poolId}`, '')}${url.search}`);
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', password);
    await page.click('button[type="submit"]');
  }

  it('signs in on the form and returns to the app with a code openid-client redeems', async () => {
    const username = `browser-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, username, PASSWORD);
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await authorize(page, verifier, 'browser-state');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('form input[name="_csrf"]').count()).toBe(1);

    await signIn(page, username, 'Not-The-Pass1!');
    await expect(page.locator('#loginErrorMessage').textContent()).resolves.toBe(
      'Incorrect username or password.',
    );

    await Promise.all([page.waitForURL(`${pool.redirectUri}**`), signIn(page, username, PASSWORD)]);
    const back = new URL(page.url());
    expect(back.searchParams.get('state')).toBe('browser-state');
    const tokens = await client.callback(pool.redirectUri, client.callbackParams(page.url()), {
      code_verifier: verifier,
      state: 'browser-state',
    });
    expect(tokens.claims()).toMatchObject({ 'cognito:username': username, email: `${username}@example.com` });

    // The session cookie signs the same browser in again without the form.
    await authorize(page, generators.codeVerifier(), 'again');
    await page.waitForURL(`${pool.redirectUri}**`);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();

    // Signed out, the form is back.
    await page.goto(
      `${domainBase}/logout?${new URLSearchParams({ client_id: pool.publicClientId, logout_uri: pool.logoutUri }).toString()}`,
    );
    expect(page.url()).toBe(pool.logoutUri);
    await authorize(page, generators.codeVerifier(), 'after');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });

  it('asks a user with a temporary password for a new one, then signs them in', async () => {
    const username = `temp-${randomBytes(4).toString('hex')}`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.poolId,
        Username: username,
        TemporaryPassword: 'Temp-Pass1!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await authorize(page, verifier, 'temp');
    await signIn(page, username, 'Temp-Pass1!');
    await page.waitForSelector('input[name="new_password"]');
    await page.fill('input[name="new_password"]', 'short');
    await page.click('button[type="submit"]');
    await expect(page.locator('#loginErrorMessage').textContent()).resolves.toContain(
      'Password did not conform',
    );
    await page.fill('input[name="new_password"]', 'Chosen-Pass1!');
    await Promise.all([page.waitForURL(`${pool.redirectUri}**`), page.click('button[type="submit"]')]);
    const tokens = await client.callback(pool.redirectUri, client.callbackParams(page.url()), {
      code_verifier: verifier,
      state: 'temp',
    });
    expect(tokens.claims()['cognito:username']).toBe(username);
    await page.close();
  });
});
