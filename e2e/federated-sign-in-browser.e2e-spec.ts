import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { BaseClient, generators, Issuer } from 'openid-client';
import { createIdentityPoolRole } from '../libs/testing/src/identity-pool-roles';
import { launchBrowser } from './support/browser';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { createFederatedPool, FederatedPool } from './support/federation';

const ACCOUNT = '000000000000';

/**
 * The seed's story in a real browser (Debian's chromium through playwright-core): the app sends
 * the user to the pool's hosted sign-in page at its domain host, the user chooses "Continue with
 * Google" (oidc-provider standing in for Google), signs in there, comes back to the app with a
 * code openid-client redeems, and the user pool's ID token buys AWS credentials from an identity
 * pool (GetId, GetCredentialsForIdentity) that STS GetCallerIdentity accepts.
 */
describe('sign-in through Google in a browser, on to AWS credentials', () => {
  const system = e2eSystem();
  const adminCreds = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  const base = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
  let admin: CognitoIdentityProviderClient;
  const iam = new IAMClient({ ...base, credentials: adminCreds });
  const identityAdmin = new CognitoIdentityClient({ ...base, credentials: adminCreds });
  const identityApp = new CognitoIdentityClient({
    ...base,
    credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
  });
  let pool: FederatedPool;
  let client: BaseClient;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let domainBase: string;
  let appServer: Server;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    appServer = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the app</p>'),
    );
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    const appPort = (appServer.address() as AddressInfo).port;
    pool = await createFederatedPool(admin, system, `http://localhost:${appPort}/callback`);
    const issuer = await Issuer.discover(pool.issuer);
    client = new issuer.Client({
      client_id: pool.clientId,
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
    for (const c of [iam, identityAdmin, identityApp]) c.destroy();
  });

  it('hosted UI -> Continue with Google -> code -> tokens -> identity pool credentials -> STS', async () => {
    const login = `g-${randomBytes(4).toString('hex')}`;
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    const nonce = generators.nonce();
    const url = new URL(
      client.authorizationUrl({
        scope: 'openid email profile',
        state: 'seed-state',
        nonce,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    await page.goto(`${domainBase}${url.pathname.replace(`/${pool.poolId}`, '')}${url.search}`);
    expect(new URL(page.url()).pathname).toBe('/login');

    await page.click('text=Continue with Google');
    await page.waitForURL(`${system.googleIssuer}/interaction/**`);
    await page.fill('input[name="login"]', login);
    await Promise.all([page.waitForURL(`${pool.redirectUri}**`), page.click('#signin')]);
    const back = new URL(page.url());
    expect(back.searchParams.get('state')).toBe('seed-state');
    const tokens = await client.callback(pool.redirectUri, client.callbackParams(page.url()), {
      code_verifier: verifier,
      state: 'seed-state',
      nonce,
    });
    expect(tokens.claims()).toMatchObject({
      'cognito:username': `Google_${login}`,
      email: `${login}@example.com`,
    });

    // The identity pool trusts the user pool; its authenticated role is what STS names.
    const providerName = `${new URL(system.endpoint).host}/${pool.poolId}`;
    const suffix = randomBytes(3).toString('hex');
    const { IdentityPoolId } = await identityAdmin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'federated-browser',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: providerName, ClientId: pool.clientId }],
      }),
    );
    await createIdentityPoolRole(iam, `google-users-${suffix}`, IdentityPoolId!, 'authenticated');
    await identityAdmin.send(
      new SetIdentityPoolRolesCommand({
        IdentityPoolId: IdentityPoolId!,
        Roles: { authenticated: `arn:aws:iam::${ACCOUNT}:role/google-users-${suffix}` },
      }),
    );
    const logins = { [providerName]: tokens.id_token! };
    const { IdentityId } = await identityApp.send(
      new GetIdCommand({ IdentityPoolId: IdentityPoolId!, Logins: logins }),
    );
    const { Credentials } = await identityApp.send(
      new GetCredentialsForIdentityCommand({ IdentityId: IdentityId!, Logins: logins }),
    );
    const sts = new STSClient({
      ...base,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
    try {
      const caller = await sts.send(new GetCallerIdentityCommand({}));
      expect(caller.Arn).toBe(
        `arn:aws:sts::${ACCOUNT}:assumed-role/google-users-${suffix}/CognitoIdentityCredentials`,
      );
    } finally {
      sts.destroy();
    }
    await page.close();
  });
});
