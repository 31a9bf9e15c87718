import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';
import { promisify } from 'node:util';

const generateRsa = promisify(generateKeyPair);

/**
 * The RSA keys a pool's SAML service provider owns (ADR 0059): one signing key per pool (its
 * AuthnRequests and LogoutRequests) and one encryption key per SAML provider whose `EncryptedResponses`
 * is `true`. Each comes with a self-signed X.509 certificate valid ten years, as Cognito's are; the
 * certificate is what an IdP is given (GetSigningCertificate, ActiveEncryptionCertificate), the
 * private key is sealed at rest and never leaves the user directory.
 */
export interface SamlKeyPair {
  /** PKCS#8 PEM. */
  privateKey: string;
  /** The certificate's base64 DER body, no PEM armour (the form Cognito answers). */
  certificate: string;
}

/** Cognito's SAML certificates are valid for ten years. */
export const SAML_CERTIFICATE_YEARS = 10;

function der(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else if (n < 0x100) length = Buffer.from([0x81, n]);
  else if (n < 0x10000) length = Buffer.from([0x82, n >> 8, n & 0xff]);
  else length = Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
}
const seq = (...c: Buffer[]) => der(0x30, ...c);
const set = (...c: Buffer[]) => der(0x31, ...c);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
const NULL = Buffer.from([0x05, 0x00]);
/** 1.2.840.113549.1.1.11, sha256WithRSAEncryption. */
const SHA256_WITH_RSA = seq(Buffer.from('06092a864886f70d01010b', 'hex'), NULL);
/** 2.5.4.3, commonName. */
const CN = Buffer.from('0603550403', 'hex');

/** RFC 5280: UTCTime through 2049, GeneralizedTime after. */
function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return d.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(iso.slice(2))) : der(0x18, Buffer.from(iso));
}

/**
 * A self-signed certificate (SHA-256 with RSA) named `cn` for an RSA key, valid from `now` (a minute
 * back, for clocks behind) for ten years: base64 DER.
 */
export function selfSignedCertificate(
  privateKeyPem: string,
  cn: string,
  now = new Date(),
  serialBytes?: Buffer,
): string {
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const serial = Buffer.from(serialBytes ?? randomBytes(16));
  serial[0] &= 0x7f; // a positive INTEGER
  const name = seq(set(seq(CN, utf8(cn))));
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + SAML_CERTIFICATE_YEARS);
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    SHA256_WITH_RSA,
    name,
    seq(time(new Date(now.getTime() - 60_000)), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  return seq(tbs, SHA256_WITH_RSA, der(0x03, Buffer.from([0]), signature)).toString('base64');
}

/** A fresh RSA-2048 key and its self-signed certificate (SHA-256 with RSA), named `cn`. */
export async function newSamlKeyPair(cn: string, now = new Date()): Promise<SamlKeyPair> {
  // Off the event loop: an RSA key takes a while to find.
  const { privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKey: pem, certificate: selfSignedCertificate(pem, cn, now) };
}

/** Whether a stored pair is whole: the certificate parses and holds the private key's public half. */
export function keyPairMatches(pair: SamlKeyPair): boolean {
  try {
    return new X509Certificate(Buffer.from(pair.certificate, 'base64')).checkPrivateKey(
      createPrivateKey(pair.privateKey),
    );
  } catch {
    return false;
  }
}

/** Cognito makes a new certificate for a pool's SAML keys once a year (ADR 0069). */
export const SAML_CERTIFICATE_RENEWAL_MS = 365 * 24 * 3600 * 1000;

/**
 * The certificate a stored pair answers now (ADR 0069): its own in its first year, then each year a
 * new one for the same key, as Cognito renews a provider's encryption certificate (its public key
 * does not change, so assertions encrypted to any of them open with the one key). The renewal is a
 * function of the pair and the year (serial from their SHA-256, valid from the anniversary), so
 * every answer in a year is the same certificate, and nothing needs storing.
 */
export function currentCertificate(pair: SamlKeyPair, now = new Date()): string {
  let original: X509Certificate;
  try {
    original = new X509Certificate(Buffer.from(pair.certificate, 'base64'));
  } catch {
    return pair.certificate;
  }
  const issued = Date.parse(original.validFrom) + 60_000;
  const years = Math.floor((now.getTime() - issued) / SAML_CERTIFICATE_RENEWAL_MS);
  if (!(years >= 1)) return pair.certificate;
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(original.subject)?.[1] ?? '';
  const serial = createHash('sha256').update(`${pair.certificate}:${years}`).digest().subarray(0, 16);
  return selfSignedCertificate(
    pair.privateKey,
    cn,
    new Date(issued + years * SAML_CERTIFICATE_RENEWAL_MS),
    serial,
  );
}
