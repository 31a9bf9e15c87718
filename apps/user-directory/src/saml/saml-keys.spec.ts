import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import {
  currentCertificate,
  keyPairMatches,
  newSamlKeyPair,
  SAML_CERTIFICATE_RENEWAL_MS,
  SamlKeyPair,
} from './saml-keys';

describe('SAML key pairs (ADR 0059)', () => {
  const now = new Date('2026-12-07T06:00:00Z');
  let pair: SamlKeyPair;
  beforeAll(async () => {
    pair = await newSamlKeyPair('urn:amazon:cognito:sp:us-east-1_Example', now);
  });

  it('makes a self-signed RSA-2048 certificate, valid ten years, that openssl reads', () => {
    const cert = new X509Certificate(Buffer.from(pair.certificate, 'base64'));
    expect(cert.subject).toBe('CN=urn:amazon:cognito:sp:us-east-1_Example');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(cert.validTo).getUTCFullYear()).toBe(2036);
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(now.getTime());
    const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], {
      input: Buffer.from(pair.certificate, 'base64'),
    }).toString();
    expect(text).toContain('sha256WithRSAEncryption');
    expect(text).toContain('Version: 3');
  });

  it('keeps the private key as PKCS#8 PEM matching the certificate, and tells a mismatch', async () => {
    expect(pair.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(keyPairMatches(pair)).toBe(true);
    const other = await newSamlKeyPair('other', now);
    expect(keyPairMatches({ privateKey: other.privateKey, certificate: pair.certificate })).toBe(false);
    expect(keyPairMatches({ privateKey: 'garbage', certificate: pair.certificate })).toBe(false);
    expect(createPublicKey(createPrivateKey(pair.privateKey)).export({ format: 'jwk' }).n).toBe(
      new X509Certificate(Buffer.from(pair.certificate, 'base64')).publicKey.export({ format: 'jwk' }).n,
    );
  });

  it('writes GeneralizedTime for an end after 2049', async () => {
    const late = await newSamlKeyPair('late', new Date('2045-01-01T00:00:00Z'));
    expect(
      new Date(new X509Certificate(Buffer.from(late.certificate, 'base64')).validTo).getUTCFullYear(),
    ).toBe(2055);
  });

  describe('the yearly certificate (ADR 0069)', () => {
    const at = (ms: number) => new Date(now.getTime() + ms);
    const read = (c: string) => new X509Certificate(Buffer.from(c, 'base64'));

    it("is the pair's own in its first year", () => {
      expect(currentCertificate(pair, at(SAML_CERTIFICATE_RENEWAL_MS - 5000))).toBe(pair.certificate);
    });

    it('is a new certificate for the same key each year, the same all that year, ten years valid', () => {
      const second = currentCertificate(pair, at(SAML_CERTIFICATE_RENEWAL_MS + 5000));
      expect(second).not.toBe(pair.certificate);
      expect(currentCertificate(pair, at(2 * SAML_CERTIFICATE_RENEWAL_MS - 5000))).toBe(second);
      const third = currentCertificate(pair, at(2 * SAML_CERTIFICATE_RENEWAL_MS + 5000));
      expect(new Set([pair.certificate, second, third]).size).toBe(3);
      for (const c of [second, third]) {
        const cert = read(c);
        expect(cert.subject).toBe('CN=urn:amazon:cognito:sp:us-east-1_Example');
        expect(cert.verify(cert.publicKey)).toBe(true);
        expect(cert.publicKey.export({ format: 'jwk' }).n).toBe(
          read(pair.certificate).publicKey.export({ format: 'jwk' }).n,
        );
        expect(keyPairMatches({ privateKey: pair.privateKey, certificate: c })).toBe(true);
        expect(cert.serialNumber).not.toBe(read(pair.certificate).serialNumber);
      }
      const from = new Date(read(second).validFrom);
      expect(from.getTime()).toBeGreaterThan(now.getTime() + SAML_CERTIFICATE_RENEWAL_MS - 120_000);
      expect(new Date(read(second).validTo).getUTCFullYear()).toBe(from.getUTCFullYear() + 10);
    });
  });
});
