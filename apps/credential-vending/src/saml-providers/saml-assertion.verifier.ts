import { samlify, SamlifyEntity } from './samlify';

/** The service provider AWS is to an IdP: its entity id and its sign-in endpoint (ACS). */
export const AWS_SAML_AUDIENCES = ['https://signin.aws.amazon.com/saml', 'urn:amazon:webservices'];
/** `https://signin.aws.amazon.com/saml` and the regional `https://<region>.signin.aws.amazon.com/saml`. */
const AWS_SAML_RECIPIENT = /^https:\/\/(?:[a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml$/;
/** The clock skew allowed on NotBefore / NotOnOrAfter, each way. */
export const SAML_CLOCK_SKEW_MS = 60_000;

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
}

const ACS = AWS_SAML_AUDIENCES[0];

function serviceProvider(): SamlifyEntity {
  return samlify.ServiceProvider({
    entityID: 'urn:amazon:webservices',
    assertionConsumerService: [{ Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: ACS }],
    authnRequestsSigned: false,
    wantAssertionsSigned: false,
    clockDrifts: [-SAML_CLOCK_SKEW_MS, SAML_CLOCK_SKEW_MS],
  });
}

function toPem(cert: string): string {
  return `-----BEGIN CERTIFICATE-----\n${cert.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

const invalid = (message: string) => new SamlRefusal('invalid', message);

/**
 * A SAML Response (base64, as the IdP posted it) verified against a provider's metadata. samlify
 * validates the schema, the Status, an XML signature over the Response or the Assertion by one of
 * the provider's certificates (xml-crypto underneath, refusing wrapped signatures), the Issuer and
 * the Conditions' window with the skew. Then here: exactly one plain Assertion; an Audience of
 * AWS's (`https://signin.aws.amazon.com/saml` or `urn:amazon:webservices`); Recipient, and the
 * Response's Destination when present, AWS's sign-in endpoint; a bearer confirmation not past its
 * NotOnOrAfter; a NameID and an assertion id. No signature is ever checked by hand here.
 */
export async function verifySamlResponse(
  idpKeys: SamlIdpKeys,
  samlResponse: string,
  now: number,
): Promise<VerifiedSamlAssertion> {
  const idp = samlify.IdentityProvider({
    entityID: idpKeys.entityId,
    signingCert: idpKeys.signingCertificates.map(toPem),
    wantAuthnRequestsSigned: false,
    // samlify insists on one; STS never sends the IdP a request, so it is never used.
    singleSignOnService: [
      { Binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', Location: 'https://idp.invalid/' },
    ],
  });
  let parsed: { samlContent: string; extract: Record<string, unknown> };
  try {
    parsed = await serviceProvider().parseLoginResponse(idp, 'post', {
      body: { SAMLResponse: samlResponse },
    });
  } catch (err) {
    const code = err instanceof Error ? err.message : String(err);
    if (code === 'ERR_SUBJECT_UNCONFIRMED' || code === 'ERR_EXPIRED_SESSION') {
      throw new SamlRefusal(
        'expired',
        'Token must be redeemed within its validity window (NotBefore / NotOnOrAfter).',
      );
    }
    if (code === 'ERR_FAILED_STATUS') {
      throw new SamlRefusal('idp-failed', 'The identity provider reported that authentication failed.');
    }
    if (code === 'ERR_UNMATCH_ISSUER')
      throw invalid('Issuer of the SAML response does not match the provider.');
    throw invalid('Response signature invalid');
  }
  const xml = parsed.samlContent;
  const assertions = xml.match(/<([\w-]+:)?(Encrypted)?Assertion[\s>]/g) ?? [];
  if (assertions.length !== 1 || /Encrypted/.test(assertions[0])) {
    throw invalid('The SAML response must carry exactly one unencrypted assertion.');
  }
  const e = parsed.extract;
  const own = samlify.Extractor.extract(xml, [
    { key: 'assertion', localPath: ['Response', 'Assertion'], attributes: ['ID'] },
    {
      key: 'nameIdFormat',
      localPath: ['Response', 'Assertion', 'Subject', 'NameID'],
      attributes: ['Format'],
    },
    {
      key: 'confirmation',
      localPath: ['Response', 'Assertion', 'Subject', 'SubjectConfirmation', 'SubjectConfirmationData'],
      attributes: ['Recipient', 'NotOnOrAfter'],
    },
  ]);
  const assertionId = str(own.assertion);
  if (!assertionId) throw invalid('The assertion has no ID.');
  const audiences = (Array.isArray(e.audience) ? e.audience : [e.audience]).map(str);
  if (!audiences.some((a) => a !== undefined && AWS_SAML_AUDIENCES.includes(a))) {
    throw invalid('Audience of the SAML assertion is not https://signin.aws.amazon.com/saml.');
  }
  const response = (e.response ?? {}) as Record<string, unknown>;
  const destination = str(response.destination);
  if (destination !== undefined && !AWS_SAML_RECIPIENT.test(destination)) {
    throw invalid('Destination of the SAML response is not the AWS sign-in endpoint.');
  }
  const confirmation = own.confirmation as Record<string, unknown> | Record<string, unknown>[] | null;
  if (!confirmation || Array.isArray(confirmation)) {
    throw invalid('Exactly one SubjectConfirmationData is required.');
  }
  const recipient = str(confirmation.recipient);
  if (!recipient || !AWS_SAML_RECIPIENT.test(recipient)) {
    throw invalid('Recipient of the SAML assertion is not the AWS sign-in endpoint.');
  }
  const confirmationEnd = Date.parse(str(confirmation.notOnOrAfter) ?? '');
  if (!Number.isFinite(confirmationEnd)) throw invalid('SubjectConfirmationData has no NotOnOrAfter.');
  if (confirmationEnd + SAML_CLOCK_SKEW_MS <= now) {
    throw new SamlRefusal(
      'expired',
      'Token must be redeemed within its validity window (NotBefore / NotOnOrAfter).',
    );
  }
  const conditions = (e.conditions ?? {}) as Record<string, unknown>;
  const conditionsEnd = Date.parse(str(conditions.notOnOrAfter) ?? '');
  if (!Number.isFinite(conditionsEnd)) throw invalid('The assertion has no Conditions NotOnOrAfter.');
  const nameId = str(typeof e.nameID === 'string' ? e.nameID : undefined);
  if (!nameId) throw invalid('The assertion has no NameID.');
  const attributes: Record<string, string[]> = {};
  for (const [name, value] of Object.entries((e.attributes ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim());
    if (values.length) attributes[name] = values;
  }
  const session = (e.sessionIndex ?? {}) as Record<string, unknown>;
  const sessionEnd = Date.parse(str(session.sessionNotOnOrAfter) ?? '');
  return {
    assertionId,
    issuer: str(e.issuer) ?? idpKeys.entityId,
    nameId,
    nameIdFormat: str(own.nameIdFormat) ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
    recipient,
    attributes,
    acceptableUntil: new Date(Math.min(confirmationEnd, conditionsEnd) + SAML_CLOCK_SKEW_MS),
    ...(Number.isFinite(sessionEnd) ? { sessionNotOnOrAfter: new Date(sessionEnd) } : {}),
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
