import { deriveKey, KeyEncryption, PasswordHasher } from '@idfed/crypto';

const LABEL = 'idfed/iam-login-profile-password/v1';

/**
 * IAM users' console passwords at rest (ADR 0006, 0084): an argon2id hash (libs/crypto's
 * PasswordHasher), itself sealed (AES-256-GCM under an HKDF key of the session-token master key,
 * the user id as associated data), so a database dump holds nothing to guess against, and a sealed
 * hash copied onto another user does not open. The password itself is never stored.
 */
export class LoginPasswords {
  private readonly sealer: KeyEncryption;

  constructor(
    sessionTokenMasterKey: Buffer,
    private readonly hasher: PasswordHasher,
  ) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  async seal(userId: string, password: string): Promise<Buffer> {
    const hash = await this.hasher.hash(password);
    return this.sealer.seal(Buffer.from(hash, 'utf8'), userId);
  }

  async matches(userId: string, sealed: Buffer, password: string): Promise<boolean> {
    const hash = this.sealer.open(sealed, userId).toString('utf8');
    return this.hasher.verify(hash, password);
  }

  /** Whether the password is any of the sealed hashes (PasswordReusePrevention). */
  async matchesAny(userId: string, sealed: readonly Buffer[], password: string): Promise<boolean> {
    for (const s of sealed) if (await this.matches(userId, s, password)) return true;
    return false;
  }
}
