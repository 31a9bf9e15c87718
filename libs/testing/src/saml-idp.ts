import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of samlify's API the test IdP uses (its declarations pull in the DOM library). */
interface SamlifyEntity {
  getMetadata(): string;
  createLoginResponse(
    sp: SamlifyEntity,
    requestInfo: Record<string, unknown>,
    binding: 'post',
    user: Record<string, unknown>,
    customTagReplacement: (template: string) => { id: string; context: string },
  ): Promise<{ context: string }>;
  parseLogoutRequest(
    sp: SamlifyEntity,
    binding: 'redirect' | 'post',
    req: { query?: Record<string, string>; body?: Record<string, string>; octetString?: string },
  ): Promise<{
    extract: { request: { id: string }; nameID: string; sessionIndex?: string; issuer?: string };
  }>;
  createLogoutResponse(
    sp: SamlifyEntity,
    requestInfo: Record<string, unknown>,
    binding: 'post',
    relayState: string,
    customTagReplacement: (template: string) => { id: string; context: string },
  ): { context: string };
  parseLoginRequest(
    sp: SamlifyEntity,
    binding: 'redirect' | 'post',
    req: { query?: Record<string, string>; body?: Record<string, string>; octetString?: string },
  ): Promise<{ extract: { request: { id: string } } }>;
}
interface Samlify {
  IdentityProvider(settings: Record<string, unknown>): SamlifyEntity;
  ServiceProvider(settings: Record<string, unknown>): SamlifyEntity;
  setSchemaValidator(v: { validate: (xml: string) => Promise<unknown> }): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const samlify = require('samlify') as Samlify;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validate } = require('@authenio/samlify-xmllint-wasm') as {
  validate: (xml: string) => Promise<unknown>;
};

