import { Inject, Injectable } from '@nestjs/common';
import { KeyEncryption } from '@idfed/crypto';
import { newSamlKeyPair, SamlKeyPair, selfSignedCertificate } from './saml-keys';
import { spEntityId } from './saml-protocol';
import { SamlRepository } from './saml.repository';

/** Cognito issues a pool a new SAML signing certificate every year (ADR 0069). */
export const SIGNING_KEY_RENEWAL_MS = 365 * 24 * 3600 * 1000;

/**
 * A pool's SAML signing key (ADR 0059, ADR 0069): made on first need (GetSigningCertificate, or the
 * first AuthnRequest or LogoutRequest that is signed), and a new certificate for it once the newest
 * is a year old, as Cognito renews (the key stays, so the public key does not change): the newest
 * certificate is what GetSigningCertificate answers; the older ones are kept, not withdrawn (each
 * stays valid for its ten years). Certificates in the
 * clear, private keys sealed under the key-encryption key and bound to the pool, so a sealed key
 * copied to another pool's row does not open.
 */
@Injectable()
export class SamlKeyStore {
  constructor(
    @Inject(SamlRepository) private readonly saml: SamlRepository,
    @Inject(KeyEncryption) private readonly encryption: KeyEncryption,
  ) {}

  /** The clock (tests move it on a year). */
  clock: () => Date = () => new Date();

  private static context(poolId: string): string {
    return `saml-signing-key:${poolId}`;
  }

  private async stored(poolId: string) {
    const found = await this.saml.findSigningKey(poolId);
    const now = this.clock();
    if (found && now.getTime() - found.createdAt.getTime() < SIGNING_KEY_RENEWAL_MS) return found;
    let certificate: string;
    let sealed: Buffer;
    if (found) {
      // A year on: a new certificate for the same key, as Cognito renews (its public key does not
      // change between certificates, so an IdP holding the old certificate still verifies).
      const privateKey = this.encryption
        .open(found.privateKeyEnc, SamlKeyStore.context(poolId))
        .toString('utf8');
      certificate = selfSignedCertificate(privateKey, spEntityId(poolId), now);
      sealed = found.privateKeyEnc;
    } else {
      const pair = await newSamlKeyPair(spEntityId(poolId), now);
      certificate = pair.certificate;
      sealed = this.encryption.seal(Buffer.from(pair.privateKey), SamlKeyStore.context(poolId));
    }
    // Of racing renewals (or first uses) one row of the generation is kept; every racer reads it back.
    await this.saml.insertSigningKey(poolId, certificate, sealed, found ? found.generation + 1 : 0, now);
    const kept = await this.saml.findSigningKey(poolId);
    if (!kept) throw new Error(`the SAML signing key of ${poolId} was not kept`);
    return kept;
  }

  /** The current certificate (base64 DER) an IdP verifies the pool's requests with; the pool must exist. */
  async signingCertificate(poolId: string): Promise<string> {
    return (await this.stored(poolId)).certificate;
  }

  /** The key pair the pool's requests are signed with now. */
  async signingKey(poolId: string): Promise<SamlKeyPair> {
    const row = await this.stored(poolId);
    const privateKey = this.encryption.open(row.privateKeyEnc, SamlKeyStore.context(poolId)).toString('utf8');
    return { certificate: row.certificate, privateKey };
  }
}
