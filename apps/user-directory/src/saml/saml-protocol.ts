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

function serviceProvider(poolId: string, acsUrl: string): SamlifyEntity {
  return samlify.ServiceProvider({
    entityID: spEntityId(poolId),
    assertionConsumerService: [{ Binding: BINDING_POST, Location: acsUrl }],
    authnRequestsSigned: false,
    wantAssertionsSigned: false,
    clockDrifts: [-SAML_CLOCK_SKEW_MS, SAML_CLOCK_SKEW_MS],
  });
}

/** The IdP as the stored metadata summary describes it: its entity id, SSO services, signing keys. */
function identityProvider(meta: SamlMetadataSummary): SamlifyEntity {
  return samlify.IdentityProvider({
    entityID: meta.entityId,
    signingCert: meta.signingCertificates.map(certificatePem),
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

/**
 * A SAML response (the ACS form's base64 `SAMLResponse`) verified against the stored metadata with
 * `@idfed/saml`'s rules (signature by one of the IdP's certificates, wrapping refused, Issuer,
 * schema, time windows, exactly one plain Assertion, a NameID and an assertion id) and the pool's
 * addresses: the Audience our SP entity id, Destination and Recipient our ACS URL, InResponseTo the
 * same in the Response and its confirmation.
 */
export async function verifyResponse(
  poolId: string,
  acsUrl: string,
  meta: SamlMetadataSummary,
  samlResponse: string,
  now = new Date(),
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
    ...(checked.inResponseTo ? { inResponseTo: checked.inResponseTo } : {}),
    notOnOrAfter: new Date(
      Math.max(checked.confirmationNotOnOrAfter, checked.conditionsNotOnOrAfter) + SAML_CLOCK_SKEW_MS,
    ),
    attributes,
  };
}
