import { randomBytes } from 'node:crypto';
import { deriveKey, KeyEncryption } from '@idfed/crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LABEL = 'idfed/iam-user-access-key-secret/v1';

/** `AKIA` + 16 base-32 characters: the shape of a long-term (IAM user) access key id. */
export const USER_ACCESS_KEY_ID = /^AKIA[A-Z2-7]{16}$/;

/** 80 random bits behind the prefix, as for temporary key ids. */
export function newUserAccessKeyId(): string {
  return `AKIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join('')}`;
}

/**
 * Seals an IAM user's secret access key at rest (ADR 0033). A signature can only be checked with
 * the secret itself, so it is sealed rather than digested: AES-256-GCM under a key derived (HKDF)
 * from the session-token master key, which credential vending and every gateway already hold, with
 * the access key id as associated data, so a sealed secret copied onto another key's row does not
 * open.
 */
export class UserAccessKeySealer {
  private readonly sealer: KeyEncryption;

  constructor(sessionTokenMasterKey: Buffer) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  seal(accessKeyId: string, secretAccessKey: string): Buffer {
    return this.sealer.seal(Buffer.from(secretAccessKey, 'utf8'), accessKeyId);
  }

  open(accessKeyId: string, sealed: Buffer): string {
    return this.sealer.open(sealed, accessKeyId).toString('utf8');
  }
}
