import {
  BINDING_POST,
  BINDING_REDIRECT,
  certificatePem,
  checkSamlResponse,
  SAML_CLOCK_SKEW_MS,
  SamlCheckFailed,
  samlify,
  SamlifyEntity,
} from '@idfed/saml';
import { SamlMetadataSummary } from '../database/entities';

export { SAML_CLOCK_SKEW_MS };
/** Cognito takes SAML responses up to 100,000 characters. */
export const SAML_RESPONSE_MAX_CHARS = 100_000;

/** Cognito's SAML service-provider entity id for a pool. */
export function spEntityId(poolId: string): string {
  return `urn:amazon:cognito:sp:${poolId}`;
}

/** XML-DSig's name of the one `RequestSigningAlgorithm` Cognito offers, `rsa-sha256`. */
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';

/** The pool's signing key, when its requests to this provider are signed (ADR 0059). */
export interface RequestSigning {
  privateKey: string;
  /** base64 DER. */
  certificate: string;
}

function serviceProvider(poolId: string, acsUrl: string, signing?: RequestSigning): SamlifyEntity {
  return samlify.ServiceProvider({
    entityID: spEntityId(poolId),
    assertionConsumerService: [{ Binding: BINDING_POST, Location: acsUrl }],
    authnRequestsSigned: signing !== undefined,
    ...(signing
      ? {
          privateKey: signing.privateKey,
          signingCert: certificatePem(signing.certificate),
          requestSignatureAlgorithm: RSA_SHA256,
        }
      : {}),
    wantAssertionsSigned: false,
    clockDrifts: [-SAML_CLOCK_SKEW_MS, SAML_CLOCK_SKEW_MS],
  });
}

