import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { deriveKey, KeyEncryption } from '@idfed/crypto';
import { IamErrors } from '../common/iam-errors';
import { StoredSamlPrivateKey } from '../database/entities';

export type { StoredSamlPrivateKey };

const LABEL = 'idfed/iam-saml-provider-private-key/v1';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** IAM allows two private keys per SAML provider (one in use, one being rotated in). */
export const MAX_SAML_PRIVATE_KEYS = 2;

/**
 * Seals IAM SAML providers' private keys (ADR 0055): AES-256-GCM under a key derived (HKDF) from
 * the session-token master key credential vending already holds, the provider ARN and key id as
 * associated data, so a sealed key copied onto another provider or id does not open.
 */
export class SamlPrivateKeys {
  private readonly sealer: KeyEncryption;

  constructor(sessionTokenMasterKey: Buffer) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  /**
   * An RSA private key (PEM, unencrypted: xml-encryption's key transports are RSA) sealed for the
   * provider, with its id: 26 base-32 characters of the SHA-256 of its public key, so the same key
   * added twice has the same id. InvalidInput for anything else, without echoing it.
   */
  seal(providerArn: string, pem: string, now: Date): StoredSamlPrivateKey {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pem, format: 'pem' });
    } catch {
      throw IamErrors.invalidInput('The private key is not a valid unencrypted PEM private key.');
    }
    if (key.asymmetricKeyType !== 'rsa') throw IamErrors.invalidInput('The private key must be an RSA key.');
    const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const digest = createHash('sha256').update(spki).digest();
    const keyId = [...digest.subarray(0, 26)].map((b) => BASE32[b % 32]).join('');
    const normalized = key.export({ type: 'pkcs8', format: 'pem' }).toString();
    return {
      keyId,
      timestamp: now.toISOString(),
      sealed: this.sealer.seal(Buffer.from(normalized, 'utf8'), `${providerArn}#${keyId}`).toString('base64'),
    };
  }

  open(providerArn: string, stored: StoredSamlPrivateKey): string {
    return this.sealer
      .open(Buffer.from(stored.sealed, 'base64'), `${providerArn}#${stored.keyId}`)
      .toString('utf8');
  }
}
