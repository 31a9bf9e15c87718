import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, GetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { ResourcesConfig } from 'aws-amplify';
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { serveAmplifyApp } from './support/amplify-page';
import { launchBrowser } from './support/browser';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createConfirmedUser, createOAuthPool, OAuthPool } from './support/hosted-ui';

const ACCOUNT = '000000000000';
const PASSWORD = 'Amplify-Pass1!';

interface AmplifySession {
  idToken?: string;
  accessToken?: string;
  idClaims?: Record<string, unknown>;
  accessClaims?: Record<string, unknown>;
  identityId?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** What the bundled app (e2e/support/amplify-page/app.ts) puts on `window`. */
interface AppWindow {
  idfedApp: { signIn(): Promise<void>; session(): Promise<AmplifySession>; signOut(): Promise<void> };
  idfedAuthEvents: string[];
}

/**
 * Amplify v6's hosted-UI sign-in against idfed, in Chromium: a page bundling aws-amplify
 * (`signInWithRedirect`, `fetchAuthSession`, `signOut`) with `oauth.domain` the pool's domain host
 * name (`<prefix>.auth.localhost:<port>`, Amplify takes no path and always speaks https to it),
 * `userPoolEndpoint` / `identityPoolEndpoint` idfed's API. Amplify builds the authorization URL,
 * the user signs in on idfed's page, Amplify redeems the code with its PKCE verifier at
 * `/oauth2/token` (a cross-origin fetch), fetchAuthSession buys credentials from the identity pool
 * (GetId, GetCredentialsForIdentity with the ID token under its issuer's name) and signOut goes
 * through `/logout` back to the app. Amplify reaches the domain at idfed's own HTTPS listener, in
 * both modes: the suite's gateway serves HTTPS beside its HTTP port (IDFED_HTTPS_PORT with
 * IDFED_TLS_CERT_FILE / IDFED_TLS_KEY_FILE, ADR 0076; `system.https`), no proxy in between.
 */
describe('Amplify v6 hosted-UI sign-in in a browser', () => {
  const system = e2eSystem();
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const iam = new IAMClient({ ...base, credentials: adminCreds });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: adminCreds });
  let pool: OAuthPool;
  let identityPoolId: string;
  let roleName: string;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let amplifyApp: Awaited<ReturnType<typeof serveAmplifyApp>>;
  let domainHost: string;

