import { constants, privateDecrypt } from 'node:crypto';
import { BINDING_POST, certificatePem, samlify } from './samlify';

/** The clock skew allowed on NotBefore / NotOnOrAfter, each way. */
export const SAML_CLOCK_SKEW_MS = 60_000;

/** Which rule a SAML response broke; each app turns it into its own answer. */
export type SamlCheckReason =
  /** samlify refused it: schema, signature (missing, wrong key, wrapped, altered), Conditions window. */
  | 'signature'
  | 'issuer'
  | 'expired'
  | 'idp-failed'
  | 'assertion-count'
  | 'assertion-id'
  | 'audience'
  | 'destination'
  | 'confirmation-count'
  | 'recipient'
  | 'confirmation-end'
  | 'conditions-end'
  | 'in-response-to'
  | 'name-id'
  /** An EncryptedAssertion that none of the service provider's keys opens (or no key at all). */
  | 'decryption'
  /** A plain assertion where the service provider requires encrypted ones. */
  | 'not-encrypted';

export class SamlCheckFailed extends Error {
  constructor(
    readonly reason: SamlCheckReason,
    /** For logs only: samlify's error code or the rule's name. */
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Who must have signed a response and who must be addressed by it. */
export interface SamlResponseRules {
  /** The IdP: its entity id (the Issuer) and the certificates one of which signed the response. */
  idp: { entityId: string; signingCertificates: string[] };
  /** The service provider reading the response: its entity id and assertion consumer URL. */
  sp: { entityId: string; acsUrl: string };
  /** Whether an Audience is ours (one of the AudienceRestriction's must be). */
  audience(audience: string): boolean;
  /** Whether the Response's Destination (undefined when absent) is acceptable. */
  destination(destination: string | undefined): boolean;
  /** Whether SubjectConfirmationData's Recipient is ours. */
  recipient(recipient: string): boolean;
  /** When InResponseTo is checked, the Response's and the confirmation's must be the same. */
  sameInResponseTo?: boolean;
  /**
   * The service provider's assertion decryption: its private keys (PEM), any of which may open an
   * EncryptedAssertion, and whether a plain assertion is refused. Absent: encrypted ones refused.
   */
  decryption?: { privateKeys: string[]; required: boolean };
  now: number;
}

/** What a checked response says; attribute values as the IdP wrote them. */
export interface CheckedSamlResponse {
  assertionId: string;
  /** The Issuer (trimmed), undefined when the response names none. */
  issuer?: string;
  nameId: string;
  /** The NameID's Format, undefined when absent. */
  nameIdFormat?: string;
  recipient: string;
  inResponseTo?: string;
  confirmationNotOnOrAfter: number;
  conditionsNotOnOrAfter: number;
  /** AuthnStatement's SessionNotOnOrAfter, when the IdP set one. */
  sessionNotOnOrAfter?: number;
  /** The (first) AuthnStatement's SessionIndex, when the IdP set one: a LogoutRequest names it. */
  sessionIndex?: string;
  /** Attribute values by attribute Name, every string value kept as written. */
  attributes: Record<string, string[]>;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

const ENCRYPTED_ASSERTION = /<([\w-]+:)?EncryptedAssertion[\s>]/;

function decodeBase64(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}

/**
 * Whether `privateKey` opens the response's RSA-OAEP EncryptedKey: a key that cannot is never
 * handed to samlify, whose failed decryptions write to stderr. Other key transports are tried.
 */
function mayOpen(xml: string, privateKey: string): boolean {
  const encryptedKey = /<([\w-]+:)?EncryptedKey[\s>][\s\S]*?<\/([\w-]+:)?EncryptedKey>/.exec(xml)?.[0];
  const algorithm = encryptedKey && /EncryptionMethod[^>]*Algorithm="([^"]+)"/.exec(encryptedKey)?.[1];
  const cipher = encryptedKey && /<([\w-]+:)?CipherValue>([^<]+)</.exec(encryptedKey)?.[2];
  if (!algorithm || !cipher || algorithm !== 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p') return true;
  try {
    privateDecrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      Buffer.from(cipher.replace(/\s+/g, ''), 'base64'),
    );
    return true;
  } catch {
    return false;
  }
}

function entities(rules: SamlResponseRules, privateKey?: string) {
  const sp = samlify.ServiceProvider({
    entityID: rules.sp.entityId,
    assertionConsumerService: [{ Binding: BINDING_POST, Location: rules.sp.acsUrl }],
    authnRequestsSigned: false,
    wantAssertionsSigned: false,
    clockDrifts: [-SAML_CLOCK_SKEW_MS, SAML_CLOCK_SKEW_MS],
    ...(privateKey ? { encPrivateKey: privateKey } : {}),
  });
  const idp = samlify.IdentityProvider({
    entityID: rules.idp.entityId,
    signingCert: rules.idp.signingCertificates.map(certificatePem),
    wantAuthnRequestsSigned: false,
    isAssertionEncrypted: privateKey !== undefined,
    // samlify insists on one; reading a response never uses it.
    singleSignOnService: [{ Binding: BINDING_POST, Location: 'https://idp.invalid/' }],
  });
  return { sp, idp };
}

function parseWith(rules: SamlResponseRules, samlResponse: string, privateKey?: string) {
  const { sp, idp } = entities(rules, privateKey);
  return sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: samlResponse } });
}

async function decryptedDocument(rules: SamlResponseRules, xml: string, privateKey: string): Promise<string> {
  const [doc] = await samlify.SamlLib.decryptAssertion(entities(rules, privateKey).sp, xml);
  return doc;
}

const fail = (reason: SamlCheckReason, detail: string = reason) => new SamlCheckFailed(reason, detail);

