import { PasswordHasher } from '../auth/password-hasher';
import { createVerifier, srpPoolName } from '../auth/srp/srp';

/** What a user's password is stored as: never the password, never anything that signs in by itself. */
export interface StoredPassword {
  passwordHash: string;
  srpSalt: string;
  srpVerifier: string;
}

/**
 * Turns a new password into what the directory keeps: the argon2id hash for USER_PASSWORD_AUTH and
 * the SRP salt and verifier for USER_SRP_AUTH. Every path that sets a password goes through here,
 * so the two never disagree. The SRP identity is the stored username (the sub in pools that sign
 * in with email or phone), which is the USER_ID_FOR_SRP the clients hash.
 */
export class PasswordCredentials {
  constructor(private readonly hasher: PasswordHasher) {}

  async derive(userPoolId: string, username: string, password: string): Promise<StoredPassword> {
    const srp = createVerifier(srpPoolName(userPoolId), username, password);
    return { passwordHash: await this.hasher.hash(password), srpSalt: srp.salt, srpVerifier: srp.verifier };
  }

  /** Only the SRP part, for a user whose argon2 hash predates SRP support. */
  srpOnly(userPoolId: string, username: string, password: string): Omit<StoredPassword, 'passwordHash'> {
    const srp = createVerifier(srpPoolName(userPoolId), username, password);
    return { srpSalt: srp.salt, srpVerifier: srp.verifier };
  }
}
