import { createPrivateKey, KeyObject, X509Certificate } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The refusals of a server certificate upload, in IAM's error names. */
export const CertificateErrors = {
  malformed: (message: string): ServiceError<'MalformedCertificate'> =>
    new ServiceError('MalformedCertificate', message),
  keyPairMismatch: (): ServiceError<'KeyPairMismatch'> =>
    new ServiceError('KeyPairMismatch', 'The public key certificate and the private key do not match.'),
};

/** What an upload keeps of the certificate it checked: its expiry. */
export interface CheckedCertificate {
  expiration: Date;
}

function certificates(pem: string): X509Certificate[] | undefined {
  const blocks = pem.match(PEM_BLOCK);
  if (!blocks) return undefined;
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch {
    return undefined;
  }
}

/**
 * UploadServerCertificate's checks, before anything is stored: the body one PEM certificate, not
 * expired ("malformed or expired", IAM's MalformedCertificate); the chain PEM certificates; the
 * private key an unencrypted PEM key (a key that does not parse is MalformedCertificate too: IAM's
 * model has no other name for it); the key the certificate's (KeyPairMismatch). The key's text is
 * never put in a message.
 */
export function checkServerCertificate(
  body: string,
  privateKey: string,
  chain: string | undefined,
  now: Date,
): CheckedCertificate {
  const parsed = certificates(body);
  if (!parsed || parsed.length !== 1) {
    throw CertificateErrors.malformed(
      'Unable to parse certificate. Please ensure the certificate is in PEM format.',
    );
  }
  const certificate = parsed[0];
  const expiration = new Date(certificate.validTo);
  if (!(expiration.getTime() > now.getTime())) {
    throw CertificateErrors.malformed('The certificate has expired.');
  }
  if (chain !== undefined && !certificates(chain)) {
    throw CertificateErrors.malformed(
      'Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.',
    );
  }
  let key: KeyObject;
  try {
    if (!/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/.test(privateKey)) throw new Error('not PEM');
    key = createPrivateKey({ key: privateKey, format: 'pem' });
  } catch {
    throw CertificateErrors.malformed('Unable to parse private key. Please ensure the key is in PEM format.');
  }
  if (!certificate.checkPrivateKey(key)) throw CertificateErrors.keyPairMismatch();
  return { expiration };
}

/**
 * UploadSigningCertificate's check: the body exactly one PEM certificate, not expired
 * (MalformedCertificate, as for server certificates); answers its SHA-256 fingerprint, by which a
 * certificate is associated once in the account (DuplicateCertificate).
 */
export function checkSigningCertificate(body: string, now: Date): { fingerprint: string } {
  const parsed = certificates(body);
  if (!parsed || parsed.length !== 1) {
    throw CertificateErrors.malformed(
      'Unable to parse certificate. Please ensure the certificate is in PEM format.',
    );
  }
  if (!(new Date(parsed[0].validTo).getTime() > now.getTime())) {
    throw CertificateErrors.malformed('The certificate has expired.');
  }
  return { fingerprint: parsed[0].fingerprint256 };
}
