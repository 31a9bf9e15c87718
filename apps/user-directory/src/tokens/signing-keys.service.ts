import { Inject, Injectable } from '@nestjs/common';
import { createHash, generateKeyPair, KeyObject, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import { KeyEncryption, publicKeyFromJwk } from '@idfed/crypto';
import { Transaction } from '@idfed/persistence';
import { SigningKeysRepository } from './signing-keys.repository';

const generateRsa = promisify(generateKeyPair);

export interface ActiveSigningKey {
  kid: string;
  privateKey: webcrypto.CryptoKey;
}

/**
 * Per-pool RS256 keys. Private keys are stored sealed under the key-encryption key and opened once
 * per process; the opened CryptoKey and the public keys are cached, since every sign-in signs and
 * every token check verifies.
 */
@Injectable()
export class SigningKeysService {
  private readonly signing = new Map<string, ActiveSigningKey>();
  private readonly verifying = new Map<string, { poolId: string; key: KeyObject }>();

  constructor(
    @Inject(SigningKeysRepository) private readonly keys: SigningKeysRepository,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
  ) {}

  /** Creates the pool's first key inside the pool-creation transaction; returns its public JWK. */
  async createForPool(
    tx: Transaction,
    poolId: string,
  ): Promise<{ kid: string; publicJwk: Record<string, string> }> {
    const { publicKey, privateKey } = await generateRsa('rsa', { modulusLength: 2048 });
    const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
    // RFC 7638 thumbprint: a stable kid that says which key it is.
    const kid = createHash('sha256')
      .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
      .digest('base64url');
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    const publicJwk = { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', kid, use: 'sig' };
    await this.keys.insert(
      {
        kid,
        poolId,
        alg: 'RS256',
        publicJwk,
        privateKeyEnc: this.encryption.seal(pkcs8, kid),
        status: 'active',
        createdAt: new Date(),
      },
      tx,
    );
    return { kid, publicJwk };
  }

  async activeKey(poolId: string): Promise<ActiveSigningKey> {
    const cached = this.signing.get(poolId);
    if (cached) return cached;
    const row = await this.keys.findActive(poolId);
    if (!row) throw new Error(`user pool ${poolId} has no active signing key`);
    const der = this.encryption.open(row.privateKeyEnc, row.kid);
    const privateKey = await webcrypto.subtle.importKey(
      'pkcs8',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const key = { kid: row.kid, privateKey };
    this.signing.set(poolId, key);
    return key;
  }

  /** The public key for a kid, only if it belongs to the given pool. */
  async verificationKey(poolId: string, kid: string): Promise<KeyObject | undefined> {
    const cached = this.verifying.get(kid);
    if (cached) return cached.poolId === poolId ? cached.key : undefined;
    const row = await this.keys.findByKid(kid);
    if (!row || row.poolId !== poolId) return undefined;
    const key = publicKeyFromJwk(row.publicJwk);
    this.verifying.set(kid, { poolId, key });
    return key;
  }

  async jwks(poolId: string): Promise<Record<string, string>[]> {
    const rows = await this.keys.listForPool(poolId);
    return rows.map((r) => r.publicJwk);
  }

  forgetPool(poolId: string): void {
    this.signing.delete(poolId);
    for (const [kid, entry] of this.verifying) if (entry.poolId === poolId) this.verifying.delete(kid);
  }
}
