import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { randomBytes } from 'node:crypto';
import { IncomingHttpHeaders, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent, get as httpsGet, request as httpsRequest } from 'node:https';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createConfirmedUser, createOAuthPool, formOf, OAuthPool } from './support/hosted-ui';

const PASSWORD = 'Https-Pass1!';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The gateway's HTTPS port beside its plain HTTP port (IDFED_HTTPS_PORT with IDFED_TLS_CERT_FILE /
 * IDFED_TLS_KEY_FILE, ADR 0076), as the suite's system runs it in both modes with a self-signed
 * certificate for localhost, `*.auth.localhost` and 127.0.0.1: one gateway, one state, one public
 * URL (the HTTP one) naming the tokens' issuer whichever port a client used; cookies of the hosted
 * pages `Secure` over HTTPS only; plain HTTP and untrusting clients refused on the HTTPS port.
 */
describe("the gateway's HTTPS port beside its HTTP port", () => {
  const system = e2eSystem();
  const ca = system.https.certificate;
  const httpsAgent = new Agent({ ca });
  const sdkOverHttps = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new CognitoIdentityProviderClient({
      endpoint: system.https.endpoint,
      region: 'us-east-1',
      credentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpsAgent }),
    });
  const adminHttps = sdkOverHttps({
    accessKeyId: system.adminAccessKeyId,
    secretAccessKey: system.adminSecretAccessKey,
  });
  const appHttps = sdkOverHttps({ accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' });
  const adminHttp = cognitoAdmin(system);
  const appHttp = cognitoPublic(system);
  let pool: OAuthPool;

  beforeAll(async () => {
    // Made over HTTPS; the plain HTTP port must see the same pool.
    pool = await createOAuthPool(adminHttps, system.endpoint);
  });

  afterAll(() => {
    for (const client of [adminHttps, appHttps, adminHttp, appHttp]) client.destroy();
    httpsAgent.destroy();
  });

  const httpPort = Number(new URL(system.endpoint).port);

  /**
   * A request for `host` (its Host header, and its TLS name over HTTPS) to the HTTPS port, trusting
   * the suite's certificate only, or with `plain` to the HTTP port; both connect to 127.0.0.1.
   */
  function send(
    host: string,
    path: string,
    {
      method = 'GET',
      headers = {},
      body,
      plain = false,
    }: { method?: string; headers?: Record<string, string>; body?: string; plain?: boolean } = {},
  ): Promise<Answer> {
    const port = plain ? httpPort : system.https.port;
    return new Promise((resolve, reject) => {
      const onAnswer = (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      };
      const options = {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `${host}:${port}`, ...headers },
        timeout: 10_000,
      };
      const req = plain
        ? httpRequest(options, onAnswer)
        : httpsRequest({ ...options, servername: host, ca }, onAnswer);
      req.on('timeout', () => req.destroy(new Error(`${path}: no answer within 10 s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  const loginQuery = () =>
    new URLSearchParams({
      client_id: pool.publicClientId,
      response_type: 'code',
      redirect_uri: pool.redirectUri,
      scope: 'openid',
      state: randomBytes(8).toString('hex'),
    }).toString();

  const cookieNamed = (setCookie: string[] | undefined, name: string) =>
    (setCookie ?? []).find((line) => line.startsWith(`${name}=`));

  it('serves the AWS API over HTTPS on the same state, tokens naming the one public URL', async () => {
    const username = `https-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(adminHttps, appHttps, pool, username, PASSWORD);
    await expect(
      adminHttp.send(new DescribeUserPoolCommand({ UserPoolId: pool.poolId })),
    ).resolves.toMatchObject({
      UserPool: { Id: pool.poolId },
    });
    const { AuthenticationResult } = await appHttps.send(
      new InitiateAuthCommand({
        ClientId: pool.publicClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    const claims = JSON.parse(
      Buffer.from(AuthenticationResult!.IdToken!.split('.')[1], 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    // The issuer is IDFED_PUBLIC_URL's (the HTTP endpoint), not the port the client used.
    expect(claims).toMatchObject({ iss: `${system.endpoint}/${pool.poolId}`, 'cognito:username': username });
    // A token handed out over HTTPS is the same token over HTTP.
    await expect(
      appHttp.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken })),
    ).resolves.toMatchObject({ Username: username });
    // The key set of that issuer, served on both ports alike.
    const jwks = await send('localhost', `/${pool.poolId}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    const overHttp = await send('localhost', `/${pool.poolId}/.well-known/jwks.json`, { plain: true });
    expect(JSON.parse(jwks.body)).toEqual(JSON.parse(overHttp.body));
  });

  it("signs in on the pool's domain over HTTPS with Secure cookies, and without Secure over HTTP", async () => {
    const username = `https-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(adminHttp, appHttp, pool, username, PASSWORD);
    const domainHost = `${pool.domain}.auth.localhost`;

    const page = await send(domainHost, `/login?${loginQuery()}`);
    expect(page.status).toBe(200);
    const csrf = cookieNamed(page.headers['set-cookie'], 'XSRF-TOKEN');
    expect(csrf).toMatch(/; Secure(;|$)/);
    const form = formOf(page.body, `https://${domainHost}:${system.https.port}/login`);
    const action = new URL(form.action);
    const posted = await send(domainHost, `${action.pathname}${action.search}`, {
      method: 'POST',
      headers: {
        cookie: csrf!.split(';')[0],
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ ...form.fields, username, password: PASSWORD }).toString(),
    });
    expect(posted.status).toBe(302);
    expect(new URL(posted.headers.location!).searchParams.get('code')).toMatch(/.+/);
    // The hosted session's cookie too.
    expect(cookieNamed(posted.headers['set-cookie'], 'cognito')).toMatch(/; Secure(;|$)/);

    // The same page on the plain HTTP port (same host name, another port): no Secure cookie.
    const plain = await send(domainHost, `/login?${loginQuery()}`, { plain: true });
    expect(plain.status).toBe(200);
    const plainCsrf = cookieNamed(plain.headers['set-cookie'], 'XSRF-TOKEN');
    expect(plainCsrf).toBeDefined();
    expect(plainCsrf).not.toMatch(/Secure/);
  });

  it('refuses plain HTTP on the HTTPS port, and a client that does not trust its certificate', async () => {
    await expect(
      fetch(`http://127.0.0.1:${system.https.port}/health`, { signal: AbortSignal.timeout(5000) }),
    ).rejects.toThrow();
    const untrusting = new Promise<number>((resolve, reject) => {
      httpsGet(`${system.https.endpoint}/health`, { timeout: 5000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    await expect(untrusting).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
    // Another name than the certificate's is refused by a client that checks it.
    await expect(send('idfed.example.com', '/health')).rejects.toThrow(/altnames|does not match/i);
    // The HTTP port still speaks plain HTTP.
    expect((await send('localhost', '/health', { plain: true })).status).toBe(200);
  });
});
