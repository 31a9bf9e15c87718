import { deriveKey, KeyEncryption } from '@idfed/crypto';

const LABEL = 'idfed/iam-virtual-mfa-seed/v1';

/**
 * Seals virtual MFA devices' seeds at rest (ADR 0006, 0072). A code can only be checked with the
 * seed itself, so it is sealed rather than digested: AES-256-GCM under a key derived (HKDF) from
 * the session-token master key, as IAM users' secret keys are, with the serial number as
 * associated data, so a sealed seed copied onto another device's row does not open.
 */
export class MfaSeeds {
  private readonly sealer: KeyEncryption;

  constructor(sessionTokenMasterKey: Buffer) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  seal(serialNumber: string, seed: Buffer): Buffer {
    return this.sealer.seal(seed, serialNumber);
  }

  open(serialNumber: string, sealed: Buffer): Buffer {
    return this.sealer.open(sealed, serialNumber);
  }
}
