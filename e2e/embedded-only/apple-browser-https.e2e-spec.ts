import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { Agent, get } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { custom, generators, Issuer } from 'openid-client';
import type { BrowserContext } from 'playwright-core';
import { eventually } from '../../libs/testing/src/eventually';
import { launchBrowser } from '../support/browser';
import { e2eSystem } from '../support/e2e-context';
import { registerAtProvider } from '../support/federation';
import { freePort, startApp, StartedProcess, stopApp } from '../support/processes';

/**
 * Sign in with Apple in a real browser (ADR 0029). Apple answers by `form_post` when the name or
 * email is asked for: its page POSTs the code to /oauth2/idpresponse from another site, and the
 * browser sends the `idfed-federation` binding cookie with that POST only if it is
 * `SameSite=None; Secure`, so only when the hosted UI is served over https. This spec serves idfed
 * over https with a self-signed certificate it makes with the openssl CLI (Chromium trusts exactly
 * that certificate, by its SPKI digest), and signs in through the suite's Apple stand-in
 * (oidc-provider with Apple's paths and `form_post`, on another site: http://127.0.0.1).
 */
describe('Sign in with Apple in Chromium over https', () => {
  const system = e2eSystem();
  const workDir = mkdtempSync(join(tmpdir(), 'idfed-apple-tls-'));
  chmodSync(workDir, 0o755);
  const adminCredentials = {
    accessKeyId: 'AKIDFEDAPPLETLS00001',
    secretAccessKey: 'apple-tls-secret-key-0001',
  };
  let idfed: StartedProcess;
  let port: number;
  let certificate: Buffer;
  let spki: string;
  let admin: CognitoIdentityProviderClient;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let appServer: Server;

  /** A self-signed certificate for localhost and the pool domains, and its SPKI SHA-256 (base64). */
  function makeCertificate(): { cert: string; key: string } {
    const run = (args: string[], input?: Buffer) =>
      execFileSync('openssl', args, { cwd: workDir, stdio: 'pipe', input });
    writeFileSync(
      join(workDir, 'san.cnf'),
      [
        '[req]',
        'distinguished_name=dn',
        'x509_extensions=ext',
        'prompt=no',
        '[dn]',
        'CN=localhost',
        '[ext]',
        'subjectAltName=DNS:localhost,DNS:*.auth.localhost,IP:127.0.0.1',
        'basicConstraints=critical,CA:TRUE',
        'keyUsage=digitalSignature,keyEncipherment,keyCertSign',
        'extendedKeyUsage=serverAuth',
        '',
      ].join('\n'),
    );
    run([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.pem',
      '-days',
      '1',
      '-config',
      'san.cnf',
    ]);
    certificate = readFileSync(join(workDir, 'server.pem'));
    const publicKey = run(['x509', '-in', 'server.pem', '-pubkey', '-noout']);
    const der = run(['pkey', '-pubin', '-outform', 'der'], publicKey);
    spki = run(['dgst', '-sha256', '-binary'], der).toString('base64');
    return { cert: join(workDir, 'server.pem'), key: join(workDir, 'server.key') };
  }

  const healthy = (url: string) =>
    new Promise<number>((resolve, reject) => {
      get(url, { ca: certificate, timeout: 5000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });

  beforeAll(async () => {
    const files = makeCertificate();
    port = await freePort();
    const endpoint = `https://localhost:${port}`;
    idfed = startApp(
      'embedded',
      {
        IDFED_HTTP_PORT: String(port),
        IDFED_WS_PORT: '0',
        IDFED_GRPC_PORT: '0',
        IDFED_TLS_CERT_FILE: files.cert,
        IDFED_TLS_KEY_FILE: files.key,
        IDFED_PUBLIC_URL: endpoint,
        IDFED_DATA_DIR: join(workDir, 'data'),
        IDFED_EMBEDDED_PG_PORT: String(await freePort()),
        IDFED_ADMIN_ACCESS_KEY_ID: adminCredentials.accessKeyId,
        IDFED_ADMIN_SECRET_ACCESS_KEY: adminCredentials.secretAccessKey,
        IDFED_KEY_ENCRYPTION_KEY: '',
        IDFED_APPLE_ISSUER: system.appleIssuer,
      },
      workDir,
    );
    await eventually(async () => expect(await healthy(`${endpoint}/health`)).toBe(200), {
      timeoutMs: 90_000,
      intervalMs: 250,
    });
    admin = new CognitoIdentityProviderClient({
      endpoint,
      region: 'us-east-1',
      credentials: adminCredentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent: new Agent({ ca: certificate }) }),
    });
    appServer = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>the app</p>'),
    );
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    ({ context, close: closeBrowser } = await launchBrowser({
      args: [`--ignore-certificate-errors-spki-list=${spki}`],
    }));
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    appServer?.close();
    admin?.destroy();
    await stopApp(idfed);
  }, 60_000);

  it('signs in through Apple: its cross-site form_post carries the SameSite=None binding cookie', async () => {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'apple-https' }));
    const poolId = UserPool!.Id!;
    const domain = `apple-${randomBytes(4).toString('hex')}`;
    await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    const domainBase = `https://${domain}.auth.localhost:${port}`;
    const registered = await registerAtProvider(system.appleIssuer, [`${domainBase}/oauth2/idpresponse`]);
    const team = { teamId: 'TEAMHTTPS1', keyId: 'KEYHTTPS01' };
    const teamKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const told = await fetch(`${system.appleIssuer}/teams`, {
      method: 'POST',
      body: JSON.stringify({
        clientId: registered.clientId,
        clientSecret: registered.clientSecret,
        ...team,
        jwk: teamKey.publicKey.export({ format: 'jwk' }),
      }),
    });
    expect(told.status).toBe(200);
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: poolId,
        ProviderName: 'SignInWithApple',
        ProviderType: 'SignInWithApple',
        ProviderDetails: {
          client_id: registered.clientId,
          team_id: team.teamId,
          key_id: team.keyId,
          private_key: teamKey.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
          authorize_scopes: 'name email',
        },
        AttributeMapping: { email: 'email' },
      }),
    );
    const redirectUri = `http://localhost:${(appServer.address() as AddressInfo).port}/callback`;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [redirectUri],
        SupportedIdentityProviders: ['SignInWithApple'],
      }),
    );

    // The app is openid-client, discovering the pool over https (trusting the test certificate).
    Issuer[custom.http_options] = (_url, options) => ({ ...options, ca: certificate });
    const issuer = await Issuer.discover(`https://localhost:${port}/${poolId}`);
    issuer[custom.http_options] = (_url, options) => ({ ...options, ca: certificate });
    const client = new issuer.Client({
      client_id: UserPoolClient!.ClientId!,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
    });
    client[custom.http_options] = (_url, options) => ({ ...options, ca: certificate });
    const verifier = generators.codeVerifier();
    const url = new URL(
      client.authorizationUrl({
        scope: 'openid email',
        state: 'apple-state',
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
        identity_provider: 'SignInWithApple',
      }),
    );

    const page = await context.newPage();
    await page.goto(`${domainBase}${url.pathname.replace(`/${poolId}`, '')}${url.search}`);
    await page.waitForURL(`${system.appleIssuer}/interaction/**`);
    const binding = (await context.cookies(domainBase)).find((c) => c.name === 'idfed-federation');
    expect(binding).toMatchObject({ sameSite: 'None', secure: true, httpOnly: true });

    const login = `apple-${randomBytes(4).toString('hex')}`;
    await page.fill('input[name="login"]', login);
    // Apple's page answers with a self-submitting form: a cross-site POST to idfed, then the app.
    const posted = page.waitForRequest(
      (r) => r.url() === `${domainBase}/oauth2/idpresponse` && r.method() === 'POST',
    );
    await Promise.all([page.waitForURL(`${redirectUri}**`), page.click('#signin')]);
    expect((await (await posted).allHeaders()).cookie).toContain(`idfed-federation=${binding!.value}`);
    const back = new URL(page.url());
    expect(back.searchParams.get('error')).toBeNull();
    expect(back.searchParams.get('state')).toBe('apple-state');
    const tokens = await client.callback(redirectUri, client.callbackParams(page.url()), {
      code_verifier: verifier,
      state: 'apple-state',
    });
    expect(tokens.claims()).toMatchObject({
      'cognito:username': `SignInWithApple_${login}`,
      email: `${login}@example.com`,
      identities: [expect.objectContaining({ providerName: 'SignInWithApple', userId: login })],
    });
    await page.close();
  });
});