/**
 * A SAML Response (base64, as the IdP posted it) checked against one IdP and one service provider.
 * samlify validates the schema, the Status, an XML signature over the Response or the Assertion by
 * one of the IdP's certificates (xml-crypto underneath, refusing wrapped signatures), the Issuer
 * and the Conditions' window with the skew. Then here, in this order: exactly one plain Assertion
 * and its ID; an Audience the rules accept; the Destination; exactly one SubjectConfirmationData,
 * its Recipient, its NotOnOrAfter present and not past (with the skew); the Conditions'
 * NotOnOrAfter present; optionally the same InResponseTo in the Response and the confirmation; a
 * NameID. No signature is ever checked by hand.
 */
export async function checkSamlResponse(
  rules: SamlResponseRules,
  samlResponse: string,
): Promise<CheckedSamlResponse> {
  const decoded = decodeBase64(samlResponse);
  const encrypted = ENCRYPTED_ASSERTION.test(decoded);
  const keys = encrypted ? (rules.decryption?.privateKeys ?? []).filter((k) => mayOpen(decoded, k)) : [];
  if (!encrypted && rules.decryption?.required) throw fail('not-encrypted');
  if (encrypted && keys.length === 0) throw fail('decryption', 'no key opens the EncryptedKey');
  let parsed: { samlContent: string; extract: Record<string, unknown> } | undefined;
  let lastError: unknown;
  // An EncryptedAssertion names no key reliably, so each of the SP's keys (two at most) is tried.
  for (const key of encrypted ? keys : [undefined]) {
    try {
      parsed = await parseWith(rules, samlResponse, key);
      if (key && ENCRYPTED_ASSERTION.test(parsed.samlContent)) {
        // samlify verified the decrypted assertion's own signature but hands back the document
        // as posted; the checks below read the decrypted one.
        parsed = { ...parsed, samlContent: await decryptedDocument(rules, parsed.samlContent, key) };
      }
      break;
    } catch (err) {
      lastError = err;
    }
  }
  if (!parsed) {
    const code = lastError instanceof Error ? lastError.message : String(lastError);
    if (code === 'ERR_SUBJECT_UNCONFIRMED' || code === 'ERR_EXPIRED_SESSION') throw fail('expired', code);
    if (code === 'ERR_FAILED_STATUS') throw fail('idp-failed', code);
    if (code === 'ERR_UNMATCH_ISSUER') throw fail('issuer', code);
    if (encrypted && /DECRYPT|ENCRYPTED_ASSERTION/.test(code)) throw fail('decryption', code);
    throw fail('signature', code.slice(0, 200));
  }
  const xml = parsed.samlContent;
  const assertions = xml.match(/<([\w-]+:)?(Encrypted)?Assertion[\s>]/g) ?? [];
  if (assertions.length !== 1 || /Encrypted/.test(assertions[0])) throw fail('assertion-count');
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
      attributes: ['Recipient', 'NotOnOrAfter', 'InResponseTo'],
    },
  ]);
  const assertionId = str(own.assertion);
  if (!assertionId) throw fail('assertion-id');
  const audiences = (Array.isArray(e.audience) ? e.audience : [e.audience]).map(str);
  if (!audiences.some((a) => a !== undefined && rules.audience(a))) throw fail('audience');
  const response = (e.response ?? {}) as Record<string, unknown>;
  if (!rules.destination(str(response.destination))) throw fail('destination');
  const confirmation = own.confirmation as Record<string, unknown> | Record<string, unknown>[] | null;
  if (!confirmation || Array.isArray(confirmation)) throw fail('confirmation-count');
  const recipient = str(confirmation.recipient);
  if (!recipient || !rules.recipient(recipient)) throw fail('recipient');
  const confirmationEnd = Date.parse(str(confirmation.notOnOrAfter) ?? '');
  if (!Number.isFinite(confirmationEnd)) throw fail('confirmation-end');
  if (confirmationEnd + SAML_CLOCK_SKEW_MS <= rules.now)
    throw fail('expired', 'subject confirmation expired');
  const conditions = (e.conditions ?? {}) as Record<string, unknown>;
  const conditionsEnd = Date.parse(str(conditions.notOnOrAfter) ?? '');
  if (!Number.isFinite(conditionsEnd)) throw fail('conditions-end');
  const inResponseTo = str(response.inResponseTo);
  if (rules.sameInResponseTo && inResponseTo !== str(confirmation.inResponseTo)) throw fail('in-response-to');
  const nameId = str(typeof e.nameID === 'string' ? e.nameID : undefined);
  if (!nameId) throw fail('name-id');
  const attributes: Record<string, string[]> = {};
  for (const [name, value] of Object.entries((e.attributes ?? {}) as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (values.length) attributes[name] = values;
  }
  // Several AuthnStatements: the first one's session is the sign-in's (as Cognito reads it).
  const session = ((Array.isArray(e.sessionIndex) ? e.sessionIndex[0] : e.sessionIndex) ?? {}) as Record<
    string,
    unknown
  >;
  const sessionEnd = Date.parse(str(session.sessionNotOnOrAfter) ?? '');
  const sessionIndex = str(session.sessionIndex);
  const issuer = str(e.issuer);
  const nameIdFormat = str(own.nameIdFormat);
  return {
    assertionId,
    ...(issuer ? { issuer } : {}),
    nameId,
    ...(nameIdFormat ? { nameIdFormat } : {}),
    recipient,
    ...(inResponseTo ? { inResponseTo } : {}),
    confirmationNotOnOrAfter: confirmationEnd,
    conditionsNotOnOrAfter: conditionsEnd,
    ...(Number.isFinite(sessionEnd) ? { sessionNotOnOrAfter: sessionEnd } : {}),
    ...(sessionIndex ? { sessionIndex } : {}),
    attributes,
  };
}
