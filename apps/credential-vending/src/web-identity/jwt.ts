import { createPublicKey, KeyObject, verify } from 'node:crypto';

/**
 * The JWT subset AssumeRoleWithWebIdentity accepts: compact JWS signed with RSASSA-PKCS1-v1_5 or
 * ECDSA over SHA-256/384/512. No `none`, no HMAC (a shared secret proves nothing to a third party),
 * no `crit` extensions.
 */
export const SIGNING_ALGORITHMS = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256' },
  ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384' },
  ES512: { hash: 'sha512', kty: 'EC', crv: 'P-521' },
} as const;
export type SigningAlgorithm = keyof typeof SIGNING_ALGORITHMS;

export function isSigningAlgorithm(alg: unknown): alg is SigningAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(SIGNING_ALGORITHMS, alg);
}

/** Sizes beyond any real ID token: a token is refused before its JSON is parsed. */
const MAX_HEADER_CHARS = 4096;
const MAX_PAYLOAD_CHARS = 16384;
const MIN_RSA_BITS = 2048;

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;

/** Splits and decodes a compact JWS, or undefined when it is not one. Verifies nothing. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p)) || !parts[0] || !parts[1] || !parts[2]) {
    return undefined;
  }
  if (parts[0].length > MAX_HEADER_CHARS || parts[1].length > MAX_PAYLOAD_CHARS) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return {
      header,
      payload,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2], 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** A JSON Web Key as served in a JWKS. */
export type Jwk = Record<string, unknown> & { kty?: unknown; kid?: unknown; alg?: unknown; use?: unknown };

/**
 * The public key a JWK describes, if it may verify `alg`: matching key type (and curve), `use` sig
 * or absent, `alg` equal or absent, RSA at least 2,048 bits. Undefined otherwise.
 */
export function verificationKey(jwk: Jwk, alg: SigningAlgorithm): KeyObject | undefined {
  const spec = SIGNING_ALGORITHMS[alg];
  if (jwk.kty !== spec.kty) return undefined;
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
  if (jwk.alg !== undefined && jwk.alg !== alg) return undefined;
  if ('crv' in spec && jwk.crv !== spec.crv) return undefined;
  if ('d' in jwk) return undefined; // a private key has no business in a published key set
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk as never, format: 'jwk' });
  } catch {
    return undefined;
  }
  if (spec.kty === 'RSA' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return undefined;
  return key;
}

export function verifyJwtSignature(jwt: DecodedJwt, alg: SigningAlgorithm, key: KeyObject): boolean {
  const spec = SIGNING_ALGORITHMS[alg];
  const data = Buffer.from(jwt.signingInput, 'ascii');
  try {
    return spec.kty === 'EC'
      ? verify(spec.hash, data, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature)
      : verify(spec.hash, data, key, jwt.signature);
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
