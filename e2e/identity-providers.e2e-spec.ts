import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  UpdateIdentityProviderCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, e2eSystem } from './support/e2e-context';

/** A self-signed certificate made for this run (base64 DER, as SAML metadata carries it). */
function selfSignedCertificate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idfed-saml-'));
  try {
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=saml-idp.test',
      '-days',
      '2',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    return readFileSync(join(dir, 'cert.pem'), 'utf8')
      .replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
      .replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function samlMetadata(
  entityId: string,
  cert: string | undefined,
  sso = 'https://idp.example.test/sso',
): string {
  const key = cert
    ? `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`
    : '';
  return (
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${entityId}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${key}` +
    `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.test/slo"/>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${sso}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}

/**
 * A user pool's external identity providers through the unchanged AWS SDK: every provider type
 * with the details Cognito takes and answers, OIDC discovery and SAML metadata read from a local
 * server, secrets never echoed where Cognito hides them, and the refusals (other pools' providers,
 * duplicate names and identifiers, bad details, bad mappings) leaving nothing behind.
 */
describe('identity providers', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let server: Server;
  let base: string;
  const cert = selfSignedCertificate();
  const documents: Record<string, { type: string; body: string }> = {};

  async function newPool(name: string): Promise<string> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: name,
        Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
      }),
    );
    return UserPool!.Id!;
  }

  async function names(UserPoolId: string): Promise<string[]> {
    const { Providers } = await admin.send(new ListIdentityProvidersCommand({ UserPoolId, MaxResults: 60 }));
    return Providers!.map((p) => p.ProviderName!);
  }

  const google = (UserPoolId: string, extra: object = {}) =>
    new CreateIdentityProviderCommand({
      UserPoolId,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: {
        client_id: 'g-client',
        client_secret: 'g-secret-1',
        authorize_scopes: 'openid email',
      },
      ...extra,
    });

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    server = createServer((req, res) => {
      const doc = documents[req.url ?? ''];
      if (!doc) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': doc.type }).end(doc.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const discovery = (issuer: string) =>
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
      });
    documents['/oidc/.well-known/openid-configuration'] = {
      type: 'application/json',
      body: discovery(`${base}/oidc`),
    };
    documents['/liar/.well-known/openid-configuration'] = {
      type: 'application/json',
      body: discovery(`${base}/somebody-else`),
    };
    documents['/saml/metadata'] = {
      type: 'application/xml',
      body: samlMetadata('urn:test:from-url', cert, 'https://idp.example.test/sso-by-url'),
    };
  });

  afterAll(async () => {
    admin.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('creates, describes, lists, finds, updates and deletes a Google provider', async () => {
    const UserPoolId = await newPool('google-idp');
    const created = await admin.send(
      google(UserPoolId, { AttributeMapping: { email: 'email' }, IdpIdentifiers: ['example.com', 'gmail'] }),
    );
    const expectedDetails = {
      client_id: 'g-client',
      client_secret: 'g-secret-1',
      authorize_scopes: 'openid email',
      // Google's People API (https://people.googleapis.com/v1/people/me?personFields= by default);
      // the e2e system points IDFED_GOOGLE_PEOPLE_API_URL at the stand-in's (ADR 0061).
      attributes_url: expect.stringMatching(/\/people\/v1\/people\/me\?personFields=$/),
      attributes_url_add_attributes: 'true',
      authorize_url: `${system.googleIssuer}/o/oauth2/v2/auth`,
      oidc_issuer: system.googleIssuer,
      token_request_method: 'POST',
      // The e2e system points IDFED_GOOGLE_API_URL at the stand-in too (it serves Google's token path).
      token_url: `${system.googleIssuer}/oauth2/v4/token`,
    };
    expect(created.IdentityProvider).toMatchObject({
      UserPoolId,
      ProviderName: 'Google',
      ProviderType: 'Google',
      ProviderDetails: expectedDetails,
      AttributeMapping: { email: 'email', username: 'sub' },
      IdpIdentifiers: ['example.com', 'gmail'],
    });
    expect(created.IdentityProvider!.CreationDate).toBeInstanceOf(Date);

    const described = await admin.send(
      new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: 'Google' }),
    );
    expect(described.IdentityProvider).toEqual(created.IdentityProvider);
    const byIdentifier = await admin.send(
      new GetIdentityProviderByIdentifierCommand({ UserPoolId, IdpIdentifier: 'gmail' }),
    );
    expect(byIdentifier.IdentityProvider!.ProviderName).toBe('Google');
    const { Providers } = await admin.send(new ListIdentityProvidersCommand({ UserPoolId }));
    expect(Providers).toEqual([
      expect.objectContaining({
        ProviderName: 'Google',
        ProviderType: 'Google',
        CreationDate: expect.any(Date),
      }),
    ]);

    // New details replace the old; a secret left out is kept; identifiers are replaced.
    const updated = await admin.send(
      new UpdateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Google',
        ProviderDetails: { client_id: 'g-client-2', authorize_scopes: 'openid' },
        AttributeMapping: { email: 'email', 'custom:tenant': 'hd' },
        IdpIdentifiers: ['example.org'],
      }),
    );
    expect(updated.IdentityProvider).toMatchObject({
      ProviderDetails: { ...expectedDetails, client_id: 'g-client-2', authorize_scopes: 'openid' },
      AttributeMapping: { email: 'email', 'custom:tenant': 'hd', username: 'sub' },
      IdpIdentifiers: ['example.org'],
    });
    await expectAwsError(
      admin.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId, IdpIdentifier: 'gmail' })),
      'ResourceNotFoundException',
    );

    await admin.send(new DeleteIdentityProviderCommand({ UserPoolId, ProviderName: 'Google' }));
    await expectAwsError(
      admin.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: 'Google' })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId, IdpIdentifier: 'example.org' })),
      'ResourceNotFoundException',
    );
    await expectAwsError(
      admin.send(new DeleteIdentityProviderCommand({ UserPoolId, ProviderName: 'Google' })),
      'ResourceNotFoundException',
    );
  });

  it('fills in Facebook, Login with Amazon and Sign in with Apple, and never answers the Apple key', async () => {
    const UserPoolId = await newPool('social-idps');
    const facebook = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Facebook',
        ProviderType: 'Facebook',
        ProviderDetails: {
          client_id: 'fb-app',
          client_secret: 'fb-secret',
          authorize_scopes: 'public_profile,email',
        },
      }),
    );
    expect(facebook.IdentityProvider).toMatchObject({
      ProviderDetails: {
        api_version: 'v17.0',
        attributes_url: `${system.facebookGraphUrl}/v17.0/me?fields=`,
        attributes_url_add_attributes: 'true',
        authorize_url: `${system.facebookWwwUrl}/v17.0/dialog/oauth`,
        token_request_method: 'GET',
        token_url: `${system.facebookGraphUrl}/v17.0/oauth/access_token`,
        client_secret: 'fb-secret',
      },
      AttributeMapping: { username: 'id' },
    });
    const amazon = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'LoginWithAmazon',
        ProviderType: 'LoginWithAmazon',
        ProviderDetails: { client_id: 'amzn-app', client_secret: 'amzn-secret', authorize_scopes: 'profile' },
      }),
    );
    expect(amazon.IdentityProvider).toMatchObject({
      ProviderDetails: {
        authorize_url: `${system.amazonWwwUrl}/ap/oa`,
        token_url: `${system.amazonApiUrl}/auth/o2/token`,
        attributes_url: `${system.amazonApiUrl}/user/profile`,
      },
      AttributeMapping: { username: 'user_id' },
    });
    const privateKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const appleDetails = {
      client_id: 'com.example.web',
      team_id: 'TEAM123456',
      key_id: 'KEY1234567',
      authorize_scopes: 'email name',
    };
    const apple = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'SignInWithApple',
        ProviderType: 'SignInWithApple',
        ProviderDetails: { ...appleDetails, private_key: privateKey },
      }),
    );
    expect(apple.IdentityProvider!.ProviderDetails).toEqual({
      ...appleDetails,
      attributes_url_add_attributes: 'false',
      authorize_url: `${system.appleIssuer}/auth/authorize`,
      oidc_issuer: system.appleIssuer,
      token_request_method: 'POST',
      token_url: `${system.appleIssuer}/auth/token`,
    });
    // Describe never shows the key, so an update may leave it out and keep it.
    const updated = await admin.send(
      new UpdateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'SignInWithApple',
        ProviderDetails: { ...appleDetails, authorize_scopes: 'email' },
      }),
    );
    expect(updated.IdentityProvider!.ProviderDetails).not.toHaveProperty('private_key');
    await expectAwsError(
      admin.send(
        new UpdateIdentityProviderCommand({
          UserPoolId,
          ProviderName: 'SignInWithApple',
          ProviderDetails: { ...appleDetails, private_key: 'not a key' },
        }),
      ),
      'InvalidParameterException',
    );
    expect((await names(UserPoolId)).sort()).toEqual(['Facebook', 'LoginWithAmazon', 'SignInWithApple']);
  });

  it('checks an OIDC issuer by its discovery document, unless every endpoint is given', async () => {
    const UserPoolId = await newPool('oidc-idps');
    const details = {
      client_id: 'oidc-client',
      client_secret: 'oidc-secret',
      attributes_request_method: 'GET',
      authorize_scopes: 'openid profile',
    };
    const discovered = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Corp',
        ProviderType: 'OIDC',
        ProviderDetails: { ...details, oidc_issuer: `${base}/oidc` },
      }),
    );
    expect(discovered.IdentityProvider).toMatchObject({
      ProviderDetails: { ...details, oidc_issuer: `${base}/oidc`, attributes_url_add_attributes: 'false' },
      AttributeMapping: { username: 'sub' },
    });
    expect(discovered.IdentityProvider!.ProviderDetails).not.toHaveProperty('authorize_url');

    await expectAwsError(
      admin.send(
        new CreateIdentityProviderCommand({
          UserPoolId,
          ProviderName: 'Liar',
          ProviderType: 'OIDC',
          ProviderDetails: { ...details, oidc_issuer: `${base}/liar` },
        }),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(
      admin.send(
        new CreateIdentityProviderCommand({
          UserPoolId,
          ProviderName: 'Nowhere',
          ProviderType: 'OIDC',
          ProviderDetails: { ...details, oidc_issuer: `${base}/nowhere` },
        }),
      ),
      'InvalidParameterException',
    );
    const endpoints = {
      authorize_url: `${base}/nowhere/authorize`,
      token_url: `${base}/nowhere/token`,
      attributes_url: `${base}/nowhere/userinfo`,
      jwks_uri: `${base}/nowhere/jwks`,
    };
    const given = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Nowhere',
        ProviderType: 'OIDC',
        ProviderDetails: { ...details, ...endpoints, oidc_issuer: `${base}/nowhere` },
      }),
    );
    expect(given.IdentityProvider!.ProviderDetails).toMatchObject(endpoints);
    const bads: Record<string, string>[] = [
      { oidc_issuer: 'http://idp.example.test' }, // plain http off loopback
      { oidc_issuer: `${base}/oidc`, attributes_request_method: 'PUT' },
      { oidc_issuer: `${base}/oidc`, client_id: '' },
      { oidc_issuer: `${base}/oidc`, surprise: 'x' },
    ];
    for (const bad of bads) {
      await expectAwsError(
        admin.send(
          new CreateIdentityProviderCommand({
            UserPoolId,
            ProviderName: 'Bad',
            ProviderType: 'OIDC',
            ProviderDetails: { ...details, ...bad },
          }),
        ),
        'InvalidParameterException',
      );
    }
    expect((await names(UserPoolId)).sort()).toEqual(['Corp', 'Nowhere']);
  });

  it('reads SAML metadata from MetadataFile or MetadataURL and refuses what is not usable', async () => {
    const UserPoolId = await newPool('saml-idps');
    const fromFile = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Okta',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: samlMetadata('urn:test:file', cert), IDPSignout: 'true' },
        AttributeMapping: { email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' },
      }),
    );
    expect(fromFile.IdentityProvider).toMatchObject({
      ProviderType: 'SAML',
      ProviderDetails: {
        IDPSignout: 'true',
        SSORedirectBindingURI: 'https://idp.example.test/sso',
        SLORedirectBindingURI: 'https://idp.example.test/slo',
      },
    });
    expect(fromFile.IdentityProvider!.AttributeMapping).not.toHaveProperty('username');
    const fromUrl = await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'ADFS',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataURL: `${base}/saml/metadata` },
      }),
    );
    expect(fromUrl.IdentityProvider!.ProviderDetails).toEqual({
      MetadataURL: `${base}/saml/metadata`,
      SSORedirectBindingURI: 'https://idp.example.test/sso-by-url',
      SLORedirectBindingURI: 'https://idp.example.test/slo',
    });
    const broken: Record<string, string>[] = [
      { MetadataFile: 'not xml at all <<<' },
      { MetadataFile: samlMetadata('urn:test:nocert', undefined) },
      { MetadataFile: samlMetadata('urn:test:badcert', 'AAAA') },
      { MetadataFile: samlMetadata('urn:test:x', cert), MetadataURL: `${base}/saml/metadata` },
      {},
      { MetadataURL: `${base}/saml/missing` },
      { MetadataFile: samlMetadata('urn:test:x', cert), RequestSigningAlgorithm: 'rsa-sha1' },
      { MetadataFile: samlMetadata('urn:test:x', cert), IDPInit: 'yes' },
    ];
    for (const ProviderDetails of broken) {
      await expectAwsError(
        admin.send(
          new CreateIdentityProviderCommand({
            UserPoolId,
            ProviderName: 'Broken',
            ProviderType: 'SAML',
            ProviderDetails,
          }),
        ),
        'InvalidParameterException',
      );
    }
    expect((await names(UserPoolId)).sort()).toEqual(['ADFS', 'Okta']);
  });

  it('keeps names and identifiers unique per pool and refuses bad details and mappings', async () => {
    const UserPoolId = await newPool('idp-rules');
    await admin.send(google(UserPoolId, { IdpIdentifiers: ['shared'] }));
    await expectAwsError(admin.send(google(UserPoolId)), 'DuplicateProviderException');
    const saml = (ProviderName: string, IdpIdentifiers: string[]) =>
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName,
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: samlMetadata(`urn:test:${ProviderName}`, cert) },
        IdpIdentifiers,
      });
    await expectAwsError(admin.send(saml('Second', ['shared'])), 'DuplicateProviderException');
    await admin.send(saml('Second', ['own']));
    await expectAwsError(
      admin.send(
        new UpdateIdentityProviderCommand({ UserPoolId, ProviderName: 'Second', IdpIdentifiers: ['shared'] }),
      ),
      'InvalidParameterException',
    );
    expect(
      (await admin.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: 'Second' })))
        .IdentityProvider!.IdpIdentifiers,
    ).toEqual(['own']);

    const refused: CreateIdentityProviderCommand[] = [
      // A social provider is named after its type; SAML and OIDC may not take those names.
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'MyGoogle',
        ProviderType: 'Google',
        ProviderDetails: { client_id: 'a', client_secret: 'b', authorize_scopes: 'openid' },
      }),
      saml('Facebook', []),
      saml('Cognito', []),
      // Required keys, per type.
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Facebook',
        ProviderType: 'Facebook',
        ProviderDetails: { client_id: 'a', authorize_scopes: 'email' },
      }),
      // Mapping keys are the pool's attributes (never sub).
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Mapped',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: samlMetadata('urn:test:m', cert) },
        AttributeMapping: { 'custom:unknown': 'x' },
      }),
      new CreateIdentityProviderCommand({
        UserPoolId,
        ProviderName: 'Mapped',
        ProviderType: 'SAML',
        ProviderDetails: { MetadataFile: samlMetadata('urn:test:m', cert) },
        AttributeMapping: { sub: 'NameID' },
      }),
      saml('Twice', ['x', 'x']),
    ];
    for (const command of refused) await expectAwsError(admin.send(command), 'InvalidParameterException');
    // Edge validation: botocore's limits.
    await expectAwsError(
      admin.send(
        saml(
          'Many',
          Array.from({ length: 51 }, (_, i) => `id${i}`),
        ),
      ),
      'InvalidParameterException',
    );
    await expectAwsError(admin.send(saml('under_score', [])), 'InvalidParameterException');
    await expectAwsError(
      admin.send(
        new CreateIdentityProviderCommand({
          UserPoolId,
          ProviderName: 'Huge',
          ProviderType: 'OIDC',
          ProviderDetails: { client_id: 'x'.repeat(131073) },
        }),
      ),
      'InvalidParameterException',
    );
    expect((await names(UserPoolId)).sort()).toEqual(['Google', 'Second']);
  });

  it("answers another pool's providers as not found, and pages with tokens it issued", async () => {
    const mine = await newPool('idp-mine');
    const theirs = await newPool('idp-theirs');
    await admin.send(google(theirs, { IdpIdentifiers: ['theirs.example'] }));
    for (const call of [
      admin.send(new DescribeIdentityProviderCommand({ UserPoolId: mine, ProviderName: 'Google' })),
      admin.send(
        new UpdateIdentityProviderCommand({ UserPoolId: mine, ProviderName: 'Google', AttributeMapping: {} }),
      ),
      admin.send(new DeleteIdentityProviderCommand({ UserPoolId: mine, ProviderName: 'Google' })),
      admin.send(
        new GetIdentityProviderByIdentifierCommand({ UserPoolId: mine, IdpIdentifier: 'theirs.example' }),
      ),
    ]) {
      await expectAwsError(call, 'ResourceNotFoundException');
    }
    await expectAwsError(
      admin.send(
        new DescribeIdentityProviderCommand({ UserPoolId: 'us-east-1_nothere00', ProviderName: 'Google' }),
      ),
      'ResourceNotFoundException',
    );
    // Identifiers are unique per pool only.
    await admin.send(google(mine, { IdpIdentifiers: ['theirs.example'] }));
    expect(await names(theirs)).toEqual(['Google']);

    await admin.send(
      new CreateIdentityProviderCommand({
        UserPoolId: mine,
        ProviderName: 'Facebook',
        ProviderType: 'Facebook',
        ProviderDetails: { client_id: 'a', client_secret: 'b', authorize_scopes: 'email' },
      }),
    );
    const first = await admin.send(new ListIdentityProvidersCommand({ UserPoolId: mine, MaxResults: 1 }));
    expect(first.Providers!.map((p) => p.ProviderName)).toEqual(['Facebook']);
    const second = await admin.send(
      new ListIdentityProvidersCommand({ UserPoolId: mine, MaxResults: 1, NextToken: first.NextToken }),
    );
    expect(second.Providers!.map((p) => p.ProviderName)).toEqual(['Google']);
    expect(second.NextToken).toBeUndefined();
    await expectAwsError(
      admin.send(new ListIdentityProvidersCommand({ UserPoolId: mine, NextToken: 'forged-token' })),
      'InvalidParameterException',
    );
  });
});
