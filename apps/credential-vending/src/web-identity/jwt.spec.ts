import { generateKeyPairSync } from 'node:crypto';
import { signJwt, testKey } from '../../test/test-idp';
import { decodeJwt, isSigningAlgorithm, SigningAlgorithm, verificationKey, verifyJwtSignature } from './jwt';

describe('JWT signatures', () => {
  it.each<SigningAlgorithm>(['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'])('verifies %s', (alg) => {
    const key = testKey(alg);
    const jwt = decodeJwt(signJwt(key, { sub: 'x' }))!;
    const publicKey = verificationKey(key.jwk, alg)!;
    expect(verifyJwtSignature(jwt, alg, publicKey)).toBe(true);
    const tampered = decodeJwt(
      signJwt(key, { sub: 'x' }).replace(
        /\.[^.]+\./,
        `.${Buffer.from('{"sub":"y"}').toString('base64url')}.`,
      ),
    )!;
    expect(verifyJwtSignature(tampered, alg, publicKey)).toBe(false);
  });

  it.each(['none', 'HS256', 'PS256', 'EdDSA', undefined, 'constructor'])('refuses algorithm %p', (alg) => {
    expect(isSigningAlgorithm(alg)).toBe(false);
  });

  it('refuses keys that do not fit the algorithm', () => {
    const rsa = testKey('RS256');
    const ec = testKey('ES256');
    expect(verificationKey(rsa.jwk, 'ES256')).toBeUndefined();
    expect(verificationKey(ec.jwk, 'ES384')).toBeUndefined(); // wrong curve
    expect(verificationKey({ ...rsa.jwk, alg: 'RS512' }, 'RS256')).toBeUndefined();
    expect(verificationKey({ ...rsa.jwk, use: 'enc' }, 'RS256')).toBeUndefined();
    expect(verificationKey(rsa.jwk, 'RS384')).toBeUndefined(); // the JWK names RS256
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(verificationKey({ ...privateKey.export({ format: 'jwk' }), kid: 'p' }, 'RS256')).toBeUndefined();
  });

  it('refuses RSA keys under 2048 bits', () => {
    const weak = testKey('RS256', 'weak', 1024);
    expect(verificationKey(weak.jwk, 'RS256')).toBeUndefined();
  });

  it.each(['', 'a.b', 'a.b.c.d', 'e30.e30.', '!!.e30.sig', 'W10.e30.c2ln', `${'a'.repeat(5000)}.e30.c2ln`])(
    'does not decode %p',
    (token) => {
      expect(decodeJwt(token)).toBeUndefined();
    },
  );
});
