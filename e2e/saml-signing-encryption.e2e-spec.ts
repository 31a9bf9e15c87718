import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  DescribeIdentityProviderCommand,
  GetSigningCertificateCommand,
  UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes, X509Certificate } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { BaseClient, generators, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { SamlAssertionSpec, samlSigningKey, TestSamlIdp } from '../libs/testing/src/saml-idp';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';
import { browse, CookieJar, createOAuthPool, formOf, OAuthPool } from './support/hosted-ui';

const pem = (body: string) =>
  `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * A pool's SAML signing and encryption (ADR 0059), with samlify as the IdP on loopback:
 * GetSigningCertificate; a provider with `RequestSigningAlgorithm` `rsa-sha256` whose IdP wants
 * signed AuthnRequests and verifies them against that certificate (a stripped or altered signature
 * refused by the IdP); a provider with `EncryptedResponses` `true` whose `ActiveEncryptionCertificate`
 * the IdP encrypts to, and the refusals of an assertion encrypted to another key, a plain one and an
 * altered ciphertext, with no user created.
 */
describe('SAML request signing and encrypted responses', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let clientId: string;
  let idpServer: Server;
  let idpBase: string;
  let strict: TestSamlIdp;
  let encrypting: TestSamlIdp;
  let spa: BaseClient;
  let acs: string;
  let sp: string;
  let signingCertificate: string;
  let encryptionCertificate: string;
  /** What the IdP answers next: the assertion's fields and how it is encrypted. */
  let next: { nameId: string; overrides: Partial<SamlAssertionSpec> };

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    pool = await createOAuthPool(admin, system.endpoint);
    acs = `${pool.issuer}/saml2/idpresponse`;
    sp = `urn:amazon:cognito:sp:${pool.poolId}`;
    idpServer = createServer((req, res) => {
      const url = new URL(req.url ?? '/', idpBase);
      const idp = url.pathname.startsWith('/strict') ? strict : encrypting;
      if (url.pathname.endsWith('/metadata')) {
        res.setHeader('content-type', 'application/xml');
        return res.end(idp.metadata());
      }
      if (!url.pathname.endsWith('/sso')) return res.writeHead(404).end();
      void (async () => {
        let requestId: string;
        try {
          requestId = await idp.requestIdOf(url.toString(), sp, acs);
        } catch (err) {
          // As an IdP that requires signed requests answers a bad one.
          return res.writeHead(400).end(`refused: ${(err as Error).message}`);
        }
        const samlResponse = await idp.response({
          spEntityId: sp,
          acsUrl: acs,
          nameId: next.nameId,
          inResponseTo: requestId,
          attributes: { email: `${next.nameId}@example.com` },
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

    signingCertificate = (await admin.send(new GetSigningCertificateCommand({ UserPoolId: pool.poolId })))
      .Certificate!;
    strict = new TestSamlIdp(`${idpBase}/strict/entity`, `${idpBase}/strict/sso`).requireSignedRequests(
      signingCertificate,
    );
    encrypting = new TestSamlIdp(`${idpBase}/enc/entity`, `${idpBase}/enc/sso`);
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Signed',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${idpBase}/strict/metadata`, RequestSigningAlgorithm: 'rsa-sha256' },
        AttributeMapping: { email: 'email' },
      }),
    );
    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Unsigned',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${idpBase}/strict/metadata` },
      }),
    );
    const created = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Encrypted',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${idpBase}/enc/metadata`, EncryptedResponses: 'true' },
        AttributeMapping: { email: 'email' },
      }),
    );
    encryptionCertificate = created.IdentityProvider!.ProviderDetails!.ActiveEncryptionCertificate!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'saml-crypto-app',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid', 'email'],
        CallbackURLs: [pool.redirectUri],
        SupportedIdentityProviders: ['Signed', 'Unsigned', 'Encrypted'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
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

  function authorizeUrl(provider: string, extra: Record<string, string> = {}): string {
    return `${pool.issuer}/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: pool.redirectUri,
      identity_provider: provider,
      scope: 'openid email',
      state: 'app-state',
      ...extra,
    }).toString()}`;
  }

  const nameIdOf = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

  /** Authorize through `provider` to the IdP's page, then post its form to the ACS. */
  async function signIn(provider: string, change?: (samlResponse: string) => string) {
    const jar = new CookieJar();
    const verifier = generators.codeVerifier();
    const start = await browse(
      jar,
      authorizeUrl(provider, {
        code_challenge: generators.codeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    expect(start.status).toBe(302);
    const page = await browse(jar, start.location!);
    expect(page.status).toBe(200);
    const form = formOf(page.html, start.location!);
    if (change) form.fields.SAMLResponse = change(form.fields.SAMLResponse);
    const back = await browse(jar, acs, form.fields);
    expect(back.status).toBe(302);
    return { jar, verifier, back, location: new URL(back.location!) };
  }

  async function expectNoUser(username: string) {
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: username })),
      'UserNotFoundException',
    );
  }

  async function expectRefused(
    provider: string,
    overrides: Partial<SamlAssertionSpec>,
    change?: (r: string) => string,
  ) {
    const nameId = nameIdOf('refused');
    next = { nameId, overrides };
    const { jar, location } = await signIn(provider, change);
    expect(`${location.origin}${location.pathname}`).toBe(pool.redirectUri);
    expect(location.searchParams.get('error')).toBe('server_error');
    expect(location.searchParams.get('code')).toBeNull();
    expect(jar.cookies.has('cognito')).toBe(false);
    await expectNoUser(`${provider}_${nameId}`);
  }

  it('answers the pool signing certificate, the same each time; an unknown pool is not found', async () => {
    const cert = new X509Certificate(Buffer.from(signingCertificate, 'base64'));
    expect(cert.subject).toBe(`CN=${sp}`);
    expect(cert.verify(cert.publicKey)).toBe(true);
    const again = await admin.send(new GetSigningCertificateCommand({ UserPoolId: pool.poolId }));
    expect(again.Certificate).toBe(signingCertificate);
    await expectAwsError(
      admin.send(new GetSigningCertificateCommand({ UserPoolId: 'us-east-1_NoSuchPool' })),
      'ResourceNotFoundException',
    );
  });

  it('signs the AuthnRequest so an IdP that requires it lets the user sign in to tokens', async () => {
    const nameId = nameIdOf('signed');
    next = { nameId, overrides: {} };
    const { back, verifier, location } = await signIn('Signed');
    expect(location.searchParams.get('code')).toBeTruthy();
    const tokens = await spa.callback(pool.redirectUri, spa.callbackParams(back.location!), {
      code_verifier: verifier,
      state: 'app-state',
    });
    expect(claimsOf(tokens.id_token!)['cognito:username']).toBe(`Signed_${nameId}`);
  });

  it('is refused by the IdP with its signature stripped or its RelayState altered, or unsigned', async () => {
    const jar = new CookieJar();
    const start = await browse(jar, authorizeUrl('Signed'));
    const url = new URL(start.location!);
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const stripped = start.location!.replace(/&Signature=[^&]*/, '');
    expect((await browse(jar, stripped)).status).toBe(400);
    const relay = url.searchParams.get('RelayState')!;
    const changed = relay.slice(0, -1) + (relay.endsWith('A') ? 'B' : 'A');
    const altered = start.location!.replace(`RelayState=${relay}`, `RelayState=${changed}`);
    expect((await browse(jar, altered)).status).toBe(400);
    const unsigned = await browse(jar, authorizeUrl('Unsigned'));
    expect(new URL(unsigned.location!).searchParams.get('Signature')).toBeNull();
    expect((await browse(jar, unsigned.location!)).status).toBe(400);
  });

  it('answers ActiveEncryptionCertificate in Create, Describe and Update, the same key kept', async () => {
    const cert = new X509Certificate(Buffer.from(encryptionCertificate, 'base64'));
    expect(cert.publicKey.asymmetricKeyType).toBe('rsa');
    expect(encryptionCertificate).not.toBe(signingCertificate);
    const described = await admin.send(
      new DescribeIdentityProviderCommand({ UserPoolId: pool.poolId, ProviderName: 'Encrypted' }),
    );
    expect(described.IdentityProvider!.ProviderDetails!.ActiveEncryptionCertificate).toBe(
      encryptionCertificate,
    );
    const updated = await admin.send(
      new UpdateIdentityProviderCommand({
        UserPoolId: pool.poolId,
        ProviderName: 'Encrypted',
        ProviderDetails: { MetadataURL: `${idpBase}/enc/metadata`, EncryptedResponses: 'true' },
      }),
    );
    expect(updated.IdentityProvider!.ProviderDetails!.ActiveEncryptionCertificate).toBe(
      encryptionCertificate,
    );
    const signed = await admin.send(
      new DescribeIdentityProviderCommand({ UserPoolId: pool.poolId, ProviderName: 'Signed' }),
    );
    expect(signed.IdentityProvider!.ProviderDetails!.ActiveEncryptionCertificate).toBeUndefined();
  });

  it('opens an assertion encrypted to the provider certificate and signs the user in', async () => {
    const nameId = nameIdOf('enc');
    next = { nameId, overrides: { encryptTo: pem(encryptionCertificate) } };
    const { back, verifier, location } = await signIn('Encrypted', (r) => {
      expect(Buffer.from(r, 'base64').toString()).toContain('EncryptedAssertion');
      return r;
    });
    expect(location.searchParams.get('code')).toBeTruthy();
    const tokens = await spa.callback(pool.redirectUri, spa.callbackParams(back.location!), {
      code_verifier: verifier,
      state: 'app-state',
    });
    const id = claimsOf(tokens.id_token!);
    expect(id['cognito:username']).toBe(`Encrypted_${nameId}`);
    expect(id.email).toBe(`${nameId}@example.com`);
  });

  it('refuses an assertion encrypted to another key', async () => {
    await expectRefused('Encrypted', { encryptTo: samlSigningKey('not-the-pool').certificate });
  });

  it('refuses a plain assertion when EncryptedResponses is true', async () => {
    await expectRefused('Encrypted', {});
  });

  it('refuses an altered ciphertext without a server error', async () => {
    await expectRefused('Encrypted', { encryptTo: pem(encryptionCertificate) }, (r) => {
      const xml = Buffer.from(r, 'base64').toString();
      const values = [...xml.matchAll(/<(?:[\w-]+:)?CipherValue>([^<]+)</g)].map((m) => m[1]);
      const data = values[values.length - 1];
      const flipped = data.slice(0, 40) + (data[40] === 'A' ? 'B' : 'A') + data.slice(41);
      return Buffer.from(xml.replace(data, flipped)).toString('base64');
    });
  });
});
