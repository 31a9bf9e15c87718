import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { BaseClient, generators, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import {
  SamlAssertionSpec,
  samlSigningKey,
  tamperSamlResponse,
  TestSamlIdp,
} from '../libs/testing/src/saml-idp';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { browse, CookieJar, createOAuthPool, formOf, OAuthPool } from './support/hosted-ui';

const EMAIL_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

type Overrides = Partial<SamlAssertionSpec> & { impostor?: boolean };

/**
 * Sign-in to a user pool through a SAML 2.0 identity provider: samlify plays the IdP on loopback
 * (its own key, its metadata given to CreateIdentityProvider by URL), the browser is a cookie jar,
 * the app redeems its code with openid-client. SP-initiated and IdP-initiated sign-in to tokens,
 * then each attack refused as Cognito refuses it, with no user created.
 */
describe('SAML sign-in (/saml2/idpresponse)', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let clientId: string;
  let cognitoOnlyClientId: string;
  let idpServer: Server;
  let idpBase: string;
  let idp: TestSamlIdp;
  let other: TestSamlIdp;
  let postOnly: TestSamlIdp;
  let impostor: TestSamlIdp;
  let spa: BaseClient;
  /** What the IdP asserts for the next sign-in it answers. */
  let next: { nameId: string; attributes: Record<string, string>; overrides: Overrides };
  let acs: string;
  let sp: string;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    pool = await createOAuthPool(admin, system.endpoint);
    acs = `${pool.issuer}/saml2/idpresponse`;
    sp = `urn:amazon:cognito:sp:${pool.poolId}`;
    idpServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', idpBase);
      if (url.pathname === '/metadata') {
        res.setHeader('content-type', 'application/xml');
        return res.end(idp.metadata());
      }
      if (url.pathname !== '/sso') return res.writeHead(404).end();
      void (async () => {
        const requestId = await idp.requestIdOf(url.toString(), sp, acs);
        const signer = next.overrides.impostor ? impostor : idp;
        const samlResponse = await signer.response({
          spEntityId: sp,
          acsUrl: acs,
          nameId: next.nameId,
          attributes: next.attributes,
          inResponseTo: requestId,
          ...next.overrides,
        });
        res.setHeader('content-type', 'text/html');
        res.end(
          `<form method="post" action="${acs}">` +
            `<input type="hidden" name="SAMLResponse" value="${samlResponse}">` +
            `<input type="hidden" name="RelayState" value="${url.searchParams.get('RelayState') ?? ''}">` +
            `</form>`,
        );
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
    await new Promise<void>((resolve) => idpServer.listen(0, '127.0.0.1', resolve));
    idpBase = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
    idp = new TestSamlIdp(`${idpBase}/entity`, `${idpBase}/sso`);
    impostor = new TestSamlIdp(`${idpBase}/entity`, `${idpBase}/sso`, samlSigningKey('impostor'));
    other = new TestSamlIdp(`${idpBase}/other`, `${idpBase}/sso`);
    postOnly = new TestSamlIdp(`${idpBase}/post`, `${idpBase}/sso-post`, undefined, 'post');

    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Okta',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${idpBase}/metadata`, IDPInit: 'true' },
        AttributeMapping: { email: EMAIL_CLAIM, name: 'displayName' },
        IdpIdentifiers: ['example.com'],
      }),
    );
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'NoInit',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: other.metadata() },
      }),
    );
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'PostOnly',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: postOnly.metadata() },
      }),
    );
    const common: Omit<CreateUserPoolClientCommandInput, 'ClientName'> = {
      UserPoolId: pool.poolId,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [pool.redirectUri],
    };
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        ...common,
        ClientName: 'saml-app',
        SupportedIdentityProviders: ['COGNITO', 'Okta', 'NoInit', 'PostOnly'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
    const { UserPoolClient: cognitoOnly } = await admin.send(
      new CreateUserPoolClientCommand({
        ...common,
        ClientName: 'cognito-only',
        SupportedIdentityProviders: ['COGNITO'],
      }),
    );
    cognitoOnlyClientId = cognitoOnly!.ClientId!;
    const issuer = await Issuer.discover(pool.issuer);
    spa = new issuer.Client({
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [pool.redirectUri],
      response_types: ['code'],
    });
  });
  afterAll(async () => {
    admin.destroy();
    await new Promise<void>((resolve) => idpServer.close(() => resolve()));
  });

  function authorizeUrl(extra: Record<string, string> = {}): string {
    return `${pool.issuer}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: pool.redirectUri,
      identity_provider: 'Okta',
      scope: 'openid email profile',
      state: 'app-state',
      ...extra,
    }).toString()}`;
  }

  /** The browser starts at /oauth2/authorize and is sent to the IdP, which answers with its form. */
  async function atIdp(jar: CookieJar, extra: Record<string, string> = {}) {
    const start = await browse(jar, authorizeUrl(extra));
    expect(start.status).toBe(302);
    expect(start.location!.startsWith(`${idpBase}/sso?`)).toBe(true);
    const page = await browse(jar, start.location!);
    expect(page.status).toBe(200);
    return formOf(page.html, start.location!);
  }

  async function postToAcs(jar: CookieJar, fields: Record<string, string>) {
    return browse(jar, acs, fields);
  }

  async function expectNoUser(nameId: string, provider = 'Okta'): Promise<void> {
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `${provider}_${nameId}` })),
      'UserNotFoundException',
    );
  }

  function nameIdOf(label: string): string {
    return `${label}-${randomBytes(4).toString('hex')}`;
  }

  it('signs in SP-initiated to tokens with the identities claim and mapped attributes', async () => {
    const jar = new CookieJar();
    const nameId = nameIdOf('alice');
    next = {
      nameId,
      attributes: { [EMAIL_CLAIM]: `${nameId}@example.com`, displayName: 'Alice Liddell' },
      overrides: {},
    };
    const verifier = generators.codeVerifier();
    const form = await atIdp(jar, {
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce: 'n-1',
    });
    expect(form.action).toBe(acs);
    const back = await postToAcs(jar, form.fields);
    expect(back.status).toBe(302);
    const callback = new URL(back.location!);
    expect(`${callback.origin}${callback.pathname}`).toBe(pool.redirectUri);
    expect(callback.searchParams.get('state')).toBe('app-state');
    expect(jar.cookies.has('cognito')).toBe(true);

    const tokens = await spa.callback(pool.redirectUri, spa.callbackParams(back.location!), {
      code_verifier: verifier,
      state: 'app-state',
      nonce: 'n-1',
    });
    const id = claimsOf(tokens.id_token!);
    expect(id['cognito:username']).toBe(`Okta_${nameId}`);
    expect(id.email).toBe(`${nameId}@example.com`);
    expect(id.name).toBe('Alice Liddell');
    const identities = id.identities as Record<string, unknown>[];
    expect(identities).toEqual([
      expect.objectContaining({ userId: nameId, providerName: 'Okta', providerType: 'SAML' }),
    ]);
    const user = await admin.send(
      new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Okta_${nameId}` }),
    );
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');

    // The hosted session opened by the SAML sign-in answers the next request at once (SSO).
    const again = await browse(jar, authorizeUrl({ identity_provider: 'COGNITO' }));
    expect(again.status).toBe(302);
    expect(new URL(again.location!).searchParams.get('code')).toBeTruthy();
  });

  it('goes to the IdP by idp_identifier', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, authorizeUrl({ identity_provider: '', idp_identifier: 'example.com' }));
    expect(start.status).toBe(302);
    expect(start.location!.startsWith(`${idpBase}/sso?SAMLRequest=`)).toBe(true);
    expect(new URL(start.location!).searchParams.get('RelayState')).toMatch(/^[\w-]{43}$/);
  });

  it('sends the AuthnRequest in an auto-posted form to an IdP that takes only POST', async () => {
    const jar = new CookieJar();
    const page = await browse(jar, authorizeUrl({ identity_provider: 'PostOnly' }));
    expect(page.status).toBe(200);
    expect(page.res.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+'/);
    const form = formOf(page.html, authorizeUrl());
    expect(form.action).toBe(`${idpBase}/sso-post`);
    const requestXml = Buffer.from(form.fields.SAMLRequest, 'base64').toString('utf8');
    const requestId = /ID="([^"]+)"/.exec(requestXml)![1];
    expect(requestXml).toContain(`AssertionConsumerServiceURL="${acs}"`);
    const nameId = nameIdOf('post');
    const samlResponse = await postOnly.response({
      spEntityId: sp,
      acsUrl: acs,
      nameId,
      inResponseTo: requestId,
    });
    const back = await postToAcs(jar, { SAMLResponse: samlResponse, RelayState: form.fields.RelayState });
    expect(back.status).toBe(302);
    expect(new URL(back.location!).searchParams.get('code')).toBeTruthy();
    const user = await admin.send(
      new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `PostOnly_${nameId}` }),
    );
    expect(user.UserStatus).toBe('EXTERNAL_PROVIDER');
  });

  it('refuses a SAML provider the client does not support', async () => {
    const res = await browse(new CookieJar(), authorizeUrl({ client_id: cognitoOnlyClientId }));
    expect(res.status).toBe(302);
    const to = new URL(res.location!);
    expect(`${to.origin}${to.pathname}`).toBe(pool.redirectUri);
    expect(to.searchParams.get('error')).toBe('invalid_request');
    expect(to.searchParams.get('state')).toBe('app-state');
  });

  /** A sign-in whose response the IdP (or an attacker) made wrong: refused, no user. */
  async function refusedResponse(label: string, overrides: Overrides, change?: (r: string) => string) {
    const jar = new CookieJar();
    const nameId = nameIdOf(label);
    next = { nameId, attributes: { [EMAIL_CLAIM]: `${nameId}@example.com` }, overrides };
    const form = await atIdp(jar);
    const fields = { ...form.fields };
    if (change) fields.SAMLResponse = change(fields.SAMLResponse);
    const res = await postToAcs(jar, fields);
    expect(res.status).toBe(302);
    const to = new URL(res.location!);
    expect(`${to.origin}${to.pathname}`).toBe(pool.redirectUri);
    expect(to.searchParams.get('error')).toBe('server_error');
    expect(to.searchParams.get('code')).toBeNull();
    expect(to.searchParams.get('state')).toBe('app-state');
    expect(jar.cookies.has('cognito')).toBe(false);
    await expectNoUser(nameId);
  }

  it('refuses a response signed by another key', async () => {
    await refusedResponse('impostor', { impostor: true });
  });

  it('refuses an unsigned response', async () => {
    await refusedResponse('unsigned', { unsigned: true });
  });

  it('refuses an assertion whose attribute was changed after signing', async () => {
    await refusedResponse('tampered', {}, (r) => tamperSamlResponse(r, '@example.com', '@evil.test'));
  });

  it('refuses another audience, another destination, another recipient', async () => {
    await refusedResponse('audience', { audience: 'urn:amazon:cognito:sp:us-east-1_Other1' });
    await refusedResponse('destination', { destination: `${idpBase}/elsewhere` });
    await refusedResponse('recipient', { recipient: `${idpBase}/elsewhere` });
  });

  it('refuses an expired assertion', async () => {
    await refusedResponse('expired', {
      notBefore: new Date(Date.now() - 20 * 60_000),
      notOnOrAfter: new Date(Date.now() - 10 * 60_000),
    });
  });

  it('refuses a response answering another AuthnRequest', async () => {
    await refusedResponse('other-request', { inResponseTo: '_an-id-we-never-sent' });
    // Two sign-ins in one browser: the first one's response with the second one's RelayState.
    const jar = new CookieJar();
    const nameId = nameIdOf('crossed');
    next = { nameId, attributes: {}, overrides: {} };
    const first = await atIdp(jar);
    const second = await atIdp(jar);
    const res = await postToAcs(jar, {
      SAMLResponse: first.fields.SAMLResponse,
      RelayState: second.fields.RelayState,
    });
    expect(new URL(res.location!).searchParams.get('error')).toBe('server_error');
    await expectNoUser(nameId);
  });

  it('refuses a replayed response', async () => {
    const jar = new CookieJar();
    const nameId = nameIdOf('replay');
    next = { nameId, attributes: {}, overrides: {} };
    const form = await atIdp(jar);
    expect(new URL((await postToAcs(jar, form.fields)).location!).searchParams.get('code')).toBeTruthy();
    // The same form again: its RelayState was spent.
    const again = await postToAcs(jar, form.fields);
    expect(again.status).toBe(400);
    expect(again.html).toContain('invalid_request');
    // The same response with a new RelayState of this browser: it answers another request.
    const fresh = await atIdp(jar);
    const crossed = await postToAcs(jar, { ...fresh.fields, SAMLResponse: form.fields.SAMLResponse });
    expect(new URL(crossed.location!).searchParams.get('error')).toBe('server_error');
  });

  it('refuses a forged RelayState and one from another browser', async () => {
    const jar = new CookieJar();
    const nameId = nameIdOf('relay');
    next = { nameId, attributes: {}, overrides: {} };
    const form = await atIdp(jar);
    const forged = await postToAcs(jar, {
      ...form.fields,
      RelayState: randomBytes(32).toString('base64url'),
    });
    expect(forged.status).toBe(400);
    expect(forged.html).toContain('invalid_request');
    const missing = await postToAcs(jar, { SAMLResponse: form.fields.SAMLResponse });
    expect(missing.status).toBe(400);
    // The victim's RelayState, posted from the attacker's browser (no binding cookie, or its own).
    const attacker = new CookieJar();
    await atIdp(attacker);
    const stolen = await postToAcs(attacker, form.fields);
    expect(stolen.status).toBe(400);
    expect(attacker.cookies.has('cognito')).toBe(false);
    await expectNoUser(nameId);
  });

  describe('IdP-initiated', () => {
    function relayFor(provider: string, extra: Record<string, string> = {}): string {
      return new URLSearchParams({
        identity_provider: provider,
        client_id: clientId,
        redirect_uri: pool.redirectUri,
        response_type: 'code',
        scope: 'openid email',
        ...extra,
      }).toString();
    }

    it('signs in with the RelayState naming the app, once', async () => {
      const nameId = nameIdOf('idpinit');
      const samlResponse = await idp.response({
        spEntityId: sp,
        acsUrl: acs,
        nameId,
        attributes: { [EMAIL_CLAIM]: `${nameId}@example.com` },
      });
      const jar = new CookieJar();
      const res = await postToAcs(jar, { SAMLResponse: samlResponse, RelayState: relayFor('Okta') });
      expect(res.status).toBe(302);
      expect(new URL(res.location!).searchParams.get('code')).toBeTruthy();
      const user = await admin.send(
        new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: `Okta_${nameId}` }),
      );
      expect(user.UserAttributes).toEqual(
        expect.arrayContaining([{ Name: 'email', Value: `${nameId}@example.com` }]),
      );
      // The same assertion again (another browser): its id is remembered.
      const replay = await postToAcs(new CookieJar(), {
        SAMLResponse: samlResponse,
        RelayState: relayFor('Okta', { idp_identifier: 'example.com' }),
      });
      expect(new URL(replay.location!).searchParams.get('error')).toBe('server_error');
    });

    it('is refused for a provider without IDPInit, and for a response that answers a request', async () => {
      const nameId = nameIdOf('noinit');
      const fromOther = await other.response({ spEntityId: sp, acsUrl: acs, nameId });
      const res = await postToAcs(new CookieJar(), {
        SAMLResponse: fromOther,
        RelayState: relayFor('NoInit'),
      });
      expect(res.status).toBe(400);
      await expectNoUser(nameId, 'NoInit');
      const solicited = await idp.response({ spEntityId: sp, acsUrl: acs, nameId, inResponseTo: '_req-x' });
      const res2 = await postToAcs(new CookieJar(), {
        SAMLResponse: solicited,
        RelayState: relayFor('Okta'),
      });
      expect(new URL(res2.location!).searchParams.get('error')).toBe('server_error');
      await expectNoUser(nameId);
    });
  });
});
