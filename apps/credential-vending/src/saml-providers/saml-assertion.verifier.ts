import { checkSamlResponse, SAML_CLOCK_SKEW_MS, SamlCheckFailed, SamlCheckReason } from '@idfed/saml';

export { SAML_CLOCK_SKEW_MS };

/** The service provider AWS is to an IdP: its entity id and its sign-in endpoint (ACS). */
export const AWS_SAML_AUDIENCES = ['https://signin.aws.amazon.com/saml', 'urn:amazon:webservices'];
/** `https://signin.aws.amazon.com/saml` and the regional `https://<region>.signin.aws.amazon.com/saml`. */
const AWS_SAML_RECIPIENT = /^https:\/\/(?:[a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml$/;

export const NAMEID_FORMAT_PREFIXES = [
  'urn:oasis:names:tc:SAML:2.0:nameid-format:',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:',
];

/** What a verified SAML response asserts. */
export interface VerifiedSamlAssertion {
  assertionId: string;
  issuer: string;
  nameId: string;
  /** The NameID's Format attribute (the SAML default `unspecified` when absent). */
  nameIdFormat: string;
  /** SubjectConfirmationData's Recipient (one of AWS's sign-in endpoints). */
  recipient: string;
  /** Attribute values by attribute Name; every value kept. */
  attributes: Record<string, string[]>;
  /** The earliest end of the assertion's validity (Conditions, confirmation), plus the skew. */
  acceptableUntil: Date;
  /** AuthnStatement's SessionNotOnOrAfter, when the IdP set one. */
  sessionNotOnOrAfter?: Date;
}

export type SamlRefusalKind = 'invalid' | 'expired' | 'idp-failed';

/** Why an assertion was refused; `kind` picks STS's error, the message is STS's answer. */
export class SamlRefusal extends Error {
  constructor(
    readonly kind: SamlRefusalKind,
    message: string,
  ) {
    super(message);
  }
}

/** The IdP of a provider, as samlify needs it: its entity id and signing certificates. */
export interface SamlIdpKeys {
  entityId: string;
  signingCertificates: string[];
  /** The provider's private keys (PEM) and whether plain assertions are refused (ADR 0055). */
  decryption?: { privateKeys: string[]; required: boolean };
}

const ACS = AWS_SAML_AUDIENCES[0];
const invalid = (message: string) => new SamlRefusal('invalid', message);

const MESSAGES: Partial<Record<SamlCheckReason, string>> = {
  issuer: 'Issuer of the SAML response does not match the provider.',
  'assertion-count': 'The SAML response must carry exactly one unencrypted assertion.',
  'assertion-id': 'The assertion has no ID.',
  audience: 'Audience of the SAML assertion is not https://signin.aws.amazon.com/saml.',
  destination: 'Destination of the SAML response is not the AWS sign-in endpoint.',
  'confirmation-count': 'Exactly one SubjectConfirmationData is required.',
  recipient: 'Recipient of the SAML assertion is not the AWS sign-in endpoint.',
  'confirmation-end': 'SubjectConfirmationData has no NotOnOrAfter.',
  'conditions-end': 'The assertion has no Conditions NotOnOrAfter.',
  'name-id': 'The assertion has no NameID.',
  decryption: 'The encrypted SAML assertion could not be decrypted with the private keys of the provider.',
  'not-encrypted': 'The SAML provider requires encrypted assertions (AssertionEncryptionMode Required).',
};

/**
 * A SAML Response (base64, as the IdP posted it) verified against a provider's metadata, with the
 * rules `@idfed/saml` applies (signature by one of the provider's certificates, Issuer, schema,
 * time windows with the skew, exactly one plain Assertion, a NameID and an assertion id) and AWS's
 * addresses: an Audience of AWS's (`https://signin.aws.amazon.com/saml` or
 * `urn:amazon:webservices`); Recipient, and the Response's Destination when present, AWS's sign-in
 * endpoint.
 */
export async function verifySamlResponse(
  idpKeys: SamlIdpKeys,
  samlResponse: string,
  now: number,
): Promise<VerifiedSamlAssertion> {
  let checked;
  try {
    checked = await checkSamlResponse(
      {
        idp: { entityId: idpKeys.entityId, signingCertificates: idpKeys.signingCertificates },
        ...(idpKeys.decryption ? { decryption: idpKeys.decryption } : {}),
        sp: { entityId: 'urn:amazon:webservices', acsUrl: ACS },
        audience: (a) => AWS_SAML_AUDIENCES.includes(a),
        destination: (d) => d === undefined || AWS_SAML_RECIPIENT.test(d),
        recipient: (r) => AWS_SAML_RECIPIENT.test(r),
        now,
      },
      samlResponse,
    );
  } catch (err) {
    if (!(err instanceof SamlCheckFailed)) throw err;
    if (err.reason === 'expired') {
      throw new SamlRefusal(
        'expired',
        'Token must be redeemed within its validity window (NotBefore / NotOnOrAfter).',
      );
    }
    if (err.reason === 'idp-failed') {
      throw new SamlRefusal('idp-failed', 'The identity provider reported that authentication failed.');
    }
    throw invalid(MESSAGES[err.reason] ?? 'Response signature invalid');
  }
  const attributes: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(checked.attributes))
    attributes[name] = values.map((v) => v.trim());
  return {
    assertionId: checked.assertionId,
    issuer: checked.issuer ?? idpKeys.entityId,
    nameId: checked.nameId,
    nameIdFormat: checked.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    recipient: checked.recipient,
    attributes,
    acceptableUntil: new Date(
      Math.min(checked.confirmationNotOnOrAfter, checked.conditionsNotOnOrAfter) + SAML_CLOCK_SKEW_MS,
    ),
    ...(checked.sessionNotOnOrAfter !== undefined
      ? { sessionNotOnOrAfter: new Date(checked.sessionNotOnOrAfter) }
      : {}),
  };
}

/** STS's SubjectType: `persistent` / `transient` for those formats, else the Format URI itself. */
export function subjectType(format: string): string {
  for (const prefix of NAMEID_FORMAT_PREFIXES) {
    const short = format.startsWith(prefix) ? format.slice(prefix.length) : undefined;
    if (short === 'persistent' || short === 'transient') return short;
  }
  return format;
}
