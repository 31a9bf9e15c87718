import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Certificates of user pools' custom domains (ADR 0049). An operator imports a certificate by
 * putting two PEM files in `IDFED_CUSTOM_DOMAIN_CERT_DIR`: `<id>.pem` (the chain, leaf first) and
 * `<id>.key`; its ARN is then `arn:aws:acm:us-east-1:<account>:certificate/<id>`, as Cognito takes
 * an ACM certificate of us-east-1 in `CustomDomainConfig.CertificateArn`.
 */
export const CERTIFICATE_ARN = /^arn:aws:acm:us-east-1:(\d{12}):certificate\/([A-Za-z0-9-]{1,128})$/;

export interface CustomDomainCertificate {
  cert: Buffer;
  key: Buffer;
  /** The files' modification times, to tell a replaced certificate. */
  version: string;
}

/** The files an ARN names, or undefined for an ARN of another form. */
export function certificateFiles(dir: string, arn: string): { cert: string; key: string } | undefined {
  const m = CERTIFICATE_ARN.exec(arn);
  if (!m) return undefined;
  return { cert: join(dir, `${m[2]}.pem`), key: join(dir, `${m[2]}.key`) };
}

/** The current version of the ARN's files (their modification times); undefined when absent. */
export function certificateVersion(dir: string, arn: string): string | undefined {
  const files = certificateFiles(dir, arn);
  if (!files) return undefined;
  try {
    return `${statSync(files.cert).mtimeMs}:${statSync(files.key).mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** Reads the ARN's certificate and key; undefined when either file is missing or unreadable. */
export function readCustomDomainCertificate(dir: string, arn: string): CustomDomainCertificate | undefined {
  const files = certificateFiles(dir, arn);
  const version = certificateVersion(dir, arn);
  if (!files || !version) return undefined;
  try {
    return { cert: readFileSync(files.cert), key: readFileSync(files.key), version };
  } catch {
    return undefined;
  }
}

/**
 * Why the certificate cannot serve `domain` now, or undefined when it can: it exists, parses, its
 * key is the certificate's, it names the domain (subjectAltName) and is valid at `now`.
 */
export function certificateProblem(
  dir: string,
  arn: string,
  domain: string,
  now = new Date(),
): string | undefined {
  if (!CERTIFICATE_ARN.test(arn)) return 'The certificate ARN is not an ACM certificate of us-east-1.';
  const files = readCustomDomainCertificate(dir, arn);
  if (!files) return 'The certificate was not found.';
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(files.cert);
    if (!x509.checkPrivateKey(createPrivateKey(files.key)))
      return 'The certificate and its key do not match.';
  } catch {
    return 'The certificate or its key cannot be read.';
  }
  if (x509.checkHost(domain, { subject: 'never' }) === undefined)
    return `The certificate does not cover the domain ${domain}.`;
  if (new Date(x509.validFrom) > now || new Date(x509.validTo) < now)
    return 'The certificate is not valid now.';
  return undefined;
}
