import { X509Certificate } from 'node:crypto';
import { IamErrors } from '../common/iam-errors';
import { samlify } from '@idfed/saml';

/** What a SAML provider's metadata gives AssumeRoleWithSAML. */
export interface SamlMetadataFacts {
  entityId: string;
  /** Base64 DER of each signing certificate. */
  signingCertificates: string[];
  validUntil: Date;
}

/** When the metadata sets no validUntil, IAM's providers are valid for a hundred years. */
const DEFAULT_VALIDITY_YEARS = 100;

/**
 * An IdP's metadata as IAM accepts it: an EntityDescriptor with an IDPSSODescriptor and at least
 * one signing certificate (assertions are verified against it), parsed with samlify. Anything else
 * is `InvalidInput` `Could not parse metadata.`, IAM's answer to a document it cannot read.
 */
export function parseSamlMetadata(xml: string, now: number): SamlMetadataFacts {
  const bad = (why = 'Could not parse metadata.') => IamErrors.invalidInput(why);
  if (!/<([\w-]+:)?EntityDescriptor[\s>]/.test(xml) || !/<([\w-]+:)?IDPSSODescriptor[\s>]/.test(xml)) {
    throw bad();
  }
  let entityId: string | undefined;
  let certificates: string[];
  try {
    const meta = samlify.IdPMetadata(xml);
    const id = meta.getEntityID();
    entityId = typeof id === 'string' && id.trim() ? id.trim() : undefined;
    const raw = meta.getX509Certificate('signing');
    certificates = (Array.isArray(raw) ? raw : [raw])
      .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
      .map((c) => c.replace(/\s+/g, ''));
  } catch {
    throw bad();
  }
  if (!entityId) throw bad();
  if (certificates.length === 0) throw bad('The metadata has no signing certificate.');
  for (const cert of certificates) {
    try {
      new X509Certificate(Buffer.from(cert, 'base64'));
    } catch {
      throw bad('The metadata has a signing certificate that is not valid.');
    }
  }
  const validUntilAttr = /<([\w-]+:)?EntityDescriptor\b[^>]*\svalidUntil="([^"]+)"/.exec(xml)?.[2];
  let validUntil: Date;
  if (validUntilAttr) {
    validUntil = new Date(validUntilAttr);
    if (Number.isNaN(validUntil.getTime())) throw bad();
    if (validUntil.getTime() <= now) throw bad('The metadata document has expired (validUntil).');
  } else {
    validUntil = new Date(now);
    validUntil.setUTCFullYear(validUntil.getUTCFullYear() + DEFAULT_VALIDITY_YEARS);
  }
  return { entityId, signingCertificates: [...new Set(certificates)], validUntil };
}
