import { createHmac, hkdfSync } from 'node:crypto';
import { KeyEncryption } from '@idfed/crypto';

/** What a sealed blob is for; part of the associated data, so one kind never opens as another. */
export type SealedKind =
  | 'srp-secret-block'
  | 'new-password-session'
  | 'mfa-session'
  | 'mfa-setup-session'
  | 'hosted-sign-up-session'
  | 'device-session'
  | 'device-secret-block'
  | 'webauthn-registration'
  | 'custom-auth-session';

export type Unsealed<T> = { ok: true; value: T } | { ok: false; reason: 'invalid' | 'expired' };

const MAX_BLOB_LENGTH = 4096;

/**
 * Stateless sign-in state: the SRP SECRET_BLOCK and the Session of a challenge carry what the next
 * step needs, sealed with AES-256-GCM under a key derived (HKDF) from the key-encryption key and
 * bound to their kind and app client. They expire, cannot be read or forged by the client, and any
 * replica with the same configuration can answer the next step: no server-side session table.
 */
export class AuthSessionSeal {
  private readonly aead: KeyEncryption;
  private readonly decoyKey: Buffer;

  constructor(
    keyEncryptionKey: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    const key = hkdfSync(
      'sha256',
      keyEncryptionKey,
      Buffer.alloc(0),
      'idfed user-directory auth sessions v1',
      32,
    );
    this.aead = new KeyEncryption(Buffer.from(key));
    this.decoyKey = Buffer.from(
      hkdfSync('sha256', keyEncryptionKey, Buffer.alloc(0), 'idfed user-directory decoys v1', 32),
    );
  }

  /**
   * Stable pseudo-random bytes for a label, unguessable without the key: the salt shown for a user
   * who does not exist looks like any other and stays the same from one attempt to the next.
   */
  decoy(label: string, length: number): Buffer {
    return createHmac('sha256', this.decoyKey).update(label).digest().subarray(0, length);
  }

  seal(kind: SealedKind, clientId: string, value: object, ttlSeconds: number): string {
    const body = Buffer.from(JSON.stringify({ v: value, exp: this.now() + ttlSeconds * 1000 }), 'utf8');
    return this.aead.seal(body, `${kind}\n${clientId}`).toString('base64');
  }

  open<T>(kind: SealedKind, clientId: string, blob: unknown): Unsealed<T> {
    if (typeof blob !== 'string' || blob.length === 0 || blob.length > MAX_BLOB_LENGTH) {
      return { ok: false, reason: 'invalid' };
    }
    let body: { v: T; exp: number };
    try {
      const raw = Buffer.from(blob, 'base64');
      body = JSON.parse(this.aead.open(raw, `${kind}\n${clientId}`).toString('utf8')) as typeof body;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    if (typeof body.exp !== 'number' || body.exp <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, value: body.v };
  }
}
