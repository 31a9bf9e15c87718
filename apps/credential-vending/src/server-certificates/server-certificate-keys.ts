import { deriveKey, KeyEncryption } from '@idfed/crypto';

const LABEL = 'idfed/iam-server-certificate-key/v1';

/**
 * Seals server certificates' private keys at rest (ADR 0006, 0085): AES-256-GCM under a key derived
 * (HKDF) from the session-token master key, as IAM users' secret keys and MFA seeds are, with the
 * certificate's id as associated data (the id, not the ARN, which UpdateServerCertificate changes),
 * so a sealed key copied onto another certificate's row does not open. No operation answers it.
 */
export class ServerCertificateKeys {
  private readonly sealer: KeyEncryption;

  constructor(sessionTokenMasterKey: Buffer) {
    this.sealer = new KeyEncryption(deriveKey(sessionTokenMasterKey, LABEL));
  }

  seal(serverCertificateId: string, privateKeyPem: string): Buffer {
    return this.sealer.seal(Buffer.from(privateKeyPem, 'utf8'), serverCertificateId);
  }

  open(serverCertificateId: string, sealed: Buffer): string {
    return this.sealer.open(sealed, serverCertificateId).toString('utf8');
  }
}
