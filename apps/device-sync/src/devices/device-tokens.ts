import { createHmac } from 'node:crypto';
import { deriveKey, KeyEncryption } from '@idfed/crypto';
import { PushPlatform } from '../pools/push-platforms';

/**
 * Push tokens at rest: sealed with AES-256-GCM under the key-encryption key, bound to their device
 * id (a sealed token copied onto another device's row does not open), and digested with a key
 * derived from it so a token registered again finds its device (ADR 0006's way with secrets).
 */
export class DeviceTokens {
  private readonly sealing: KeyEncryption;
  private readonly digestKey: Buffer;

  constructor(keyEncryptionKey: Buffer) {
    this.sealing = new KeyEncryption(keyEncryptionKey);
    this.digestKey = deriveKey(keyEncryptionKey, 'idfed device-sync push token digest v1');
  }

  seal(token: string, deviceId: string): Buffer {
    return this.sealing.seal(Buffer.from(token, 'utf8'), `device-sync:device:${deviceId}`);
  }

  open(sealed: Buffer, deviceId: string): string {
    return this.sealing.open(sealed, `device-sync:device:${deviceId}`).toString('utf8');
  }

  digest(platform: PushPlatform, token: string): Buffer {
    return createHmac('sha256', this.digestKey).update(`${platform}\n${token}`).digest();
  }
}
