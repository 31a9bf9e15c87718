import { createPrivateKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { SigningAlgorithm, SIGNING_ALGORITHMS } from '../src/web-identity/jwt';

/** A signing key of a test identity provider, with its public JWK. */
export interface TestKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function testKey(alg: SigningAlgorithm, kid = `${alg.toLowerCase()}-key`, rsaBits = 2048): TestKey {
  const spec = SIGNING_ALGORITHMS[alg];
  const pair =
    spec.kty === 'RSA'
      ? generateKeyPairSync('rsa', { modulusLength: rsaBits })
      : generateKeyPairSync('ec', { namedCurve: spec.crv });
  return {
    kid,
    alg,
    privateKey: createPrivateKey(pair.privateKey.export({ format: 'pem', type: 'pkcs8' })),
    jwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' },
  };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWS over `claims`, as an identity provider would issue it. */
export function signJwt(key: TestKey, claims: object, header: object = {}): string {
  const input = `${b64({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })}.${b64(claims)}`;
  const spec = SIGNING_ALGORITHMS[key.alg];
  const signature =
    spec.kty === 'EC'
      ? sign(spec.hash, Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign(spec.hash, Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}
