import { createPublicKey, KeyObject, verify, webcrypto } from 'node:crypto';

/** Minimal, strict JWT encoding for RS256: the only algorithm idfed signs with. */
export interface JwtHeader {
  alg: 'RS256';
  kid: string;
  typ?: 'JWT';
}

export function encodeSegment(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Signs through WebCrypto, whose RSA operations run on libuv's thread pool: signing is the
 * costliest step of issuing tokens, and this keeps it off the event loop and uses every core.
 */
export async function signRs256(
  header: JwtHeader,
  payload: object,
  key: webcrypto.CryptoKey,
): Promise<string> {
  const input = `${encodeSegment(header)}.${encodeSegment(payload)}`;
  const signature = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', key, Buffer.from(input));
  return `${input}.${Buffer.from(signature).toString('base64url')}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  if (token.length > 16384) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null)
      return undefined;
    return {
      header: header as Record<string, unknown>,
      payload: payload as Record<string, unknown>,
      signingInput: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2], 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** Verification is cheap (public exponent 65537), so it stays synchronous. */
export function verifyRs256(decoded: DecodedJwt, publicKey: KeyObject): boolean {
  return (
    decoded.header.alg === 'RS256' &&
    verify('RSA-SHA256', Buffer.from(decoded.signingInput), publicKey, decoded.signature)
  );
}

export function publicKeyFromJwk(jwk: Record<string, string>): KeyObject {
  return createPublicKey({ key: jwk, format: 'jwk' });
}
