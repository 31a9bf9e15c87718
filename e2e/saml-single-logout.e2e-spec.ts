import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  GetSigningCertificateCommand,
  GetUserCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { BaseClient, generators, Issuer } from 'openid-client';
import type { BrowserContext, Page } from 'playwright-core';
import { samlSigningKey, TestSamlIdp } from '../libs/testing/src/saml-idp';
import { launchBrowser } from './support/browser';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createOAuthPool, OAuthPool } from './support/hosted-ui';

/** How the IdP's SingleLogoutService answers the next LogoutRequest (attack tests change it). */
type SloMode = 'good' | 'forged' | 'other-request' | 'other-issuer' | 'other-destination';

/**
 * SAML single logout (ADR 0069) in a real browser (Debian's chromium through playwright-core), as
 * Cognito documents it: a user signed in through a SAML provider whose `IDPSignout` is `true` goes
 * to the pool's `/logout`; idfed closes its session and sends the browser to the IdP's
 * SingleLogoutService (samlify on 127.0.0.1, another site) with a LogoutRequest signed with the key
 * GetSigningCertificate answers, naming the sign-in's NameID and SessionIndex; the IdP's page posts
 * its signed LogoutResponse to `/saml2/logout`, and the browser lands on the app's logout URL. Then
 * the attacks on `/saml2/logout`: replay, forged signature, another request's InResponseTo, another
 * issuer, another destination, an unknown RelayState and an IdP-initiated LogoutRequest.
 */
