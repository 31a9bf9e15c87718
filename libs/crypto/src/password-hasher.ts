import { Algorithm, hash, verify } from '@node-rs/argon2';

// The binding declares Algorithm as a const enum, which isolated modules cannot read as a value.
const ARGON2ID: Algorithm.Argon2id = 2;

/**
 * argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane) unless configured higher.
 * In the user directory, since ADR 0006 no new password gets a hash: this checks the hashes of
 * users who have not signed in since, until their sign-in replaces the hash with a sealed verifier.
 * Credential vending hashes IAM users' console passwords with it (ADR 0084). The binding hashes on
 * its own threads, so the event loop stays free while a password is hashed.
 */
export class PasswordHasher {
  private readonly options;

  constructor(memoryKiB: number) {
    this.options = { algorithm: ARGON2ID, memoryCost: memoryKiB, timeCost: 2, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }
}
