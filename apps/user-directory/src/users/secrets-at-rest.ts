import { createHash, createHmac } from 'node:crypto';
import { deriveKey, KeyEncryption } from '@idfed/crypto';

/**
 * What the directory stores in place of a secret a database dump could be guessed from (ADR 0006).
 * Both keys are derived from the key-encryption key, each under its own label.
 */

const VERIFIER_KEY_LABEL = 'idfed user-directory srp verifiers v1';
const CODE_KEY_LABEL = 'idfed user-directory code digests v1';

/**
 * Seals SRP verifiers (AES-256-GCM). A verifier in clear lets a dump's reader test a password guess
 * with one modular exponentiation; sealed, it gives nothing without the key. The associated data
 * is the SRP identity the verifier was computed for, so a sealed verifier copied onto another user
 * does not open.
 */
export class VerifierSeal {
  private readonly aead: KeyEncryption;

  constructor(keyEncryptionKey: Buffer) {
    this.aead = new KeyEncryption(deriveKey(keyEncryptionKey, VERIFIER_KEY_LABEL));
  }

  seal(userPoolId: string, userIdForSrp: string, verifierHex: string): Buffer {
    return this.aead.seal(Buffer.from(verifierHex, 'hex'), verifierOwner(userPoolId, userIdForSrp));
  }

  /** The verifier as padded hex; throws when the value was not sealed for this user under this key. */
  open(userPoolId: string, userIdForSrp: string, sealed: Buffer): string {
    return this.aead.open(sealed, verifierOwner(userPoolId, userIdForSrp)).toString('hex');
  }
}

function verifierOwner(userPoolId: string, userIdForSrp: string): string {
  return `srp-verifier\n${userPoolId}\n${userIdForSrp}`;
}

/** The unkeyed SHA-256 of a code, as stored before ADR 0006: the input the keyed digest wraps. */
export function plainCodeHash(userSub: string, code: string): string {
  return createHash('sha256').update(`${userSub}:${code}`).digest('hex');
}

/**
 * Digests of one-time codes, keyed: HMAC-SHA256 under a key derived from the key-encryption key,
 * over the SHA-256 the directory stored before. A six-digit code behind a plain hash falls to a
 * million guesses (a fraction of a second); behind the HMAC it cannot be tested without the key.
 * Wrapping the old hash rather than the code lets the migration re-key pending codes in place.
 */
export class CodeDigest {
  private readonly key: Buffer;

  constructor(keyEncryptionKey: Buffer) {
    this.key = deriveKey(keyEncryptionKey, CODE_KEY_LABEL);
  }

  digest(userSub: string, code: string): string {
    return this.rekey(plainCodeHash(userSub, code));
  }

  /** The keyed digest of a stored plain hash. */
  rekey(plainHash: string): string {
    return createHmac('sha256', this.key).update(plainHash).digest('hex');
  }
}

const TOTP_KEY_LABEL = 'idfed user-directory totp secrets v1';

/**
 * Seals software token (TOTP) secrets (AES-256-GCM, key derived from the key-encryption key). The
 * secret is the second factor itself: whoever reads it computes every code. The associated data
 * names the user, so a sealed secret copied onto another user's row does not open.
 */
export class TotpSecretSeal {
  private readonly aead: KeyEncryption;

  constructor(keyEncryptionKey: Buffer) {
    this.aead = new KeyEncryption(deriveKey(keyEncryptionKey, TOTP_KEY_LABEL));
  }

  seal(userSub: string, secret: Buffer): Buffer {
    return this.aead.seal(secret, `totp-secret\n${userSub}`);
  }

  /** Throws when the value was not sealed for this user under this key. */
  open(userSub: string, sealed: Buffer): Buffer {
    return this.aead.open(sealed, `totp-secret\n${userSub}`);
  }
}