describe('SAML single logout in a browser', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let appServer: Server;
  let idpServer: Server;
  let idp: TestSamlIdp;
  let impostor: TestSamlIdp;
  let client: BaseClient;
  let domainBase: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  let sloMode: SloMode = 'good';
  /** What the IdP was last sent and answered. */
  const seen: {
    sessionIndexes: string[];
    logoutRequests: { id: string; nameId: string; sessionIndex?: string; issuer?: string }[];
    lastForm?: { SAMLResponse: string; RelayState: string };
  } = { sessionIndexes: [], logoutRequests: [] };
  const nameId = `slo-${randomBytes(4).toString('hex')}`;

  function idpBase(): string {
    return `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
  }
  const logoutUrl = () => `${domainBase}/saml2/logout`;
  const formPage = (action: string, fields: Record<string, string>, label: string) =>
    `<!DOCTYPE html><html><body><form method="post" action="${action}">` +
    Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`)
      .join('') +
    `<button id="continue" type="submit">${label}</button></form></body></html>`;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    appServer = createServer((_req, res) => res.end('app'));
    await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
    pool = await createOAuthPool(
      admin,
      system.endpoint,
      `http://localhost:${(appServer.address() as AddressInfo).port}/callback`,
    );
    domainBase = `http://${pool.domain}.auth.localhost:${new URL(system.endpoint).port}`;
    const acs = `${domainBase}/saml2/idpresponse`;
    const sp = `urn:amazon:cognito:sp:${pool.poolId}`;
    const { Certificate } = await admin.send(new GetSigningCertificateCommand({ UserPoolId: pool.poolId }));
    idpServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', idpBase());
      if (url.pathname === '/metadata') return res.end(idp.metadata());
      void (async () => {
        res.setHeader('content-type', 'text/html');
        if (url.pathname === '/sso') {
          const samlResponse = await idp.response({
            spEntityId: sp,
            acsUrl: acs,
            nameId,
            inResponseTo: await idp.requestIdOf(url.toString(), sp, acs),
          });
          const xml = Buffer.from(samlResponse, 'base64').toString();
          seen.sessionIndexes.push(/SessionIndex="([^"]+)"/.exec(xml)![1]);
          return res.end(
            formPage(
              acs,
              { SAMLResponse: samlResponse, RelayState: url.searchParams.get('RelayState') ?? '' },
              'Continue',
            ),
          );
        }
        if (url.pathname !== '/slo') return res.writeHead(404).end();
        // The LogoutRequest's Redirect-binding signature is checked with GetSigningCertificate's answer.
        const request = await idp.logoutRequestOf(url.toString(), sp, Certificate!);
        seen.logoutRequests.push(request);
        const spec = { spEntityId: sp, logoutUrl: logoutUrl(), inResponseTo: request.id };
        const samlResponse =
          sloMode === 'forged'
            ? impostor.logoutResponse(spec)
            : sloMode === 'other-request'
              ? idp.logoutResponse({ ...spec, inResponseTo: '_not-the-request' })
              : sloMode === 'other-issuer'
                ? idp.logoutResponse({ ...spec, issuer: 'https://evil.test/saml' })
                : sloMode === 'other-destination'
                  ? idp.logoutResponse({
                      ...spec,
                      destination: `${system.endpoint}/us-east-1_Other/saml2/logout`,
                    })
                  : idp.logoutResponse(spec);
        seen.lastForm = { SAMLResponse: samlResponse, RelayState: url.searchParams.get('RelayState') ?? '' };
        res.end(formPage(logoutUrl(), seen.lastForm, 'Signed out'));
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
    await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
    idp = new TestSamlIdp(`${idpBase()}/entity`, `${idpBase()}/sso`).withSingleLogout(`${idpBase()}/slo`);
    impostor = new TestSamlIdp(`${idpBase()}/entity`, `${idpBase()}/sso`, samlSigningKey('impostor'));
    for (const [name, signout] of [
      ['Corp', 'true'],
      ['NoSlo', 'false'],
    ])
      await admin.send(
        new CreateIdentityProviderCommand({
          UserPoolId: pool.poolId,
          ProviderName: name,
          ProviderType: 'SAML',
          ProviderDetails: { MetadataURL: `${idpBase()}/metadata`, IDPSignout: signout },
        }),
      );
    await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'aws.cognito.signin.user.admin'],
        CallbackURLs: [pool.redirectUri],
        LogoutURLs: [pool.logoutUri],
        SupportedIdentityProviders: ['COGNITO', 'Corp', 'NoSlo'],
      }),
    );
    const issuer = await Issuer.discover(pool.issuer);
    client = new issuer.Client({
      client_id: pool.publicClientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
    });
    ({ context, close: closeBrowser } = await launchBrowser());
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    appServer?.close();
    idpServer?.close();
    admin.destroy();
  });

  function authorizeAt(verifier: string, state: string, provider: string): string {
    const url = new URL(
      client.authorizationUrl({
        scope: 'openid aws.cognito.signin.user.admin',
        state,
        identity_provider: provider,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    return `${domainBase}${url.pathname.replace(`/${pool.poolId}`, '')}${url.search}`;
  }

  /** Signs in through the IdP in a fresh page; answers the page and the app's tokens. */
  async function signIn(provider = 'Corp') {
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await page.goto(authorizeAt(verifier, 'st', provider));
    await Promise.all([page.waitForURL(`${pool.redirectUri}**`), page.click('#continue')]);
    const tokens = await client.callback(pool.redirectUri, client.callbackParams(page.url()), {
      code_verifier: verifier,
      state: 'st',
    });
    return { page, tokens };
  }

  const logoutAt = () =>
    `${domainBase}/logout?client_id=${pool.publicClientId}&logout_uri=${encodeURIComponent(pool.logoutUri)}`;

  /** The hosted session is gone: an authorization request for COGNITO shows the sign-in form. */
  async function expectNoSession(page: Page): Promise<void> {
    await page.goto(authorizeAt(generators.codeVerifier(), 'again', 'COGNITO'));
    expect(page.url().startsWith(pool.redirectUri)).toBe(false);
    expect(await page.locator('input[name="password"]').count()).toBe(1);
  }

  /**
   * Posts a form to the domain's /saml2/logout as a browser would (no redirect followed): to the
   * loopback address with the domain's Host header (node resolves no `*.localhost` name).
   */
  const post = (fields: Record<string, string>) =>
    new Promise<{ status: number; location?: string }>((resolve, reject) => {
      const body = new URLSearchParams(fields).toString();
      const target = new URL(logoutUrl());
      const req = request(
        {
          host: '127.0.0.1',
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            host: target.host,
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('signs out at the IdP and back to the app, the session ended and the tokens revoked', async () => {
    const { page, tokens } = await signIn();
    const users = cognitoPublic(system);
    await expect(
      users.send(new GetUserCommand({ AccessToken: tokens.access_token! })),
    ).resolves.toBeDefined();
    // The app revokes its refresh token and sends the browser to /logout, as Amplify's signOut does.
    await client.revoke(tokens.refresh_token!, 'refresh_token');
    sloMode = 'good';
    await page.goto(logoutAt());
    expect(page.url().startsWith(`${idpBase()}/slo?SAMLRequest=`)).toBe(true);
    const sent = seen.logoutRequests.at(-1)!;
    expect(sent).toMatchObject({
      nameId,
      sessionIndex: seen.sessionIndexes.at(-1),
      issuer: `urn:amazon:cognito:sp:${pool.poolId}`,
    });
    await Promise.all([page.waitForURL(`${pool.logoutUri}**`), page.click('#continue')]);
    expect(page.url()).toBe(pool.logoutUri);
    await expect(users.send(new GetUserCommand({ AccessToken: tokens.access_token! }))).rejects.toMatchObject(
      {
        name: 'NotAuthorizedException',
      },
    );
    await expectNoSession(page);

    // The same LogoutResponse again (a replay): an error page, no redirect.
    const replay = await post(seen.lastForm!);
    expect(replay).toEqual({ status: 400, location: undefined });
    await page.close();
    users.destroy();
  }, 120_000);

  it.each<[SloMode]>([['forged'], ['other-request'], ['other-issuer'], ['other-destination']])(
    'refuses a %s LogoutResponse with an error page (the session is ended all the same)',
    async (mode) => {
      const { page } = await signIn();
      sloMode = mode;
      await page.goto(logoutAt());
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url() === logoutUrl()),
        page.click('#continue'),
      ]);
      expect(answer.status()).toBe(400);
      expect(await page.content()).toContain('Invalid samlResponse or relayState from identity provider.');
      expect(page.url()).toBe(logoutUrl());
      // The refused answer spent the pending request: the IdP's genuine one is refused after it.
      const genuine = idp.logoutResponse({
        spEntityId: `urn:amazon:cognito:sp:${pool.poolId}`,
        logoutUrl: logoutUrl(),
        inResponseTo: seen.logoutRequests.at(-1)!.id,
      });
      expect((await post({ SAMLResponse: genuine, RelayState: seen.lastForm!.RelayState })).status).toBe(400);
      await expectNoSession(page);
      await page.close();
    },
    120_000,
  );

  it('refuses an unknown RelayState, a missing response and an IdP-initiated LogoutRequest', async () => {
    const genuine = idp.logoutResponse({
      spEntityId: `urn:amazon:cognito:sp:${pool.poolId}`,
      logoutUrl: logoutUrl(),
      inResponseTo: seen.logoutRequests.at(-1)!.id,
    });
    const cases: Record<string, string>[] = [
      { SAMLResponse: genuine, RelayState: 'made-up' },
      { SAMLResponse: genuine },
      { RelayState: seen.lastForm!.RelayState },
      { SAMLRequest: Buffer.from('<samlp:LogoutRequest/>').toString('base64'), RelayState: 'x' },
    ];
    for (const fields of cases) {
      const res = await post(fields);
      expect([fields, res]).toEqual([fields, { status: 400, location: undefined }]);
    }
  });

  it('signs out of idfed only when the provider does not ask for single logout', async () => {
    const before = seen.logoutRequests.length;
    const { page } = await signIn('NoSlo');
    await page.goto(logoutAt());
    expect(page.url()).toBe(pool.logoutUri);
    expect(seen.logoutRequests).toHaveLength(before);
    await expectNoSession(page);
    await page.close();
  }, 120_000);

  it('goes back to the sign-in page after the IdP when /logout names a redirect_uri', async () => {
    const { page } = await signIn();
    sloMode = 'good';
    const query = new URLSearchParams({
      client_id: pool.publicClientId,
      redirect_uri: pool.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state: 'after-logout',
    });
    await page.goto(`${domainBase}/logout?${query.toString()}`);
    expect(page.url().startsWith(`${idpBase()}/slo?`)).toBe(true);
    await Promise.all([page.waitForURL(`${domainBase}/login?**`), page.click('#continue')]);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('state')).toBe('after-logout');
    expect(landed.searchParams.get('client_id')).toBe(pool.publicClientId);
    expect(await page.locator('input[name="password"]').count()).toBe(1);
    await page.close();
  }, 120_000);
});
