import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { PasswordHasher } from '@idfed/crypto';
import { createVerifier, srpPoolName, verifierFor } from '../auth/srp/srp';
import { UserEntity } from '../database/entities';
import { VerifierSeal } from './secrets-at-rest';

/**
 * What a user's password is stored as: the SRP salt and the sealed SRP verifier. No argon2id hash
 * is written any more (ADR 0006): a verifier must exist for USER_SRP_AUTH, and once it is sealed a
 * hash beside it would be the only thing in a database dump worth guessing at.
 */
export interface StoredPassword {
  /** Always null for a password set now; a hash from before ADR 0006 is cleared at the next change. */
  passwordHash: null;
  srpSalt: string;
  srpVerifierEnc: Buffer;
}

/** The columns of a user that say what their password is. */
export type PasswordColumns = Pick<UserEntity, 'username' | 'passwordHash' | 'srpSalt' | 'srpVerifierEnc'>;

/**
 * Turns a new password into what the directory keeps, and checks a password against it. Every path
 * that sets or checks a password goes through here. The SRP identity is the stored username (the
 * sub in pools that sign in with email or phone), which is the USER_ID_FOR_SRP the clients hash.
 */
@Injectable()
export class PasswordCredentials {
  constructor(
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(VerifierSeal) private readonly verifiers: VerifierSeal,
  ) {}

  // Kept async: callers await it, and a slower derivation may come back behind the same signature.
  async derive(userPoolId: string, username: string, password: string): Promise<StoredPassword> {
    return Promise.resolve(this.srpOnly(userPoolId, username, password));
  }

  /** The stored form, computed on the calling thread: one modular exponentiation. */
  srpOnly(userPoolId: string, username: string, password: string): StoredPassword {
    const srp = createVerifier(srpPoolName(userPoolId), username, password);
    return {
      passwordHash: null,
      srpSalt: srp.salt,
      srpVerifierEnc: this.verifiers.seal(userPoolId, username, srp.verifier),
    };
  }

  /** Whether the user has a password at all. */
  hasPassword(user: PasswordColumns): boolean {
    return Boolean((user.srpSalt && user.srpVerifierEnc) || user.passwordHash);
  }

  /** The user's SRP verifier (padded hex), or undefined when they have none yet. */
  verifierOf(userPoolId: string, user: PasswordColumns): { salt: string; verifier: string } | undefined {
    if (!user.srpSalt || !user.srpVerifierEnc) return undefined;
    return {
      salt: user.srpSalt,
      verifier: this.verifiers.open(userPoolId, user.username, user.srpVerifierEnc),
    };
  }

  /**
   * USER_PASSWORD_AUTH, ChangePassword: the password recomputes the stored verifier. A user with
   * only an argon2id hash from before ADR 0006 is checked against that hash.
   */
  async verify(userPoolId: string, user: PasswordColumns, password: string): Promise<boolean> {
    const stored = this.verifierOf(userPoolId, user);
    if (stored) {
      const given = verifierFor(srpPoolName(userPoolId), user.username, password, stored.salt);
      return equalHex(given, stored.verifier);
    }
    return user.passwordHash ? this.hasher.verify(user.passwordHash, password) : false;
  }

  /**
   * What identifies the stored password, to tell whether it changed since it was read: a new
   * password is sealed with a fresh IV, so two stored forms never compare equal.
   */
  storedVersion(user: PasswordColumns): string | null {
    return user.srpVerifierEnc ? user.srpVerifierEnc.toString('base64') : user.passwordHash;
  }

  /** Whether a successful password check should replace a pre-ADR 0006 hash with a sealed verifier. */
  needsUpgrade(user: PasswordColumns): boolean {
    return !user.srpVerifierEnc;
  }

  /** The work of a verification for a user who does not exist, so that answer is no faster. */
  burnTime(userPoolId: string, username: string, password: string): void {
    const salt = randomBytes(16).toString('hex');
    this.verifiers.open(userPoolId, username, this.verifiers.seal(userPoolId, username, salt));
    verifierFor(srpPoolName(userPoolId), username, password, salt);
  }
}

function equalHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