/** The IdP as the stored metadata summary describes it: its entity id, SSO services, signing keys. */
function identityProvider(meta: SamlMetadataSummary, signedRequests = false): SamlifyEntity {
  return samlify.IdentityProvider({
    entityID: meta.entityId,
    signingCert: meta.signingCertificates.map(certificatePem),
    // samlify signs a request only when the IdP entity wants it, whatever its metadata said.
    wantAuthnRequestsSigned: signedRequests,
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

/**
 * An AuthnRequest to the IdP: HTTP-Redirect when its metadata offers it, else HTTP-POST. With
 * `signing` it is signed with RSA-SHA256: on HTTP-Redirect by the `SigAlg` and `Signature` query
 * parameters over the deflated request and RelayState (SAML bindings 3.4.4.1), on HTTP-POST by an
 * enveloped XML signature after the Issuer.
 */
export function authnRequest(
  poolId: string,
  acsUrl: string,
  meta: SamlMetadataSummary,
  relayState: string,
  signing?: RequestSigning,
): AuthnRequestOut {
  const sp = serviceProvider(poolId, acsUrl, signing);
  const idp = identityProvider(meta, signing !== undefined);
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
  /** The NameID's Format, and the first AuthnStatement's SessionIndex: a LogoutRequest names them. */
  nameIdFormat?: string;
  sessionIndex?: string;
  /** The response's InResponseTo (absent for IdP-initiated sign-in). */
  inResponseTo?: string;
  /** When the assertion stops being acceptable: what its id is remembered until. */
  notOnOrAfter: Date;
  /** Attributes by name: one value as a string, several joined with commas. */
  attributes: Record<string, string>;
}

/**
 * The provider's encryption key (ADR 0059): an EncryptedAssertion is opened with it (ADR 0055's
 * decryption in `@idfed/saml`), and with `required` (`EncryptedResponses` `true`) a plain one is refused.
 */
export interface SamlDecryption {
  privateKeys: string[];
  required: boolean;
}

/** Why a response was refused (logged as the reason; the browser is told only that it was invalid). */
export class SamlRefusal extends Error {}

/**
 * A SAML response (the ACS form's base64 `SAMLResponse`) verified against the stored metadata with
 * `@idfed/saml`'s rules (signature by one of the IdP's certificates, wrapping refused, Issuer,
 * schema, time windows, exactly one plain Assertion, a NameID and an assertion id) and the pool's
 * addresses: the Audience our SP entity id, Destination and Recipient our ACS URL, InResponseTo the
 * same in the Response and its confirmation. Without `decryption` an EncryptedAssertion is refused.
 */
export async function verifyResponse(
  poolId: string,
  acsUrl: string,
  meta: SamlMetadataSummary,
  samlResponse: string,
  now = new Date(),
  decryption?: SamlDecryption,
): Promise<VerifiedAssertion> {
  let checked;
  try {
    checked = await checkSamlResponse(
      {
        idp: meta,
        sp: { entityId: spEntityId(poolId), acsUrl },
        audience: (a) => a === spEntityId(poolId),
        destination: (d) => d === acsUrl,
        recipient: (r) => r === acsUrl,
        sameInResponseTo: true,
        ...(decryption ? { decryption } : {}),
        now: now.getTime(),
      },
      samlResponse,
    );
  } catch (err) {
    if (err instanceof SamlCheckFailed) throw new SamlRefusal(`${err.reason}: ${err.detail}`);
    throw err;
  }
  const attributes: Record<string, string> = {};
  for (const [name, values] of Object.entries(checked.attributes)) attributes[name] = values.join(',');
  return {
    assertionId: checked.assertionId,
    issuer: checked.issuer ?? meta.entityId,
    nameId: checked.nameId,
    ...(checked.nameIdFormat ? { nameIdFormat: checked.nameIdFormat } : {}),
    ...(checked.sessionIndex ? { sessionIndex: checked.sessionIndex } : {}),
    ...(checked.inResponseTo ? { inResponseTo: checked.inResponseTo } : {}),
    notOnOrAfter: new Date(
      Math.max(checked.confirmationNotOnOrAfter, checked.conditionsNotOnOrAfter) + SAML_CLOCK_SKEW_MS,
    ),
    attributes,
  };
}

const UNSPECIFIED_NAME_ID = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/** The user a LogoutRequest signs out: as the sign-in's assertion named them. */
export interface LogoutSubject {
  nameId: string;
  nameIdFormat?: string;
  sessionIndex?: string;
}

/** The pool's SP as its single logout speaks: LogoutRequests signed, LogoutResponses must be signed. */
function logoutServiceProvider(
  poolId: string,
  signing?: RequestSigning,
  subject?: LogoutSubject,
): SamlifyEntity {
  return samlify.ServiceProvider({
    entityID: spEntityId(poolId),
    // samlify insists on one; the single logout never uses it.
    assertionConsumerService: [{ Binding: BINDING_POST, Location: 'https://sp.invalid/' }],
    ...(signing
      ? {
          privateKey: signing.privateKey,
          signingCert: certificatePem(signing.certificate),
          requestSignatureAlgorithm: RSA_SHA256,
        }
      : {}),
    nameIDFormat: [subject?.nameIdFormat ?? UNSPECIFIED_NAME_ID],
    wantLogoutResponseSigned: true,
    clockDrifts: [-SAML_CLOCK_SKEW_MS, SAML_CLOCK_SKEW_MS],
  });
}

/** Whether the IdP's metadata names a SingleLogoutService idfed can send a LogoutRequest to. */
export function hasSingleLogout(meta: SamlMetadataSummary): boolean {
  return Boolean(meta.sloRedirect || meta.sloPost);
}

/**
 * A LogoutRequest to the IdP's SingleLogoutService (ADR 0069), as Cognito sends it: HTTP-Redirect
 * with `SigAlg` (RSA-SHA256) and `Signature` over the deflated request and RelayState, signed with
 * the pool's signing key; HTTP-POST (an enveloped XML signature) when the metadata offers only
 * that. It names the sign-in's NameID (with its Format) and SessionIndex.
 */
export function logoutRequest(
  poolId: string,
  meta: SamlMetadataSummary,
  subject: LogoutSubject,
  relayState: string,
  signing: RequestSigning,
): AuthnRequestOut {
  const sp = logoutServiceProvider(poolId, signing, subject);
  const idp = samlify.IdentityProvider({
    entityID: meta.entityId,
    signingCert: meta.signingCertificates.map(certificatePem),
    wantLogoutRequestSigned: true,
    singleSignOnService: [
      { Binding: BINDING_POST, Location: meta.ssoPost ?? meta.ssoRedirect ?? 'https://idp.invalid/' },
    ],
    singleLogoutService: [
      ...(meta.sloRedirect ? [{ Binding: BINDING_REDIRECT, Location: meta.sloRedirect }] : []),
      ...(meta.sloPost ? [{ Binding: BINDING_POST, Location: meta.sloPost }] : []),
    ],
  });
  const user = { logoutNameID: subject.nameId, sessionIndex: subject.sessionIndex };
  if (meta.sloRedirect) {
    const out = (sp as unknown as LogoutCreator).createLogoutRequest(idp, 'redirect', user, { relayState });
    return { requestId: out.id, binding: 'redirect', location: out.context };
  }
  if (!meta.sloPost) throw new Error('the IdP has no SingleLogoutService');
  const out = (sp as unknown as LogoutCreator).createLogoutRequest(idp, 'post', user, { relayState });
  return {
    requestId: out.id,
    binding: 'post',
    location: meta.sloPost,
    fields: { SAMLRequest: out.context, RelayState: relayState },
  };
}

interface LogoutCreator {
  createLogoutRequest(
    idp: SamlifyEntity,
    binding: 'redirect' | 'post',
    user: { logoutNameID: string; sessionIndex?: string },
    options: { relayState: string },
  ): { id: string; context: string };
  parseLogoutResponse(
    idp: SamlifyEntity,
    binding: 'post',
    request: { body: Record<string, string> },
  ): Promise<{ samlContent: string; extract: Record<string, unknown> }>;
}

/** What a LogoutResponse must be: an answer to this request, addressed to this endpoint. */
export interface LogoutResponseRules {
  /** The ID of the LogoutRequest sent: the response's InResponseTo. */
  requestId: string;
  /** The `/saml2/logout` URL the response was posted to: its Destination. */
  logoutUrl: string;
}

/**
 * The IdP's LogoutResponse (the `/saml2/logout` form's base64 `SAMLResponse`) checked (ADR 0069):
 * the SAML schema, an XML signature by one of the IdP's metadata certificates (samlify and
 * xml-crypto, refusing an unsigned, altered or wrapped one), the Issuer the IdP's entity id, the
 * Status `Success`, then here its InResponseTo the request sent and its Destination this endpoint.
 */
export async function verifyLogoutResponse(
  poolId: string,
  meta: SamlMetadataSummary,
  samlResponse: string,
  rules: LogoutResponseRules,
): Promise<void> {
  const sp = logoutServiceProvider(poolId) as unknown as LogoutCreator;
  const idp = identityProvider(meta);
  let parsed;
  try {
    parsed = await sp.parseLogoutResponse(idp, 'post', { body: { SAMLResponse: samlResponse } });
  } catch (err) {
    const code = err instanceof Error ? err.message : String(err);
    throw new SamlRefusal(
      code === 'ERR_UNMATCH_ISSUER' ? 'issuer' : `signature or status: ${code.slice(0, 200)}`,
    );
  }
  if (!/^\s*(<\?xml[^>]*>\s*)?<([\w-]+:)?LogoutResponse[\s>]/.test(parsed.samlContent))
    throw new SamlRefusal('not a LogoutResponse');
  const response = (parsed.extract.response ?? {}) as Record<string, unknown>;
  const inResponseTo = typeof response.inResponseTo === 'string' ? response.inResponseTo : undefined;
  if (inResponseTo !== rules.requestId) throw new SamlRefusal('InResponseTo names another request');
  const destination = typeof response.destination === 'string' ? response.destination : undefined;
  if (destination !== rules.logoutUrl) throw new SamlRefusal('destination');
}
