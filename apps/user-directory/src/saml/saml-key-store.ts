import { Inject, Injectable } from '@nestjs/common';
import { KeyEncryption } from '@idfed/crypto';
import { currentCertificate, newSamlKeyPair, SamlKeyPair } from './saml-keys';
import { spEntityId } from './saml-protocol';
import { SamlRepository } from './saml.repository';

/**
 * A pool's SAML signing key (ADR 0059), made on first need (GetSigningCertificate, or the first
 * AuthnRequest or LogoutRequest that is signed) and kept: its certificate in the clear, its private
 * key sealed under the key-encryption key and bound to the pool, so a sealed key copied to another
 * pool's row does not open. The certificate answered and put in signatures is the newest of the key
 * (`currentCertificate`): a new one each year, as Cognito renews (ADR 0069).
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
    if (found) return found;
    const pair = await newSamlKeyPair(spEntityId(poolId));
    const sealed = this.encryption.seal(Buffer.from(pair.privateKey), SamlKeyStore.context(poolId));
    await this.saml.insertSigningKey(poolId, pair.certificate, sealed);
    const kept = await this.saml.findSigningKey(poolId);
    if (!kept) throw new Error(`the SAML signing key of ${poolId} was not kept`);
    return kept;
  }

  private open(poolId: string, row: { certificate: string; privateKeyEnc: Buffer }): SamlKeyPair {
    const privateKey = this.encryption.open(row.privateKeyEnc, SamlKeyStore.context(poolId)).toString('utf8');
    return {
      certificate: currentCertificate({ certificate: row.certificate, privateKey }, this.clock()),
      privateKey,
    };
  }

  /** The current certificate (base64 DER) an IdP verifies the pool's requests with; the pool must exist. */
  async signingCertificate(poolId: string): Promise<string> {
    return this.open(poolId, await this.stored(poolId)).certificate;
  }

  /** The key pair the pool's requests are signed with now (the key, its current certificate). */
  async signingKey(poolId: string): Promise<SamlKeyPair> {
    return this.open(poolId, await this.stored(poolId));
  }
}