/** A key pair and self-signed certificate made with openssl for this run. */
export function samlSigningKey(cn = 'saml-idp.test'): { privateKey: string; certificate: string } {
  const dir = mkdtempSync(join(tmpdir(), 'idfed-saml-idp-'));
  try {
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${cn}`,
      '-days',
      '2',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    return {
      privateKey: readFileSync(join(dir, 'key.pem'), 'utf8'),
      certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** What the IdP asserts; every field an attack test may change is here. */
export interface SamlAssertionSpec {
  spEntityId: string;
  acsUrl: string;
  nameId: string;
  /** The NameID's Format (default `urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified`). */
  nameIdFormat?: string;
  /** An attribute with several values (AWS's Role attribute) takes an array. */
  attributes?: Record<string, string | string[]>;
  inResponseTo?: string;
  /** Defaults: Destination and Recipient the ACS, Audience the SP, five minutes of validity. */
  destination?: string;
  recipient?: string;
  audience?: string;
  issuer?: string;
  notBefore?: Date;
  notOnOrAfter?: Date;
  /** Which signatures samlify puts on (default: the assertion only; samlify signs one at least). */
  signAssertion?: boolean;
  signResponse?: boolean;
  /** Every signature taken off after signing. */
  unsigned?: boolean;
  /**
   * The SP's encryption certificate (PEM): the assertion is encrypted to it (AES-256-CBC, RSA-OAEP),
   * after its own signature, and before the Response's when `signResponse`.
   */
  encryptTo?: string;
}

const TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}"{InResponseToAttr}>' +
  '<saml:Issuer>{Issuer}</saml:Issuer>' +
  '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
  '<saml:Assertion ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer>' +
  '<saml:Subject><saml:NameID Format="{NameIDFormat}">{NameID}</saml:NameID>' +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Recipient}"{InResponseToAttr}/></saml:SubjectConfirmation></saml:Subject>' +
  '<saml:Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{AssertionID}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
  '{AttributeStatement}' +
  '</saml:Assertion></samlp:Response>';

/**
 * A SAML 2.0 identity provider for tests, built on samlify in the IdP role: its metadata (for
 * CreateIdentityProvider), the AuthnRequests it receives parsed, and responses it signs with its own
 * key; each field of an assertion can be set so attack tests can make a wrong one.
 */
export class TestSamlIdp {
  private idp: SamlifyEntity;
  readonly certificate: string;
  /** The SP's signing certificate (PEM) once `requireSignedRequests` was called. */
  private spSigningCert?: string;
  private readonly settings: Record<string, unknown>;

  constructor(
    readonly entityId: string,
    readonly ssoUrl: string,
    key = samlSigningKey(),
    binding: 'redirect' | 'post' = 'redirect',
  ) {
    // The user directory's own validator stays when it is loaded in the same process (unit specs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require('samlify/build/src/api') as { getContext(): { validate?: unknown } };
    if (!api.getContext().validate) samlify.setSchemaValidator({ validate });
    this.certificate = key.certificate;
    this.settings = {
      entityID: entityId,
      privateKey: key.privateKey,
      signingCert: key.certificate,
      wantAuthnRequestsSigned: false,
      singleSignOnService: [
        {
          Binding: `urn:oasis:names:tc:SAML:2.0:bindings:${binding === 'redirect' ? 'HTTP-Redirect' : 'HTTP-POST'}`,
          Location: ssoUrl,
        },
      ],
    };
    this.idp = samlify.IdentityProvider(this.settings);
  }

  metadata(): string {
    return this.idp.getMetadata();
  }

  /**
   * From now on the IdP wants signed AuthnRequests (its metadata says `WantAuthnRequestsSigned`) and
   * checks them against the SP's certificate (base64 DER or PEM), refusing unsigned or altered ones.
   */
  requireSignedRequests(spCertificate: string): this {
    this.spSigningCert = spCertificate.includes('BEGIN CERTIFICATE')
      ? spCertificate
      : `-----BEGIN CERTIFICATE-----\n${spCertificate.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
    this.settings.wantAuthnRequestsSigned = true;
    this.idp = samlify.IdentityProvider(this.settings);
    return this;
  }

  /** From now on the IdP's metadata names a SingleLogoutService (HTTP-Redirect) at `sloUrl`. */
  withSingleLogout(sloUrl: string): this {
    this.settings.singleLogoutService = [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect', Location: sloUrl },
    ];
    this.idp = samlify.IdentityProvider(this.settings);
    return this;
  }

  private sp(
    spEntityId: string,
    acsUrl: string,
    signAssertion: boolean,
    signResponse: boolean,
    encryptCert?: string,
  ): SamlifyEntity {
    return samlify.ServiceProvider({
      ...(encryptCert ? { encryptCert } : {}),
      entityID: spEntityId,
      assertionConsumerService: [
        { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: acsUrl },
      ],
      wantAssertionsSigned: signAssertion,
      wantMessageSigned: signResponse,
      authnRequestsSigned: this.spSigningCert !== undefined,
      ...(this.spSigningCert ? { signingCert: this.spSigningCert } : {}),
    });
  }

  /** The ID of an AuthnRequest received on the HTTP-Redirect binding (the full URL). */
  async requestIdOf(url: string, spEntityId: string, acsUrl: string): Promise<string> {
    const u = new URL(url);
    const query: Record<string, string> = {};
    for (const [k, v] of u.searchParams) query[k] = v;
    // The signed octets: the query as sent, without its Signature (SAML bindings 3.4.4.1).
    const octetString = u.search
      .slice(1)
      .split('&')
      .filter((p) => !p.startsWith('Signature='))
      .join('&');
    const parsed = await this.idp.parseLoginRequest(this.sp(spEntityId, acsUrl, true, false), 'redirect', {
      query,
      octetString,
    });
    return parsed.extract.request.id;
  }

  private logoutSp(spEntityId: string, logoutUrl: string, spCertificate?: string): SamlifyEntity {
    const cert = spCertificate
      ? spCertificate.includes('BEGIN CERTIFICATE')
        ? spCertificate
        : `-----BEGIN CERTIFICATE-----\n${spCertificate.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`
      : undefined;
    return samlify.ServiceProvider({
      entityID: spEntityId,
      assertionConsumerService: [
        { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: logoutUrl },
      ],
      singleLogoutService: [
        { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: logoutUrl },
      ],
      wantLogoutResponseSigned: true,
      ...(cert ? { signingCert: cert } : {}),
    });
  }

  /**
   * A LogoutRequest received on the HTTP-Redirect binding (the full URL), its signature checked
   * against the SP's signing certificate (base64 DER or PEM): its ID, NameID, SessionIndex, Issuer.
   */
  async logoutRequestOf(
    url: string,
    spEntityId: string,
    spCertificate: string,
  ): Promise<{ id: string; nameId: string; sessionIndex?: string; issuer?: string }> {
    const u = new URL(url);
    const query: Record<string, string> = {};
    for (const [k, v] of u.searchParams) query[k] = v;
    const octetString = u.search
      .slice(1)
      .split('&')
      .filter((p) => !p.startsWith('Signature='))
      .join('&');
    const idp = samlify.IdentityProvider({ ...this.settings, wantLogoutRequestSigned: true });
    const parsed = await idp.parseLogoutRequest(
      this.logoutSp(spEntityId, 'https://sp.invalid/', spCertificate),
      'redirect',
      {
        query,
        octetString,
      },
    );
    const e = parsed.extract;
    return {
      id: e.request.id,
      nameId: e.nameID,
      ...(typeof e.sessionIndex === 'string' ? { sessionIndex: e.sessionIndex } : {}),
      ...(typeof e.issuer === 'string' ? { issuer: e.issuer } : {}),
    };
  }

  /** A base64 LogoutResponse for the HTTP-POST binding, signed with the IdP's key unless `unsigned`. */
  logoutResponse(spec: SamlLogoutResponseSpec): string {
    const id = `_l${Math.random().toString(16).slice(2)}${Date.now()}`;
    const xml =
      `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(spec.destination ?? spec.logoutUrl)}" InResponseTo="${escapeXml(spec.inResponseTo)}">` +
      `<saml:Issuer>${escapeXml(spec.issuer ?? this.entityId)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="${escapeXml(spec.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success')}"/></samlp:Status>` +
      `</samlp:LogoutResponse>`;
    const out = this.idp.createLogoutResponse(
      this.logoutSp(spec.spEntityId, spec.logoutUrl),
      {},
      'post',
      '',
      () => ({
        id,
        context: xml,
      }),
    );
    if (!spec.unsigned) return out.context;
    const signed = Buffer.from(out.context, 'base64').toString('utf8');
    const bare = signed.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '');
    if (bare === signed) throw new Error('no signature to take off');
    return Buffer.from(bare).toString('base64');
  }

  /** The ID of an AuthnRequest received on the HTTP-POST binding (the form's base64 SAMLRequest). */
  async requestIdOfPost(samlRequest: string, spEntityId: string, acsUrl: string): Promise<string> {
    const parsed = await this.idp.parseLoginRequest(this.sp(spEntityId, acsUrl, true, false), 'post', {
      body: { SAMLRequest: samlRequest },
    });
    return parsed.extract.request.id;
  }

  /** A base64 SAMLResponse, signed as `spec` says. */
  async response(spec: SamlAssertionSpec): Promise<string> {
    const now = new Date();
    const notBefore = spec.notBefore ?? new Date(now.getTime() - 1000);
    const notOnOrAfter = spec.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000);
    const attributes = Object.entries(spec.attributes ?? {})
      .map(
        ([name, value]) =>
          `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${(Array.isArray(value) ? value : [value]).map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
      )
      .join('');
    const id = `_r${Math.random().toString(16).slice(2)}${Date.now()}`;
    const values: Record<string, string> = {
      ID: id,
      AssertionID: `_a${Math.random().toString(16).slice(2)}${Date.now()}`,
      IssueInstant: now.toISOString(),
      Destination: escapeXml(spec.destination ?? spec.acsUrl),
      Recipient: escapeXml(spec.recipient ?? spec.acsUrl),
      Audience: escapeXml(spec.audience ?? spec.spEntityId),
      Issuer: escapeXml(spec.issuer ?? this.entityId),
      NameID: escapeXml(spec.nameId),
      NameIDFormat: escapeXml(spec.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'),
      NotBefore: notBefore.toISOString(),
      NotOnOrAfter: notOnOrAfter.toISOString(),
      InResponseToAttr: spec.inResponseTo ? ` InResponseTo="${escapeXml(spec.inResponseTo)}"` : '',
      AttributeStatement: attributes
        ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>`
        : '',
    };
    const xml = TEMPLATE.replace(/\{(\w+)\}/g, (_m, k: string) => values[k]);
    const signResponse = spec.signResponse ?? false;
    const sp = this.sp(
      spec.spEntityId,
      spec.acsUrl,
      spec.signAssertion ?? true,
      signResponse,
      spec.encryptTo,
    );
    const idp = spec.encryptTo
      ? samlify.IdentityProvider({
          ...this.settings,
          isAssertionEncrypted: true,
          encryptThenSign: signResponse,
        })
      : this.idp;
    const out = await idp.createLoginResponse(sp, {}, 'post', {}, () => ({ id, context: xml }));
    if (!spec.unsigned) return out.context;
    const signed = Buffer.from(out.context, 'base64').toString('utf8');
    const bare = signed.replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '');
    if (bare === signed) throw new Error('no signature to take off');
    return Buffer.from(bare).toString('base64');
  }
}

/** What the IdP says in a LogoutResponse; every field an attack test may change is here. */
export interface SamlLogoutResponseSpec {
  spEntityId: string;
  /** The pool's `/saml2/logout` URL: the Destination unless `destination` says otherwise. */
  logoutUrl: string;
  inResponseTo: string;
  destination?: string;
  issuer?: string;
  /** Default `urn:oasis:names:tc:SAML:2.0:status:Success`. */
  status?: string;
  /** The signature taken off after signing. */
  unsigned?: boolean;
}

/** The same response with one text changed after signing (a tampered assertion). */
export function tamperSamlResponse(samlResponse: string, from: string, to: string): string {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  if (!xml.includes(from)) throw new Error(`the response does not contain ${from}`);
  return Buffer.from(xml.replace(from, to)).toString('base64');
}
