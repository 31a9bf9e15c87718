import { createHmac, randomBytes } from 'node:crypto';
import { deriveKey } from '@idfed/crypto';

const LABEL = 'idfed/iam-service-specific-password/v1';

/**
 * Service-specific passwords (ADR 0006, 0085): 32 random bytes in base64 (44 characters),
 * answered by Create and Reset only; stored as an HMAC-SHA-256 under a key derived (HKDF) from the
 * session-token master key, bound to the credential's id, so the stored value neither gives the
 * password back nor matches another credential's.
 */
export class ServicePasswords {
  private readonly key: Buffer;

  constructor(sessionTokenMasterKey: Buffer) {
    this.key = deriveKey(sessionTokenMasterKey, LABEL);
  }

  generate(): string {
    return randomBytes(32).toString('base64');
  }

  digest(credentialId: string, password: string): Buffer {
    return createHmac('sha256', this.key).update(credentialId).update('\0').update(password).digest();
  }
}
