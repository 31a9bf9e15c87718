import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 1;

/**
 * Seals secrets at rest (signing keys, client secrets) with AES-256-GCM under the key-encryption
 * key from configuration. The associated data binds a ciphertext to what it belongs to (a key id,
 * a client id), so a sealed value copied onto another row does not open.
 * Layout: version (1 byte) | iv (12) | tag (16) | ciphertext.
 */
export class KeyEncryption {
  constructor(private readonly kek: Buffer) {
    if (kek.length !== 32) throw new Error('the key-encryption key must be 32 bytes');
  }

  seal(plaintext: Buffer, associatedData: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.kek, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, associatedData: string): Buffer {
    if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('unsupported sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.kek, sealed.subarray(1, 13));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
  }
}

/**
 * A 32-byte key for one purpose, derived from the key-encryption key with HKDF-SHA256 and a label
 * naming that purpose: keys of different purposes are independent, and the key-encryption key
 * itself is never used for anything but what its label says.
 */
export function deriveKey(keyEncryptionKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keyEncryptionKey, Buffer.alloc(0), label, 32));
}
