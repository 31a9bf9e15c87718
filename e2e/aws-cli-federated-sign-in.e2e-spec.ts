import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { BaseClient, generators, Issuer } from 'openid-client';
import { identityPoolTrustPolicy } from '../libs/testing/src/identity-pool-roles';
import { awsCli, AwsCliProfile, ensureAwsCli } from './support/aws-cli';
import { launchBrowser } from './support/browser';
import { e2eSystem } from './support/e2e-context';
import { registerAtProvider } from './support/federation';

const ACCOUNT = '000000000000';

/**
 * Issue 10's "done when", step by step as a developer does it: the pool, its domain, Google (the
 * oidc-provider stand-in) and an app client configured with the AWS CLI (v1, botocore's own
 * models, so every member goes on the wire as the CLI spells it); openid-client and a real browser
 * (Debian's chromium) sign in through Google on the hosted page; the AWS CLI then trades the ID
 * token for an identity's credentials (`get-id`, `get-credentials-for-identity`, unsigned as an
 * app sends them) and `sts get-caller-identity` accepts them.
 */
describe('configured with the AWS CLI: sign in through Google, on to AWS credentials', () => {
  const system = e2eSystem();
  const region = 'us-east-1';
  const admin: AwsCliProfile = {
    endpoint: system.endpoint,
    region,
    credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
  };
  const app: AwsCliProfile = { endpoint: system.endpoint, region };
  let cli: string;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let appServer: Server;
  let redirectUri: string;

  beforeAll(async () => {
    cli = ensureAwsCli();
    appServer = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the app</p>'),
    );
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    redirectUri = `http://localhost:${(appServer.address() as AddressInfo).port}/callback`;
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 300_000);
  afterAll(async () => {
    await closeBrowser?.();
    appServer?.close();
  });

  it('create-user-pool ... create-identity-pool, then the browser, then get-caller-identity', async () => {
    const suffix = randomBytes(4).toString('hex');
    // The user pool, its prefix domain, Google and a client, as the Cognito developer guide's CLI
    // examples write them.
    const poolId = (
      (await awsCli(cli, admin, ['cognito-idp', 'create-user-pool', '--pool-name', `cli-${suffix}`]))
        .UserPool as {
        Id: string;
      }
    ).Id;
    expect(poolId).toMatch(/^us-east-1_[0-9A-Za-z]+$/);
    const domain = `cli-${suffix}`;
    await awsCli(cli, admin, [
      'cognito-idp',
      'create-user-pool-domain',
      '--user-pool-id',
      poolId,
      '--domain',
      domain,
    ]);
    const described = (
      await awsCli(cli, admin, ['cognito-idp', 'describe-user-pool-domain', '--domain', domain])
    ).DomainDescription as { UserPoolId: string; Status: string };
    expect(described).toMatchObject({ UserPoolId: poolId, Status: 'ACTIVE' });
    const domainBase = `http://${domain}.auth.localhost:${new URL(system.endpoint).port}`;
    const google = await registerAtProvider(system.googleIssuer, [`${domainBase}/oauth2/idpresponse`]);
    await awsCli(cli, admin, [
      'cognito-idp',
      'create-identity-provider',
      '--user-pool-id',
      poolId,
      '--provider-name',
      'Google',
      '--provider-type',
      'Google',
      '--provider-details',
      JSON.stringify({
        client_id: google.clientId,
        client_secret: google.clientSecret,
        authorize_scopes: 'openid email profile',
      }),
      '--attribute-mapping',
      'email=email,name=name',
    ]);
    const client = (
      await awsCli(cli, admin, [
        'cognito-idp',
        'create-user-pool-client',
        '--user-pool-id',
        poolId,
        '--client-name',
        'web',
        '--allowed-o-auth-flows-user-pool-client',
        '--allowed-o-auth-flows',
        'code',
        '--allowed-o-auth-scopes',
        'openid',
        'email',
        'profile',
        '--callback-urls',
        redirectUri,
        '--supported-identity-providers',
        'Google',
        'COGNITO',
      ])
    ).UserPoolClient as {
      ClientId: string;
      AllowedOAuthFlows: string[];
      SupportedIdentityProviders: string[];
    };
    expect(client).toMatchObject({
      AllowedOAuthFlows: ['code'],
      SupportedIdentityProviders: ['Google', 'COGNITO'],
    });

    // The identity pool trusting the user pool, and its authenticated role.
    const providerName = `${new URL(system.endpoint).host}/${poolId}`;
    const identityPoolId = (
      await awsCli(cli, admin, [
        'cognito-identity',
        'create-identity-pool',
        '--identity-pool-name',
        `cli_${suffix}`,
        '--no-allow-unauthenticated-identities',
        '--cognito-identity-providers',
        `ProviderName=${providerName},ClientId=${client.ClientId}`,
      ])
    ).IdentityPoolId as string;
    const roleName = `cli-google-${suffix}`;
    const roleArn = (
      (
        await awsCli(cli, admin, [
          'iam',
          'create-role',
          '--role-name',
          roleName,
          '--assume-role-policy-document',
          identityPoolTrustPolicy(identityPoolId, 'authenticated'),
        ])
      ).Role as { Arn: string }
    ).Arn;
    await awsCli(cli, admin, [
      'iam',
      'put-role-policy',
      '--role-name',
      roleName,
      '--policy-name',
      'whoami',
      '--policy-document',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }],
      }),
    ]);
    await awsCli(cli, admin, [
      'cognito-identity',
      'set-identity-pool-roles',
      '--identity-pool-id',
      identityPoolId,
      '--roles',
      `authenticated=${roleArn}`,
    ]);

    // The app: openid-client with PKCE, the user in a real browser choosing Google.
    const issuer = await Issuer.discover(`${system.endpoint}/${poolId}`);
    const rp: BaseClient = new issuer.Client({
      client_id: client.ClientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
    });
    const verifier = generators.codeVerifier();
    const nonce = generators.nonce();
    const authorize = new URL(
      rp.authorizationUrl({
        scope: 'openid email profile',
        state: `s-${suffix}`,
        nonce,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    const page = await context.newPage();
    const login = `cli-${suffix}`;
    await page.goto(`${domainBase}${authorize.pathname.replace(`/${poolId}`, '')}${authorize.search}`);
    await page.click('text=Continue with Google');
    await page.waitForURL(`${system.googleIssuer}/interaction/**`);
    await page.fill('input[name="login"]', login);
    await Promise.all([page.waitForURL(`${redirectUri}**`), page.click('#signin')]);
    const tokens = await rp.callback(redirectUri, rp.callbackParams(page.url()), {
      code_verifier: verifier,
      state: `s-${suffix}`,
      nonce,
    });
    await page.close();
    expect(tokens.claims()).toMatchObject({
      'cognito:username': `Google_${login}`,
      email: `${login}@example.com`,
    });

    // The user the sign-in made, as the CLI lists it.
    const user = await awsCli(cli, admin, [
      'cognito-idp',
      'admin-get-user',
      '--user-pool-id',
      poolId,
      '--username',
      `Google_${login}`,
    ]);
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');

    // The identity pool's enhanced flow, unsigned as an app calls it, then STS with what it gave.
    const logins = JSON.stringify({ [providerName]: tokens.id_token });
    const identityId = (
      await awsCli(cli, app, [
        'cognito-identity',
        'get-id',
        '--identity-pool-id',
        identityPoolId,
        '--logins',
        logins,
      ])
    ).IdentityId as string;
    const credentials = (
      await awsCli(cli, app, [
        'cognito-identity',
        'get-credentials-for-identity',
        '--identity-id',
        identityId,
        '--logins',
        logins,
      ])
    ).Credentials as { AccessKeyId: string; SecretKey: string; SessionToken: string };
    const caller = await awsCli(
      cli,
      {
        ...app,
        credentials: {
          accessKeyId: credentials.AccessKeyId,
          secretAccessKey: credentials.SecretKey,
          sessionToken: credentials.SessionToken,
        },
      },
      ['sts', 'get-caller-identity'],
    );
    expect(caller.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/${roleName}/CognitoIdentityCredentials`);
  }, 180_000);
});
