import { createHash, createPrivateKey, generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { deriveKey, KeyEncryption } from '@idfed/crypto';

const LABEL = 'idfed/outbound-web-identity-signing-key/v1';

/** The algorithms GetWebIdentityToken signs with (botocore: "RS256 ... and ES384"). */
export const SIGNING_ALGORITHMS = ['RS256', 'ES384'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export function isSigningAlgorithm(value: string): value is SigningAlgorithm {
  return (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

/** A signing key as stored: the public JWK in clear, the private key sealed. */
export interface StoredSigningKey {
  kid: string;
  algorithm: SigningAlgorithm;
  publicJwk: Record<string, string>;
  privateKeyEnc: Buffer;
  createdAt: Date;
  retiredAt: Date | null;
}

/**
 * The outbound issuer's signing keys (ADR 0086): made here (RSA 2048 for RS256, P-384 for ES384),
 * the private key sealed with AES-256-GCM under a key derived (HKDF) from the session-token master
 * key credential vending holds, the key id as associated data, so a sealed key copied onto another
 * row does not open. Opened keys are kept for the life of the process.
 */
export class OutboundSigningKeys {
  private readonly sealer: KeyEncryption;
  private readonly opened = new Map<string, KeyObject>();

  constructor(sessionTokenMasterKey: Buffer) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  generate(algorithm: SigningAlgorithm, now: Date): StoredSigningKey {
    const { publicKey, privateKey } =
      algorithm === 'RS256'
        ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
    // RFC 7638 thumbprint: the required members in lexicographic order.
    const members = algorithm === 'RS256' ? ['e', 'kty', 'n'] : ['crv', 'kty', 'x', 'y'];
    const kid = createHash('sha256')
      .update(JSON.stringify(Object.fromEntries(members.map((m) => [m, jwk[m]]))))
      .digest('base64url');
    const publicJwk: Record<string, string> = {
      ...Object.fromEntries(members.map((m) => [m, jwk[m]])),
      kid,
      alg: algorithm,
      use: 'sig',
    };
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    this.opened.set(kid, privateKey);
    return {
      kid,
      algorithm,
      publicJwk,
      privateKeyEnc: this.sealer.seal(der, kid),
      createdAt: now,
      retiredAt: null,
    };
  }

  /** A compact JWS of the claims, signed with the stored key (opened once per process). */
  signJwt(key: StoredSigningKey, claims: Record<string, unknown>): string {
    const header = { alg: key.algorithm, kid: key.kid, typ: 'JWT' };
    const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
    const privateKey = this.open(key);
    const signature =
      key.algorithm === 'RS256'
        ? sign('sha256', Buffer.from(input), privateKey)
        : sign('sha384', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  }

  private open(key: StoredSigningKey): KeyObject {
    let opened = this.opened.get(key.kid);
    if (!opened) {
      opened = createPrivateKey({
        key: this.sealer.open(key.privateKeyEnc, key.kid),
        format: 'der',
        type: 'pkcs8',
      });
      this.opened.set(key.kid, opened);
    }
    return opened;
  }
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
