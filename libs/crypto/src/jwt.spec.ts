import { createPrivateKey, webcrypto } from 'node:crypto';
import example from '../test/fixtures/rfc7520/4_1.rsa_v15_signature.json';
import { decodeJwt, publicKeyFromJwk, signRs256, verifyRs256 } from './jwt';

/** RFC 7520 §4.1: RSASSA-PKCS1-v1_5 is deterministic, so the signer must reproduce the cookbook. */
describe('RS256 (RFC 7520 §4.1)', () => {
  const jwk = example.input.key as Record<string, string>;

  async function importPrivate(): Promise<webcrypto.CryptoKey> {
    const der = createPrivateKey({ key: jwk, format: 'jwk' }).export({
      format: 'der',
      type: 'pkcs8',
    });
    return webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, [
      'sign',
    ]);
  }

  it('reproduces the signature byte for byte', async () => {
    const [protectedB64, payloadB64, signatureB64] = example.output.compact.split('.');
    // The cookbook signs a non-JSON payload, so sign its exact signing input the way signRs256 does.
    const key = await importPrivate();
    const signature = await webcrypto.subtle.sign(
      'RSASSA-PKCS1-v1_5',
      key,
      Buffer.from(`${protectedB64}.${payloadB64}`),
    );
    expect(Buffer.from(signature).toString('base64url')).toBe(signatureB64);
  });

  it('verifies the cookbook signature with the public key and rejects a tampered input', () => {
    const [h, p, s] = example.output.compact.split('.');
    const published = {
      header: { alg: 'RS256' },
      payload: {},
      signingInput: `${h}.${p}`,
      signature: Buffer.from(s, 'base64url'),
    };
    const publicKey = publicKeyFromJwk({ kty: jwk.kty, n: jwk.n, e: jwk.e });
    expect(verifyRs256(published, publicKey)).toBe(true);
    expect(verifyRs256({ ...published, signingInput: `${h}.${p}x` }, publicKey)).toBe(false);
  });

  it('round-trips a JWT and refuses other algorithms', async () => {
    const key = await importPrivate();
    const token = await signRs256({ alg: 'RS256', kid: 'k1' }, { sub: 'x', n: 1 }, key);
    const decoded = decodeJwt(token)!;
    expect(decoded.payload).toEqual({ sub: 'x', n: 1 });
    const publicKey = publicKeyFromJwk({ kty: jwk.kty, n: jwk.n, e: jwk.e });
    expect(verifyRs256(decoded, publicKey)).toBe(true);
    expect(verifyRs256({ ...decoded, header: { ...decoded.header, alg: 'none' } }, publicKey)).toBe(false);
  });

  it('refuses malformed and oversized tokens', () => {
    expect(decodeJwt('a.b')).toBeUndefined();
    expect(decodeJwt('!!.??.##')).toBeUndefined();
    expect(decodeJwt(`${'a'.repeat(20000)}.b.c`)).toBeUndefined();
  });
});
