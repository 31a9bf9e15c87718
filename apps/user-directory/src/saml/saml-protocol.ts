import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SamlMetadataSummary } from '../database/entities';

/** The part of samlify's API used here (its declarations reference the DOM library; see provider-documents.ts). */
interface SamlifyEntity {
  createLoginRequest(
    idp: SamlifyEntity,
    binding: 'redirect' | 'post',
    options: { relayState: string },
  ): { id: string; context: string; relayState?: string; entityEndpoint?: string };
  parseLoginResponse(
    idp: SamlifyEntity,
    binding: 'post',
    request: { body: Record<string, string> },
  ): Promise<{ samlContent: string; extract: Record<string, unknown> }>;
}
interface Samlify {
  ServiceProvider(settings: Record<string, unknown>): SamlifyEntity;
  IdentityProvider(settings: Record<string, unknown>): SamlifyEntity;
  setSchemaValidator(v: { validate: (xml: string) => Promise<unknown> }): void;
  Extractor: { extract(xml: string, fields: Record<string, unknown>[]): Record<string, unknown> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const samlify = require('samlify') as Samlify;

const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
/** The clock skew allowed on NotBefore / NotOnOrAfter. */
export const SAML_CLOCK_SKEW_MS = 60_000;
/** Cognito takes SAML responses up to 100,000 characters. */
export const SAML_RESPONSE_MAX_CHARS = 100_000;

/**
 * XML schema validation of every SAML message samlify reads: libxml2's xmllint (WebAssembly) with the
 * SAML 2.0 protocol and assertion schemas that @authenio/samlify-xmllint-wasm ships. Called directly
 * rather than through that package's `validate`, which logs the document on failure.
 */
const validatorRequire = createRequire(require.resolve('@authenio/samlify-xmllint-wasm'));
const { validateXML } = validatorRequire('xmllint-wasm') as {
  validateXML: (o: Record<string, unknown>) => Promise<{ valid: boolean }>;
};
const SCHEMA_DIR = join(dirname(require.resolve('@authenio/samlify-xmllint-wasm')), 'schemas');
let schemas: { main: string; preload: { fileName: string; contents: string }[] } | undefined;
function loadSchemas() {
  if (!schemas) {
    const read = (f: string) => ({ fileName: f, contents: readFileSync(join(SCHEMA_DIR, f), 'utf8') });
    schemas = {
      main: read('saml-schema-protocol-2.0.xsd').contents,
      preload: [
        'datatypes.dtd',
        'saml-schema-assertion-2.0.xsd',
        'xmldsig-core-schema.xsd',
        'XMLSchema.dtd',
        'xenc-schema.xsd',
      ].map(read),
    };
  }
  return schemas;
}
samlify.setSchemaValidator({
  validate: async (xml: string) => {
    const s = loadSchemas();
    const result = await validateXML({
      xml: [{ fileName: 'message.xml', contents: xml }],
      extension: 'schema',
      schema: [s.main],
      preload: s.preload,
    });
    if (!result.valid) throw new Error('ERR_SCHEMA_INVALID');
    return true;
  },
});

/** Cognito's SAML service-provider entity id for a pool. */
export function spEntityId(poolId: string): string {
  return `urn:amazon:cognito:sp:${poolId}`;
}

function serviceProvider(poolId: string, acsUrl: string): SamlifyEntity {
  return samlify.ServiceProvider({
    entityID: spEntityId(poolId),
    assertionConsumerService: [{ Binding: BINDING_POST, Location: acsUrl }],
    authnRequestsSigned: false,
    wantAssertionsSigned: false,
    clockDrifts: [-SAML_CLOCK_SKEW_MS, SAML_CLOCK_SKEW_MS],
  });
}

function toPem(cert: string): string {
  return `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
}

/** The IdP as the stored metadata summary describes it: its entity id, SSO services, signing keys. */
function identityProvider(meta: SamlMetadataSummary): SamlifyEntity {
  return samlify.IdentityProvider({
    entityID: meta.entityId,
    signingCert: meta.signingCertificates.map(toPem),
    // AuthnRequests are not signed (RequestSigningAlgorithm is not built).
    wantAuthnRequestsSigned: false,
    singleSignOnService: [
      ...(meta.ssoRedirect ? [{ Binding: BINDING_REDIRECT, Location: meta.ssoRedirect }] : []),
      ...(meta.ssoPost ? [{ Binding: BINDING_POST, Location: meta.ssoPost }] : []),
    ],
    singleLogoutService: [
      ...(meta.sloRedirect ? [{ Binding: BINDING_REDIRECT, Location: meta.sloRedirect }] : []),
      ...(meta.sloPost ? [{ Binding: BINDING_POST, Location: meta.sloPost }] : []),
    ],
  });
}

export interface AuthnRequestOut {
  requestId: string;
  binding: 'redirect' | 'post';
  /** Redirect: the whole URL; POST: the form's action. */
  location: string;
  fields?: Record<string, string>;
}

/** An AuthnRequest to the IdP: HTTP-Redirect when its metadata offers it, else HTTP-POST. */
export function authnRequest(
  poolId: string,
  acsUrl: string,
  meta: SamlMetadataSummary,
  relayState: string,
): AuthnRequestOut {
  const sp = serviceProvider(poolId, acsUrl);
  const idp = identityProvider(meta);
  if (meta.ssoRedirect) {
    const out = sp.createLoginRequest(idp, 'redirect', { relayState });
    return { requestId: out.id, binding: 'redirect', location: out.context };
  }
  const out = sp.createLoginRequest(idp, 'post', { relayState });
  return {
    requestId: out.id,
    binding: 'post',
    location: meta.ssoPost!,
    fields: { SAMLRequest: out.context, RelayState: relayState },
  };
}

/** What a verified SAML response says. */
export interface VerifiedAssertion {
  assertionId: string;
  issuer: string;
  nameId: string;
  /** The response's InResponseTo (absent for IdP-initiated sign-in). */
  inResponseTo?: string;
  /** When the assertion stops being acceptable: what its id is remembered until. */
  notOnOrAfter: Date;
  /** Attributes by name: one value as a string, several joined with commas. */
  attributes: Record<string, string>;
}

/** Why a response was refused (logged as the reason; the browser is told only that it was invalid). */
export class SamlRefusal extends Error {}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * A SAML response (the ACS form's base64 `SAMLResponse`) verified against the stored metadata:
 * samlify checks the schema, a signature over the Response or the Assertion by one of the IdP's
 * certificates (and refuses wrapping), the Issuer and the Conditions' time window; then here:
 * exactly one Assertion, the Audience our SP entity id, Destination and Recipient our ACS URL,
 * SubjectConfirmationData's NotOnOrAfter, InResponseTo the same in the Response and its
 * confirmation, a NameID and an assertion id.
 */
export async function verifyResponse(
  poolId: string,
  acsUrl: string,
  meta: SamlMetadataSummary,
  samlResponse: string,
  now = new Date(),
): Promise<VerifiedAssertion> {
  const sp = serviceProvider(poolId, acsUrl);
  const idp = identityProvider(meta);
  let parsed: { samlContent: string; extract: Record<string, unknown> };
  try {
    parsed = await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: samlResponse } });
  } catch (err) {
    throw new SamlRefusal(err instanceof Error ? err.message.slice(0, 200) : 'unparsable');
  }
  const xml = parsed.samlContent;
  const assertions = xml.match(/<([\w-]+:)?(Encrypted)?Assertion[\s>]/g) ?? [];
  if (assertions.length !== 1 || /Encrypted/.test(assertions[0]))
    throw new SamlRefusal('exactly one plain assertion is required');
  const e = parsed.extract;
  const own = samlify.Extractor.extract(xml, [
    { key: 'assertion', localPath: ['Response', 'Assertion'], attributes: ['ID'] },
    {
      key: 'confirmation',
      localPath: ['Response', 'Assertion', 'Subject', 'SubjectConfirmation', 'SubjectConfirmationData'],
      attributes: ['Recipient', 'NotOnOrAfter', 'InResponseTo'],
    },
  ]);
  const assertionId = str(own.assertion);
  if (!assertionId) throw new SamlRefusal('no assertion id');
  const audiences = Array.isArray(e.audience) ? e.audience : [e.audience];
  if (!audiences.includes(spEntityId(poolId))) throw new SamlRefusal('wrong audience');
  const response = (e.response ?? {}) as Record<string, unknown>;
  if (str(response.destination) !== acsUrl) throw new SamlRefusal('wrong destination');
  const confirmation = own.confirmation as Record<string, unknown> | Record<string, unknown>[] | null;
  if (!confirmation || Array.isArray(confirmation))
    throw new SamlRefusal('exactly one SubjectConfirmationData is required');
  if (str(confirmation.recipient) !== acsUrl) throw new SamlRefusal('wrong recipient');
  const confirmationEnd = Date.parse(str(confirmation.notOnOrAfter) ?? '');
  if (!Number.isFinite(confirmationEnd) || confirmationEnd + SAML_CLOCK_SKEW_MS <= now.getTime())
    throw new SamlRefusal('subject confirmation expired');
  const conditions = (e.conditions ?? {}) as Record<string, unknown>;
  const conditionsEnd = Date.parse(str(conditions.notOnOrAfter) ?? '');
  if (!Number.isFinite(conditionsEnd)) throw new SamlRefusal('no Conditions NotOnOrAfter');
  const inResponseTo = str(response.inResponseTo);
  if (inResponseTo !== str(confirmation.inResponseTo)) throw new SamlRefusal('InResponseTo differs');
  const nameId = str(typeof e.nameID === 'string' ? e.nameID.trim() : undefined);
  if (!nameId) throw new SamlRefusal('no NameID');
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries((e.attributes ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (values.length) attributes[name] = values.join(',');
  }
  return {
    assertionId,
    issuer: str(e.issuer) ?? meta.entityId,
    nameId,
    ...(inResponseTo ? { inResponseTo } : {}),
    notOnOrAfter: new Date(Math.max(confirmationEnd, conditionsEnd) + SAML_CLOCK_SKEW_MS),
    attributes,
  };
}