  /** Amplify's configuration as a developer writes it for a local idfed (README). */
  function amplifyConfig(origin: string): ResourcesConfig {
    return {
      Auth: {
        Cognito: {
          userPoolId: pool.poolId,
          userPoolClientId: pool.publicClientId,
          identityPoolId,
          userPoolEndpoint: system.endpoint,
          identityPoolEndpoint: system.endpoint,
          loginWith: {
            oauth: {
              domain: domainHost,
              scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
              redirectSignIn: [`${origin}/`],
              redirectSignOut: [`${origin}/signed-out`],
              responseType: 'code',
            },
          },
        },
      },
    };
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    amplifyApp = await serveAmplifyApp((origin) => amplifyConfig(origin));
    pool = await createOAuthPool(admin, system.endpoint, `${amplifyApp.origin}/`);
    domainHost = `${pool.domain}.auth.localhost:${system.https.port}`;
    // The identity pool trusts the user pool under its tokens' issuer, without the scheme.
    const providerName = `${new URL(system.endpoint).host}/${pool.poolId}`;
    ({ IdentityPoolId: identityPoolId } = (await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'amplify-browser',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: providerName, ClientId: pool.publicClientId }],
      }),
    )) as { IdentityPoolId: string });
    roleName = `amplify-users-${randomBytes(3).toString('hex')}`;
    await createIdentityPoolRole(iam, roleName, identityPoolId, 'authenticated');
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: identityPoolId,
        Roles: { authenticated: `arn:aws:iam::${ACCOUNT}:role/${roleName}` },
      }),
    );
    ({ context, close: closeBrowser } = await launchBrowser({
      args: [`--ignore-certificate-errors-spki-list=${system.https.spki}`],
    }));
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    await amplifyApp?.close();
    admin?.destroy();
    app?.destroy();
    iam.destroy();
    identityAdmin.destroy();
  });

  /** Runs one of the app's calls that navigates away (the evaluation dies with the page). */
  async function navigatingCall(
    page: Page,
    call: 'signIn' | 'signOut',
    to: Parameters<Page['waitForURL']>[0],
  ): Promise<void> {
    await Promise.all([
      page.waitForURL(to),
      page
        .evaluate((name) => (globalThis as unknown as AppWindow).idfedApp[name](), call)
        .catch(() => undefined),
    ]);
  }

  const session = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as AppWindow).idfedApp.session());

  it('signs in on the hosted page, gets tokens and identity pool credentials, signs out through /logout', async () => {
    const username = `amplify-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, username, PASSWORD);
    const page = await context.newPage();
    // Every answer the browser got that was refused or failed (the browser's own favicon aside).
    const failures: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) failures.push(`${r.status()} ${r.url()}`);
    });
    page.on('requestfailed', (r) => failures.push(`${r.failure()?.errorText} ${r.url()}`));
    await page.goto(`${amplifyApp.origin}/`);
    expect((await session(page)).idToken).toBeUndefined();

    // signInWithRedirect: to https://<domain>/oauth2/authorize, then idfed's sign-in page.
    await navigatingCall(page, 'signIn', (url) => url.host === domainHost && url.pathname === '/login');
    const login = new URL(page.url());
    expect(login.protocol).toBe('https:');
    expect(login.searchParams.get('client_id')).toBe(pool.publicClientId);
    expect(login.searchParams.get('code_challenge_method')).toBe('S256');

    await page.fill('input[name="username"]', username);
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForURL((url) => url.origin === amplifyApp.origin),
      page.click('button[type="submit"]'),
    ]);

    // The OAuth listener redeems the code; fetchAuthSession waits for it, then asks the identity pool.
    const signedIn = await session(page);
    expect(signedIn.idClaims).toMatchObject({
      'cognito:username': username,
      email: `${username}@example.com`,
      aud: pool.publicClientId,
    });
    expect(signedIn.accessClaims).toMatchObject({
      client_id: pool.publicClientId,
      scope: expect.stringContaining('aws.cognito.signin.user.admin') as unknown,
    });
    await expect(app.send(new GetUserCommand({ AccessToken: signedIn.accessToken }))).resolves.toMatchObject({
      Username: username,
    });
    expect(signedIn.identityId).toMatch(/^us-east-1:/);
    expect(page.url()).toBe(`${amplifyApp.origin}/`); // Amplify took the code out of the address
    const events = await page.evaluate(() => (globalThis as unknown as AppWindow).idfedAuthEvents);
    expect(events).toEqual(expect.arrayContaining(['signInWithRedirect', 'signedIn']));

    const sts = new STSClient({
      ...base,
      credentials: {
        accessKeyId: signedIn.credentials!.accessKeyId,
        secretAccessKey: signedIn.credentials!.secretAccessKey,
        sessionToken: signedIn.credentials!.sessionToken,
      },
    });
    try {
      await expect(sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({
        Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/CognitoIdentityCredentials`,
      });
    } finally {
      sts.destroy();
    }

    // Re-targeting: the same Amplify configuration served from an origin the client does not list.
    // Even with the user's hosted session in this browser, idfed shows an error page, no code leaves.
    const rogue = await serveAmplifyApp((origin) => amplifyConfig(origin));
    try {
      const other = await context.newPage();
      const seen: string[] = [];
      other.on('request', (r) => seen.push(r.url()));
      await other.goto(`${rogue.origin}/`);
      await navigatingCall(other, 'signIn', (url) => url.host === domainHost);
      expect(await other.content()).toContain('redirect_mismatch');
      expect(seen.filter((u) => u.startsWith(rogue.origin) && u.includes('code='))).toEqual([]);
      await other.close();
    } finally {
      await rogue.close();
    }

    // signOut: the tokens revoked, then /logout at the domain ends idfed's session and returns.
    await navigatingCall(page, 'signOut', `${amplifyApp.origin}/signed-out`);
    expect((await session(page)).idToken).toBeUndefined();
    // Amplify revoked the session (RevokeToken at the user pool endpoint): the access token is dead.
    await expect(app.send(new GetUserCommand({ AccessToken: signedIn.accessToken }))).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });

    // idfed's session is over: signing in again shows the form rather than single sign-on.
    await navigatingCall(page, 'signIn', (url) => url.host === domainHost && url.pathname === '/login');
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    expect(failures).toEqual([]);
    await page.close();
  });
});
