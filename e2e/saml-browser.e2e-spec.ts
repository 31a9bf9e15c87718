import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { BaseClient, generators, Issuer } from 'openid-client';
import type { BrowserContext } from 'playwright-core';
import { TestSamlIdp } from '../libs/testing/src/saml-idp';
import { launchBrowser } from './support/browser';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { createOAuthPool, OAuthPool } from './support/hosted-ui';

const EMAIL_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';

/**
 * SP-initiated SAML sign-in in a real browser (Debian's chromium through playwright-core): the app
 * sends the browser to the pool's domain host, idfed to the IdP (samlify, on 127.0.0.1: another
 * site), whose page posts the signed response across sites to `/saml2/idpresponse`; the browser's
 * binding cookie must come back with that POST for the sign-in to go through, then the app redeems
 * its code with openid-client and the hosted session signs the browser in again without the IdP.
 */
describe('SAML sign-in in a browser', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let appServer: Server;
  let idpServer: Server;
  let idp: TestSamlIdp;
  let client: BaseClient;
  let domainBase: string;
  let context: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  const nameId = `browser-${randomBytes(4).toString('hex')}`;

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
    idpServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', idpBase());
      if (url.pathname === '/metadata') return res.end(idp.metadata());
      if (url.pathname !== '/sso') return res.writeHead(404).end();
      void (async () => {
        const samlResponse = await idp.response({
          spEntityId: sp,
          acsUrl: acs,
          nameId,
          attributes: { [EMAIL_CLAIM]: `${nameId}@example.com` },
          inResponseTo: await idp.requestIdOf(url.toString(), sp, acs),
        });
        res.setHeader('content-type', 'text/html');
        res.end(
          `<!DOCTYPE html><html><body><form method="post" action="${acs}">` +
            `<input type="hidden" name="SAMLResponse" value="${samlResponse}">` +
            `<input type="hidden" name="RelayState" value="${url.searchParams.get('RelayState') ?? ''}">` +
            `<button id="continue" type="submit">Continue as ${nameId}</button></form></body></html>`,
        );
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
    await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
    idp = new TestSamlIdp(`${idpBase()}/entity`, `${idpBase()}/sso`);
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Corp',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${idpBase()}/metadata` },
        AttributeMapping: { email: EMAIL_CLAIM },
      }),
    );
    await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientId: pool.publicClientId,
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [pool.redirectUri],
        SupportedIdentityProviders: ['COGNITO', 'Corp'],
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

  function idpBase(): string {
    return `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
  }

  function authorizeAt(verifier: string, state: string, provider: string): string {
    const url = new URL(
      client.authorizationUrl({
        scope: 'openid email',
        state,
        identity_provider: provider,
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    return `${domainBase}${url.pathname.replace(`/${pool.poolId}`, '')}${url.search}`;
  }

  it('signs in through the IdP and back to the app, then again by the hosted session', async () => {
    const page = await context.newPage();
    const verifier = generators.codeVerifier();
    await page.goto(authorizeAt(verifier, 'saml-state', 'Corp'));
    expect(page.url().startsWith(`${idpBase()}/sso?SAMLRequest=`)).toBe(true);
    await Promise.all([page.waitForURL(`${pool.redirectUri}**`), page.click('#continue')]);
    expect(new URL(page.url()).searchParams.get('state')).toBe('saml-state');
    const tokens = await client.callback(pool.redirectUri, client.callbackParams(page.url()), {
      code_verifier: verifier,
      state: 'saml-state',
    });
    expect(tokens.claims()).toMatchObject({
      'cognito:username': `Corp_${nameId}`,
      email: `${nameId}@example.com`,
      identities: [expect.objectContaining({ providerName: 'Corp', providerType: 'SAML', userId: nameId })],
    });

    await page.goto(authorizeAt(generators.codeVerifier(), 'again', 'COGNITO'));
    await page.waitForURL(`${pool.redirectUri}**`);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
    await page.close();
  });
});
